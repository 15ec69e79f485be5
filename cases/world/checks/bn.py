from mpmath import mp, mpf, sqrt
from fractions import Fraction as Fr
import sys; sys.path.insert(0, __import__('os').path.dirname(__file__)); from chk import report
mp.dps=60
x=[[1,2],[3,4],[5,6]]; N=3; eps=mpf('1e-5')
for j in range(2):
    col=[Fr(r[j]) for r in x]; mu=sum(col)/N; xmu=[c-mu for c in col]; var=sum(v*v for v in xmu)/N
    print('col',j,'mu',mu,'xmu',xmu,'var',var,'sum xmu',sum(xmu))
    inv=1/sqrt(mpf(var.numerator)/var.denominator+eps)
    xh=[mpf(v.numerator)/v.denominator*inv for v in xmu]
    report([('out r1',xh[0],'-1.2247'),('out r3',xh[2],'1.2247')])
    print('out r2 exact', xmu[1]*1, '; dgamma = inv*sum(xmu) =', sum(xmu), '(exactly 0); dbeta', N)
    dxh=[1]*3
    dvar=sum(dxh[i]*xh[i]/inv*(-0.5)*inv**3 for i in range(3))
    dmu=sum(-inv for i in range(3))+dvar*sum(-2*mpf(v.numerator)/v.denominator for v in xmu)/N
    dx=[dxh[i]*inv+dvar*2*mpf(xmu[i].numerator)/xmu[i].denominator/N+dmu/N for i in range(3)]
    print('dvar',dvar,'dmu',dmu,'dx',[mp.nstr(v,5) for v in dx])
print('without eps', -2/sqrt(mpf(8)/3))
