"""``minitorch.autograd.functional``: what needs double backward says so (values are checked in the parity snippets)."""

import pytest

import minitorch
from minitorch.autograd import functional


def test_hessian_of_a_sum_of_cubes_is_diagonal_6x():
    hess = functional.hessian(lambda t: (t**3).sum(), minitorch.tensor([1.0, 2.0]))
    assert hess.tolist() == [[6.0, 0.0], [0.0, 12.0]] and hess.grad_fn is None


@pytest.mark.parametrize("name", ["hvp", "vhp"])
def test_hessian_vector_products(name):
    value, product = getattr(functional, name)(lambda t: (t**3).sum(), minitorch.tensor([1.0, 2.0]),
                                               minitorch.tensor([1.0, -1.0]))
    assert value.item() == 9.0 and product.tolist() == [6.0, -12.0]  # diag(6x) @ v


def test_hessian_needs_a_scalar_function():
    with pytest.raises(RuntimeError, match="should contain a single element"):
        functional.hessian(lambda t: t * t, minitorch.ones(2))


def test_jacobian_with_create_graph_keeps_its_graph():
    x = minitorch.tensor([1.0, 2.0], requires_grad=True)
    jac = functional.jacobian(lambda t: t * t, x, create_graph=True)
    assert jac.tolist() == [[2.0, 0.0], [0.0, 4.0]] and jac.grad_fn.name() == "ViewBackward0"
    (grad,) = minitorch.autograd.grad(jac.sum(), x)
    assert grad.tolist() == [2.0, 2.0]  # d/dx sum(2x) = 2


def test_jacobian_of_an_elementwise_square_is_diagonal():
    jac = functional.jacobian(lambda t: t * t, minitorch.tensor([1.0, 2.0]))
    assert jac.tolist() == [[2.0, 0.0], [0.0, 4.0]]
