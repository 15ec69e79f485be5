"""Where the tests find the source tree and the built program (set by ctest)."""
import os
import pathlib

import pytest

SOURCE_DIR = pathlib.Path(os.environ.get("HANDCHECK_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[2]))
SEED = SOURCE_DIR / "cases" / "self-attention-6-3.yaml"


@pytest.fixture
def binary():
    path = os.environ.get("HANDCHECK_BINARY")
    if not path:
        pytest.fail("HANDCHECK_BINARY is not set: run these tests through ctest")
    return path
