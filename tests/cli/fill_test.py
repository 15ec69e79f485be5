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

    # Files that are not cases: a message with the path, exit 2, never a hang on an endless device.
    r = run(binary, "fill", "--max-file-size", "1000", "/dev/zero")
    expect(r.returncode == 2 and b"/dev/zero:1:1: error[limit.file-size]: file larger than the limit of 1000 bytes" in r.stderr,
           f"/dev/zero: exit {r.returncode}, {r.stderr!r}")
    r = run(binary, "fill", "/nonexistent/case.yaml")
    expect(r.returncode == 2 and b"/nonexistent/case.yaml: error[io.open]: cannot open the file" in r.stderr,
           f"missing file: exit {r.returncode}, {r.stderr!r}")

    for p in problems:
        print("FAIL", p)
    print(f"fill: {len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
