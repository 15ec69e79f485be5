"""`handcheck schema`: a JSON Schema (draft 2020-12) that every case in cases/ satisfies and
that refuses what the loader refuses for its shape: unknown keys, a missing step name, do
with hand, malformed numbers. Number spellings of the coming extended reals already pass."""
import json
import subprocess

import jsonschema
import pytest
import yaml

from conftest import SOURCE_DIR

CASES = sorted((SOURCE_DIR / "cases").rglob("*.yaml"))


@pytest.fixture(scope="module")
def validator():
    import os
    out = subprocess.run([os.environ["HANDCHECK_BINARY"], "schema"], capture_output=True, text=True, check=True)
    schema = json.loads(out.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_there_are_cases():
    assert len(CASES) >= 40


@pytest.mark.parametrize("path", CASES, ids=lambda p: str(p.relative_to(SOURCE_DIR)))
def test_every_case_validates(validator, path):
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(yaml.safe_load(path.read_text()))]
    assert errors == []


BASE = """\
format: handcheck/1
inputs:
  X: {value: [[1, 2], [3, 4]], columns: x}
steps:
  - name: S
    do: X * 2
    stated: [[2, 4], [6, 8]]
"""


def valid(validator, text):
    return validator.is_valid(yaml.safe_load(text))


@pytest.mark.parametrize("number", ["-inf", "inf", "-∞", "∞", "-infinity", "-.inf", ".inf", "1e-3", "-0.375",
                                    '"3/10"', '" -3/10 "', "+1.5", ".5", "2.5E+2"])
def test_number_spellings_pass(validator, number):
    assert valid(validator, BASE.replace("[[1, 2]", f"[[{number}, 2]"))
    assert valid(validator, BASE.replace("[[2, 4]", f"[[{number}, 4]"))


@pytest.mark.parametrize("bad", ["1,5", "abc", "1/", "--1", "1e", "0x10", "true"])
def test_malformed_numbers_fail(validator, bad):
    assert not valid(validator, BASE.replace("[[1, 2]", f"[['{bad}', 2]" if bad != "true" else "[[true, 2]"))


def test_blanks_pass_in_stated_only(validator):
    assert valid(validator, BASE.replace("[[2, 4]", '[["?", null]'))
    assert not valid(validator, BASE.replace("[[1, 2]", "[[null, 2]"))


def test_stated_forms_and_expressions(validator):
    assert valid(validator, BASE.replace("[[2, 4], [6, 8]]", "{x2: [4, 8]}"))
    assert valid(validator, BASE.replace("[[2, 4], [6, 8]]", '{"1,2": 4, "2,2": "?"}'))
    assert valid(validator, BASE.replace("do: X * 2", "hand: round(X * 2, 1)\n    exact: X * 2"))


@pytest.mark.parametrize("edit", [
    ("format: handcheck/1", "format: handcheck/2"),
    ("format: handcheck/1\n", "format: handcheck/1\ntitel: typo\n"),
    ("  - name: S\n", "  - nam: S\n"),
    ("    do: X * 2", "    do: X * 2\n    hand: X"),
    ("    do: X * 2", "    hand: X"),
    ("columns: x}", "columns: 1x}"),
    ("stated: [[2, 4], [6, 8]]", "stated: {x2: {a: 1}}"),
    ("steps:\n", "steps: []\nx:\n"),
    ("    stated", "    compare: closest\n    stated"),
])
def test_what_the_loader_refuses_fails(validator, edit):
    text = BASE.replace(*edit)
    assert text != BASE
    assert not valid(validator, text)
