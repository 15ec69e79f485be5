#!/usr/bin/env python3
"""End-to-end checks of the handcheck binary over every case in cases/.

Each case declares what a reviewer expects of it in comment lines:
  # expect: status=errata erratum=1 carried=13 stated=116
  # expect-finding: STEP ROW COL VERDICT [DOWNSTREAM]
and its full text report is compared with tests/golden/<case path>.txt.
Run with --update to rewrite the golden reports after a reviewed change.
"""
import json
import pathlib
import subprocess
import sys

EXIT_FOR_STATUS = {"clean": 0, "errata": 1, "error": 2}


def run(binary, args, cwd):
    return subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def expectations(text):
    expect, findings = {}, []
    for line in text.splitlines():
        if line.startswith("# expect:"):
            for pair in line[len("# expect:"):].split():
                key, value = pair.split("=", 1)
                expect[key] = value
        elif line.startswith("# expect-finding:"):
            findings.append(line[len("# expect-finding:"):].split())
    return expect, findings


def check_keys(binary, root, rel, report):
    """The answer key renders in every format; the JSON key marks the findings check made."""
    problems = []
    for fmt in ("md", "html", "json", "tex"):
        key = run(binary, ["key", "--format", fmt, rel], root)
        if key.returncode != 0 or not key.stdout.strip():
            problems.append(f"{rel}: key --format {fmt}: exit {key.returncode}: {key.stderr.strip()}")
            continue
        if fmt == "html" and not key.stdout.rstrip().endswith("</html>"):
            problems.append(f"{rel}: key --format html is not a whole page")
        if fmt == "tex" and "\\end{document}" not in key.stdout:
            problems.append(f"{rel}: key --format tex has no \\end{{document}}")
        if fmt == "json":
            marked = set()
            for step in json.loads(key.stdout).get("steps", []):
                for s in step.get("stated", []) or []:
                    if s.get("verdict") in ("erratum", "carried"):
                        marked.add((step["name"], s["row"], s["col"]))
            found = {(f["step"], f["row"], f["col"]) for f in report["findings"] if f["verdict"] != "undecided"}
            if marked != found:
                problems.append(f"{rel}: the JSON key marks {sorted(marked)}, check found {sorted(found)}")
    return problems


def check_case(binary, root, case, update):
    rel = case.relative_to(root).as_posix()
    problems = []
    expect, wanted = expectations(case.read_text(encoding="utf-8"))
    if not expect:
        return [f"{rel}: no '# expect:' line; every case must say what check should find"]
    result = run(binary, ["check", "--format", "json", rel], root)
    try:
        report = json.loads(result.stdout)["cases"][0]
    except (ValueError, KeyError, IndexError):
        return [f"{rel}: no JSON report (exit {result.returncode}): {result.stderr.strip()}"]
    status = report["status"]
    if status != expect.get("status", status):
        problems.append(f"{rel}: status {status}, expected {expect['status']}")
    if result.returncode != EXIT_FOR_STATUS[status]:
        problems.append(f"{rel}: exit {result.returncode} for status {status}")
    for key in ("erratum", "carried", "stated", "ok", "undecided"):
        if key in expect and str(report["cells"][key]) != expect[key]:
            problems.append(f"{rel}: {key} = {report['cells'][key]}, expected {expect[key]}")
    for step, row, col, verdict, *downstream in wanted:
        match = [f for f in report["findings"]
                 if f["step"] == step and f["row"] == int(row) and f["col"] == int(col)]
        if not match:
            problems.append(f"{rel}: no finding at {step}[{row},{col}]")
            continue
        if match[0]["verdict"] != verdict:
            problems.append(f"{rel}: {step}[{row},{col}] is {match[0]['verdict']}, expected {verdict}")
        if downstream and match[0].get("downstream") != downstream[0]:
            problems.append(f"{rel}: {step}[{row},{col}] downstream {match[0].get('downstream')}, "
                            f"expected {downstream[0]}")

    problems += check_keys(binary, root, rel, report)

    text = run(binary, ["check", rel], root)
    golden = root / "tests" / "golden" / (rel + ".txt")
    if update:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text.stdout, encoding="utf-8")
    elif not golden.exists():
        problems.append(f"{rel}: no golden report {golden.relative_to(root)} (run with --update)")
    elif golden.read_text(encoding="utf-8") != text.stdout:
        problems.append(f"{rel}: text report differs from {golden.relative_to(root)}:\n{text.stdout}")
    return problems


def main():
    binary, root = sys.argv[1], pathlib.Path(sys.argv[2])
    update = "--update" in sys.argv
    cases = sorted(root.glob("cases/**/*.yaml"))
    passed = failed = 0
    for case in cases:
        problems = check_case(binary, root, case, update)
        if problems:
            failed += 1
            print("\n".join(problems))
        else:
            passed += 1
    # A directory checks every case below it; the highest exit code wins.
    whole = run(binary, ["check", "--format", "json", "cases"], root)
    summary = json.loads(whole.stdout)["summary"]
    if summary["cases"] != len(cases) or whole.returncode != (1 if summary["errata"] else 0):
        failed += 1
        print(f"check cases/: summary {summary}, exit {whole.returncode}")
    else:
        passed += 1
    # The Markdown report: a row per case whose status is the JSON report's, the same exit code,
    # and a golden report of a few cases.
    md = run(binary, ["check", "--format", "md", "cases"], root)
    words = {"clean": "✓ clean", "error": "error"}
    rows = [line.split(" | ") for line in md.stdout.splitlines() if line.startswith("| `cases/")]
    statuses = {row[0][3:-1]: row[1] for row in rows}
    expected = {c["file"]: words[c["status"]] if c["status"] in words
                else "✗ errata" if c["cells"]["erratum"] + c["cells"]["carried"] else "? undecided"
                for c in json.loads(whole.stdout)["cases"]}
    if md.returncode != whole.returncode or statuses != expected:
        failed += 1
        print(f"check --format md cases/: exit {md.returncode}, statuses differ from the JSON report: "
              f"{set(statuses.items()) ^ set(expected.items())}")
    else:
        passed += 1
    some = ["cases/self-attention-6-3.yaml", "cases/soundness"]
    md = run(binary, ["check", "--format", "md", *some], root)
    golden = root / "tests" / "golden" / "check-report.md"
    if update:
        golden.write_text(md.stdout, encoding="utf-8")
    if md.returncode != 1 or golden.read_text(encoding="utf-8") != md.stdout:
        failed += 1
        print(f"check --format md {' '.join(some)}: exit {md.returncode}, or differs from {golden}:\n{md.stdout}")
    else:
        passed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed or not cases else 0


if __name__ == "__main__":
    sys.exit(main())
