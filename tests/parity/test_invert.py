"""`~x` is torch's bitwise_not: logical not on bool, bit flip on integers, an error on floats."""

import pytest

import minitorch


@pytest.mark.parametrize("values", [[0, 1, 7], [-3, 0, 2]])
def test_invert_matches_torch(torch, values):
    for make in (lambda lib: lib.tensor(values) < 5, lambda lib: lib.tensor(values)):
        assert (~make(minitorch)).tolist() == (~make(torch)).tolist()
        assert str((~make(minitorch)).dtype) == str((~make(torch)).dtype)
