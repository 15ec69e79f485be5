"""The hand pipeline of cases/self-attention-6-3.yaml in Python fractions, cell by cell, with
the cells each one reads: what bench/make-class carries forward and bench/grade-peer grades with.

Steps and their hand rules are those of the case file: Q = WQ X, K = WK X, V = WV X,
S = K^T Q, S_scaled = floor(S / 2), E = 3 ^ S_scaled, C = colsum(E), A = E / C, Z = V A.
"""
from fractions import Fraction
import math

X = [[1, 0, 1, 0], [0, 1, 1, 0], [1, 0, 0, 1], [0, 1, 0, 1], [1, 1, 0, 0], [0, 0, 1, 1]]
WQ = [[1, 0, 0, 1, 0, 0], [0, 0, 0, 1, 0, 1], [0, 1, 1, 1, 0, 0]]
WK = [[1, 0, 0, 0, 1, 0], [0, 0, 1, 0, 0, 1], [1, 1, 0, 0, 0, 0]]
WV = [[0, 1, 0, 0, 1, 1], [1, 0, 1, 0, 0, 0], [0, 0, 0, 1, 1, 0]]

STEPS = [("Q", 3, 4), ("K", 3, 4), ("V", 3, 4), ("S", 4, 4), ("S_scaled", 4, 4), ("E", 4, 4), ("C", 1, 4),
         ("A", 4, 4), ("Z", 3, 4)]
SHAPE = {name: (r, c) for name, r, c in STEPS}
# Z is printed to two decimals; every other step exactly.
DECIMALS = {"Z": 2}


def cells():
    """Every step cell (step, row, col), 0-based, in key order."""
    return [(s, r, c) for s, rows, cols in STEPS for r in range(rows) for c in range(cols)]


def reads(step, r, c):
    """The step cells a cell reads (inputs are always right and are left out)."""
    if step in ("Q", "K", "V"):
        return []
    if step == "S":
        return [("K", k, r) for k in range(3)] + [("Q", k, c) for k in range(3)]
    if step == "S_scaled":
        return [("S", r, c)]
    if step == "E":
        return [("S_scaled", r, c)]
    if step == "C":
        return [("E", i, c) for i in range(4)]
    if step == "A":
        return [("E", r, c), ("C", 0, c)]
    if step == "Z":
        return [("V", r, k) for k in range(4)] + [("A", k, c) for k in range(4)]
    raise KeyError(step)


def value(step, r, c, get):
    """The cell from the values of the cells it reads, get(step, r, c) -> Fraction."""
    if step in ("Q", "K", "V"):
        w = {"Q": WQ, "K": WK, "V": WV}[step]
        return Fraction(sum(w[r][k] * X[k][c] for k in range(6)))
    if step == "S":
        return sum((get("K", k, r) * get("Q", k, c) for k in range(3)), Fraction(0))
    if step == "S_scaled":
        return Fraction(math.floor(get("S", r, c) / 2))
    if step == "E":
        return Fraction(3) ** int(get("S_scaled", r, c))
    if step == "C":
        return sum((get("E", i, c) for i in range(4)), Fraction(0))
    if step == "A":
        return get("E", r, c) / get("C", 0, c)
    if step == "Z":
        return sum((get("V", r, k) * get("A", k, c) for k in range(4)), Fraction(0))
    raise KeyError(step)


def correct():
    out = {}
    for cell in cells():
        out[cell] = value(*cell, lambda *k: out[k])
    return out


def fixed(q, decimals):
    """q rounded half away from zero to `decimals` decimals, as text."""
    scaled = abs(q) * 10**decimals
    n = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)
    sign = "-" if q < 0 and n else ""
    text = str(n).rjust(decimals + 1, "0")
    return sign + (text[:-decimals] + "." + text[-decimals:] if decimals else text)


def printed(step, q):
    """A value as the worksheet prints it: two decimals for Z, else exact (p/q)."""
    if step in DECIMALS:
        return fixed(q, DECIMALS[step])
    return str(q.numerator) if q.denominator == 1 else f"{q.numerator}/{q.denominator}"
