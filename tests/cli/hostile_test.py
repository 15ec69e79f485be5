#!/usr/bin/env python3
"""Hostile input through the command line: whatever a case or an argument holds, handcheck
answers with a message and exit code 2 (or its report), never a crash, a hang or exit 3, and
never passes a control character or invalid UTF-8 on to a terminal, a report or a key.

- `explain` with a cell of 40 000 characters or a 50 000-digit index;
- control characters from YAML escapes ("\\x1b", "\\a", "\\0", "\\x9b") in a title, an
  explanation and a step's text: written visibly (\\x1b) in the text report, the Markdown and
  LaTeX keys and `explain`; JUnit stays well-formed XML; JSON escapes them;
- a case file whose name is not UTF-8 and holds an escape sequence: JSON and JUnit still parse;
- `check` and `selftest` of a directory with no case file: a message and exit 2;
- the slip search's work budget: a report says which errata it did not search, and a
  100 x 100 product with every cell wrong is checked within seconds.
usage: hostile_test.py HANDCHECK SOURCE_DIR
"""
import json
import os
import pathlib
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

CONTROL = set(range(0x20)) - {0x09, 0x0A} | {0x7F}

HOSTILE_CASE = r'''format: handcheck/1
title: "red \x1b[31mtitle\a with a NUL \0 and a CSI \x9b2J"
source: "line one\rline two"
inputs:
  X: [[1, 2], [3, 4]]
steps:
  - name: Y
    do: X @ X
    explain: "clears the screen \x1b[2J\x1b[H and rings \a"
    stated: [[7, 11], [15, 22]]
'''


def raw_controls(data):
    """Control characters that a terminal would act on: C0 but tab and line feed, DEL, and C1."""
    text = data.decode("utf-8")  # must be UTF-8 at all
    return sorted({f"U+{ord(c):04X}" for c in text if ord(c) in CONTROL or 0x80 <= ord(c) < 0xA0})


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2])
    problems = []

    def expect(cond, what):
        if not cond:
            problems.append(what)

    def run(*args, cwd=None, timeout=60):
        return subprocess.run([binary, *args], capture_output=True, cwd=cwd, timeout=timeout)

    def no_internal_error(r, what):
        expect(r.returncode in (0, 1, 2), f"{what}: exit {r.returncode}")
        expect(b"internal error" not in r.stderr, f"{what}: internal error: {r.stderr[:300]!r}")

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        case = root / "cases" / "self-attention-6-3.yaml"

        # explain: cell names and indices of any length.
        for cell, message in ((f"Q[{'9' * 50000},1]", b"rows and columns count from 1"),
                              (f"q2[{'1' * 50000}]", b"rows and columns count from 1"),
                              ("Q" * 40000 + "[1,1]", b"a name has at most 64 characters"),
                              ("Q[1," + " " * 40000 + "1", b"is not a cell"),
                              ("Q[1,1]\x1b[2J", b"is not a cell"),
                              ("Q[0,1]", b"rows and columns count from 1"),
                              ("Q[0001,0002]", None)):
            r = run("explain", str(case), cell)
            no_internal_error(r, f"explain {cell[:20]!r}")
            if message is None:
                expect(r.returncode == 0 and b"Q[1,2]" in r.stdout, f"explain Q[0001,0002]: {r.stderr[:200]!r}")
                continue
            expect(r.returncode == 2, f"explain {cell[:20]!r}...: exit {r.returncode}, expected 2")
            expect(message in r.stderr, f"explain {cell[:20]!r}...: no {message!r} in {r.stderr[:300]!r}")
            expect(len(r.stderr) < 400, f"explain {cell[:20]!r}...: a message of {len(r.stderr)} bytes")
            expect(not raw_controls(r.stderr), f"explain {cell[:20]!r}: raw control characters on stderr")

        # Control characters from YAML escapes, in every output.
        hostile = tmp / "hostile.yaml"
        hostile.write_text(HOSTILE_CASE, encoding="utf-8")
        outputs = {
            "check text": run("check", str(hostile)),
            "check text (an erratum)": run("check", str(hostile)),
            "key md": run("key", "--format", "md", str(hostile)),
            "key tex": run("key", "--format", "tex", str(hostile)),
            "key html": run("key", "--format", "html", str(hostile)),
            "explain": run("explain", str(hostile), "Y[1,2]"),
        }
        for what, r in outputs.items():
            no_internal_error(r, what)
            expect(r.returncode in (0, 1), f"{what}: exit {r.returncode}: {r.stderr[:300]!r}")
            expect(not raw_controls(r.stdout), f"{what}: raw control characters {raw_controls(r.stdout)}")
            expect(not raw_controls(r.stderr), f"{what}: raw control characters on stderr")
        visible = {"check text": [b"\\x1b[31mtitle\\x07", b"\\x00", b"\\u009b2J"],
                   "key md": [b"\\x1b\\[31mtitle\\x07", b"\\x1b\\[2J\\x1b\\[H"],
                   "key tex": [b"\\textbackslash{}x1b[31mtitle\\textbackslash{}x07"],
                   "explain": [b"\\x1b[2J\\x1b[H and rings \\x07"]}
        for what, marks in visible.items():
            for mark in marks:
                expect(mark in outputs[what].stdout, f"{what}: {mark!r} is not written visibly")
        report = run("check", "--format", "json", str(hostile))
        no_internal_error(report, "check json")
        data = json.loads(report.stdout)
        expect(data["cases"][0]["title"] == "red \x1b[31mtitle\x07 with a NUL \x00 and a CSI \x9b2J",
               "check json: the title is not the case's, escaped by JSON")
        expect(b"\\u001b" in report.stdout and not raw_controls(report.stdout), "check json: controls not escaped")
        junit = run("check", "--format", "junit", str(hostile))
        no_internal_error(junit, "check junit")
        try:
            ET.fromstring(junit.stdout)
        except ET.ParseError as e:
            problems.append(f"check junit: not well-formed XML: {e}")
        expect(b"\\x1b[31mtitle" in junit.stdout, "check junit: the escape is not written visibly")

        # A file name that is not UTF-8 and holds an escape sequence.
        odd = pathlib.Path(os.fsdecode(bytes(tmp) + b"/bad\xff\x1b[2J.yaml"))
        odd.write_text(HOSTILE_CASE, encoding="utf-8")
        for fmt in ("text", "json", "junit"):
            r = run("check", "--format", fmt, str(odd))
            no_internal_error(r, f"check --format {fmt} of a name that is not UTF-8")
            expect(r.returncode == 1, f"check --format {fmt} of a name that is not UTF-8: exit {r.returncode}")
            expect(not raw_controls(r.stdout), f"check --format {fmt}: the file name passed raw")
            if fmt == "json":
                expect(json.loads(r.stdout)["cases"][0]["status"] == "errata", "json: no report")
            if fmt == "junit":
                try:
                    ET.fromstring(r.stdout)
                except ET.ParseError as e:
                    problems.append(f"check junit of a name that is not UTF-8: not well-formed XML: {e}")
        bad_utf8 = tmp / "bad-utf8"
        bad_utf8.mkdir()
        (bad_utf8 / "case.yaml").write_bytes(b"format: handcheck/1\ntitle: x\nsteps:\n  - name: Y\n"
                                             b"    do: 1\n    explain: |\n      a # \xff\n")
        for fmt in ("text", "json", "junit"):
            r = run("check", "--format", fmt, str(bad_utf8 / "case.yaml"))
            no_internal_error(r, f"check --format {fmt} of invalid UTF-8 in a block scalar")
            expect(r.returncode == 2, f"invalid UTF-8 in a block scalar, {fmt}: exit {r.returncode}")
            expect(b"case.yaml:7:11: error[load.encoding]: invalid UTF-8" in r.stdout + r.stderr, f"invalid UTF-8, {fmt}: no place")
            r.stdout.decode("utf-8")

        # A sheet id and an unknown step with escape sequences: the notes on stderr and the
        # gradebook write them visibly.
        sheets = tmp / "escapes.jsonl"
        sheets.write_text('{"id": "s\\u001b[2J1", "answers": {"Q\\u001b]0;x\\u0007": [[1]]}}\n', encoding="utf-8")
        r = run("grade", str(case), str(sheets))
        no_internal_error(r, "grade a sheet with escapes")
        expect(r.returncode == 0, f"grade a sheet with escapes: exit {r.returncode}")
        expect(not raw_controls(r.stdout) and not raw_controls(r.stderr),
               f"grade: an escape passed raw: {raw_controls(r.stdout)} {raw_controls(r.stderr)}")
        expect(b"sheet s\\x1b[2J1" in r.stderr, f"grade: the sheet's note is missing: {r.stderr[:300]!r}")

        # A directory with no case file.
        empty = tmp / "empty"
        (empty / "sub").mkdir(parents=True)
        (empty / "notes.txt").write_text("not a case\n")
        for args in (["check", str(empty)], ["check", "--format", "json", str(empty)], ["selftest", str(empty)]):
            r = run(*args)
            no_internal_error(r, " ".join(args[:-1]) + " EMPTY")
            expect(r.returncode == 2, f"{' '.join(args[:-1])} of an empty directory: exit {r.returncode}, expected 2")
            expect(b"no case file (*.yaml or *.yml) in this directory" in r.stdout + r.stderr,
                   f"{' '.join(args[:-1])} of an empty directory: no message")
        r = run("check", "--format", "json", str(empty), str(hostile))
        summary = json.loads(r.stdout)["summary"]
        expect(r.returncode == 2 and summary == {"cases": 2, "clean": 0, "errata": 1, "error": 1},
               f"check EMPTY CASE: exit {r.returncode}, summary {summary}")

        # The slip search's budget.
        def product_case(n, path):
            rows = ", ".join("[" + ", ".join(str((r * 7 + c * 3) % 5 - 2) for c in range(n)) + "]" for r in range(n))
            stated = ", ".join("[" + ", ".join(str(1000 + r + c) for c in range(n)) + "]" for r in range(n))
            path.write_text(f"format: handcheck/1\ntitle: all wrong\ninputs:\n  A: [{rows}]\n  B: [{rows}]\n"
                            f"steps:\n  - name: P\n    do: A @ B\n    stated: [{stated}]\n")
        small = tmp / "product-6.yaml"
        product_case(6, small)
        # Each cell of a 6 x 6 product costs 5*6 + 6 + 6 + 32 = 74: 500 pays for 6 cells.
        r = run("check", "--format", "json", "--max-slip-work", "500", str(small))
        findings = json.loads(r.stdout)["cases"][0]["findings"]
        unsearched = [(f["row"], f["col"]) for f in findings if f.get("slips_searched") is False]
        expect(len(findings) == 36 and unsearched == [(r, c) for r in range(2, 7) for c in range(1, 7)],
               f"--max-slip-work 500: not searched {unsearched}")
        r = run("check", "--max-slip-work", "500", str(small))
        expect(b"slip search: its work budget ran out; 30 errata not searched for slips: P[2,1], P[2,2]" in r.stdout
               and b"and 20 more (raise the budget with --max-slip-work)" in r.stdout,
               f"--max-slip-work 500: the text report does not list the cells: {r.stdout[-400:]!r}")
        r = run("check", "--format", "junit", "--max-slip-work", "500", str(small))
        expect(r.stdout.count(b"slips: not searched") == 30, "junit: the cells not searched are not marked")
        r = run("check", "--format", "json", str(small))
        expect(all("slips_searched" not in f for f in json.loads(r.stdout)["cases"][0]["findings"]),
               "the default budget does not search a 6 x 6 product")
        big = tmp / "product-100.yaml"
        product_case(100, big)
        start = time.monotonic()
        r = run("check", str(big), timeout=120)
        took = time.monotonic() - start
        expect(r.returncode == 1, f"100 x 100 all wrong: exit {r.returncode}")
        expect(b"slip search: its work budget ran out" in r.stdout, "100 x 100 all wrong: the budget did not run out")
        expect(took < 60, f"100 x 100 all wrong: {took:.1f} s")  # 5.6 s in a release build, 25 s with ASan
        print(f"100 x 100 product, every cell wrong: {took:.1f} s")

    for p in problems:
        print(p)
    print("hostile input: " + ("ok" if not problems else f"{len(problems)} problems"))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
