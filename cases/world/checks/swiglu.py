import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from hc import *
from mpmath import sqrt, exp
x = [mpf(2), mpf(-1), mpf(3), mpf(-2)]; gam = [mpf(1), mpf('0.5'), mpf(2), mpf(1)]
sq = [v*v for v in x]
for i, s in enumerate(['4.0', '1.0', '9.0', '4.0']): rep(f'sq{i+1}', sq[i], s)
ss = sum(sq); rep('ss', ss, '18.0'); rep('ss_grid', ss, '18.0000')
ms = ss/4; rep('ms', ms, '4.500000')
rms = sqrt(ms); rep('rms', rms, '2.121320'); rep('rms_grid', rms, '2.121320')
xh = [v/rms for v in x]
R = rng(rms, '2.121320')
for i, s in enumerate(['0.942809', '-0.471405', '1.414214', '-0.942809']): rep(f'xhat{i+1}', xh[i], s, L=div(const(x[i]), R))
y = [xh[i]*gam[i] for i in range(4)]
XS = ['0.942809', '-0.471405', '1.414214', '-0.942809']
for i, s in enumerate(['0.942809', '-0.235702', '2.828427', '-0.942809']): rep(f'y{i+1}', y[i], s, L=mul(rng(xh[i], XS[i]), const(gam[i])))
# grid, 4 decimals (x / 2.1213 and xhat * gamma)
for i, s in enumerate(['0.9428', '-0.4714', '1.4142', '-0.9428']): rep(f'xhat4_{i+1}', xh[i], s)
for i, s in enumerate(['0.9428', '-0.2357', '2.8284', '-0.9428']): rep(f'y4_{i+1}', y[i], s)
# SwiGLU, row convention
z = [1, -2]; Wg = [[2, 0], [0, '0.5']]; Wu = [['0.5', 1], [-1, 2]]; Wd = [1, 2]
g = [sum(mpf(z[k])*mpf(Wg[k][j]) for k in range(2)) for j in range(2)]
u = [sum(mpf(z[k])*mpf(Wu[k][j]) for k in range(2)) for j in range(2)]
for j, s in enumerate(['2.000000', '-1.000000']): rep(f'g{j+1}', g[j], s)
for j, s in enumerate(['2.500000', '-3.000000']): rep(f'u{j+1}', u[j], s)
for j, s in enumerate(['2.0000', '-1.0000']): rep(f'g4_{j+1}', g[j], s)
for j, s in enumerate(['2.5000', '-3.0000']): rep(f'u4_{j+1}', u[j], s)
sig = [1/(1+exp(-v)) for v in g]
for j, s in enumerate(['0.880797', '0.268941']): rep(f'sig{j+1}', sig[j], s)
sw = [g[j]*sig[j] for j in range(2)]
SG = ['0.880797', '0.268941']
for j, s in enumerate(['1.761594', '-0.268941']): rep(f'sw{j+1}', sw[j], s, L=mul(const(g[j]), rng(sig[j], SG[j])))
for j, s in enumerate(['1.7616', '-0.2689']): rep(f'sw4_{j+1}', sw[j], s)
h = [sw[j]*u[j] for j in range(2)]
SW = ['1.761594', '-0.268941']
for j, s in enumerate(['4.403985', '0.806824']): rep(f'h{j+1}', h[j], s, L=mul(rng(sw[j], SW[j]), const(u[j])))
for j, s in enumerate(['4.4040', '0.8068']): rep(f'h4_{j+1}', h[j], s)
t = [h[j]*Wd[j] for j in range(2)]
HS = ['4.403985', '0.806824']
for j, s in enumerate(['4.403985', '1.613648']): rep(f'term{j+1}', t[j], s, L=mul(rng(h[j], HS[j]), const(Wd[j])))
out = sum(t)
rep('out', out, '6.017633', L=add(rng(t[0], '4.403985'), rng(t[1], '1.613648')))
summary()
