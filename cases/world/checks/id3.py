# Independent check of cases/world/decision-tree-id3-gain-mitchell-slides.yaml (mpmath, no handcheck).
# Entropy in bits of class counts; information gains; verdicts per DESIGN §5 through hc.py
# (L recomputed from the stated operands, each standing for [printed, true] when it matches).
import sys, os; sys.path.insert(0, os.path.dirname(__file__))
from hc import rep, summary, rng, judge, mp, mpf
from mpmath import log
def H(*c):
    n = sum(c); return -sum(mpf(k) / n * log(mpf(k) / n, 2) for k in c if k)
def gain(parent_H, parts):                     # parts: list of (count, H)
    n = sum(k for k, _ in parts); return parent_H - sum(mpf(k) / n * h for k, h in parts)
def Lgain(parent_rng, parts):                  # parts: list of (count, range); gain is monotone in each operand
    n = sum(k for k, _ in parts)
    lo = parent_rng[0] - sum(mpf(k) / n * r[1] for k, r in parts)
    hi = parent_rng[1] - sum(mpf(k) / n * r[0] for k, r in parts)
    return (lo, hi)
def ok_all(*pairs): return all(judge(C, s) == 'ok' for C, s in pairs)
# Root: S = [9+, 5-]; Humidity High [3+,4-], Normal [6+,1-]; Wind Weak [6+,2-], Strong [3+,3-]
HS = H(9, 5); Hh, Hn = H(3, 4), H(6, 1); Hw, Hs = H(6, 2), H(3, 3)
rep('H(S)', HS, '0.940'); rep('H(high)', Hh, '0.985'); rep('H(normal)', Hn, '0.592')
rep('H(weak)', Hw, '0.811'); rep('H(strong)', Hs, '1.00')
G = gain(HS, [(7, Hh), (7, Hn)])
rep('Gain(S,Humidity)', G, '.151', Lgain(rng(HS, '0.940'), [(7, rng(Hh, '0.985')), (7, rng(Hn, '0.592'))]),
    ok_all((HS, '0.940'), (Hh, '0.985'), (Hn, '0.592')))
G = gain(HS, [(8, Hw), (6, Hs)])
rep('Gain(S,Wind)', G, '.048', Lgain(rng(HS, '0.940'), [(8, rng(Hw, '0.811')), (6, rng(Hs, '1.00'))]),
    ok_all((HS, '0.940'), (Hw, '0.811'), (Hs, '1.00')))
# Sunny branch: S_sunny = [2+, 3-]
Hsun = H(2, 3); rep('H(S_sunny)', Hsun, '.970')
sub = [('hum high [0+,3-]', H(0, 3), '0.0'), ('hum normal [2+,0-]', H(2, 0), '0.0'),
       ('temp hot [0+,2-]', H(0, 2), '0.0'), ('temp mild [1+,1-]', H(1, 1), '1.0'), ('temp cool [1+,0-]', H(1, 0), '0.0'),
       ('wind weak [1+,2-]', H(1, 2), '.918'), ('wind strong [1+,1-]', H(1, 1), '1.0')]
for name, C, s in sub: rep(name, C, s)
R = {name: rng(C, s) for name, C, s in sub}; Hsun_r = rng(Hsun, '.970'); sun_ok = judge(Hsun, '.970') == 'ok'
rep('Gain(Ssun,Humidity)', gain(Hsun, [(3, H(0, 3)), (2, H(2, 0))]), '.970',
    Lgain(Hsun_r, [(3, R['hum high [0+,3-]']), (2, R['hum normal [2+,0-]'])]), sun_ok)
rep('Gain(Ssun,Temp)', gain(Hsun, [(2, H(0, 2)), (2, H(1, 1)), (1, H(1, 0))]), '.570',
    Lgain(Hsun_r, [(2, R['temp hot [0+,2-]']), (2, R['temp mild [1+,1-]']), (1, R['temp cool [1+,0-]'])]), sun_ok)
rep('Gain(Ssun,Wind)', gain(Hsun, [(3, H(1, 2)), (2, H(1, 1))]), '.019',
    Lgain(Hsun_r, [(3, R['wind weak [1+,2-]']), (2, R['wind strong [1+,1-]'])]), sun_ok)
# Downstream of the erratum H(S_sunny): do the sunny gains fit the printed .970 (bad) or the true value (good)?
for name, parts, s in [('hum', [(3, R['hum high [0+,3-]']), (2, R['hum normal [2+,0-]'])], '.970'),
                       ('temp', [(2, R['temp hot [0+,2-]']), (2, R['temp mild [1+,1-]']), (1, R['temp cool [1+,0-]'])], '.570'),
                       ('wind', [(3, R['wind weak [1+,2-]']), (2, R['wind strong [1+,1-]'])], '.019')]:
    bad = Lgain((mpf('0.970'),) * 2, parts); good = Lgain((Hsun,) * 2, parts)
    print(f'  downstream {name}: bad side {mp.nstr(bad[0],8)}..{mp.nstr(bad[1],8)} good side {mp.nstr(good[0],8)}..{mp.nstr(good[1],8)} stated {s}')
print('Gain(S,Humidity) true to 6 places:', mp.nstr(gain(HS, [(7, Hh), (7, Hn)]), 6), '(rounds to .152; .151 follows from the rounded .940, .985, .592)')
summary()
