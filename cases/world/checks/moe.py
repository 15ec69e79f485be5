import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from hc import *
from mpmath import exp
# Illustration 2: logits [2, 5, 1, 5], top-2 = the two 5s, softmax over them.
H2 = [2, 5, 1, 5]
rank = [sum(1 for j in range(4) if H2[j] > H2[i]) + sum(1 for j in range(i) if H2[j] == H2[i]) for i in range(4)]
mask2 = [1 if r < 2 else 0 for r in rank]; print('mask2', mask2)
E2 = [exp(H2[i]) * mask2[i] for i in range(4)]
rep('E2_2', E2[1], '148.413'); rep('E2_4', E2[3], '148.413')
s2 = sum(E2); rep('sum2', s2, '296.826', L=add(rng(E2[1], '148.413'), rng(E2[3], '148.413')))
G2 = [x / s2 for x in E2]
for i, s in enumerate(['0.0', '0.5', '0.0', '0.5']): rep(f'G2_{i+1}', G2[i], s)
# Illustration 4
x = [1, 2]; Wg = [[1, 0, -1], [0, 1, 1]]
h = [sum(x[k] * Wg[k][i] for k in range(2)) for i in range(3)]
for i, s in enumerate(['1.0', '2.0', '1.0']): rep(f'h{i+1}', mpf(h[i]), s)
rank = [sum(1 for j in range(3) if h[j] > h[i]) + sum(1 for j in range(i) if h[j] == h[i]) for i in range(3)]
mask = [1 if r < 2 else 0 for r in rank]; print('mask', mask, '(experts 0 and 1 in the page\'s 0-based names)')
E = [exp(h[i]) * mask[i] for i in range(3)]
rep('E1', E[0], '2.718282'); rep('E2', E[1], '7.389056')
s = sum(E); rep('sum', s, '10.107338', L=add(rng(E[0], '2.718282'), rng(E[1], '7.389056')))
G = [e / s for e in E]
for i, st in enumerate(['0.268941', '0.731059', '0.000000']): rep(f'G{i+1}', G[i], st)
y = [G[0] * 1 + G[1] * 0, G[0] * 0 + G[1] * 2]
rep('y1', y[0], '0.268941', L=rng(G[0], '0.268941'))
rep('y2', y[1], '1.462118', L=mul(const(2), rng(G[1], '0.731059')))
dG = [mpf(1), mpf(2)]; rep('dLdG1', dG[0], '1.000000'); rep('dLdG2', dG[1], '2.000000')
gbar = G[0] * dG[0] + G[1] * dG[1]
rep('gbar', gbar, '1.731059', L=add(rng(G[0], '0.268941'), mul(const(2), rng(G[1], '0.731059'))))
dh = [G[0] * (dG[0] - gbar), G[1] * (dG[1] - gbar), mpf(0)]
rep('dh1', dh[0], '-0.196612'); rep('dh2', dh[1], '0.196612'); rep('dh3', dh[2], '0.000000')
for r in range(2):
    for c in range(3):
        st = [['-0.196612', '0.196612', '0.000000'], ['-0.393224', '0.393224', '0.000000']][r][c]
        rep(f'dW{r+1}{c+1}', x[r] * dh[c], st, L=mul(const(x[r]), rng(dh[c], ['-0.196612', '0.196612', '0.000000'][c])))
summary()
