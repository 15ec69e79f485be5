#!/usr/bin/env python3
"""Writes the LaTeX answer key of every case under cases/ and compiles each with pdflatex.

Usage: compile_keys.py HANDCHECK_BINARY SOURCE_DIR
Fails on any case whose key cannot be written or does not compile; a missing pdflatex is a
failure too (scripts/install-deps.sh test installs it).
"""
import pathlib
import shutil
import subprocess
import sys
import tempfile


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, source = sys.argv[1], pathlib.Path(sys.argv[2])
    pdflatex = shutil.which("pdflatex")
    if not pdflatex:
        print("latex test: pdflatex is missing: install texlive-latex-base and "
              "texlive-latex-recommended (scripts/install-deps.sh test)", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1
    cases = sorted(p for p in (source / "cases").rglob("*") if p.suffix in (".yaml", ".yml"))
    if not cases:
        print("latex test: no cases found", file=sys.stderr)
        print("0 passed, 1 failed")
        return 1
    passed = failed = 0
    with tempfile.TemporaryDirectory(prefix="handcheck-latex-") as tmp:
        for i, case in enumerate(cases):
            name = case.relative_to(source).as_posix()
            work = pathlib.Path(tmp) / str(i)
            work.mkdir()
            tex = work / "key.tex"
            key = subprocess.run([binary, "key", str(case), "--format", "tex", "-o", str(tex)],
                                 capture_output=True, text=True, timeout=300)
            if key.returncode != 0:
                failed += 1
                print(f"not ok - {name}: handcheck key exited {key.returncode}\n{key.stderr}")
                continue
            run = subprocess.run([pdflatex, "-interaction=nonstopmode", "-halt-on-error", "key.tex"],
                                 cwd=work, capture_output=True, text=True, errors="replace", timeout=300)
            pdf = work / "key.pdf"
            if run.returncode != 0 or not pdf.exists() or pdf.stat().st_size == 0:
                failed += 1
                log = (work / "key.log").read_text(errors="replace") if (work / "key.log").exists() else run.stdout
                errors = [line for line in log.splitlines() if line.startswith("!")][:5]
                print(f"not ok - {name}: pdflatex exited {run.returncode}")
                for line in errors or log.splitlines()[-20:]:
                    print(f"  {line}")
                continue
            passed += 1
            print(f"ok - {name} ({pdf.stat().st_size} bytes of PDF)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
