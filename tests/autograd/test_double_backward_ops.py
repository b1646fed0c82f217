"""Double backward (``create_graph=True``) without torch through indexing by tensors (gather, scatter,
index_*), order statistics, products, matrix products and the other ops whose gradients became recorded
formulas: second derivatives checked by finite differences (``gradgradcheck``) and by hand."""

import numpy as np
import pytest

import minitorch
import minitorch.nn.functional as F
from minitorch.autograd import gradgradcheck


def _inputs(*shapes, low=0.5, high=1.5, seed=0):
    random = np.random.default_rng(seed)
    return [minitorch.tensor(random.uniform(low, high, s), dtype=minitorch.float64, requires_grad=True)
            for s in shapes]


ROWS = minitorch.tensor([[0, 1], [2, 0], [1, 1]])
UNIQUE_ROWS = minitorch.tensor([[0, 1], [2, 0], [1, 3]])  # scatter: one write per place
COLUMNS = minitorch.tensor([1, 3])

OPS = {
    "gather": (lambda x: x.gather(1, ROWS) * x[:, :2], [(3, 4)]),
    "scatter": (lambda x, s: x.scatter(1, UNIQUE_ROWS, s) * x, [(3, 4), (3, 2)]),
    "scatter_value": (lambda x: x.scatter(1, UNIQUE_ROWS, 2.0) * x, [(3, 4)]),
    "scatter_add": (lambda x, s: x.scatter_add(1, ROWS, s) * x, [(3, 4), (3, 2)]),
    "index_select": (lambda x: x.index_select(0, minitorch.tensor([2, 0, 2])) ** 2, [(3, 4)]),
    "index_add": (lambda x, s: x.index_add(1, COLUMNS, s, alpha=2) * x, [(3, 4), (3, 2)]),
    "index_copy": (lambda x, s: x.index_copy(1, COLUMNS, s) * x, [(3, 4), (3, 2)]),
    "index_fill": (lambda x, v: x.index_fill(1, COLUMNS, v) * x, [(3, 4), ()]),
    "masked_fill_tensor": (lambda x, v: x.masked_fill(x > 1, v) * x, [(3, 4), ()]),
    "sort": (lambda x: x.sort(1)[0] * x, [(3, 4)]),
    "topk": (lambda x: x.topk(2, 1)[0] ** 2, [(3, 4)]),
    "kthvalue": (lambda x: x.kthvalue(2, 1)[0] ** 2, [(3, 4)]),
    "median_dim": (lambda x: x.median(1)[0] ** 2, [(3, 4)]),
    "prod": (lambda x: x.prod() * x, [(2, 3)]),
    "prod_dim": (lambda x: x.prod(1) ** 2, [(2, 3)]),
    "cumprod": (lambda x: x.cumprod(1) * x, [(2, 3)]),
    "addmm": (lambda b, x, w: minitorch.addmm(b, x, w, beta=2, alpha=3), [(4,), (2, 3), (3, 4)]),
    "bmm": (lambda a, b: minitorch.bmm(a, b) ** 2, [(2, 2, 3), (2, 3, 2)]),
    "diagonal": (lambda x: x.diagonal(1) ** 2 * x.sum(), [(3, 4)]),
    "tril": (lambda x: x.tril(-1) * x, [(3, 4)]),
    "triu": (lambda x: x.triu() * x, [(3, 4)]),
    "maximum": (lambda x, y: minitorch.maximum(x, y) * x, [(2, 3), (3,)]),
    "minimum": (lambda x, y: minitorch.minimum(x, y) * x, [(2, 3), (3,)]),
    "repeat": (lambda x: x.repeat(2, 1, 2) * x.repeat(2, 1, 2), [(2, 3)]),
    "pad": (lambda x: F.pad(x, (1, 2, 0, 1)) ** 2, [(2, 3)]),
    "fill_tensor": (lambda x, v: (x * 1).fill_(v) * x, [(2, 3), ()]),
    "clamp_min": (lambda x: minitorch.clamp_min(x, 0.8) * x, [(2, 3)]),
    "clamp_max": (lambda x: minitorch.clamp_max(x, 0.8) * x, [(2, 3)]),
    "lerp_number": (lambda x, y: minitorch.lerp(x, y, 0.3) * x, [(2, 3), (3,)]),
    "lerp_tensor": (lambda x, y, w: minitorch.lerp(x, y, w) * x, [(2, 3), (3,), (2, 3)]),
    "addcmul": (lambda x, a, b: minitorch.addcmul(x, a, b, value=0.5) * b, [(2, 3), (3,), (2, 3)]),
    "addcdiv": (lambda x, a, b: minitorch.addcdiv(x, a, b, value=2) * b, [(2, 3), (3,), (2, 3)]),
    "nan_to_num": (lambda x: minitorch.nan_to_num(x * x) * x, [(2, 3)]),
    "cummax": (lambda x: x.cummax(1)[0] * x, [(3, 4)]),
    "median": (lambda x: x.median() * x, [(3, 4)]),
    "masked_select": (lambda x: x[0].masked_select(x > 1) ** 3, [(3, 4)]),
    "take": (lambda x: x.take(minitorch.tensor([0, 5, 5, 11])) ** 3, [(3, 4)]),
    "rot90": (lambda x: x.rot90(1, (0, 1)) ** 3, [(3, 4)]),
    "in_place_shapes": (lambda x: (x * 1).t_().unsqueeze_(-1).transpose_(0, 2).squeeze_() ** 3, [(3, 4)]),
    "index_put": (lambda x, v: x.index_put((minitorch.tensor([0, 2]),), v) * x, [(3, 4), (4,)]),
    "index_put_accumulate": (lambda x, v: x.index_put((minitorch.tensor([0, 2, 0]),), v, accumulate=True) ** 2,
                             [(3, 4), (4,)]),
}


@pytest.mark.parametrize("name", sorted(OPS))
def test_op_second_derivatives_match_finite_differences(name):
    fn, shapes = OPS[name]
    assert gradgradcheck(fn, _inputs(*shapes))


def test_prod_with_a_zero_differentiates_twice_without_dividing_by_it():
    # d/dx_i prod(x) is the product of the others; d2/dx_i dx_j (i != j) the product of the rest
    x = minitorch.tensor([0.0, 2.0, 3.0], dtype=minitorch.float64, requires_grad=True)
    (grad,) = minitorch.autograd.grad(x.prod(), x, create_graph=True)
    assert grad.tolist() == [6.0, 0.0, 0.0]
    (second,) = minitorch.autograd.grad(grad[0], x)
    assert second.tolist() == [0.0, 3.0, 2.0]


def test_gather_gradient_of_the_gradient_by_hand():
    # y = sum(gather(x) ** 2): dy/dx = 2 * x at each place read (twice when read twice)
    x = minitorch.tensor([[1.0, 2.0, 3.0]], requires_grad=True)
    (grad,) = minitorch.autograd.grad((x.gather(1, minitorch.tensor([[2, 2, 0]])) ** 2).sum(), x, create_graph=True)
    assert grad.tolist() == [[2.0, 0.0, 12.0]] and grad.grad_fn.name() == "ScatterAddBackward0"
    (second,) = minitorch.autograd.grad(grad.sum(), x)
    assert second.tolist() == [[2.0, 0.0, 4.0]]
