import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from hc import *
from mpmath import sqrt, exp
r2 = sqrt(2); S = [1/r2, 2/r2, 3/r2, 3/r2]
for i, s in enumerate(['0.707107', '1.414214', '2.121320', '2.121320']): rep(f'S{i+1}', S[i], s)
m1 = S[1]; rep('m1', m1, '1.414214')
P1 = [exp(S[0]-m1), mpf(1)]; rep('P1_1', P1[0], '0.493069'); rep('P1_2', P1[1], '1.000000')
l1 = sum(P1); rep('l1', l1, '1.493069')
num1 = [2*P1[0], 2*P1[1]]; rep('num1_1', num1[0], '0.986138', L=mul(const(2), rng(P1[0], '0.493069'))); rep('num1_2', num1[1], '2.000000')
o1 = [x/l1 for x in num1]; rep('o1_1', o1[0], '0.660477'); rep('o1_2', o1[1], '1.339523')
m2 = S[2]; rep('m2', m2, '2.121320'); rep('P2_1', mpf(1), '1.000000'); rep('P2_2', mpf(1), '1.000000')
l2 = mpf(2); rep('l2', l2, '2.000000'); o2 = [mpf(2), mpf('0.5')]; rep('o2_1', o2[0], '2.000000'); rep('o2_2', o2[1], '0.500000')
mn = m2; rep('m_new', mn, '2.121320')
a1 = exp(m1-mn); rep('alpha1', a1, '0.493069'); rep('alpha2', mpf(1), '1.000000')
prod = a1*l1
rep('prod', prod, '0.736187', L=mul(rng(a1, '0.493069'), rng(l1, '1.493069')))
ln = prod + 2
rep('l_new', ln, '2.736187', L=add(rng(prod, '0.736187'), const(2)), ops_ok=False)
w1 = prod/ln; w2 = 2/ln
rep('w1', w1, '0.269056', L=div(rng(prod, '0.736187'), rng(ln, '2.736187')), ops_ok=False)
rep('w2', w2, '0.730944', L=div(const(2), rng(ln, '2.736187')), ops_ok=False)
rep('t1_1', w1*o1[0], '0.177705', L=mul(rng(w1, '0.269056'), rng(o1[0], '0.660477')), ops_ok=False)
rep('t1_2', w1*o1[1], '0.360407', L=mul(rng(w1, '0.269056'), rng(o1[1], '1.339523')), ops_ok=False)
rep('t2_1', w2*2, '1.461888', L=mul(rng(w2, '0.730944'), const(2)), ops_ok=False)
rep('t2_2', w2/2, '0.365472', L=mul(rng(w2, '0.730944'), const('0.5')), ops_ok=False)
t = [w1*o1[0], w1*o1[1], w2*2, w2/2]
rep('o_new1', t[0]+t[2], '1.639593', L=add(rng(t[0], '0.177705'), rng(t[2], '1.461888')), ops_ok=False)
rep('o_new2', t[1]+t[3], '0.725879', L=add(rng(t[1], '0.360407'), rng(t[3], '0.365472')), ops_ok=False)
d = [s - mn for s in S]
rep('d1', d[0], '-1.414213', L=add(rng(S[0], '0.707107'), neg(rng(mn, '2.121320'))))
rep('d2', d[1], '-0.707106', L=add(rng(S[1], '1.414214'), neg(rng(mn, '2.121320'))))
rep('d3', d[2], '0'); rep('d4', d[3], '0')
e = [exp(x) for x in d]
for i, s in enumerate(['0.243117', '0.493069', '1.0', '1.0']): rep(f'e{i+1}', e[i], s)
es = sum(e); rep('e_sum', es, '2.736186', L=add(rng(e[0], '0.243117'), rng(e[1], '0.493069'), const(2)))
A = [x/es for x in e]
for i, s in enumerate(['0.088852', '0.180203', '0.365472', '0.365472']): rep(f'A{i+1}', A[i], s)
V = [[2, 0], [0, 2], [1, 1], [3, 0]]
Ts = [['0.177704', '0.0'], ['0.0', '0.360406'], ['0.365472', '0.365472'], ['1.096416', '0.0']]
for i in range(4):
    for j in range(2):
        rep(f'T{i+1}{j+1}', V[i][j]*A[i], Ts[i][j], L=mul(const(V[i][j]), rng(A[i], ['0.088852', '0.180203', '0.365472', '0.365472'][i])))
T = [[V[i][j]*A[i] for j in range(2)] for i in range(4)]
for j, s in enumerate(['1.639592', '0.725878']):
    rep(f'o_full{j+1}', sum(T[i][j] for i in range(4)), s, L=add(*[rng(T[i][j], Ts[i][j]) for i in range(4)]))
summary()
