"""``minitorch.autograd.functional``: what needs double backward says so (values are checked in the parity snippets)."""

import pytest

import minitorch
from minitorch.autograd import functional


@pytest.mark.parametrize("name", ["hessian", "hvp", "vhp"])
def test_second_derivatives_raise_a_clear_not_implemented_error(name):
    with pytest.raises(NotImplementedError, match="does not implement double backward"):
        getattr(functional, name)(lambda t: (t**3).sum(), minitorch.ones(2))


def test_create_graph_raises_too():
    with pytest.raises(NotImplementedError, match="does not implement double backward"):
        functional.jacobian(lambda t: t * 2, minitorch.ones(2), create_graph=True)


def test_jacobian_of_an_elementwise_square_is_diagonal():
    jac = functional.jacobian(lambda t: t * t, minitorch.tensor([1.0, 2.0]))
    assert jac.tolist() == [[2.0, 0.0], [0.0, 4.0]]
