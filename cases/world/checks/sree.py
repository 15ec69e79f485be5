from mpmath import mp, mpf, exp
import sys; sys.path.insert(0, __import__('os').path.dirname(__file__)); from chk import report
mp.dps=60; F=mpf
x=F(1); w1=F('0.5'); w2=F('0.5'); y=F(0); eta=F('0.1')
z1=x*w1; a1=max(z1,0); z2=a1*w2; a2=1/(1+exp(-z2))
dLda2=-(y/a2)+(1-y)/(1-a2); om=1-a2; da2dz2=a2*om; dLdz2=dLda2*da2dz2
dLdw2=dLdz2*a1; dLda1=dLdz2*w2; da1dz1=F(1); dLdz1=dLda1*da1dz1; dLdw1=dLdz1*x
report([('z1',z1,'0.5'),('a1',a1,'0.5'),('z2',z2,'0.25'),('a2',a2,'0.562'),('dL_da2',dLda2,'0.562'),('1-a2',om,'0.438'),
('da2_dz2',da2dz2,'0.246'),('dL_dz2',dLdz2,'0.138'),('dL_dw2',dLdw2,'0.069'),('dL_da1',dLda1,'0.069'),('da1_dz1',da1dz1,'1'),
('dL_dz1',dLdz1,'0.069'),('dL_dw1',dLdw1,'0.069'),('w2_new',w2-eta*dLdw2,'0.4931'),('w1_new',w1-eta*dLdw1,'0.4931')])
print('carried checks: 0.562*0.246=',F('0.562')*F('0.246'),' 0.562*[0.246,',a2*om,']=',F('0.562')*a2*om,' 0.138*0.5=',F('0.138')*F('0.5'),' 0.5-0.1*0.069=',F('0.5')-F('0.1')*F('0.069'))
