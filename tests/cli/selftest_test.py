#!/usr/bin/env python3
"""End to end: `selftest` passes over every case in cases/, and fails when grading compares
wrongly (the hidden --inject-fault flag). usage: selftest_test.py HANDCHECK SOURCE_DIR
"""
import pathlib
import subprocess
import sys


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2])
    problems = []
    cases = sorted(p.relative_to(root).as_posix() for p in root.glob("cases/**/*.yaml"))
    for case in cases:
        r = subprocess.run([binary, "selftest", case], cwd=root, capture_output=True, text=True, timeout=300)
        if r.returncode != 0:
            problems.append(f"{case}: exit {r.returncode}\n{r.stdout}{r.stderr}")
    seed = "cases/self-attention-6-3.yaml"
    r = subprocess.run([binary, "selftest", "--inject-fault", seed], cwd=root, capture_output=True, text=True, timeout=300)
    if r.returncode != 1 or "FAIL" not in r.stdout:
        problems.append(f"--inject-fault: exit {r.returncode}, the self-test did not catch the broken comparison")
    for p in problems:
        print(p)
    print(f"{len(problems)} problems" if problems else f"selftest: {len(cases)} cases pass, a broken comparison fails")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
