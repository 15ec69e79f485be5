from mpmath import mp, mpf, exp, log
import sys; sys.path.insert(0, __import__('os').path.dirname(__file__)); from chk import report
mp.dps=60; F=mpf
sig=lambda z:1/(1+exp(-z))
x=[F(1),F(0)]; W1=[[F('0.1'),F('0.2')],[F('0.3'),F('0.4')]]; b1=[F('0.1')]*2; W2=[F('0.2'),F('0.3')]; b2=F('0.1'); y=F(1)
Wx=[W1[r][0]*x[0]+W1[r][1]*x[1] for r in range(2)]
z1=[Wx[r]+b1[r] for r in range(2)]; a1=[sig(z) for z in z1]
p=[W2[k]*a1[k] for k in range(2)]; z2=p[0]+p[1]+b2; yh=sig(z2)
L=-(y*log(yh)+(1-y)*log(1-yh)); d2=yh-y
dW2=[d2*a for a in a1]; d1=[d2*W2[k]*a1[k]*(1-a1[k]) for k in range(2)]
report([('Wx1',Wx[0],'0.1'),('Wx2',Wx[1],'0.3'),('z1_1',z1[0],'0.2'),('z1_2',z1[1],'0.4'),('a1_1',a1[0],'0.55'),('a1_2',a1[1],'0.60'),
('p1',p[0],'0.11'),('p2',p[1],'0.18'),('z2',z2,'0.39'),('yhat',yh,'0.596'),('L',L,'0.517'),('d2',d2,'-0.404'),
('dW2_1',dW2[0],'-0.222'),('dW2_2',dW2[1],'-0.243'),('d1_1',d1[0],'-0.020'),('d1_2',d1[1],'-0.029')])
print('from printed: -0.404*0.60=',F('-0.404')*F('0.60'),' -log(0.596)=',-log(F('0.596')), ' sig(0.39)=',sig(F('0.39')))
print('-0.404*0.2*0.55*0.45=',F('-0.404')*F('0.2')*F('0.55')*F('0.45'),' -0.404*0.3*0.6*0.4=',F('-0.404')*F('0.3')*F('0.6')*F('0.4'))
