from mpmath import mp, mpf, exp, nstr
mp.dps=60
F=lambda s: mpf(s)
sig=lambda z: 1/(1+exp(-z))
i1,i2=F('0.05'),F('0.10')
w1,w2,w3,w4,b1=F('0.15'),F('0.20'),F('0.25'),F('0.30'),F('0.35')
w5,w6,w7,w8,b2=F('0.40'),F('0.45'),F('0.50'),F('0.55'),F('0.60')
t1,t2=F('0.01'),F('0.99'); eta=F('0.5')
def fwd(w1,w2,w3,w4,w5,w6,w7,w8):
    nh1=w1*i1+w2*i2+b1; nh2=w3*i1+w4*i2+b1
    h1=sig(nh1); h2=sig(nh2)
    no1=w5*h1+w6*h2+b2; no2=w7*h1+w8*h2+b2
    o1=sig(no1); o2=sig(no2)
    return nh1,nh2,h1,h2,no1,no2,o1,o2
nh1,nh2,h1,h2,no1,no2,o1,o2=fwd(w1,w2,w3,w4,w5,w6,w7,w8)
E1=(t1-o1)**2/2; E2=(t2-o2)**2/2
V={}
V['net_h1']=nh1;V['out_h1']=h1;V['out_h2']=h2;V['net_o1']=no1;V['out_o1']=o1;V['out_o2']=o2
V['E_o1']=E1;V['E_o2']=E2;V['E_total']=E1+E2
dEo1=o1-t1; dEo2=o2-t2
V['dE_dout_o1']=dEo1
do1=o1*(1-o1); do2=o2*(1-o2)
V['dout_dnet_o1']=do1
V['dnet_dw5']=h1
d1=dEo1*do1; d2=dEo2*do2
V['dE_dw5']=d1*h1
V['w5+']=w5-eta*d1*h1; V['w6+']=w6-eta*d1*h2; V['w7+']=w7-eta*d2*h1; V['w8+']=w8-eta*d2*h2
V['delta_o1']=d1
V['dEo1_douth1']=d1*w5
V['dEo2_douth1']=d2*w7
dh1=d1*w5+d2*w7; dh2=d1*w6+d2*w8
V['dE_douth1']=dh1
V['douth1_dneth1']=h1*(1-h1)
V['dE_dw1']=dh1*h1*(1-h1)*i1
g=lambda dh,h,i: dh*h*(1-h)*i
W1n=w1-eta*g(dh1,h1,i1); W2n=w2-eta*g(dh1,h1,i2); W3n=w3-eta*g(dh2,h2,i1); W4n=w4-eta*g(dh2,h2,i2)
V['w1+']=W1n;V['w2+']=W2n;V['w3+']=W3n;V['w4+']=W4n
r=fwd(W1n,W2n,W3n,W4n,V['w5+'],V['w6+'],V['w7+'],V['w8+'])
V['E_total_after']=(t1-r[6])**2/2+(t2-r[7])**2/2
for k,v in V.items(): print(k, nstr(v,15))
# extras
print('h1(1-h1) from printed 0.59326999:', nstr(F('0.59326999')*(1-F('0.59326999')),15))
print('0.036350306*0.241300709*0.05=', nstr(F('0.036350306')*F('0.241300709')*F('0.05'),15))
print('0.74136507*0.186815602=', nstr(F('0.74136507')*F('0.186815602'),15))
print('0.138498562*0.4=', nstr(F('0.138498562')*F('0.4'),15))
print('0.055399425-0.019049119=', nstr(F('0.055399425')-F('0.019049119'),15))
print('0.75136507*(1-0.75136507)', nstr(F('0.75136507')*(1-F('0.75136507')),15))
print('0.4*0.593269992+0.45*0.596884378+0.6', nstr(F('0.4')*F('0.593269992')+F('0.45')*F('0.596884378')+F('0.6'),15))
print('E_o1 from printed', nstr((F('0.01')-F('0.75136507'))**2/2,15))
print('0.4-0.5*0.082167041', nstr(F('0.4')-F('0.5')*F('0.082167041'),15))
print('0.15-0.5*0.000438568', nstr(F('0.15')-F('0.5')*F('0.000438568'),15))
print('sig(1.105905967)', nstr(sig(F('1.105905967')),15), 'sig(1.1059059067)', nstr(sig(F('1.1059059067')),15))
print('---variants')
o2p=F('0.772928465')
print('delta_o2 from printed o2', nstr((o2p-t2)*o2p*(1-o2p),15), ' *w7', nstr((o2p-t2)*o2p*(1-o2p)*w7,15))
print('true delta_o2', nstr(d2,15))
# variant a: hidden grads with updated w5..w8
w5n,w6n,w7n,w8n=V['w5+'],V['w6+'],V['w7+'],V['w8+']
dh1a=d1*w5n+d2*w7n; dh2a=d1*w6n+d2*w8n
W=[w1-eta*g(dh1a,h1,i1), w2-eta*g(dh1a,h1,i2), w3-eta*g(dh2a,h2,i1), w4-eta*g(dh2a,h2,i2)]
r=fwd(*W,w5n,w6n,w7n,w8n); print('variant a', nstr((t1-r[6])**2/2+(t2-r[7])**2/2,15))
# variant b: biases updated too
b1n=b1-eta*(g(dh1,h1,1)+g(dh2,h2,1)); b2n=b2-eta*(d1+d2)
def fwdb(w1,w2,w3,w4,w5,w6,w7,w8,b1,b2):
    h1=sig(w1*i1+w2*i2+b1); h2=sig(w3*i1+w4*i2+b1)
    return sig(w5*h1+w6*h2+b2), sig(w7*h1+w8*h2+b2)
o=fwdb(W1n,W2n,W3n,W4n,w5n,w6n,w7n,w8n,b1n,b2n); print('variant b', nstr((t1-o[0])**2/2+(t2-o[1])**2/2,15))
# variant c: using the printed rounded weights
P=[F(x) for x in ['0.149780716','0.19956143','0.24975114','0.29950229','0.35891648','0.408666186','0.511301270','0.561370121']]
o=fwdb(*P,b1,b2); print('variant c', nstr((t1-o[0])**2/2+(t2-o[1])**2/2,15))
# only output weights updated
o=fwdb(w1,w2,w3,w4,w5n,w6n,w7n,w8n,b1,b2); print('only output updated', nstr((t1-o[0])**2/2+(t2-o[1])**2/2,15))
import sys; sys.path.insert(0, __import__('os').path.dirname(__file__)); from chk import report
print('=== verdicts vs true')
report([('net_h1',nh1,'0.3775'),('out_h1',h1,'0.593269992'),('out_h2',h2,'0.596884378'),('net_o1',no1,'1.105905967'),
('net_o1_in_exp',no1,'1.1059059067'),('out_o1',o1,'0.75136507'),('out_o2',o2,'0.772928465'),('E_o1',E1,'0.274811083'),('E_o2',E2,'0.023560026'),
('E_total',E1+E2,'0.298371109'),('dE_dout_o1',dEo1,'0.74136507'),('dout_dnet_o1',do1,'0.186815602'),('dnet_dw5',h1,'0.593269992'),
('dE_dw5_chain',d1*h1,'0.000433568'),('dE_dw5_used',d1*h1,'0.082167041'),('delta_o1',d1,'0.138498562'),
('w5+',V['w5+'],'0.35891648'),('w6+',V['w6+'],'0.408666186'),('w7+',V['w7+'],'0.511301270'),('w8+',V['w8+'],'0.561370121'),
('dEo1_douth1',d1*w5,'0.055399425'),('dEo2_douth1',d2*w7,'-0.01904919'),('dEo2_in_sum',d2*w7,'-0.019049119'),('dE_douth1',dh1,'0.036350306'),
('out_h1_again',h1,'0.59326999'),('douth1_dneth1',h1*(1-h1),'0.241300709'),('dE_dw1',V['dE_dw1'],'0.000438568'),
('w1+',W1n,'0.149780716'),('w2+',W2n,'0.19956143'),('w3+',W3n,'0.24975114'),('w4+',W4n,'0.29950229'),('E_total_after',V['E_total_after'],'0.291027924')])
