# Independent check of cases/world/gaussian-naive-bayes-child-adult-qa.yaml (fractions/mpmath, no handcheck).
# Per-class means and population variances (divided by n, as the question does) of height and weight,
# the Gaussian densities of the new point [58, 54], and their product per class.
# A printed number m x 10^e with d decimals in m matches within half a unit of its last digit,
# 0.5 * 10^(e - d) (DESIGN section 4); integers must be equal.
from mpmath import mp, mpf, exp, sqrt, pi
from fractions import Fraction as F
import re
mp.dps = 60
def tol(s):
    mant, _, ex = s.lower().partition('e')
    if '.' not in mant and not ex: return mpf(0)
    d = len(mant.split('.')[1]) if '.' in mant else 0
    return mpf(10) ** (int(ex or 0) - d) / 2
counts = {}
def rep(name, C, s):
    ok = abs(C - mpf(s)) <= tol(s)
    v = 'ok' if ok else 'erratum'; counts[v] = counts.get(v, 0) + 1
    print(f'{name:22s} stated {s:>16s}  true {mp.nstr(C, 14):>22s} -> {v}')
    return ok
child = {'H': [65, 62, 54, 59, 52], 'W': [50, 49, 47, 58, 52]}
adult = {'H': [130, 124, 169, 169], 'W': [78, 79, 76, 79]}
def m(fr): return mpf(fr.numerator) / fr.denominator
def mean(v): return F(sum(v), len(v))
def var(v): mu = mean(v); return sum((x - mu) ** 2 for x in v) / len(v)
new = {'H': 58, 'W': 54}
stated_mean = {('C', 'H'): '58.4', ('C', 'W'): '51.2', ('A', 'H'): '148', ('A', 'W'): '78'}
stated_var = {('C', 'H'): '23.44', ('C', 'W'): '14.16', ('A', 'H'): '445.5', ('A', 'W'): '1.5'}
stated_g = {('C', 'H'): '0.08212001659', ('C', 'W'): '0.08038037412', ('A', 'H'): '2.129877168e-6', ('A', 'W'): '1.343766812e-84'}
stated_p = {'C': '6.600837656e-3', 'A': '2.862058252e-90'}
g = {}
for cls, data in (('C', child), ('A', adult)):
    for f in ('H', 'W'):
        mu, v = mean(data[f]), var(data[f])
        rep(f'mean {cls},{f}', m(mu), stated_mean[(cls, f)]); rep(f'var {cls},{f}', m(v), stated_var[(cls, f)])
        g[(cls, f)] = exp(-(new[f] - m(mu)) ** 2 / (2 * m(v))) / sqrt(2 * pi * m(v))
for k in g: rep(f'gauss {k[0]},{k[1]}', g[k], stated_g[k])
for cls in ('C', 'A'):
    rep(f'product {cls}', g[(cls, 'H')] * g[(cls, 'W')], stated_p[cls])
    pp = mpf(stated_g[(cls, 'H')]) * mpf(stated_g[(cls, 'W')])
    print(f'   product of the printed factors: {mp.nstr(pp, 14)}')
print('sample variances (n-1), for comparison:', {(c, f): str(F(sum((x - mean(d[f])) ** 2 for x in d[f]), len(d[f]) - 1)) for c, d in (('C', child), ('A', adult)) for f in 'HW'})
print('TOTAL', sum(counts.values()), counts)
