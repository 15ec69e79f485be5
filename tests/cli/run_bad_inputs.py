#!/usr/bin/env python3
"""Runs handcheck over the bad-input corpus in tests/bad/: every file must give a clear error.

Each file starts with a comment line saying what the error is:
  # expect: LINE:COL: error[ID]: MESSAGE-SUBSTRING   (LINE:COL may be * when no place applies;
                                                      ID is the error's id, docs/errors.md)
  # args: --max-cells 3                      (optional second line: extra options for check)
or `# expect-report: LINE:COL: SUBSTRING` for a valid case (a byte order mark, CRLF line
endings) that must be checked, exit 1 and name an erratum at that place. An empty file
cannot carry the line: it expects `1:1: error[load.empty]: empty case file`.

For each bad file: exit code 2, `<path>:LINE:COL: error[ID]: ` and the substring on stderr or in
the report, no "internal error", and an answer within 5 seconds.
Usage: run_bad_inputs.py HANDCHECK SOURCE_DIR [--update]
  --update writes the id that each error prints into its expect line (UTF-8 files), when the
  rest of the expectation holds; review the diff.
"""
import pathlib
import re
import subprocess
import sys

TIMEOUT = 5


def header(data):
    """The expect and args lines of a file, whatever its encoding."""
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        text = data.decode("utf-16", errors="replace")
    else:
        text = data.decode("utf-8", errors="replace").lstrip("\ufeff")
    lines = text.splitlines()[:2]
    expect = args = None
    for line in lines:
        if line.startswith("# expect:"):
            expect = line[len("# expect:"):].strip()
        elif line.startswith("# expect-report:"):
            expect = "report " + line[len("# expect-report:"):].strip()
        elif line.startswith("# args:"):
            args = line[len("# args:"):].split()
    return expect, args or []


def check(binary, root, path):
    rel = path.relative_to(root).as_posix()
    data = path.read_bytes()
    expect, args = header(data) if data else ("1:1: error[load.empty]: empty case file", [])
    if expect is None:
        return [f"{rel}: no '# expect:' first line"]
    try:
        run = subprocess.run([binary, "check", *args, rel], cwd=root, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return [f"{rel}: no answer within {TIMEOUT} s"]
    out = (run.stderr + run.stdout).decode("utf-8", errors="replace")
    problems = []
    if "internal error" in out:
        problems.append(f"{rel}: internal error")
    report = expect.startswith("report ")
    place, _, substring = expect.removeprefix("report ").partition(": ")
    error_id = re.match(r"error\[([a-z0-9.-]+)\]: ", substring)
    if error_id:
        substring = substring[error_id.end():]
    elif not report:
        problems.append(f"{rel}: the expect line names no error[ID]")
    if run.returncode != (1 if report else 2):
        problems.append(f"{rel}: exit {run.returncode}, expected {1 if report else 2}")
    # An error reads "path:line:col: message"; a report names an erratum "at path:line:col".
    prefix = f"{rel}:" if place in ("*", "*:*") else f"{rel}:{place}" + ("" if report else ":")
    if prefix not in out:
        problems.append(f"{rel}: no '{prefix}' in the output:\n{out}")
    if error_id and f"{prefix} error[{error_id[1]}]: " not in out:
        problems.append(f"{rel}: no '{prefix} error[{error_id[1]}]: ' in the output:\n{out}")
    if UPDATE and not error_id and not report and len(problems) == 1 and data:
        printed = re.search(re.escape(prefix) + r" error\[([a-z0-9.-]+)\]: ", out)
        try:
            text = data.decode("utf-8") if printed else None
        except UnicodeDecodeError:
            text = None
        old = f"# expect: {expect}"
        if text is not None and old in text:
            new = f"# expect: {place}: error[{printed[1]}]: {substring}"
            path.write_bytes(text.replace(old, new, 1).encode("utf-8"))
            return []
    if substring not in out:
        problems.append(f"{rel}: no '{substring}' in the output:\n{out}")
    return problems


UPDATE = "--update" in sys.argv


def main():
    binary, root = sys.argv[1], pathlib.Path(sys.argv[2]).resolve()
    files = sorted(p for p in (root / "tests" / "bad").iterdir() if p.is_file() and p.suffix == ".yaml")
    problems, bad = [], 0
    for path in files:
        found = check(binary, root, path)
        problems += found
        bad += bool(found)
    for p in problems:
        print(p)
    print(f"{len(files) - bad} passed, {bad} failed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
