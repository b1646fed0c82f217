"""Fixtures for the diagram tests: the library to draw with, and the golden-file flag.

`pytest tests/viz --update-golden` rewrites tests/viz/golden/*.gv from minitorch; review them with
`git diff` before committing.
"""

import importlib
from pathlib import Path

import pytest

GOLDEN_DIR = Path(__file__).parent / "golden"


def pytest_addoption(parser):
    """Add --update-golden."""
    parser.addoption("--update-golden", action="store_true", default=False,
                     help="rewrite tests/viz/golden/*.gv from minitorch instead of comparing")


@pytest.fixture
def update_golden(request) -> bool:
    """True when golden files are to be rewritten rather than compared."""
    return bool(request.config.getoption("--update-golden", default=False))


@pytest.fixture(params=["minitorch", pytest.param("torch", marks=pytest.mark.parity)])
def library(request):
    """The library the scenario runs with: minitorch, then real torch (a parity run)."""
    if request.param == "torch":
        return pytest.importorskip("torch")
    return importlib.import_module("minitorch")


@pytest.fixture
def minitorch():
    """minitorch itself."""
    return importlib.import_module("minitorch")
