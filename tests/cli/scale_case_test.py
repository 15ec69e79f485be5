#!/usr/bin/env python3
"""bench/make-scale-case writes the case the benchmarks scale: check it against values worked
out independently (N = 16): X's first row, S[1,1], and the sum of Z in both pipelines. The text
report of the case lists at most 100 cells of a step and prints a fraction too long to read
by its first digits.
usage: scale_case_test.py HANDCHECK SOURCE_DIR
"""
import json
import pathlib
import subprocess
import sys
import tempfile
from fractions import Fraction


def digits(q, n):
    """A positive fraction rounded to n decimals (half up), as text."""
    scaled = q * 10**n
    units = scaled.numerator // scaled.denominator + (1 if scaled - scaled.numerator // scaled.denominator >= Fraction(1, 2) else 0)
    text = str(units)
    return text[:-n] + "." + text[-n:]


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2])
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        case = pathlib.Path(tmp) / "scale-16.yaml"
        subprocess.run([sys.executable, str(root / "bench" / "make-scale-case"), "16", "-o", str(case)], check=True)
        r = subprocess.run([binary, "key", "--format", "json", "--digits", "30", str(case)], capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            print(f"key: exit {r.returncode}: {r.stderr}")
            sys.exit(1)
        steps = {s["name"]: s for s in json.loads(r.stdout)["steps"]}
        report = subprocess.run([binary, "check", str(case)], capture_output=True, text=True, timeout=300).stdout
    lines = report.splitlines()
    listed = [line for line in lines if line.strip().startswith("A[")]
    if len(listed) != 100 or "      … 156 more cells: `handcheck key` lists every value" not in lines:
        problems.append(f"the values of A list {len(listed)} cells, expected 100 and a line for 156 more")
    total = [line.split()[1] for line in lines if line.strip().startswith("total[1,1]")]
    if total != ["2003.63092489908238562190648952…"]:
        problems.append(f"the total prints as {total}, expected its first 30 digits and …")
    x = steps["X"]["hand"][0][:8]
    if x != ["0", "0", "0", "0", "-1", "0", "0", "-1"]:
        problems.append(f"X's first row begins {x}")
    if steps["S"]["hand"][0][0] != "227":
        problems.append(f"S[1,1] = {steps['S']['hand'][0][0]}, expected 227")
    hand = Fraction(steps["total"]["hand"][0][0])
    if digits(hand, 26) != "2003.63092489908238562190648952":
        problems.append(f"hand total {digits(hand, 26)},, expected 2003.63092489908238562190648952…")
    exact = steps["total"]["exact"][0][0]
    if not exact.startswith("2019.72395099462677138893600057"):
        problems.append(f"exact total {exact}, expected 2019.72395099462677138893600057…")
    for p in problems:
        print(p)
    print(f"{len(problems)} problems" if problems else "scale case: N = 16 matches the worked values")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
