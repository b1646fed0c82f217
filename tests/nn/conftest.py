"""Fixtures for the nn tests."""

import numpy as np
import pytest


@pytest.fixture
def rng():
    """A seeded numpy generator, so failures reproduce."""
    return np.random.default_rng(1234)
