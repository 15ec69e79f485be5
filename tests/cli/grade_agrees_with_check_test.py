#!/usr/bin/env python3
"""A sheet graded by `grade` and the same numbers stated in a case audited by `check` get the
same verdict in every cell: grading's shortcuts (the identical-sheet memo, recomputations
shared across sheets, reports without texts) reach exactly the audit's verdicts.

The sheets: bench/make-class (seed sheets with 0-3 slips, half carried forward), each then
rewritten in 0-3 cells the way students write numbers: the correct value as a decimal (2 or 4
places, ok where it rounds right), one place short (an erratum for a value needing more),
half a unit off at the printed boundary, a hundredth off, one off. Each sheet becomes a case
(the seed case with its stated values replaced); one `check --format json` audits them all.
Then the same for every case in cases/ that states whole matrices: its stated values as a
sheet, rewritten in 1-3 cells (the last digit one up or down, a digit dropped or added, a
numerator one off, a sign changed).

usage: grade_agrees_with_check_test.py HANDCHECK SOURCE_DIR
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

import yaml

SEED = "cases/self-attention-6-3.yaml"
SHEETS = 400
PER_CASE = 40


def decimal(q, places):
    """q rounded half away from zero to `places` decimals, as text (no float)."""
    scaled = abs(q) * 10**places
    n = int(scaled) + (1 if scaled - int(scaled) >= Fraction(1, 2) else 0)
    digits = str(n).rjust(places + 1, "0")
    text = digits[:-places] + "." + digits[-places:] if places else digits
    return ("-" if q < 0 and n else "") + text


def rewrite(answers, rng):
    """The answers with 0-3 cells written another way, some of them wrong."""
    for _ in range(rng.randint(0, 3)):
        matrix = answers[rng.choice(list(answers))]
        r = rng.randrange(len(matrix))
        c = rng.randrange(len(matrix[r]))
        q = Fraction(str(matrix[r][c]))
        matrix[r][c] = rng.choice([
            decimal(q, 2), decimal(q, 4), decimal(q, 1), decimal(q + Fraction(1, 200), 3),
            decimal(q + Fraction(1, 100), 2), str(q + 1), decimal(q - Fraction(1, 2000), 3)])


def mutated(text, rng):
    """A number as written, slipped the way a hand slips."""
    text = str(text)
    if text.lstrip("-").replace(".", "", 1).isdigit():
        kind = rng.randrange(4)
        if kind == 0 and "." in text:
            return text[:-1] if not text.endswith(".") else text
        if kind == 1:
            return text + ("5" if "." in text else ".5")
        if kind == 2:
            return text[1:] if text.startswith("-") else "-" + text
        if not text[-1].isdigit():
            return text + "1"
        return text[:-1] + str((int(text[-1]) + rng.choice([1, 9])) % 10)
    if "/" in text:
        p, q = text.split("/", 1)
        return f"{int(p) + rng.choice([-1, 1])}/{q}"
    return text


def verdicts(binary, root, case_path, case, sheets, tmp):
    """{sheet id: set of (step, cell, verdict) not ok} from grade, and from check."""
    sheet_file = tmp / "sheets.jsonl"
    sheet_file.write_text("".join(json.dumps(s) + "\n" for s in sheets))
    g = subprocess.run([binary, "grade", "--format", "long", str(case_path), str(sheet_file)], cwd=root,
                       capture_output=True, text=True, timeout=600)
    if g.returncode != 0:
        sys.exit(f"grade {case_path}: exit {g.returncode}: {g.stderr[-300:]}")
    graded = {s["id"]: set() for s in sheets}
    for row in csv.DictReader(io.StringIO(g.stdout)):
        if row["verdict"] not in ("ok", "blank"):
            graded[row["id"]].add((row["step"], row["cell"], row["verdict"]))
    cases = tmp / "cases"
    cases.mkdir(exist_ok=True)
    for f in cases.iterdir():
        f.unlink()
    for s in sheets:
        for step in case["steps"]:
            step["stated"] = [[None if x is None else str(x) for x in row] for row in s["answers"][step["name"]]]
        case["title"] = s["id"]
        (cases / f"{s['id']}.yaml").write_text(yaml.safe_dump(case, allow_unicode=True))
    c = subprocess.run([binary, "check", "--format", "json", str(cases)], cwd=root, capture_output=True, text=True,
                       timeout=600)
    if c.returncode not in (0, 1):
        sys.exit(f"check {case_path}: exit {c.returncode}: {c.stderr[-300:]}")
    audited = {}
    for r in json.loads(c.stdout)["cases"]:
        audited[r["title"]] = {(f["step"], f["label"], f["verdict"]) for f in r["findings"] if f["verdict"] != "ok"}
    return graded, audited


def compare(name, graded, audited, kinds, problems):
    if len(audited) != len(graded):
        problems.append(f"{name}: check audited {len(audited)} of {len(graded)} sheets")
    for sid, want in audited.items():
        got = graded[sid]
        for _, _, verdict in got:
            kinds[verdict] = kinds.get(verdict, 0) + 1
        if got != want and len(problems) < 8:
            problems.append(f"{name} {sid}: graded only {sorted(got - want)}, audited only {sorted(want - got)}")


def states_whole_matrices(case):
    steps = case.get("steps") or []
    return steps and all(isinstance(s.get("stated"), list) and all(isinstance(r, list) for r in s["stated"])
                         for s in steps)


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2]).resolve()
    problems = []
    kinds = {}
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        base = tmp / "base.jsonl"
        subprocess.run([sys.executable, str(root / "bench/make-class"), "--seeds", str(SHEETS), "--sheets",
                        str(SHEETS), "--seed", "11", "-o", str(base)], check=True)
        rng = random.Random(23)
        sheets = []
        for line in base.read_text().splitlines():
            sheet = json.loads(line, parse_float=str)
            rewrite(sheet["answers"], rng)
            sheets.append(sheet)
        case = yaml.safe_load((root / SEED).read_text())
        compare(SEED, *verdicts(binary, root, root / SEED, case, sheets, tmp), kinds, problems)
        # The comparison means something only when both verdicts that are not ok occur often.
        for verdict in ("erratum", "carried"):
            if kinds.get(verdict, 0) < 100:
                problems.append(f"only {kinds.get(verdict, 0)} {verdict} cells in {SEED}: too little tested")

        others = 0
        for path in sorted((root / "cases").rglob("*.yaml")):
            case = yaml.safe_load(path.read_text())
            if path == root / SEED or not states_whole_matrices(case):
                continue
            others += 1
            # The numbers as written (0.50, not 0.5): every scalar read as text.
            written = yaml.load(path.read_text(), Loader=yaml.BaseLoader)
            # A blank cell (null or "?") stays blank on the sheet and in the case.
            blank = lambda x: None if x in ("null", "Null", "NULL", "~", "?") else x
            stated = {s["name"]: [[blank(x) for x in row] for row in s["stated"]] for s in written["steps"]}
            sheets = []
            for n in range(PER_CASE):
                answers = json.loads(json.dumps(stated))
                for _ in range(rng.randint(1, 3)):
                    matrix = answers[rng.choice(list(answers))]
                    r = rng.randrange(len(matrix))
                    c = rng.randrange(len(matrix[r]))
                    if matrix[r][c] is not None:
                        matrix[r][c] = mutated(matrix[r][c], rng)
                sheets.append({"id": f"s{n:03}", "answers": answers})
            compare(str(path.relative_to(root)), *verdicts(binary, root, path, case, sheets, tmp), kinds, problems)
        if others < 20:
            problems.append(f"only {others} other cases state whole matrices")
    for p in problems:
        print(p)
    if problems:
        sys.exit(1)
    print(f"grade and check agree on every cell: {SHEETS} seed sheets, {PER_CASE} sheets of each of {others} "
          f"other cases ({kinds})")


if __name__ == "__main__":
    main()
