# Independent check of cases/world/multiclass-svm-hinge-softmax-blog.yaml (fractions + mpmath, no handcheck).
import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from fractions import Fraction as Fr
from hc import rep, summary, rng, mpf, mp
from mpmath import exp, log
q = lambda f: mpf(f.numerator) / f.denominator
# scores: rows = classes (cat, car, frog), columns = images (cat, car, frog image); correct class = the diagonal
S = [[Fr('3.2'), Fr('1.3'), Fr('2.2')], [Fr('5.1'), Fr('4.9'), Fr('2.5')], [Fr('-1.7'), Fr('2.0'), Fr('-3.1')]]
printed_margin = {(2, 1): '2.9', (3, 1): '-3.9', (1, 2): '-2.6', (3, 2): '-1.9', (1, 3): '6.3', (2, 3): '6.6'}
printed_hinge = {(2, 1): '2.9', (3, 1): '0', (1, 2): '0', (3, 2): '0', (1, 3): '6.3', (2, 3): '6.6'}
M = {(i, j): S[i-1][j-1] - S[j-1][j-1] + 1 for i in range(1, 4) for j in range(1, 4)}
Hg = {k: max(Fr(0), v) for k, v in M.items()}
for (i, j), s in printed_margin.items(): rep(f'margin[{i},{j}]', q(M[i, j]), s)
for (i, j), s in printed_hinge.items(): rep(f'hinge[{i},{j}]', q(Hg[i, j]), s)
L = [sum(Hg[i, j] for i in range(1, 4) if i != j) for j in range(1, 4)]
for j, s in enumerate(['2.9', '0', '12.9']): rep(f'L_{j+1}', q(L[j]), s)
rep('L mean', q(sum(L) / 3), '5.27')
# softmax of the cat image's scores, natural log
e = [exp(q(S[i][0])) for i in range(3)]; p = [v / sum(e) for v in e]
rep('p(cat | cat image)', p[0], '0.13')
lo, hi = rng(p[0], '0.13')
rep('softmax loss L_1', -log(p[0]), '0.89', (-log(hi), -log(lo)), True)
print('  -log10(0.13) =', mp.nstr(-log(mpf('0.13'), 10), 6), ' -ln(0.13) =', mp.nstr(-log(mpf('0.13')), 6),
      ' (0.89 is the base-10 logarithm; the page itself uses ln two lines later: log(10) ~ 2.3)')
rep('SVM loss at init (C=10)', mpf(10 - 1), '9')
rep('softmax loss at init log(10)', log(10), '2.3')
summary()
