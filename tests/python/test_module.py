"""The Python module: check, grade and key in process, against the command line's outputs and
known answers; errors as handcheck.CaseError with their place."""
import json
import pathlib
import subprocess

import pytest

import handcheck
from conftest import SEED

# A small case for grading: b = 2a, c = b + 1.
GRADED = """\
format: handcheck/1
title: Doubling
inputs:
  a: [[1, 2]]
steps:
  - name: b
    do: a * 2
  - name: c
    do: b + 1
"""


def test_check_path_gives_the_json_report():
    report = handcheck.check(str(SEED))
    assert report["handcheck"] == "report/1"
    (case,) = report["cases"]
    assert case["status"] == "errata"
    assert case["cells"] == {"stated": 116, "ok": 115, "erratum": 1, "carried": 0, "undecided": 0}
    (finding,) = case["findings"]
    assert (finding["step"], finding["label"], finding["stated"], finding["expected"]) == ("Q", "q2[3]", "1", "2")
    assert (finding["verdict"], finding["downstream"]) == ("erratum", "correct")
    assert report["summary"] == {"cases": 1, "clean": 0, "errata": 1, "error": 0}


def test_check_is_the_command_lines_report(binary):
    cli = subprocess.run([binary, "check", "--format", "json", str(SEED)], capture_output=True, text=True)
    assert handcheck.check(str(SEED)) == json.loads(cli.stdout)


def test_check_takes_a_pathlike_and_yaml_text():
    assert handcheck.check(SEED)["cases"][0]["cells"]["erratum"] == 1
    report = handcheck.check(SEED.read_text(encoding="utf-8"))
    assert report["cases"][0]["file"] == "<string>"
    assert report["cases"][0]["cells"]["erratum"] == 1


def test_a_clean_case():
    text = GRADED.replace("    do: a * 2\n", "    do: a * 2\n    stated: [[2, 4]]\n")
    case = handcheck.check(text)["cases"][0]
    assert case["status"] == "clean" and case["cells"]["ok"] == 2


def test_case_error_has_file_line_column_and_message():
    with pytest.raises(handcheck.CaseError) as info:
        handcheck.check(GRADED.replace("do: b + 1", "do: b + d"))
    e = info.value
    assert (e.file, e.line, e.column) == ("<string>", 9, 13)
    assert e.message == "step c: in 'do': unknown name 'd' (did you mean 'a'?)"
    assert e.id == "load.unknown-name"
    assert str(e) == "<string>:9:13: error[load.unknown-name]: step c: in 'do': unknown name 'd' (did you mean 'a'?)"
    assert isinstance(e, ValueError)


def test_missing_file_is_a_case_error(tmp_path):
    missing = tmp_path / "missing.yaml"
    with pytest.raises(handcheck.CaseError) as info:
        handcheck.check(missing)
    assert info.value.file == str(missing)
    assert info.value.message.startswith("cannot open the file")
    assert info.value.id == "io.open"


@pytest.mark.parametrize("fmt", ["md", "json", "tex", "html"])
def test_key_is_the_command_lines_key(binary, fmt):
    cli = subprocess.run([binary, "key", "--format", fmt, str(SEED)], capture_output=True, text=True)
    assert cli.returncode == 0
    assert handcheck.key(str(SEED), format=fmt) == cli.stdout


def test_key_digits_as_the_command_line(binary):
    cli = subprocess.run([binary, "key", "--format", "json", "--digits", "12", str(SEED)], capture_output=True, text=True)
    key = handcheck.key(str(SEED), format="json", digits=12)
    assert key == cli.stdout
    a = next(s for s in json.loads(key)["steps"] if s["name"] == "A")
    assert a["exact"][0][0] == "0.365189398600"
    with pytest.raises(ValueError):
        handcheck.key(str(SEED), digits=0)


def test_key_defaults_to_markdown_and_refuses_unknown_formats():
    assert handcheck.key(GRADED).startswith("# Answer key: Doubling")
    with pytest.raises(ValueError, match="unknown key format 'pdf'"):
        handcheck.key(GRADED, format="pdf")


def test_grade_with_follow_through_credit():
    sheets = [
        {"id": "right", "answers": {"b": [[2, 4]], "c": [[3, 5]]}},
        # b[2] wrong; c[2] follows from it: carried, full credit by default.
        {"id": "carries", "answers": {"b": [[2, 5]], "c": [[3, 6]]}},
        {"id": "blank", "answers": {"b": [[2, None]]}},
    ]
    right, carries, blank = handcheck.grade(GRADED, sheets)
    assert (right["id"], right["ok"], right["score"]) == ("right", 4, "1")
    assert (carries["ok"], carries["carried"], carries["erratum"], carries["score"]) == (2, 1, 1, "3/4")
    assert [(f["label"], f["verdict"]) for f in carries["findings"]] == [("b[1,2]", "erratum"), ("c[1,2]", "carried")]
    assert (blank["ok"], blank["blank"], blank["score"]) == (1, 3, "1/4")
    half = handcheck.grade(GRADED, sheets[1], carried_credit="1/2")
    assert [s["score"] for s in half] == ["5/8"]


def test_grade_reads_a_sheets_file(tmp_path):
    case = tmp_path / "doubling.yaml"
    case.write_text(GRADED, encoding="utf-8")
    sheets = tmp_path / "sheets.jsonl"
    sheets.write_text('{"id": "s1", "answers": {"b": [["2", "4.0"]], "c": {"1,2": 5}}}\n', encoding="utf-8")
    (s1,) = handcheck.grade(case, sheets)
    assert (s1["ok"], s1["blank"], s1["score"]) == (3, 1, "3/4")


def test_grade_errors_name_the_sheet():
    with pytest.raises(handcheck.CaseError) as info:
        handcheck.grade(GRADED, [{"id": "x", "answers": {}}, {"answers": {}}])
    assert (info.value.file, info.value.line) == ("<sheets>", 2)
    with pytest.raises(TypeError):
        handcheck.grade(GRADED, [1, 2])
