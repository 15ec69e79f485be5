# Shared helper: DESIGN §5 verdicts for one stated cell.
# C: true value (mpf). s: stated text. L: None or (lo, hi) interval recomputed from stated operands
# (an operand matching its own true value stands for [printed, true]; one that does not, for its printed value).
# ops_ok: whether every operand the cell reads is itself ok.
from mpmath import mp, mpf
mp.dps = 60
def tol_of(s):
    s = s.strip()
    if '/' in s: return mpf(10) ** -40
    d = len(s.split('.')[1]) if '.' in s else 0
    return mpf(10) ** (-d) / 2 if '.' in s else mpf(10) ** -40  # integers: exact (slack only for binary mpf)
def val(s):
    if '/' in s:
        a, b = s.split('/'); return mpf(a) / mpf(b)
    return mpf(s)
def near(x, s):
    return abs(x - val(s)) <= tol_of(s)
def rng(C, s):
    """Range a stated operand stands for."""
    v = val(s)
    return (min(v, C), max(v, C)) if near(C, s) else (v, v)
def judge(C, s, L=None, ops_ok=True):
    v = val(s); t = tol_of(s)
    if abs(C - v) <= t: return 'ok'
    if L is not None:
        lo, hi = L
        dist = 0 if lo <= v <= hi else min(abs(v - lo), abs(v - hi))
        if dist <= t: return 'ok' if ops_ok else 'carried'
    return 'erratum'
counts = {}
maxw = mpf(0)
def rep(name, C, s, L=None, ops_ok=True):
    vd = judge(C, s, L, ops_ok)
    global maxw
    if L is not None and tol_of(s) > 0:
        maxw = max(maxw, (L[1]-L[0])/(2*tol_of(s)))
    counts[vd] = counts.get(vd, 0) + 1
    print(f"{name:14s} stated {s:>12s}  true {mp.nstr(C, 12):>18s}  -> {vd}")
    return vd
def summary():
    print('TOTAL', sum(counts.values()), counts, ' widest L range in last-digit units:', mp.nstr(maxw, 3))
# interval helpers for L
def add(*rs): return (sum(r[0] for r in rs), sum(r[1] for r in rs))
def mul(a, b):
    ps = [a[0]*b[0], a[0]*b[1], a[1]*b[0], a[1]*b[1]]; return (min(ps), max(ps))
def div(a, b):
    qs = [a[0]/b[0], a[0]/b[1], a[1]/b[0], a[1]/b[1]]; return (min(qs), max(qs))
def neg(a): return (-a[1], -a[0])
def const(x): x = mpf(x); return (x, x)
