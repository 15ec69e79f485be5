import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from hc import *
X = [[1, 2, 0], [3, 1, 4], [0, 2, 1]]; K = [[2, -1], [1, 3]]; D = [[1, -1], [2, 0]]
def pad(A, p):
    w = len(A[0]) + 2*p
    return [[0]*w for _ in range(p)] + [[0]*p + r + [0]*p for r in A] + [[0]*w for _ in range(p)]
def corr(A, B, p=0):
    A = pad(A, p); kh, kw = len(B), len(B[0])
    return [[sum(A[i+u][j+v]*B[u][v] for u in range(kh) for v in range(kw)) for j in range(len(A[0])-kw+1)] for i in range(len(A)-kh+1)]
def cmp(name, M, printed):
    for i in range(len(printed)):
        for j in range(len(printed[0])): rep(f'{name}[{i+1},{j+1}]', mpf(M[i][j]), printed[i][j])
cmp('Y', corr(X, K), [['6', '17'], ['11', '3']])
cmp('dK', corr(X, D), [['5', '4'], ['2', '1']])
Krot = [r[::-1] for r in K[::-1]]; cmp('Krot', Krot, [['3', '1'], ['-1', '2']])
cmp('dX', corr(D, Krot, 1), [['2', '-3', '1'], ['5', '0', '-3'], ['2', '6', '0']])
dXdef = [[0]*3 for _ in range(3)]
for h in range(2):
    for w in range(2):
        for u in range(2):
            for v in range(2): dXdef[h+u][w+v] += D[h][w]*K[u][v]
print('dX by the definition sum_hw D[h,w] K[i-h,j-w]:', dXdef)
Z = [[1, 5, 2, 3], [4, 2, 8, 1], [3, 7, 4, 6], [0, 2, 9, 5]]
win = lambda a, b: [Z[2*a+u][2*b+v] for u in range(2) for v in range(2)]
P = [[max(win(a, b)) for b in range(2)] for a in range(2)]
cmp('P', P, [['5', '8'], ['7', '9']])
M = [[0]*4 for _ in range(4)]
for a in range(2):
    for b in range(2):
        w = win(a, b); k = w.index(max(w)); M[2*a + k//2][2*b + k % 2] = 1
cmp('M', M, [['0', '1', '0', '0'], ['0', '0', '1', '0'], ['0', '1', '0', '0'], ['0', '0', '1', '0']])
dP = [[10, -4], [3, 7]]; dZ = [[M[i][j]*dP[i//2][j//2] for j in range(4)] for i in range(4)]
cmp('dZ', dZ, [['0', '10', '0', '0'], ['0', '0', '-4', '0'], ['0', '3', '0', '0'], ['0', '0', '7', '0']])
x1 = [1, 5, 3]; y1 = [max(x1[0:2]), max(x1[1:3])]; cmp('Y1d', [y1], [['5', '5']])
dx1 = [0, 0, 0]
for w, d in zip(range(2), [4, 6]):
    seg = x1[w:w+2]; dx1[w + seg.index(max(seg))] += d
cmp('dX1d', [dx1], [['0', '10', '0']])
summary()
