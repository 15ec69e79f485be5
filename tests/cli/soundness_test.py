#!/usr/bin/env python3
"""End to end: the soundness rules of DESIGN §3 and §5 as a user meets them.

- a student who writes "-inf" (or -∞, -Infinity) for a masked score gets it graded ok;
- a carried cell names, in the JSON report, the erratum in the cells it reads;
- an undecided cell is never ok: the case is not clean and exits 1;
- a case whose hand steps come after an unrelated irrational step is checked, not refused.
Expected values were computed outside handcheck (Python fractions and mpmath); see the cases.
"""
import json
import pathlib
import subprocess
import sys
import tempfile


def run(binary, args, cwd=None, stdin=None):
    return subprocess.run([binary, *args], cwd=cwd, input=stdin, capture_output=True, text=True, timeout=120)


def main():
    binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
    failures = []

    def expect(what, got, want):
        if got != want:
            failures.append(f"{what}: got {got!r}, want {want!r}")

    causal = str(root / "cases/soundness/causal-mask-inf.yaml")
    sheets = "\n".join([
        json.dumps({"id": "ada", "answers": {"T": [[2, "-inf", "-inf"], [1, 3, "-inf"], [0, 2, 2]],
                                             "A": [[1, 0, 0], ["1/10", "9/10", 0], ["1/19", "9/19", "9/19"]]}}),
        json.dumps({"id": "bob", "answers": {"T": [[2, "-∞", "-Infinity"], [1, 3, "inf"], [0, 2, 2]]}},
                   ensure_ascii=False),
        json.dumps({"id": "cy", "answers": {"T": [[2, 0, 0], [1, 3, 0], [0, 2, 2]]}}),
    ]) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "sheets.jsonl"
        path.write_text(sheets, encoding="utf-8")
        graded = run(binary, ["grade", causal, str(path)])
        expect("grade exit", graded.returncode, 0)
        rows = {line.split(",")[0]: line.split(",")[1:6] for line in graded.stdout.splitlines()[1:]}
        # 27 cells; ada answers 18, all ok; bob's "inf" for -inf is an erratum; cy's zeros are 3 errata.
        expect("ada", rows.get("ada"), ["27", "18", "0", "0", "9"])
        expect("bob", rows.get("bob"), ["27", "8", "0", "1", "18"])
        expect("cy", rows.get("cy"), ["27", "6", "0", "3", "18"])

    # Scores printed exactly stand for themselves, not for [0.95, 1.05]: 0.1600 for 0.186324 is
    # an erratum, not full marks through a widened band.
    four = str(root / "cases/soundness/softmax-four-decimals.yaml")
    sheet = json.dumps({"id": "s", "answers": {"S": [[1.0, 0.5, 2.5, 1.5], [1.5, 2.0, 1.0, 0.5], [2.0, 1.0, 1.5, 2.0]],
                                               "A": {"1,1": "0.1600", "2,1": "0.3072"}}}) + "\n"
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "s.jsonl"
        path.write_text(sheet, encoding="utf-8")
        long = run(binary, ["grade", four, str(path), "--format", "long"])
        verdicts = {row.split(",")[2]: row.split(",")[6] for row in long.stdout.splitlines()[1:]
                    if row.split(",")[1] == "A" and row.split(",")[3]}
        expect("0.1600 and 0.3072", verdicts, {"q1[1]": "erratum", "q1[2]": "ok"})

    report = run(binary, ["check", "--format", "json", str(root / "cases/soundness/carried-by-row.yaml")])
    expect("carried exit", report.returncode, 1)
    findings = json.loads(report.stdout)["cases"][0]["findings"]
    carried = {f["label"]: f["follows_from"] for f in findings if f["verdict"] == "carried"}
    expect("Z t1[1] follows from", carried.get("t1[1]"), [{"step": "A", "label": "t1[1]"}])
    expect("Z t2[2] follows from", carried.get("t2[2]"), [{"step": "A", "label": "t2[2]"}])
    downstream = {f["label"]: f["downstream"] for f in findings if f["verdict"] == "erratum"}
    expect("downstream", downstream, {"t1[1]": "stated", "t2[2]": "stated"})

    undecided = run(binary, ["check", "--format", "json", str(root / "cases/soundness/undecided-floor.yaml")])
    expect("undecided exit", undecided.returncode, 1)
    case = json.loads(undecided.stdout)["cases"][0]
    expect("undecided status", case["status"], "errata")
    expect("undecided cells", case["cells"], {"stated": 4, "ok": 1, "erratum": 2, "carried": 0, "undecided": 1})
    verdicts = {f["step"]: f["verdict"] for f in case["findings"]}
    expect("undecided verdicts", verdicts, {"Y": "erratum", "Z": "erratum", "U": "undecided"})

    only_undecided = "format: handcheck/1\nfollows: exact\ninputs:\n  x: 2\nsteps:\n  - name: Y\n" \
                     "    do: floor(sqrt(x) * sqrt(x))\n    stated: 2\n"
    with tempfile.TemporaryDirectory() as tmp:
        p = pathlib.Path(tmp) / "u.yaml"
        p.write_text(only_undecided, encoding="utf-8")
        text = run(binary, ["check", str(p)])
        expect("only undecided exit", text.returncode, 1)
        expect("only undecided headline", text.stdout.splitlines()[1].strip(),
               "undecided: 1 cell stated, 0 ok, 0 errata, 0 carried, 1 undecided")

    irrational = ("format: handcheck/1\ninputs:\n  x: [[3, 6, 2]]\nsteps:\n"
                  "  - name: r\n    follows: exact\n    do: x / sqrt(2)\n    stated: [[2.12, 4.24, 1.41]]\n"
                  "  - name: f\n    hand: floor(x / 2)\n    exact: x / sqrt(3)\n    stated: [[1, 3, 1]]\n")
    with tempfile.TemporaryDirectory() as tmp:
        p = pathlib.Path(tmp) / "i.yaml"
        p.write_text(irrational, encoding="utf-8")
        text = run(binary, ["check", str(p)])
        expect("hand after irrational exit", text.returncode, 0)
        expect("hand after irrational headline", text.stdout.splitlines()[1].strip(),
               "clean: 6 cells stated, 6 ok, 0 errata, 0 carried")

    # A student who carries their own correctly rounded p into a distance is right (§5): p =
    # (0.96, 2.04) printed (1.0, 2.0); d from them is sqrt(0.01^2 + 0.01^2) = 0.01414, correct
    # 0.04243. The square root of the interval of a sum of squares through zero failed, and
    # graded d an erratum (values by Python fractions and mpmath).
    distance = ("format: handcheck/1\ninputs:\n  W: [[0.48, 0], [0, 0.51]]\n  x: [[2], [4]]\n"
                "  c: [[0.99], [2.01]]\nsteps:\n  - name: p\n    do: W @ x\n"
                "  - name: d\n    do: sqrt(colsum((p - c) ^ 2))\n")
    sheets = ('{"id": "own-p", "answers": {"p": [["1.0"], ["2.0"]], "d": [["0.014"]]}}\n'
              '{"id": "own-p-short", "answers": {"p": [["1.0"], ["2.0"]], "d": [["0.01"]]}}\n'
              '{"id": "right", "answers": {"p": [["0.96"], ["2.04"]], "d": [["0.042"]]}}\n'
              '{"id": "wrong", "answers": {"p": [["1.0"], ["2.0"]], "d": [["0.050"]]}}\n')
    with tempfile.TemporaryDirectory() as tmp:
        case, class_ = pathlib.Path(tmp) / "d.yaml", pathlib.Path(tmp) / "d.jsonl"
        case.write_text(distance, encoding="utf-8")
        class_.write_text(sheets, encoding="utf-8")
        graded = run(binary, ["grade", str(case), str(class_)])
        expect("own rounded p carried into d", graded.stdout.splitlines()[1:],
               ["own-p,3,3,0,0,0,0,1", "own-p-short,3,3,0,0,0,0,1", "right,3,3,0,0,0,0,1",
                "wrong,3,2,0,1,0,0,0.6667"])

    for f in failures:
        print("FAIL:", f)
    print(f"{'ok' if not failures else str(len(failures)) + ' failed'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
