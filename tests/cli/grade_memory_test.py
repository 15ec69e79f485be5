#!/usr/bin/env python3
"""`handcheck grade` holds a batch of sheets, not the class: peak RSS grading 200 000 sheets
stays within 24 MB of grading 10 000 (a generous bound: bounded caches fill up to it, while a
class held in memory takes about 3 kB a sheet, 600 MB here). Not a timing.

usage: grade_memory_test.py HANDCHECK SOURCE_DIR
"""
import os
import pathlib
import subprocess
import sys
import tempfile

SEED = "cases/self-attention-6-3.yaml"


def peak_rss_kb(args, cwd):
    with open(os.devnull, "wb") as null:
        p = subprocess.Popen(args, cwd=cwd, stdout=null, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        err = p.stderr.read()
    if p.returncode != 0:
        sys.exit(f"{args}: exit {p.returncode}: {err[-300:]!r}")
    return usage.ru_maxrss


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        seeds = tmp / "seeds.jsonl"
        subprocess.run([sys.executable, str(root / "bench/make-class"), "--seeds", "2000", "--sheets", "2000",
                        "-o", str(seeds)], check=True)
        bodies = [line[line.index('"answers"'):] for line in seeds.read_text().splitlines()]
        rss = {}
        for n in (10000, 200000):
            path = tmp / f"class-{n}.jsonl"
            with open(path, "w") as f:
                for i in range(n):
                    f.write(f'{{"id": "m{i:07}", {bodies[(i * 7919) % len(bodies)]}\n')
            rss[n] = peak_rss_kb([binary, "grade", SEED, str(path), "-o", str(tmp / "book.csv")], root)
            lines = (tmp / "book.csv").read_text().count("\n")
            if lines != n + 1:
                sys.exit(f"{n} sheets: the gradebook has {lines} lines")
            path.unlink()
    small, large = rss[10000] / 1024, rss[200000] / 1024
    print(f"peak RSS: 10 000 sheets {small:.1f} MB, 200 000 sheets {large:.1f} MB")
    if large > small + 24:
        print("memory grows with the number of sheets")
        sys.exit(1)


if __name__ == "__main__":
    main()
