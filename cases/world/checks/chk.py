from mpmath import mp, mpf
from fractions import Fraction
mp.dps=60
def dec(s):
    s=s.strip(); d=len(s.split('.')[1]) if '.' in s else 0
    return mpf(s), d
def verdict(true, s):
    v,d=dec(s); tol=mpf(10)**(-d)/2
    err=abs(true-v)
    return ('ok' if err<=tol else 'WRONG'), err, tol
def report(rows):
    for name,true,s in rows:
        vd,err,tol=verdict(true,s)
        print(f"{name:22s} printed {s:>14s} true {mp.nstr(true,14):>20s}  {vd}  |diff|={mp.nstr(err,3)} (half-unit {mp.nstr(tol,2)})")
