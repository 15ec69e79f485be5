#!/usr/bin/env python3
"""End to end: `check --format junit` over cases/ and a broken case, read back with an XML
parser: the element structure testsuites/testsuite/testcase/failure|error|skipped, the
attributes CI systems render, counts that add up, and one <failure> per finding of the JSON
report. Also: a deck checked on one thread and on two gives the same report, in input order.
usage: junit_test.py HANDCHECK SOURCE_DIR
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

problems = []


def expect(condition, message):
    if not condition:
        problems.append(message)


def run(binary, args, cwd):
    return subprocess.run([binary, *args], cwd=cwd, capture_output=True, text=True, timeout=600)


def main():
    binary, root = str(pathlib.Path(sys.argv[1]).resolve()), pathlib.Path(sys.argv[2])
    with tempfile.TemporaryDirectory() as tmp:
        deck = pathlib.Path(tmp) / "deck"
        shutil.copytree(root / "cases", deck / "cases")
        (deck / "cases" / "zz-broken.yaml").write_text("format: handcheck/1\ninputs:\n  X: [[1, 2]\n", encoding="utf-8")
        junit = run(binary, ["check", "--format", "junit", "cases"], deck)
        report = json.loads(run(binary, ["check", "--format", "json", "cases"], deck).stdout)
        one = run(binary, ["check", "--format", "json", "-j", "1", "cases"], deck).stdout
        two = run(binary, ["check", "--format", "json", "-j", "2", "cases"], deck).stdout
    expect(one == two, "one thread and two give different reports")
    expect(junit.returncode == 2, f"exit {junit.returncode} with a broken case in the deck, expected 2")
    try:
        suites = ET.fromstring(junit.stdout)
    except ET.ParseError as e:
        print(f"not XML: {e}")
        sys.exit(1)

    expect(suites.tag == "testsuites", f"root element {suites.tag}")
    children = list(suites)
    expect(all(s.tag == "testsuite" for s in children), "testsuites holds something other than testsuite")
    expect(len(children) == len(report["cases"]), f"{len(children)} testsuites for {len(report['cases'])} cases")
    files = [s.get("file") for s in children]
    expect(files == [c["file"] for c in report["cases"]], "testsuites are not in the order of the cases")
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    for suite, case in zip(children, report["cases"]):
        name = suite.get("name")
        for attr in ("name", "tests", "failures", "errors", "skipped", "file"):
            expect(suite.get(attr) is not None, f"{name}: testsuite without {attr}")
        cases = suite.findall("testcase")
        expect(all(c.tag in ("properties", "testcase", "system-out") for c in suite), f"{name}: unexpected element")
        failing = [c for c in cases if c.find("failure") is not None]
        erroring = [c for c in cases if c.find("error") is not None]
        skipped = [c for c in cases if c.find("skipped") is not None]
        expect(int(suite.get("tests")) == len(cases), f"{name}: tests={suite.get('tests')}, {len(cases)} testcases")
        expect(int(suite.get("failures")) == len(failing), f"{name}: failures attribute")
        expect(int(suite.get("errors")) == len(erroring), f"{name}: errors attribute")
        expect(int(suite.get("skipped")) == len(skipped), f"{name}: skipped attribute")
        for k in totals:
            totals[k] += int(suite.get(k))
        for c in cases:
            expect(c.get("name") and c.get("classname"), f"{name}: testcase without name or classname")
            expect("/" not in c.get("classname", "") and not c.get("classname", "").endswith("yaml"),
                   f"{name}: classname {c.get('classname')} is not dotted")
            for f in c.findall("failure"):
                expect(f.get("type") in ("erratum", "carried", "undecided"), f"{name}: failure type {f.get('type')}")
                expect("stated " in f.get("message", "") and "expected " in f.get("message", ""),
                       f"{name}: failure message {f.get('message')!r}")
                text = f.text or ""
                for field in ("stated:", "expected:", "verdict:"):
                    expect(field in text, f"{name}: failure text has no {field}")
        if case["status"] == "error":
            expect(len(erroring) == 1 and erroring[0].find("error").get("message"), f"{name}: no <error> for a broken case")
        else:
            findings = {}
            for f in case["findings"]:
                findings.setdefault(f["step"], []).append(f)
            for c in cases:
                got = c.findall("failure")
                want = findings.get(c.get("name"), [])
                expect(len(got) == len(want), f"{name} {c.get('name')}: {len(got)} failures, {len(want)} findings")
                for g, w in zip(got, want):
                    expect(g.get("type") == w["verdict"] and f"stated {w['stated']}," in g.get("message"),
                           f"{name} {c.get('name')}: failure {g.get('message')!r} against finding {w}")
    for k, v in totals.items():
        expect(int(suites.get(k)) == v, f"testsuites {k}={suites.get(k)}, suites add to {v}")
    expect(any(s.find("testcase/failure") is not None for s in children), "no failure anywhere in cases/")

    for p in problems[:40]:
        print(p)
    print(f"{len(problems)} problems" if problems else f"junit: {len(children)} testsuites, {totals['tests']} testcases")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
