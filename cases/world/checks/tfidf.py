# Independent check of cases/world/tfidf-mr-green-plant-book.yaml (mpmath/fractions, no handcheck).
# Corpus of Mining the Social Web (2nd ed.), Example 4-7: three documents of 19, 9 and 16 tokens
# (lower-cased, split on spaces). tf = count / length, idf = 1 + ln(N / df), tf-idf = tf * idf.
# Verdicts per DESIGN section 5 through hc.py; every stated cell is judged against the truth, and
# for a summed cell (Table 4-5) also against L, the sum recomputed from the stated summands.
import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from hc import rep, summary, rng, judge, add, mp, mpf
from mpmath import log
from fractions import Fraction as F
docs = ['a', 'b', 'c']; terms = ['mr.', 'green', 'the', 'plant']
texts = {'a': 'Mr. Green killed Colonel Mustard in the study with the candlestick. Mr. Green is not a very nice fellow.',
         'b': 'Professor Plum has a green plant in his study.',
         'c': "Miss Scarlett watered Professor Plum's green plant while he was away from his office last week."}
tok = {d: texts[d].lower().split() for d in docs}
print('lengths', {d: len(tok[d]) for d in docs})
cnt = {(d, t): tok[d].count(t) for d in docs for t in terms}
print('counts', cnt)
tf = {k: F(v, len(tok[k[0]])) for k, v in cnt.items()}
df = {t: sum(1 for d in docs if cnt[(d, t)] > 0) for t in terms}
idf = {t: 1 + log(mpf(3) / df[t]) for t in terms}
def m(fr): return mpf(fr.numerator) / fr.denominator
tfidf = {(d, t): m(tf[(d, t)]) * idf[t] for d in docs for t in terms}
# --- the program output printed on p. 179 (Python 2 str(float), 12 significant digits)
for d, s in zip(docs, ['0.220906556702', '0.0', '0.0']): rep(f'tfidf_py {d} mr.', tfidf[(d, 'mr.')], s)
for d, s in zip(docs, ['0.105263157895', '0.111111111111', '0.0625']): rep(f'tf_py {d} green', m(tf[(d, 'green')]), s)
rep('idf_py green', idf['green'], '1.0')
for d, s in zip(docs, ['0.105263157895', '0.111111111111', '0.0625']): rep(f'tfidf_py {d} green', tfidf[(d, 'green')], s)
for d, s in zip(docs, ['0.326169714597', '0.111111111111', '0.0625']):
    rep(f'score_py {d} mr.green', tfidf[(d, 'mr.')] + tfidf[(d, 'green')], s)
# --- Table 4-4: tf (4 decimals), idf, tf-idf
TF = [['0.1053', '0.1053', '0.1053', '0'], ['0', '0.1111', '0', '0.1111'], ['0', '0.0625', '0', '0.0625']]
for i, d in enumerate(docs):
    for j, t in enumerate(terms): rep(f'tf_tab {d} {t}', m(tf[(d, t)]), TF[i][j])
IDF = ['2.0986', '1.0', '2.099', '1.4055']
for j, t in enumerate(terms): rep(f'idf_tab {t}', idf[t], IDF[j])
TI = [['0.2209', '0.1053', '0.2209', '0'], ['0', '0.1111', '0', '0.1562'], ['0', '0.0625', '0', '0.0878']]
for i, d in enumerate(docs):
    for j, t in enumerate(terms): rep(f'tfidf_tab {d} {t}', tfidf[(d, t)], TI[i][j])
# --- Table 4-5: summed scores per query
Q = [['0.1053', '0.3262', '0.3262'], ['0.1111', '0.1111', '0.2673'], ['0.0625', '0.0625', '0.1503']]
queries = [('green', ['green']), ('mr. green', ['mr.', 'green']), ('the green plant', ['the', 'green', 'plant'])]
for i, d in enumerate(docs):
    for j, (qn, qt) in enumerate(queries):
        C = sum(tfidf[(d, t)] for t in qt)
        L = add(*[rng(tfidf[(d, t)], TI[i][terms.index(t)]) for t in qt])
        rep(f'Q {d} {qn}', C, Q[i][j], L)
# The printed products use the rounded factors: do they also hold as written?
for i, d in enumerate(docs):
    for j, t in enumerate(terms):
        p = mpf(TF[i][j]) * mpf(IDF[j])
        print(f'  as written {TF[i][j]}*{IDF[j]} = {mp.nstr(p, 8)}  printed {TI[i][j]}')
summary()
