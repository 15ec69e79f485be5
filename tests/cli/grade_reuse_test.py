#!/usr/bin/env python3
"""Grading's shortcuts change no grade: a generated class is graded normally and with
HANDCHECK_NO_REUSE=1 (every sheet audited on its own, every step, with every text, as `check`
runs the audit), and every output format must be byte-identical.

The class: bench/make-class (seed sheets with 0-3 slips, half carried forward, repeated under
new ids), plus copies of its sheets with blanks, "?", -inf and inf, answers that are not
numbers (words, booleans, lists, objects), and correct values written another way ("6/2",
"3.0"), each copy repeated so that the identical-sheet memo is used.

usage: grade_reuse_test.py HANDCHECK SOURCE_DIR
"""
import json
import os
import pathlib
import random
import subprocess
import sys
import tempfile

SEED = "cases/self-attention-6-3.yaml"


def mutate(answers, rng):
    """A copy of a sheet's answers with 1-4 cells rewritten."""
    out = json.loads(json.dumps(answers))
    steps = list(out)
    for _ in range(rng.randint(1, 4)):
        step = rng.choice(steps)
        matrix = out[step]
        r = rng.randrange(len(matrix))
        c = rng.randrange(len(matrix[r]))
        v = matrix[r][c]
        kind = rng.choice(["blank", "?", "-inf", "inf", "word", "true", "list", "object", "other form"])
        if kind == "blank":
            matrix[r][c] = None
        elif kind in ("?", "-inf", "inf"):
            matrix[r][c] = kind
        elif kind == "word":
            matrix[r][c] = "n/a"
        elif kind == "true":
            matrix[r][c] = True
        elif kind == "list":
            matrix[r][c] = [1]
        elif kind == "object":
            matrix[r][c] = {"x": 1}
        elif isinstance(v, int):
            matrix[r][c] = rng.choice([f"{2 * v}/2", f"{v}.0", f" {v} "])
        elif isinstance(v, str) and "/" in v:
            p, q = v.split("/")
            matrix[r][c] = f"{3 * int(p)}/{3 * int(q)}"
        else:
            matrix[r][c] = None
    return out


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
    problems = []
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        base = tmp / "base.jsonl"
        subprocess.run([sys.executable, str(root / "bench/make-class"), "--seeds", "600", "--sheets", "2400",
                        "--seed", "7", "-o", str(base)], check=True)
        rng = random.Random(15)
        lines = base.read_text().splitlines()
        seen = {}
        for line in lines:
            seen.setdefault(json.dumps(json.loads(line)["answers"], sort_keys=True), json.loads(line)["answers"])
        seeds = list(seen.values())
        extra = []
        for n in range(1500):
            answers = mutate(rng.choice(seeds), rng)
            for k in range(rng.randint(1, 3)):
                extra.append(json.dumps({"id": f"m{n:05}-{k}", "answers": answers}))
        sheets = tmp / "class.jsonl"
        everything = lines + extra
        rng.shuffle(everything)
        sheets.write_text("\n".join(everything) + "\n")
        text = sheets.read_text()
        for marker in ('"-inf"', "null", '"n/a"', "true", "[1]", '"?"'):
            if marker not in text:
                problems.append(f"the class has no {marker}")

        def grade(env, *args):
            r = subprocess.run([binary, "grade", SEED, str(sheets), "--carried-credit", "1/2", *args], cwd=root,
                               capture_output=True, timeout=600, env=env)
            if r.returncode != 0:
                problems.append(f"grade {' '.join(args)}: exit {r.returncode}: {r.stderr[-300:]!r}")
            return r.stdout, r.stderr

        normal = dict(os.environ)
        normal.pop("HANDCHECK_NO_REUSE", None)
        reference = dict(normal, HANDCHECK_NO_REUSE="1")
        for fmt in (["--format", "csv"], ["--format", "long"], ["--format", "json"], ["--summary", "--format", "json"]):
            ref = grade(reference, *fmt, "-j", "2")
            for jobs in ("1", "2"):
                got = grade(normal, *fmt, "-j", jobs)
                if got != ref:
                    a, b = got[0].decode().splitlines(), ref[0].decode().splitlines()
                    diff = [(x, y) for x, y in zip(a, b) if x != y][:3]
                    problems.append(f"{' '.join(fmt)} -j {jobs}: differs from the reference ({len(a)} / {len(b)} "
                                    f"lines): {diff}")
        book = grade(normal, "--format", "csv")[0].decode().splitlines()
        counts = {k: 0 for k in ("carried", "erratum", "blank", "invalid")}
        for row in book[1:]:
            f = row.split(",")
            for k, i in (("carried", 3), ("erratum", 4), ("blank", 5), ("invalid", 6)):
                counts[k] += f[i] != "0"
        for k, n in counts.items():
            if n < 100:
                problems.append(f"only {n} sheets with a {k} cell: the class does not test it")

    for p in problems:
        print(p)
    print(f"{len(problems)} problems" if problems else "grading with and without its shortcuts: identical outputs")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
