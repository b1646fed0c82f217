"""Double backward against real torch through indexing by tensors, order statistics, products, matrix
products and the other ops whose gradients are recorded formulas: the graph of each gradient (torch's
formula, node by node), the gradients and the second derivatives."""

import numpy as np
import pytest

import minitorch

torch = pytest.importorskip("torch")
pytestmark = pytest.mark.parity


def _cases(lib):
    rows, unique_rows = lib.tensor([[0, 1], [2, 0], [1, 1]]), lib.tensor([[0, 1], [2, 0], [1, 3]])
    columns = lib.tensor([1, 3])
    F = lib.nn.functional
    return {
        "gather": lambda x, s, v: x.gather(1, rows) * x[:, :2],
        "scatter": lambda x, s, v: x.scatter(1, unique_rows, s) * x,
        "scatter_value": lambda x, s, v: x.scatter(1, unique_rows, 2.0) * x,
        "scatter_add": lambda x, s, v: x.scatter_add(1, rows, s) * x,
        "index_select": lambda x, s, v: x.index_select(0, lib.tensor([2, 0, 2])) ** 2,
        "index_add": lambda x, s, v: x.index_add(1, columns, s, alpha=2) * x,
        "index_copy": lambda x, s, v: x.index_copy(1, columns, s) * x,
        "index_fill": lambda x, s, v: x.index_fill(1, columns, v) * x,
        "masked_fill_tensor": lambda x, s, v: x.masked_fill(x > 1, v) * x,
        "sort": lambda x, s, v: x.sort(1)[0] * x,
        "topk": lambda x, s, v: x.topk(2, 1)[0] ** 2,
        "kthvalue": lambda x, s, v: x.kthvalue(2, 1)[0] ** 2,
        "median_dim": lambda x, s, v: x.median(1)[0] ** 2,
        "prod": lambda x, s, v: x.prod() * x,
        "prod_dim": lambda x, s, v: x.prod(1) ** 2,
        "prod_with_zero": lambda x, s, v: (x * (x > 0.6)).prod(0) ** 2,
        "cumprod": lambda x, s, v: x.cumprod(1) * x,
        "addmm": lambda x, s, v: lib.addmm(x[0], s.t(), x, beta=2, alpha=3),
        "bmm": lambda x, s, v: lib.bmm(x.view(1, 3, 4), x.t().reshape(1, 4, 3)) ** 2,
        "diagonal": lambda x, s, v: x.diagonal(1) ** 2 * x.sum(),
        "tril_triu": lambda x, s, v: x.tril(-1) * x.triu() + x.tril() * x,
        "maximum": lambda x, s, v: lib.maximum(x, x[0]) * x,
        "minimum": lambda x, s, v: lib.minimum(x, s.sum(1, keepdim=True)) * x,
        "repeat": lambda x, s, v: x.repeat(2, 1, 2) * x.repeat(2, 1, 2),
        "pad": lambda x, s, v: F.pad(x, (1, 2, 0, 1)) ** 2,
        "to": lambda x, s, v: x.float().double() ** 2 * x,
        "alias": lambda x, s, v: x[...] ** 3,
        "fill_tensor": lambda x, s, v: (x * 1).fill_(v) * x,
        "clamp_min_max": lambda x, s, v: lib.clamp_min(x, 0.8) * lib.clamp_max(x, 1.2) * x,
        "lerp": lambda x, s, v: lib.lerp(x, x[0], 0.3) * lib.lerp(x, x.flip(0), x) * x,
        "addcmul": lambda x, s, v: lib.addcmul(x, x[0], x.t().t(), value=0.5) * x,
        "addcdiv": lambda x, s, v: lib.addcdiv(x, x[0], x.flip(1), value=2) * x,
        "nan_to_num_round": lambda x, s, v: lib.nan_to_num(x * x) * lib.round(x, decimals=1) * x,
        "comparison_in_place": lambda x, s, v: (x * 1).gt_(1) * x * x,
        "cummax_cummin": lambda x, s, v: x.cummax(1)[0] * x.cummin(0)[0] * x,
        "median": lambda x, s, v: x.median() * x,
        "div_floor": lambda x, s, v: lib.div(x * 3, x, rounding_mode="floor") * x + x * x,
        "masked_select": lambda x, s, v: x[0].masked_select(x > 1) ** 3,
        "take": lambda x, s, v: x.take(lib.tensor([0, 5, 5, 11])) ** 3,
        "normal_": lambda x, s, v: (x * 1).normal_() * 0 + x * x * x,
        "rot90": lambda x, s, v: x.rot90(-3, (1, 0)) ** 3,
        "in_place_shapes": lambda x, s, v: ((x * 1).t_().unsqueeze_(-1).transpose_(0, 2).squeeze_() ** 3).sum(0),
        "setitem_index": lambda x, s, v: _written(x, [0, 2], s.t()[:, [0, 1, 2, 0]] ** 2) * x,
        "setitem_mask": lambda x, s, v: _written(x, lib.tensor([True, False, True]), s[0, 0] * 2) * x,
        "index_put_accumulate": lambda x, s, v: x.index_put((lib.tensor([0, 2, 0]),), s[:, 0].repeat(2)[:4],
                                                             accumulate=True) ** 2,
    }


def _written(x, index, value):
    """A copy of ``x`` with ``value`` set at ``index`` (``IndexPutBackward0``)."""
    y = x * 1
    y[index] = value
    return y


def _tree(node):
    return None if node is None else (node.name(), tuple(_tree(child) for child, _ in node.next_functions))


def _run(library, name):
    random = np.random.default_rng(5)
    values = [random.uniform(0.5, 1.5, s) for s in ((3, 4), (3, 2), ())]
    xs = [library.tensor(v, requires_grad=True) for v in values]
    y = _cases(library)[name](*xs)
    grads = library.autograd.grad((y ** 2).sum(), xs, create_graph=True, allow_unused=True)
    used = [g for g in grads if g is not None]
    second = library.autograd.grad(sum((g ** 2).sum() for g in used), xs, allow_unused=True)
    graphs = [None if g is None else _tree(g.grad_fn) for g in grads]
    arrays = [g.detach().numpy() for g in used] + [None if g is None else g.numpy() for g in second]
    return graphs, arrays


@pytest.mark.parametrize("name", sorted(_cases(minitorch)))
def test_gradient_graphs_and_second_derivatives_match_torch(name):
    (graphs, arrays), (torch_graphs, torch_arrays) = _run(minitorch, name), _run(torch, name)
    assert graphs == torch_graphs
    assert [a is None for a in arrays] == [a is None for a in torch_arrays]
    for mine, theirs in zip(arrays, torch_arrays):
        if theirs is not None:
            np.testing.assert_allclose(mine, theirs, rtol=1e-9, atol=1e-12)
