# Independent check of cases/world/gcn-propagation-stale-relu-notebook.yaml (exact fractions, no handcheck).
import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from fractions import Fraction as Fr
from hc import rep, summary, mpf
A = [[0, 1, 0, 1], [0, 0, 1, 1], [0, 0, 0, 1], [0, 0, 0, 0]]
X = [[i, -i] for i in range(4)]
W = [[1, -1], [-1, 1]]
def mm(P, Q): return [[sum(Fr(P[i][k]) * Q[k][j] for k in range(len(Q))) for j in range(len(Q[0]))] for i in range(len(P))]
I = [[int(i == j) for j in range(4)] for i in range(4)]
Ah = [[A[i][j] + I[i][j] for j in range(4)] for i in range(4)]
deg = [sum(Ah[i][j] for i in range(4)) for j in range(4)]       # np.sum(A_hat, axis=0): column sums
Dh = [[deg[i] if i == j else 0 for j in range(4)] for i in range(4)]
Dinv = [[Fr(1, deg[i]) if i == j else 0 for j in range(4)] for i in range(4)]
AX = mm(A, X); AhX = mm(Ah, X); DAX = mm(Dinv, AhX); DAXW = mm(DAX, W)
H = [[max(Fr(0), v) for v in r] for r in DAXW]
printed = {
 'AX':   [['4.', '-4.'], ['5.', '-5.'], ['3.', '-3.'], ['0.', '0.']],
 'AhX':  [['4.', '-4.'], ['6.', '-6.'], ['5.', '-5.'], ['3.', '-3.']],
 'Dh':   [['1.', '0.', '0.', '0.'], ['0.', '2.', '0.', '0.'], ['0.', '0.', '2.', '0.'], ['0.', '0.', '0.', '4.']],
 'DAX':  [['4.', '-4.'], ['3.', '-3.'], ['2.5', '-2.5'], ['0.75', '-0.75']],
 'DAXW': [['8.', None], ['6.', None], ['5.', None], ['1.5', None]],   # the notebook prints one column only
 'H':    [['0.', '0.'], ['1.', '0.'], ['2.', '0.'], ['3.', '0.']],
}
true = {'AX': AX, 'AhX': AhX, 'Dh': Dh, 'DAX': DAX, 'DAXW': DAXW, 'H': H}
for step in ('AX', 'AhX', 'Dh', 'DAX', 'DAXW'):
    for i, row in enumerate(printed[step]):
        for j, s in enumerate(row):
            if s is not None: rep(f'{step}[{i+1},{j+1}]', mpf(true[step][i][j].numerator) / true[step][i][j].denominator, s)
# H = relu(DAXW): L from the stated DAXW (column 1 stated and correct, so its range is the exact value;
# column 2 blank, so its correct value).
for i, row in enumerate(printed['H']):
    for j, s in enumerate(row):
        v = max(Fr(0), DAXW[i][j]); L = (mpf(v.numerator) / v.denominator,) * 2
        rep(f'H[{i+1},{j+1}]', mpf(H[i][j].numerator) / H[i][j].denominator, s, L, True)
print('relu(X) =', [[max(0, v) for v in r] for r in X], '  (what the printed H equals: the relu body reads the global X)')
print('DAXW full =', [[str(v) for v in r] for r in DAXW], '; with W = [[1], [-1]]:', [[str(v) for v in r] for r in mm(DAX, [[1], [-1]])])
print('row sums of A_hat (the usual GCN degree) =', [sum(r) for r in Ah], '; column sums (the notebook) =', deg)
summary()
