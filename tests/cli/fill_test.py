#!/usr/bin/env python3
"""End to end: `handcheck fill` rewrites stated values in place, byte for byte: a wrong
number, a blank, a fraction, a named vector, the cells form and an exact-pipeline step, with
comments, quotes and layout kept; --blank-only; --dry-run's unified diff and exit codes; the
same edits under a byte order mark and CRLF line ends; a case with an error is refused and
left untouched; the filled case checks clean.
usage: fill_test.py HANDCHECK SOURCE_DIR
"""
import pathlib
import subprocess
import sys
import tempfile
import time

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


CASE = """\
# Typed in by hand; P[2,2] is wrong and H has a blank.
format: handcheck/1
title: Fill
inputs:
  a: [[1, 2], [3, 4]]   # the input
  b: {value: [[1, 0], [0, 2]], columns: [u, v]}
steps:
  - name: P
    do: a @ b
    stated:
      - [1, 4]    # row 1
      - [3, 9]    # 9 should be 8
  - name: H
    do: P / 3
    stated: [[0.33, "?"], [1.00, 2.67]]
  - name: F
    do: P / 8
    stated: {"1,2": "1/3", "2,2": 1}
  - name: G
    do: b * 2
    columns: [u, v]
    stated: {v: [0, '5']}
  - name: S
    do: exp(a)
    follows: exact
    stated: [[2.72, 7.39], [20.2, 54.6]]  # 20.2 should be 20.1
"""

FILLED = (CASE.replace("[3, 9]    # 9", "[3, 8]    # 9")
          .replace('[[0.33, "?"]', "[[0.33, 1.33]")
          .replace('"1,2": "1/3"', '"1,2": "1/2"')
          .replace("[0, '5']", "[0, '4']")
          .replace("[20.2, 54.6]", "[20.1, 54.6]"))

BLANK_ONLY = CASE.replace('[[0.33, "?"]', "[[0.33, 1.33]")

DIFF = """\
--- {name}
+++ {name}
@@ -9,18 +9,18 @@
     do: a @ b
     stated:
       - [1, 4]    # row 1
-      - [3, 9]    # 9 should be 8
+      - [3, 8]    # 9 should be 8
   - name: H
     do: P / 3
-    stated: [[0.33, "?"], [1.00, 2.67]]
+    stated: [[0.33, 1.33], [1.00, 2.67]]
   - name: F
     do: P / 8
-    stated: {{"1,2": "1/3", "2,2": 1}}
+    stated: {{"1,2": "1/2", "2,2": 1}}
   - name: G
     do: b * 2
     columns: [u, v]
-    stated: {{v: [0, '5']}}
+    stated: {{v: [0, '4']}}
   - name: S
     do: exp(a)
     follows: exact
-    stated: [[2.72, 7.39], [20.2, 54.6]]  # 20.2 should be 20.1
+    stated: [[2.72, 7.39], [20.1, 54.6]]  # 20.2 should be 20.1
"""


EXACT = """\
format: handcheck/1
compare: exact
inputs:
  a: [[1, 3, 2]]
steps:
  - name: d
    do: a / 8
    stated: [[0.1, null, "1/3"]]
"""
EXACT_FILLED = EXACT.replace('[[0.1, null, "1/3"]]', '[[0.125, 0.375, "1/4"]]')


MODES = """\
format: handcheck/1
title: Fill under abs and rel
inputs:
  x: "1/3"
steps:
  - name: a
    do: x * 1
    compare: abs:0.01
    stated: 0.5 # abs
  - name: r
    do: x * 1
    compare: rel:0.001
    stated: 0.5 # rel
"""

ALIAS_INPUT = """\
format: handcheck/1
title: stated aliases the input
inputs:
  X: &x [[1, 2]]
steps:
  - name: A
    do: X * 2
    stated: *x
"""

ALIAS_SHARED = """\
format: handcheck/1
title: two steps share stated values
inputs:
  X: [[1, 2]]
steps:
  - name: A
    do: X
    stated: &s [[5, 6]]
  - name: B
    do: X * 2
    stated: *s
"""


def chain_case(steps):
    """One-cell steps, each reading the one before: every stated value but the first is wrong."""
    lines = ["format: handcheck/1", "title: chain", "inputs:", "  X: [[1]]", "steps:",
             "  - {name: S0, do: X, stated: [[1]]}"]
    lines += [f"  - {{name: S{i}, do: S{i - 1} + S0, stated: [[{i}]]}}" for i in range(1, steps)]
    return "\n".join(lines) + "\n"


def run(binary, *args):
    return subprocess.run([binary, *args], capture_output=True, timeout=300)


def main():
    binary = str(pathlib.Path(sys.argv[1]).resolve())
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "case.yaml"
        name = str(path)

        path.write_bytes(CASE.encode())
        r = run(binary, "fill", "--dry-run", name)
        expect(r.returncode == 1, f"--dry-run with changes: exit {r.returncode}, expected 1: {r.stderr.decode()}")
        want = DIFF.format(name=name)
        expect(r.stdout.decode() == want, f"--dry-run diff:\n{r.stdout.decode()}\nexpected:\n{want}")
        expect(path.read_bytes() == CASE.encode(), "--dry-run changed the file")

        r = run(binary, "fill", "--blank-only", name)
        expect(r.returncode == 0, f"--blank-only: exit {r.returncode}: {r.stderr.decode()}")
        expect(path.read_bytes() == BLANK_ONLY.encode(), f"--blank-only wrote:\n{path.read_text()}")

        path.write_bytes(CASE.encode())
        r = run(binary, "fill", name)
        expect(r.returncode == 0, f"fill: exit {r.returncode}: {r.stderr.decode()}")
        expect(r.stdout.decode() == f"{name}: 5 values rewritten\n", f"fill said: {r.stdout.decode()!r}")
        expect(path.read_bytes() == FILLED.encode(), f"fill wrote:\n{path.read_text()}\nexpected:\n{FILLED}")
        r = run(binary, "check", name)
        expect(r.returncode == 0, f"the filled case does not check clean (exit {r.returncode}):\n{r.stdout.decode()}")
        r = run(binary, "fill", "--dry-run", name)
        expect(r.returncode == 0 and r.stdout == b"", f"--dry-run after fill: exit {r.returncode}, {r.stdout!r}")

        # A byte order mark and CRLF line ends: the same edits, and both kept.
        crlf = lambda s: b"\xef\xbb\xbf" + s.replace("\n", "\r\n").encode()
        path.write_bytes(crlf(CASE))
        r = run(binary, "fill", name)
        expect(r.returncode == 0, f"fill with BOM and CRLF: exit {r.returncode}: {r.stderr.decode()}")
        expect(path.read_bytes() == crlf(FILLED), f"fill with BOM and CRLF wrote:\n{path.read_bytes()!r}")

        # A case with an error is refused, and the file is left as it was.
        broken = CASE.replace("do: P / 3", "do: P / q")
        path.write_bytes(broken.encode())
        r = run(binary, "fill", name)
        expect(r.returncode == 2, f"broken case: exit {r.returncode}, expected 2")
        expect(f"{name}:14:13: error[load.unknown-name]: step H: in 'do': unknown name 'q'" in r.stderr.decode(),
               f"broken case: stderr {r.stderr.decode()!r}")
        expect(path.read_bytes() == broken.encode(), "a refused fill changed the file")
        left = [p.name for p in pathlib.Path(tmp).iterdir() if p.name != "case.yaml"]
        expect(not left, f"files left behind: {left}")

    # compare: exact writes exact values: a decimal where the value ends, with at least the
    # decimals printed, else a fraction.
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "exact.yaml"
        path.write_bytes(EXACT.encode())
        r = run(binary, "fill", str(path))
        expect(r.returncode == 0, f"compare exact: exit {r.returncode}: {r.stderr.decode()}")
        expect(path.read_bytes() == EXACT_FILLED.encode(), f"compare exact wrote:\n{path.read_text()}")

    # What fill writes, check accepts under the step's comparison: 1/3 printed with one decimal
    # is 0.33 under abs:0.01 (|0.3 - 1/3| = 1/30) and 0.333 under rel:0.001 (|0.333 - 1/3| =
    # 1/3000, the bound); e^2 under compare: exact has no decimal form, and fill refuses.
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "modes.yaml"
        path.write_bytes(MODES.encode())
        r = run(binary, "fill", str(path))
        expect(r.returncode == 0, f"abs and rel: exit {r.returncode}: {r.stderr.decode()}")
        expect(path.read_bytes() == MODES.replace("stated: 0.5 # abs", "stated: 0.33 # abs")
               .replace("stated: 0.5 # rel", "stated: 0.333 # rel").encode(), f"abs and rel wrote:\n{path.read_text()}")
        r = run(binary, "check", str(path))
        expect(r.returncode == 0, f"abs and rel: the filled case does not check clean:\n{r.stdout.decode()}")
        irrational = MODES + "  - name: e\n    do: exp(x * 6)\n    compare: exact\n    stated: 1\n"
        path.write_bytes(irrational.encode())
        r = run(binary, "fill", str(path))
        expect(r.returncode == 2 and b"error[cli.fill]: step e: compare exact accepts no number written for e[1,1]"
               in r.stderr, f"e^2 under exact: exit {r.returncode}, {r.stderr!r}")
        expect(path.read_bytes() == irrational.encode(), "a refused fill changed the file")

    # A number the comparison already accepts is right as written and left alone: 0.37 for
    # 3/8 (on the rounding boundary) and 1.200e3 for 1234.5678 under sigfig:2, so that
    # --dry-run passes a clean case.
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "clean.yaml"
        clean = ("format: handcheck/1\ninputs:\n  x: [[3, 1234.5678]]\nsteps:\n  - name: a\n    do: x / 8\n"
                 "    stated: [[0.37, 154.32]]\n  - name: c\n    do: x * 1\n    compare: sigfig:2\n"
                 "    stated: [[3.0, 1.200e3]]\n")
        path.write_bytes(clean.encode())
        r = run(binary, "check", str(path))
        expect(r.returncode == 0, f"clean case: check exit {r.returncode}:\n{r.stdout.decode()}")
        r = run(binary, "fill", "--dry-run", str(path))
        expect(r.returncode == 0 and r.stdout == b"", f"clean case: --dry-run exit {r.returncode}, {r.stdout!r}")

    # Files that are not cases: a message with the path, exit 2, never a hang on an endless device.
    r = run(binary, "fill", "--max-file-size", "1000", "/dev/zero")
    expect(r.returncode == 2 and b"/dev/zero:1:1: error[limit.file-size]: file larger than the limit of 1000 bytes" in r.stderr,
           f"/dev/zero: exit {r.returncode}, {r.stderr!r}")
    r = run(binary, "fill", "/nonexistent/case.yaml")
    expect(r.returncode == 2 and b"/nonexistent/case.yaml: error[io.open]: cannot open the file" in r.stderr,
           f"missing file: exit {r.returncode}, {r.stderr!r}")

    # Stated values reached through a YAML alias: rewriting them would rewrite the input they
    # alias, or lose one of two steps that share them. Refused, the file untouched.
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "alias.yaml"
        for text, place in ((ALIAS_INPUT, "8:13"), (ALIAS_SHARED, "11:13")):
            path.write_bytes(text.encode())
            r = run(binary, "fill", str(path))
            expect(r.returncode == 2 and f"{path}:{place}: error[load.yaml-alias]: a YAML alias".encode() in r.stderr,
                   f"fill through an alias: exit {r.returncode}, {r.stderr!r}")
            expect(path.read_bytes() == text.encode(), f"fill through an alias changed the file:\n{path.read_text()}")

    # An edit saved while fill audits the case is not lost: fill writes nothing and says so.
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "race.yaml"
        steps = 400
        while True:
            text = chain_case(steps)
            path.write_bytes(text.encode())
            start = time.monotonic()
            r = run(binary, "fill", "--dry-run", "--max-file-size", "4000000", str(path))
            took = time.monotonic() - start
            if took >= 1.0 or steps >= 25600:
                break
            steps *= 2
        print(f"fill race: {steps} steps, --dry-run {took:.2f} s")
        expect(r.returncode == 1, f"race case --dry-run: exit {r.returncode}: {r.stderr[:300]!r}")
        fill = subprocess.Popen([binary, "fill", "--max-file-size", "4000000", str(path)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        time.sleep(took / 4)
        edited = text + "# an edit saved while fill runs\n"
        path.write_bytes(edited.encode())
        finished_early = fill.poll() is not None
        out, err = fill.communicate(timeout=300)
        expect(not finished_early, f"fill finished within {took / 4:.2f} s: the race was not exercised")
        expect(fill.returncode == 2 and f"{path}: error[io.changed]: the file changed while fill ran".encode() in err,
               f"an edit during fill: exit {fill.returncode}, {err[:300]!r}")
        expect(path.read_bytes() == edited.encode(), "fill overwrote an edit made while it ran")
        left = [p.name for p in pathlib.Path(tmp).iterdir() if p.name != "race.yaml"]
        expect(not left, f"files left behind: {left}")

    for p in problems:
        print("FAIL", p)
    print(f"fill: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
