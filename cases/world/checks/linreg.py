# Independent check of cases/world/linear-regression-least-squares-forum.yaml (fractions/mpmath, no handcheck).
# Least-squares line through (3,4), (4,5), (5,6), (6,10), (8,15): sums, means, sums of squares,
# sample standard deviations, r, slope b = r SDy / SDx and intercept a = Ybar - b Xbar.
# Verdicts per DESIGN section 5 through hc.py: each cell against the truth; b and a also against L,
# recomputed from their stated operands (each standing for [printed, true] when it matches).
import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from hc import rep, summary, rng, judge, mul, div, add, neg, const, mp, mpf
from mpmath import sqrt
from fractions import Fraction as F
X = [3, 4, 5, 6, 8]; Y = [4, 5, 6, 10, 15]; n = 5
def m(fr): return mpf(fr.numerator) / fr.denominator
sx, sy = sum(X), sum(Y); xb, yb = F(sx, n), F(sy, n)
Sxx = sum((x - xb) ** 2 for x in X); Syy = sum((y - yb) ** 2 for y in Y); Sxy = sum((x - xb) * (y - yb) for x, y in zip(X, Y))
rep('sum X', m(F(sx)), '26'); rep('Xbar', m(xb), '5.2'); rep('sum Y', m(F(sy)), '40'); rep('Ybar', m(yb), '8')
rep('Sxx', m(Sxx), '14.8'); rep('Syy', m(Syy), '82'); rep('Sxy', m(Sxy), '34')
SDx = sqrt(m(Sxx) / (n - 1)); SDy = sqrt(m(Syy) / (n - 1)); r = m(Sxy) / (sqrt(m(Sxx)) * sqrt(m(Syy)))
rep('SDx', SDx, '1.92353840617'); rep('SDy', SDy, '4.52769256907'); rep('r', r, '0.97598048329')
b = r * SDy / SDx; a = m(yb) - b * m(xb)
print('b exactly', Sxy / Sxx, ' a exactly', yb - Sxy / Sxx * xb)
Lb = div(mul(rng(r, '0.97598048329'), rng(SDy, '4.52769256907')), rng(SDx, '1.92353840617'))
rep('b', b, '2.29729729730', Lb)
La = add(rng(m(yb), '8'), neg(mul(rng(b, '2.29729729730'), rng(m(xb), '5.2'))))
print('  L(a) from stated b, Xbar, Ybar:', mp.nstr(La[0], 15), '..', mp.nstr(La[1], 15))
rep('a', a, '-3.94594594597', La)
# Where the printed intercept comes from: b recomputed from the printed (rounded) r, SDy and SDx,
# unrounded, then 8 - 5.2 b.
bp = mpf('0.97598048329') * mpf('4.52769256907') / mpf('1.92353840617')
print('  b from the printed r, SDy, SDx, unrounded:', mp.nstr(bp, 15), ' 8 - 5.2 b =', mp.nstr(8 - mpf('5.2') * bp, 15))
print('  8 - 2.29729729730 * 5.2 as written =', mp.nstr(8 - mpf('2.29729729730') * mpf('5.2'), 15))
summary()
