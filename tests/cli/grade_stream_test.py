#!/usr/bin/env python3
"""Streaming `handcheck grade`: a generated class (bench/make-class, 8 000 sheets of 1 000
seeds) graded a batch at a time and in one piece gives byte-identical outputs in every format
and for --summary; the gradebook of the first 1 500 sheets equals the one bench/grade-peer
writes (Python fractions, the same follow-through rule, every sheet graded on its own).

usage: grade_stream_test.py HANDCHECK SOURCE_DIR
"""
import pathlib
import subprocess
import sys
import tempfile

SEED = "cases/self-attention-6-3.yaml"


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        sheets = tmp / "class.jsonl"
        subprocess.run([sys.executable, str(root / "bench/make-class"), "--seeds", "1000", "--sheets", "8000",
                        "--seed", "3", "-o", str(sheets)], check=True)

        def grade(*args):
            r = subprocess.run([binary, "grade", SEED, str(sheets), "--carried-credit", "1/2", *args], cwd=root,
                               capture_output=True, timeout=600)
            if r.returncode != 0:
                problems.append(f"grade {' '.join(args)}: exit {r.returncode}: {r.stderr[-300:]!r}")
            return r.stdout, r.stderr

        for fmt in (["--format", "csv"], ["--format", "long"], ["--format", "wide"], ["--format", "json"],
                    ["--summary"], ["--summary", "--format", "csv"], ["--summary", "--format", "json"]):
            whole = grade(*fmt, "--batch", "1048576")
            for batch, jobs in (("13", "2"), ("4096", "1"), ("4096", "2")):
                part = grade(*fmt, "--batch", batch, "-j", jobs)
                if part != whole:
                    problems.append(f"{' '.join(fmt)}: --batch {batch} -j {jobs} differs from one piece")
            # Through -o as well: the file is the same bytes.
            out = tmp / "out"
            r = subprocess.run([binary, "grade", SEED, str(sheets), "--carried-credit", "1/2", *fmt, "--batch", "100",
                                "-o", str(out)], cwd=root, capture_output=True, timeout=600)
            if r.returncode != 0 or out.read_bytes() != whole[0]:
                problems.append(f"{' '.join(fmt)}: -o differs from stdout")
        book = grade("--format", "csv")[0].decode().splitlines()
        if len(book) != 8001:
            problems.append(f"the gradebook has {len(book)} lines")

        few = tmp / "few.jsonl"
        few.write_text("".join(sheets.read_text().splitlines(keepends=True)[:1500]))
        r = subprocess.run([binary, "grade", SEED, str(few), "--carried-credit", "1/2"], cwd=root,
                           capture_output=True, text=True, timeout=600)
        peer = subprocess.run([sys.executable, str(root / "bench/grade-peer"), str(few), "--carried-credit", "1/2"],
                              capture_output=True, text=True, timeout=600)
        ours, theirs = r.stdout.splitlines(), peer.stdout.splitlines()
        if len(ours) != 1501 or ours != theirs:
            diff = [(a, b) for a, b in zip(ours, theirs) if a != b][:5]
            problems.append(f"handcheck and the Python peer disagree ({len(ours)} / {len(theirs)} lines): {diff}")
        carried = sum(1 for line in ours[1:] if line.split(",")[3] != "0")
        if carried < 100:
            problems.append(f"only {carried} sheets with a carried cell: the class does not test follow-through")

    for p in problems:
        print(p)
    print(f"{len(problems)} problems" if problems else "grade streaming: batches, one piece and the peer agree")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
