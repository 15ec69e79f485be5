#!/usr/bin/env python3
"""Hostile and awkward sheet files for `handcheck grade` (issue classes of tests/bad, for sheets):
a CSV with a UTF-8 byte order mark, invalid UTF-8 in a CSV and in JSON Lines, a directory given
as the sheets file, a JSON sheet with two "id" or two "answers" members, gradebook fields that a
spreadsheet would run as formulas, the class summary's invalid column, and the per-sheet slip
budget (one all-wrong sheet of a 50 x 50 case took more than a minute without it).

usage: grade_input_test.py HANDCHECK SOURCE_DIR
"""
import csv
import io
import json
import pathlib
import re
import subprocess
import sys
import tempfile
import time

SEED = "cases/self-attention-6-3.yaml"
problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def grade(binary, root, *args):
    return subprocess.run([binary, "grade", SEED, *map(str, args)], cwd=root, capture_output=True, timeout=120)


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)

        # A byte order mark before the header: no phantom student, the header is still a header.
        bom = tmp / "bom.csv"
        bom.write_bytes(b"\xef\xbb\xbfid,step,cell,value\na,Q,\"1,1\",1\nb,Q,\"1,1\",2\n")
        r = grade(binary, root, bom)
        rows = r.stdout.decode().splitlines()
        expect(r.returncode == 0 and [x.split(",")[0] for x in rows] == ["id", "a", "b"],
               f"BOM CSV: exit {r.returncode}, rows {rows}, {r.stderr!r}")
        expect(b"id,step" not in r.stderr, f"BOM CSV: the header was read as a sheet: {r.stderr!r}")
        bom_rows = tmp / "bom-rows.csv"
        bom_rows.write_bytes(b"\xef\xbb\xbfa,Q,\"1,1\",1\n")
        r = grade(binary, root, bom_rows)
        expect(r.returncode == 0 and r.stdout.decode().splitlines()[1].startswith("a,116,1,"),
               f"BOM before a row: {r.stdout!r} {r.stderr!r}")

        # Invalid UTF-8: exit 2 at the byte, never 3.
        bad_csv = tmp / "bad.csv"
        bad_csv.write_bytes(b"id,step,cell,value\na,Q,\"1,1\",1\nb,Q,\"1,1\",x\xff\xfey\n")
        r = grade(binary, root, bad_csv)
        expect(r.returncode == 2 and f"{bad_csv}:3:12: error[sheet.json]: invalid UTF-8".encode() in r.stderr,
               f"invalid UTF-8 in CSV: exit {r.returncode}: {r.stderr!r}")
        bad_jsonl = tmp / "bad.jsonl"
        bad_jsonl.write_bytes(b'{"id": "a", "answers": {}}\n{"id": "b\xc3(", "answers": {}}\n')
        r = grade(binary, root, bad_jsonl)
        expect(r.returncode == 2 and f"{bad_jsonl}:2:10: error[sheet.json]: not a JSON object: invalid UTF-8".encode() in r.stderr,
               f"invalid UTF-8 in JSON Lines: exit {r.returncode}: {r.stderr!r}")
        for fmt in ("csv", "long", "wide", "json"):
            r = grade(binary, root, bad_jsonl, "--format", fmt, "-o", tmp / "out")
            expect(r.returncode == 2 and not (tmp / "out").exists(), f"--format {fmt}: a bad sheet left output")

        # A directory: a message, exit 2.
        r = grade(binary, root, tmp)
        expect(r.returncode == 2 and b"is a directory" in r.stderr, f"directory: exit {r.returncode}: {r.stderr!r}")

        # A member given twice: neither silently wins.
        for member, line in (("answers", '{"id": "a", "answers": {"Q": {"1,1": 1}}, "answers": {}}'),
                             ("id", '{"id": "a", "answers": {}, "id": "b"}')):
            twice = tmp / "twice.jsonl"
            twice.write_text(line + "\n")
            r = grade(binary, root, twice)
            expect(r.returncode == 2 and f'{twice}:1:1: error[sheet.form]: the sheet has "{member}" twice'.encode() in r.stderr,
                   f"{member} twice: exit {r.returncode}: {r.stderr!r}")

        # Formulas: ids and answers that a spreadsheet would run get a leading quote; numbers,
        # negative ones included, stay as they are.
        formula = tmp / "formula.jsonl"
        sheets = [("=HYPERLINK(\"http://x\",\"y\")", "=1+1"), ("+cmd", "@SUM(A1)"), ("-2", "-3/10"),
                  ("@x", "-"), ("ok", "+5")]
        formula.write_text("".join(json.dumps({"id": i, "answers": {"A": {"1,1": a}}}) + "\n" for i, a in sheets))
        want_ids = ["'=HYPERLINK(\"http://x\",\"y\")", "'+cmd", "-2", "'@x", "ok"]
        want_stated = ["'=1+1", "'@SUM(A1)", "-3/10", "'-", "+5"]
        for fmt in ("csv", "long", "wide"):
            r = grade(binary, root, formula, "--format", fmt)
            rows = list(csv.DictReader(io.StringIO(r.stdout.decode())))
            ids = list(dict.fromkeys(row["id"] for row in rows))
            expect(r.returncode == 0 and ids == want_ids, f"--format {fmt}: ids {ids}")
            if fmt == "long":
                stated = [next((row["stated"] for row in rows if row["id"] == i and row["step"] == "A"), None) for i in want_ids]
                expect(stated == want_stated, f"long: stated {stated}")
        r = grade(binary, root, formula, "--format", "json")
        expect([s["id"] for s in json.loads(r.stdout)["sheets"]] == [i for i, _ in sheets],
               "JSON grades must keep ids as written")

        # The summary gives invalid answers their own column.
        mixed = tmp / "mixed.jsonl"
        mixed.write_text("".join(json.dumps({"id": f"s{k}", "answers": {"Q": {"1,1": v}}}) + "\n"
                                 for k, v in enumerate(["n/a", "n/a", None, "1"])))
        r = grade(binary, root, mixed, "--summary")
        text = r.stdout.decode()
        header = text.splitlines()[2].split()
        q11 = next(line for line in text.splitlines() if line.startswith("Q q1[1]")).split()
        expect(header[:8] == ["cell", "key", "right", "carried", "wrong", "blank", "invalid", "most"],
               f"summary header {header}")
        # Q[1,1]: one right, two invalid, one blank; Q[1,2] and on: all blank.
        expect(q11[3:8] == ["25%", "0%", "0%", "25%", "50%"], f"summary Q q1[1]: {q11}")
        q12 = next(line for line in text.splitlines() if line.startswith("Q q2[1]")).split()
        expect(q12[3:8] == ["0%", "0%", "0%", "100%", "0%"], f"summary Q q2[1]: {q12}")

        # The slip budget: an all-wrong sheet of the scaled 50 x 50 case is graded in seconds, with
        # at most --max-slip-cells errata searched, and says so.
        case = tmp / "s50.yaml"
        subprocess.run([sys.executable, str(root / "bench/make-scale-case"), "50", "-o", str(case)], check=True)
        key = json.loads(subprocess.run([binary, "key", "--format", "json", str(case)], capture_output=True,
                                        timeout=120).stdout)
        answers = {s["name"]: [["7777"] * s["shape"][1] for _ in range(s["shape"][0])]
                   for s in key["steps"] if not s["input"]}
        wrong = tmp / "all-wrong.jsonl"
        wrong.write_text(json.dumps({"id": "w", "answers": answers}) + "\n")
        cells = sum(s["shape"][0] * s["shape"][1] for s in key["steps"] if not s["input"])
        start = time.monotonic()
        r = subprocess.run([binary, "grade", str(case), str(wrong), "--format", "json"], capture_output=True, timeout=300)
        seconds = time.monotonic() - start
        graded = json.loads(r.stdout) if r.returncode == 0 else {"sheets": [{}]}
        sheet = graded["sheets"][0]
        expect(r.returncode == 0 and sheet.get("erratum") == cells and sheet.get("slips_unsearched") == cells - 64,
               f"all-wrong 50x50: exit {r.returncode}, {sheet.get('erratum')} errata of {cells}, "
               f"{sheet.get('slips_unsearched')} unsearched")
        expect(f"sheet w: {cells - 64} errata past the slip budget (--max-slip-cells 64)".encode() in r.stderr,
               f"all-wrong 50x50: no budget note: {r.stderr[-300:]!r}")
        expect(seconds < 30, f"all-wrong 50x50: {seconds:.1f} s")
        # A line with no end (/dev/zero, a file of one endless line) stops at the longest sheet
        # the key takes, not at the machine's memory; a CSV file, read whole, at 256 MiB.
        endless = subprocess.run([binary, "grade", SEED, "-"], cwd=root, capture_output=True, timeout=60,
                                 input=b"a" * (3 << 20))
        expect(endless.returncode == 2 and b"-:1:1: error[limit.sheets]: a sheet line longer than" in endless.stderr,
               f"endless line: exit {endless.returncode}: {endless.stderr[-300:]!r}")
        zeros_csv = tmp / "zeros.csv"
        zeros_csv.symlink_to("/dev/zero")
        r = subprocess.run([binary, "grade", SEED, str(zeros_csv)], cwd=root, capture_output=True, timeout=60)
        expect(r.returncode == 2 and b"error[limit.sheets]: a CSV sheets file larger than 256 MiB" in r.stderr,
               f"endless CSV: exit {r.returncode}: {r.stderr[-300:]!r}")
        # An id is written on every row of a long gradebook: at most 1 024 bytes.
        long_id = tmp / "long-id.jsonl"
        long_id.write_text(json.dumps({"id": "x" * 1025, "answers": {}}) + "\n")
        r = grade(binary, root, long_id, "--format", "long")
        expect(r.returncode == 2 and f"{long_id}:1:1: error[limit.sheets]: a sheet id of 1025 bytes".encode() in r.stderr,
               f"long id: exit {r.returncode}: {r.stderr[-300:]!r}")
        # Within the budget, slips are named as before; past it, not.
        ceil = tmp / "ceil.jsonl"
        ceil.write_text(json.dumps({"id": "c", "answers": {"S_scaled": {"1,1": 2}}}) + "\n")
        named = json.loads(grade(binary, root, ceil, "--format", "json").stdout)["sheets"][0]["findings"]
        r = grade(binary, root, ceil, "--format", "json", "--max-slip-cells", "0")
        unnamed = json.loads(r.stdout)["sheets"][0]
        expect([f.get("slip") for f in named] == ["ceil-for-floor"] and "slip" not in unnamed["findings"][0]
               and unnamed["slips_unsearched"] == 1 and b"without a slip name" in r.stderr,
               f"slip budget on one erratum: {named}, {unnamed}")

    for p in problems:
        print(p)
    print(f"{len(problems)} problems" if problems else "grade input: all cases handled")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
