#!/usr/bin/env python3
"""End to end: `handcheck grade` over a generated class of 10 000 sheets of the seed worksheet.

Every output format is read back and checked against the others, every score is recomputed
exactly, and the verdicts are checked against what `check` says of the same numbers printed
on the worksheet (each distinct sheet written out as a case). A class where 70% share one
wrong value must raise the key warning. usage: grade_test.py HANDCHECK SOURCE_DIR [--write-class FILE (only write the class)]
"""
import csv
import io
import json
import pathlib
import random
import subprocess
import sys
import tempfile
from fractions import Fraction

SEED = "cases/self-attention-6-3.yaml"
SHEETS = 10000
CREDIT = Fraction(1, 2)
problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def run(binary, args, root, stdin=None):
    return subprocess.run([binary, *args], cwd=root, capture_output=True, text=True, timeout=600, input=stdin)


def fixed(q, decimals):
    """q rounded half away from zero to `decimals` decimals, as text."""
    scaled = abs(q) * 10**decimals
    n = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)
    sign = "-" if q < 0 and n else ""
    text = str(n).rjust(decimals + 1, "0")
    return sign + (text[:-decimals] + "." + text[-decimals:] if decimals else text)


def plain(q, decimals=4):
    text = fixed(q, decimals)
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text == "-0" else text


def key_steps(binary, root):
    key = json.loads(run(binary, ["key", "--format", "json", SEED], root).stdout)
    return [s for s in key["steps"] if not s["input"]]


def patterns(steps):
    """Named answer patterns: {(step, r, c): text or None (blank) or 'n/a' (invalid)}."""
    correct = {}
    for s in steps:
        for r, row in enumerate(s["hand"], 1):
            for c, v in enumerate(row, 1):
                q = Fraction(v)
                correct[(s["name"], r, c)] = fixed(q, 2) if s["name"] == "Z" else v
    out = {"correct": dict(correct)}
    fractions = dict(correct)
    for (step, r, c) in fractions:
        if step == "Z":
            fractions[(step, r, c)] = steps[-1]["hand"][r - 1][c - 1]
    out["correct, Z as fractions"] = fractions
    for k, cell in enumerate(sorted(correct)[::9]):
        wrong = dict(correct)
        wrong[cell] = str(Fraction(correct[cell]) + 1) if cell[0] != "Z" else fixed(Fraction(correct[cell]) + 1, 2)
        out[f"one wrong: {cell}"] = wrong
    colsum = dict(correct)
    colsum[("C", 1, 2)] = "40"
    for r, v in enumerate(["9/40", "3/40", "27/40", "3/40"], 1):
        colsum[("A", r, 2)] = v
    for r, v in enumerate(["1.80", "1.20", "0.45"], 1):
        colsum[("Z", r, 2)] = v
    out["colsum carried"] = colsum
    typo = dict(correct)
    typo[("Q", 3, 2)] = "1"
    out["q2 typo"] = typo
    holes = dict(correct)
    holes[("S", 2, 2)] = None
    holes[("E", 4, 1)] = "n/a"
    holes[("A", 1, 1)] = None
    out["blanks and invalid"] = holes
    return out


def sheet_json(sid, answers, steps, rng):
    """One sheet, each step in a randomly chosen form of DESIGN section 6."""
    out = {}
    for s in steps:
        rows, cols = s["shape"]

        def value(r, c):
            t = answers[(s["name"], r, c)]
            if t is None:
                return None
            if t != "n/a" and "/" not in t and rng.random() < 0.5:
                return RawNumber(t)  # a JSON number, written as the student wrote it
            return t

        form = rng.choice(["matrix", "cells", "vectors"] if s["columns"] else ["matrix", "cells"])
        if form == "matrix":
            out[s["name"]] = [[value(r, c) for c in range(1, cols + 1)] for r in range(1, rows + 1)]
        elif form == "cells":
            out[s["name"]] = {f"{r},{c}": value(r, c) for r in range(1, rows + 1) for c in range(1, cols + 1)}
        else:
            out[s["name"]] = {s["columns"][c - 1]: [value(r, c) for r in range(1, rows + 1)] for c in range(1, cols + 1)}
    return dump({"id": sid, "answers": out})


class RawNumber(str):
    """A JSON number, written with its source text (1.60 keeps its zero)."""


def dump(x):
    if isinstance(x, RawNumber):
        return str(x)
    if isinstance(x, dict):
        return "{" + ", ".join(json.dumps(k) + ": " + dump(v) for k, v in x.items()) + "}"
    if isinstance(x, list):
        return "[" + ", ".join(dump(v) for v in x) + "]"
    return json.dumps(x)


def bare_case(text):
    """The seed case without its stated numbers."""
    out, skipping = [], False
    for line in text.splitlines():
        if line == "    stated:":
            skipping = True
            continue
        if skipping and line.startswith("      "):
            continue
        skipping = False
        out.append(line)
    return out


def case_with(bare, answers):
    out = []
    for line in bare:
        out.append(line)
        if line.startswith("  - name: "):
            step = line[len("  - name: "):].strip()
            cells = {f"{r},{c}": t for (s, r, c), t in answers.items() if s == step and t not in (None, "n/a")}
            out.append("    stated: " + json.dumps(cells))
    return "\n".join(out) + "\n"


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2])
    steps = key_steps(binary, root)
    labels = {}
    for s in steps:
        for r in range(1, s["shape"][0] + 1):
            for c in range(1, s["shape"][1] + 1):
                name = s["columns"][c - 1] if s["columns"] else (s["rows"][r - 1] if s["rows"] else None)
                labels[(s["name"], r, c)] = f"{name}[{r if s['columns'] else c}]" if name else f"{s['name']}[{r},{c}]"
    cells = sorted(labels, key=lambda k: ([s["name"] for s in steps].index(k[0]), k[1], k[2]))
    pats = patterns(steps)
    names = list(pats)
    weights = [60 if n.startswith("correct") else 3 for n in names]
    rng = random.Random(7)
    chosen = rng.choices(names, weights, k=SHEETS)
    lines = [sheet_json(f"s{i:05}", pats[p], steps, rng) for i, p in enumerate(chosen)]
    if "--write-class" in sys.argv:  # for bench/README.md: the class alone
        pathlib.Path(sys.argv[sys.argv.index("--write-class") + 1]).write_text("\n".join(lines) + "\n", encoding="utf-8")
        return

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        sheets = tmp / "class.jsonl"
        sheets.write_text("\n".join(lines) + "\n", encoding="utf-8")
        outs = {}
        for fmt in ("csv", "long", "wide", "json"):
            r = run(binary, ["grade", SEED, str(sheets), "--carried-credit", "1/2", "--format", fmt,
                             "-o", str(tmp / f"out.{fmt}")], root)
            expect(r.returncode == 0, f"grade --format {fmt}: exit {r.returncode}: {r.stderr[-500:]}")
            outs[fmt] = (tmp / f"out.{fmt}").read_text(encoding="utf-8")
        one = tmp / "one.jsonl"
        one.write_text(lines[chosen.index("colsum carried")] + "\n", encoding="utf-8")
        r = run(binary, ["grade", SEED, str(one), "--format", "gradescope"], root)
        expect(r.returncode == 0, f"gradescope: exit {r.returncode}: {r.stderr}")
        gradescope = json.loads(r.stdout, parse_float=Fraction, parse_int=Fraction)
        r = run(binary, ["grade", SEED, str(sheets), "--format", "gradescope"], root)
        expect(r.returncode == 2, "gradescope with many sheets must be refused")

        # The gradebook: counts add up and the score is (ok + X carried) / cells, exactly.
        book = list(csv.DictReader(io.StringIO(outs["csv"])))
        expect(len(book) == SHEETS, f"gradebook has {len(book)} rows")
        expect([b["id"] for b in book] == [f"s{i:05}" for i in range(SHEETS)], "gradebook is not in sheet order")
        for b in book:
            n = sum(int(b[k]) for k in ("ok", "carried", "erratum", "blank", "invalid"))
            expect(n == int(b["cells"]) == 116, f"{b['id']}: counts add to {n}")
            score = (Fraction(int(b["ok"])) + CREDIT * int(b["carried"])) / int(b["cells"])
            expect(b["score"] == plain(score), f"{b['id']}: score {b['score']}, expected {plain(score)}")

        # Long, wide and JSON say the same per cell.
        long_rows = list(csv.DictReader(io.StringIO(outs["long"])))
        expect(len(long_rows) == SHEETS * 116, f"long CSV has {len(long_rows)} rows")
        verdicts = {}
        for row in long_rows:
            verdicts.setdefault(row["id"], []).append(row["verdict"])
        wide = list(csv.DictReader(io.StringIO(outs["wide"])))
        header = [f"{s} {labels[(s, r, c)]}" for (s, r, c) in cells]
        expect(list(wide[0].keys())[2:] == header, "wide CSV columns are not the step cells in order")
        for w in wide:
            expect([w[h] for h in header] == verdicts[w["id"]], f"{w['id']}: wide and long disagree")
        graded = json.loads(outs["json"])
        expect(graded["handcheck"] == "grades/1" and len(graded["sheets"]) == SHEETS, "JSON grades malformed")
        for sheet, b in zip(graded["sheets"], book):
            expect(sheet["id"] == b["id"] and sheet["ok"] == int(b["ok"]) and sheet["carried"] == int(b["carried"]),
                   f"{b['id']}: JSON and gradebook disagree")
            expect(Fraction(sheet["score"]) == (Fraction(sheet["ok"]) + CREDIT * sheet["carried"]) / 116,
                   f"{b['id']}: JSON score {sheet['score']}")
            not_ok = {(f["step"], f["row"], f["col"]): f["verdict"] for f in sheet["findings"]}
            for k, cell in enumerate(cells):
                v = verdicts[b["id"]][k]
                if v not in ("ok", "blank"):
                    expect(not_ok.get(cell) == v, f"{b['id']} {cell}: JSON {not_ok.get(cell)}, long {v}")
        tests = gradescope["tests"]
        expect([t["name"] for t in tests] == [s["name"] for s in steps], "gradescope tests are not the steps")
        expect(sum(t["score"] for t in tests) == gradescope["score"], "gradescope score is not the sum")
        expect(gradescope["score"] == 115 and sum(t["max_score"] for t in tests) == 116,
               f"gradescope score {gradescope['score']} for the colsum slip (108 ok + 7 carried)")

        # Every pattern against check's follow-through analysis of the same numbers printed.
        bare = bare_case((root / SEED).read_text(encoding="utf-8"))
        case_dir = tmp / "cases"
        case_dir.mkdir()
        for k, p in enumerate(names):
            (case_dir / f"p{k:02}.yaml").write_text(case_with(bare, pats[p]), encoding="utf-8")
        r = run(binary, ["check", "--format", "json", str(case_dir)], root)
        report = json.loads(r.stdout)
        by_pattern = {}
        for k, p in enumerate(names):
            case = next(c for c in report["cases"] if c["file"].endswith(f"p{k:02}.yaml"))
            expect(case["status"] != "error", f"{p}: check cannot read it: {case.get('error')}")
            found = {(f["step"], f["row"], f["col"]): f["verdict"] for f in case["findings"]}
            by_pattern[p] = [("blank" if pats[p][c] is None else "invalid" if pats[p][c] == "n/a"
                              else found.get(c, "ok")) for c in cells]
        for i, p in enumerate(chosen):
            sid = f"s{i:05}"
            expect(verdicts[sid] == by_pattern[p], f"{sid} ({p}): grade and check disagree: " + ", ".join(
                f"{cells[k]} {a}/{b}" for k, (a, b) in enumerate(zip(verdicts[sid], by_pattern[p])) if a != b))
        expect(any(v == "carried" for v in by_pattern["colsum carried"]), "the colsum pattern has no carried cell")

        # The same sheets as a long CSV give the same gradebook.
        rows = ["id,step,cell,value"]
        for i in range(0, 50):
            for (s, r_, c) in cells:
                t = pats[chosen[i]][(s, r_, c)]
                rows.append(f's{i:05},{s},"{r_},{c}",{"" if t is None else t}')
        (tmp / "class.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
        r = run(binary, ["grade", SEED, str(tmp / "class.csv"), "--carried-credit", "1/2"], root)
        expect(r.stdout.splitlines()[1:] == outs["csv"].splitlines()[1:51], "CSV sheets grade differently")

        # 70% of a class agree on a value that is not the key's.
        seventy = [sheet_json(f"k{i}", pats["q2 typo" if i < 7 else "correct"], steps, rng) for i in range(10)]
        (tmp / "seventy.jsonl").write_text("\n".join(seventy) + "\n", encoding="utf-8")
        r = run(binary, ["grade", SEED, str(tmp / "seventy.jsonl")], root)
        expect("the key itself may be wrong" in r.stderr and "Q q2[3]" in r.stderr, f"no key warning: {r.stderr}")
        r = run(binary, ["grade", SEED, str(tmp / "seventy.jsonl"), "--summary", "--format", "json"], root)
        summary = json.loads(r.stdout)
        expect([(w["step"], w["label"], w["count"]) for w in summary["warnings"]] == [("Q", "q2[3]", 7)],
               f"summary warnings {summary['warnings']}")
        r = run(binary, ["grade", SEED, str(sheets)], root)
        expect("may be wrong" not in r.stderr, "a warning for a class that agrees with the key")

    for p in problems[:40]:
        print(p)
    print(f"{len(problems)} problems" if problems else f"grade: {SHEETS} sheets, all outputs agree with check")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
