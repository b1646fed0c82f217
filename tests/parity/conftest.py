"""Fixtures for the parity tests: real PyTorch 2.13.0, or a clean skip when it is not installed."""

import pytest

REQUIRED_TORCH_VERSION = "2.13.0"


@pytest.fixture(scope="session")
def torch():
    """The real ``torch`` module, exactly version 2.13.0; skips the test otherwise."""
    torch = pytest.importorskip("torch", reason="parity tests need PyTorch (pip install torch==2.13.0)")
    if torch.__version__.split("+")[0] != REQUIRED_TORCH_VERSION:
        pytest.skip(f"parity tests need torch {REQUIRED_TORCH_VERSION}, found {torch.__version__}")
    return torch
