#!/usr/bin/env python3
"""No function in src/ is longer than 60 lines: Debian's clang-tidy (readability-function-size,
LineThreshold 60) over every library and command-line source of the build, headers of src/ and
include/handcheck/ included. Any finding fails, and so does a missing clang-tidy.

usage: function_size.py CLANG_TIDY BUILD_DIR SOURCE_DIR [JOBS]
HANDCHECK_FUNCTION_SIZE_ONLY=REGEX checks only the sources whose path matches (while splitting).
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys

THRESHOLD = 60
# Functions over the threshold allowed for a while, as "path:function": none today. A function
# listed here names the work that splits it, and is removed with that work.
ALLOWED = set()

FINDING = re.compile(r"^(?P<path>[^:\s]+):(?P<line>\d+):\d+: warning: function '(?P<name>[^']+)' exceeds")
LINES = re.compile(r"note: (?P<lines>\d+) lines including whitespace and comments")


def tidy(clang_tidy, build, source, path):
    config = "{CheckOptions: [{key: readability-function-size.LineThreshold, value: %d}]}" % THRESHOLD
    header_filter = re.escape(source) + "/(src|include/handcheck)/"
    r = subprocess.run([clang_tidy, "-p", build, "--quiet", "--checks=-*,readability-function-size",
                        "--config=" + config, "--header-filter=" + header_filter, path],
                       capture_output=True, text=True)
    if r.returncode != 0 and "warning:" not in r.stdout:
        return path, None, r.stdout + r.stderr
    return path, r.stdout, ""


def main():
    clang_tidy, build, source = sys.argv[1], os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3])
    jobs = int(sys.argv[4]) if len(sys.argv) > 4 else 2
    with open(os.path.join(build, "compile_commands.json"), encoding="utf-8") as f:
        files = sorted({os.path.normpath(os.path.join(e["directory"], e["file"])) for e in json.load(f)})
    files = [p for p in files if p.startswith(os.path.join(source, "src") + os.sep)]
    only = os.environ.get("HANDCHECK_FUNCTION_SIZE_ONLY")
    if only:
        files = [p for p in files if re.search(only, p)]
    if not files:
        print(f"no source of {source}/src in {build}/compile_commands.json")
        return 1
    findings, failures = {}, []
    with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
        for path, out, error in pool.map(lambda p: tidy(clang_tidy, build, source, p), files):
            if out is None:
                failures.append(f"{path}: clang-tidy failed:\n{error}")
                continue
            lines = out.splitlines()
            for i, line in enumerate(lines):
                m = FINDING.match(line)
                if not m:
                    continue
                rel = os.path.relpath(m["path"], source)
                size = next((n["lines"] for n in map(LINES.search, lines[i + 1:i + 8]) if n), "?")
                findings[(rel, m["name"])] = f"{rel}:{m['line']}: {m['name']}: {size} lines"
    over = {k: v for k, v in findings.items() if f"{k[0]}:{k[1]}" not in ALLOWED}
    stale = sorted(a for a in ALLOWED if tuple(a.split(":", 1)) not in findings)
    for v in sorted(over.values()):
        print(f"{v} (more than {THRESHOLD}): split it into named pieces")
    for a in stale:
        print(f"{a} is within {THRESHOLD} lines now: remove it from ALLOWED in {__file__}")
    for f in failures:
        print(f)
    print(f"function_size: {len(files)} sources, {len(over)} functions over {THRESHOLD} lines")
    return 1 if over or stale or failures else 0


if __name__ == "__main__":
    sys.exit(main())
