import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from hc import *
from mpmath import cos, sin, pi, mpf
th = mpf('0.5'); m, n = 1, 3
rep('angle_q', m*th, '0.500000'); rep('angle_k', n*th, '1.500000')
cq, sq = cos(m*th), sin(m*th); ck, sk = cos(n*th), sin(n*th)
rep('cos0.5', cq, '0.877583'); rep('sin0.5', sq, '0.479426'); rep('cos1.5', ck, '0.070737'); rep('sin1.5', sk, '0.997495')
qrot = [cq, sq]; krot = [-2*sk, 2*ck]
rep('qrot1', qrot[0], '0.877583', L=rng(cq, '0.877583')); rep('qrot2', qrot[1], '0.479426', L=rng(sq, '0.479426'))
rep('krot1', krot[0], '-1.994990', L=mul(const(-2), rng(sk, '0.997495'))); rep('krot2', krot[1], '0.141474', L=mul(const(2), rng(ck, '0.070737')))
p1 = qrot[0]*krot[0]; p2 = qrot[1]*krot[1]
rep('prod1', p1, '-1.750769', L=mul(rng(qrot[0], '0.877583'), rng(krot[0], '-1.994990')))
rep('prod2', p2, '0.067827', L=mul(rng(qrot[1], '0.479426'), rng(krot[1], '0.141474')))
rep('score', p1+p2, '-1.682942', L=add(rng(p1, '-1.750769'), rng(p2, '0.067827')))
d = (m-n)*th; rep('dtheta', d, '-1.000000')
rep('cos-1', cos(d), '0.540302'); rep('sin-1', sin(d), '-0.841471')
rep('sym', mpf(0), '0.0'); rep('skew', mpf(2), '2.0')
rel = 0*cos(d) + 2*sin(d)
rep('score_rel', rel, '-1.682942', L=add(mul(const(0), rng(cos(d), '0.540302')), mul(const(2), rng(sin(d), '-0.841471'))))
# grid (4 decimals)
for nm, v, s in (('g_cq', cq, '0.8776'), ('g_sq', sq, '0.4794'), ('g_ck', ck, '0.0707'), ('g_sk', sk, '0.9975'),
                 ('g_qrot1', qrot[0], '0.8776'), ('g_qrot2', qrot[1], '0.4794'), ('g_krot1', krot[0], '-1.9950'), ('g_krot2', krot[1], '0.1415'),
                 ('g_cd', cos(d), '0.5403'), ('g_sd', sin(d), '-0.8415')): rep(nm, v, s)
# Illustration 1: NTK base
s = mpf(4); a = mpf(64)/62
rep('ntk_alpha', a, '1.032258'); sa = s**a; rep('s^alpha', sa, '4.182937')
rep('b_new', 10000*sa, '41829.37', L=mul(const(10000), rng(sa, '4.182937')))
# Illustration 2: 4-D RoPE at t = 3, d = 4
th0 = mpf(1); th1 = mpf(10000)**(-mpf(1)/2)
rep('th0', th0, '1.0'); rep('th1', th1, '0.01'); rep('ang0', 3*th0, '3.0'); rep('ang1', 3*th1, '0.03')
c3, s3, c03, s03 = cos(3), sin(3), cos(mpf('0.03')), sin(mpf('0.03'))
for nm, v, st in (('cos3', c3, '-0.9900'), ('sin3', s3, '0.1411'), ('cos.03', c03, '0.9996'), ('sin.03', s03, '0.0300')): rep(nm, v, st)
C3, S3, C03, S03 = rng(c3, '-0.9900'), rng(s3, '0.1411'), rng(c03, '0.9996'), rng(s03, '0.0300')
q = [1, 0, 2, 1]
rep("2cos.03", 2*c03, '1.9992', L=mul(const(2), C03)); rep('2sin.03', 2*s03, '0.0600', L=mul(const(2), S03))
qp = [c3*1 - s3*0, s3*1 + c3*0, c03*2 - s03*1, s03*2 + c03*1]
rep("q'1", qp[0], '-0.9900', L=C3); rep("q'2", qp[1], '0.1411', L=S3)
rep("q'3", qp[2], '1.9692', L=add(mul(const(2), C03), neg(S03)))
rep("q'4", qp[3], '1.0596', L=add(mul(const(2), S03), C03))
# Illustration 3: theta = pi/6, m = 2, n = 5: both dot products -1.0
qr = [cos(2*pi/6), sin(2*pi/6)]; kr = [-sin(5*pi/6), cos(5*pi/6)]
rep('dot_abs', qr[0]*kr[0] + qr[1]*kr[1], '-1.0'); rep('dot_rel', 1*sin(-3*pi/6), '-1.0')
# Illustration 4: NTK to 8192, d = 128
e4 = mpf(128)/126; rep('exp4', e4, '1.015873'); s4 = 4**e4; rep('4^e', s4, '4.0898')
bn = 10000*s4; rep('b_new4', bn, '40898', L=mul(const(10000), rng(s4, '4.0898')), ops_ok=False)
t1 = mpf(10000)**(-mpf(1)/64); t2 = mpf(10000)**(-mpf(4)/128)
rep('lam0', 2*pi, '6.2832'); rep('th1_4', t1, '0.86596'); rep('lam1', 2*pi/t1, '7.2557', L=div(const(2*pi), rng(t1, '0.86596')))
rep('th2_4', t2, '0.74989'); rep('lam2', 2*pi/t2, '8.3788', L=div(const(2*pi), rng(t2, '0.74989')))
# after scaling, b' = 40898 as printed (the page's input to this step)
B = bn; u1 = B**(-mpf(2)/128); u2 = B**(-mpf(4)/128)   # true values from the true b'
Bs = rng(bn, '40898')  # the printed b' (an erratum/carried cell stands for its printed value)
Lu1 = (Bs[0]**(-mpf(2)/128), Bs[1]**(-mpf(2)/128)); Lu2 = (Bs[0]**(-mpf(4)/128), Bs[1]**(-mpf(4)/128))
rep('lam0p', 2*pi, '6.2832'); rep('th1p', u1, '0.84365', L=Lu1, ops_ok=False); rep('lam1p', 2*pi/u1, '7.4476', L=div(const(2*pi), rng(u1, '0.84365')), ops_ok=False)
rep('th2p', u2, '0.71174', L=Lu2, ops_ok=False); rep('lam2p', 2*pi/u2, '8.8279', L=div(const(2*pi), rng(u2, '0.71174')), ops_ok=False)
print('2pi/0.84365 =', mp.nstr(2*pi/mpf('0.84365'), 10), ' 2pi/0.71174 =', mp.nstr(2*pi/mpf('0.71174'), 10))
print("with the exact b' = 10000*4^(128/126) instead:", mp.nstr((10000*s4)**(-mpf(2)/128), 10), mp.nstr((10000*s4)**(-mpf(4)/128), 10))
summary()
# the printed rotation matrices (R1, R3, the 4x4 R_3) and theta_0 = 1.0 before/after
for nm, v, st in (('R1_11', cq, '0.877583'), ('R1_12', -sq, '-0.479426'), ('R1_21', sq, '0.479426'), ('R1_22', cq, '0.877583'),
                  ('R3_11', ck, '0.070737'), ('R3_12', -sk, '-0.997495'), ('R3_21', sk, '0.997495'), ('R3_22', ck, '0.070737')): rep(nm, v, st)
R4 = [[c3, -s3, 0, 0], [s3, c3, 0, 0], [0, 0, c03, -s03], [0, 0, s03, c03]]
R4s = [['-0.9900', '-0.1411', '0', '0'], ['0.1411', '-0.9900', '0', '0'], ['0', '0', '0.9996', '-0.0300'], ['0', '0', '0.0300', '0.9996']]
for i in range(4):
    for j in range(4): rep(f'R4_{i+1}{j+1}', mpf(R4[i][j]), R4s[i][j])
rep('th0_before', mpf(1), '1.0'); rep('th0_after', mpf(1), '1.0')
summary()
