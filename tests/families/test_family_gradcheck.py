"""Every indexing and shape op of the families agrees with finite differences (float64 gradcheck)."""

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck


def leaf(*shape, seed=0):
    """A float64 leaf that requires grad, with values in [-2, 2]."""
    values = np.random.default_rng(seed).uniform(-2.0, 2.0, size=shape)
    return torch.tensor(values, dtype=torch.float64, requires_grad=True)


ROWS = torch.tensor([2, 0, 2])
GATHER_INDEX = torch.tensor([[0, 0, 3], [1, 2, 1], [3, 3, 0]])
MASK = torch.tensor([[True, False, True, False], [False, False, True, True], [True, True, False, False]])

ONE_INPUT = {
    "gather": lambda x: x.gather(1, GATHER_INDEX),
    "gather_dim0": lambda x: torch.gather(x, 0, torch.tensor([[2, 1, 0, 2]])),
    "scatter_value": lambda x: x.scatter(1, torch.tensor([[0], [2], [3]]), 1.5),
    "index_select": lambda x: x.index_select(0, ROWS),
    "index_select_dim1": lambda x: torch.index_select(x, 1, torch.tensor([3, 3])),
    "index_fill": lambda x: x.index_fill(1, torch.tensor([1, 2]), -1.0),
    "masked_fill": lambda x: x.masked_fill(MASK, 0.25),
    "masked_fill_broadcast": lambda x: x.masked_fill(torch.tensor([True, False, False, True]), 0.0),
    "masked_select": lambda x: x.masked_select(MASK),
    "take": lambda x: x.take(torch.tensor([[0, 11], [5, 5]])),
    "split": lambda x: x.split(3, dim=1)[1] * x.split(3, dim=1)[0][:, :1],
    "split_sizes": lambda x: x.split([1, 2])[1],
    "chunk": lambda x: x.chunk(2)[0],
    "tensor_split": lambda x: x.tensor_split(3, dim=1)[2],
    "narrow": lambda x: x.narrow(1, 1, 2),
    "movedim": lambda x: x.movedim(0, 1),
    "swapaxes": lambda x: x.swapaxes(0, 1),
    "squeeze_tuple": lambda x: x.view(3, 1, 4, 1).squeeze((1, 3)),
    "flip": lambda x: x.flip(0, 1),
    "fliplr": lambda x: x.fliplr(),
    "roll_flat": lambda x: x.roll(5),
    "roll_dims": lambda x: x.roll((1, -1), (0, 1)),
    "repeat": lambda x: x.repeat(2, 1, 3),
    "tile": lambda x: x.tile((2,)),
    "repeat_interleave": lambda x: x.repeat_interleave(2, dim=1),
    "repeat_interleave_flat": lambda x: x.repeat_interleave(2),
    "repeat_interleave_counts": lambda x: x.repeat_interleave(torch.tensor([1, 0, 2]), dim=0),
    "hstack": lambda x: torch.hstack([x, x[:, :1]]),
    "vstack": lambda x: torch.vstack([x, x[0]]),
    "dstack": lambda x: torch.dstack([x, x]),
    "column_stack": lambda x: torch.column_stack([x[:, 0], x]),
    "outer": lambda x: torch.outer(x[0], x[1]),
    "tril": lambda x: x.tril(1),
    "triu": lambda x: torch.triu(x, -1),
    "diag_of_matrix": lambda x: torch.diag(x, 1),
    "diag_of_vector": lambda x: torch.diag(x[0], -1),
    "diagonal": lambda x: x.diagonal(1),
    "diagonal_3d": lambda x: x.view(3, 2, 2).diagonal(0, 0, 2),
    "trace": lambda x: x.trace(),
    "rot90": lambda x: x.rot90(),
    "rot90_back": lambda x: torch.rot90(x, -3, (1, 0)),
    "meshgrid_xy": lambda x: torch.meshgrid(x[0], x[1, :3], indexing="xy")[0] * torch.meshgrid(
        x[0], x[1, :3], indexing="xy")[1],
    "broadcast_tensors": lambda x: torch.broadcast_tensors(x[:, :1], x[0])[0] * 2,
    "take_along_dim": lambda x: torch.take_along_dim(x, torch.tensor([[3], [0], [1]]), 1),
    "unflatten": lambda x: x.unflatten(1, (2, 2)),
    "atleast_3d": lambda x: torch.atleast_3d(x[0]),
}


@pytest.mark.parametrize("name", sorted(ONE_INPUT))
def test_one_input_ops(name):
    assert gradcheck(ONE_INPUT[name], (leaf(3, 4),))


TWO_INPUTS = {
    "scatter_src": (lambda x, s: x.scatter(0, torch.tensor([[2, 1, 0, 1]]), s), (1, 4)),
    "scatter_add": (lambda x, s: x.scatter_add(1, torch.tensor([[0, 0], [3, 1], [2, 2]]), s), (3, 2)),
    "index_add": (lambda x, s: x.index_add(0, torch.tensor([1, 1]), s, alpha=2.5), (2, 4)),
    "index_copy": (lambda x, s: x.index_copy(1, torch.tensor([3, 0]), s), (3, 2)),
    "index_fill_tensor": (lambda x, s: x.index_fill(0, torch.tensor([1]), s.sum()), (2,)),
    "masked_fill_tensor": (lambda x, s: x.masked_fill(MASK, s.sum()), (2,)),
    "cross": (lambda x, s: torch.cross(x[:, :3], s, dim=1), (3, 3)),
}


@pytest.mark.parametrize("name", sorted(TWO_INPUTS))
def test_two_input_ops(name):
    fn, other_shape = TWO_INPUTS[name]
    assert gradcheck(fn, (leaf(3, 4, seed=1), leaf(*other_shape, seed=2)))


INPLACE = {
    "scatter_": lambda x, s: (x * 1).scatter_(1, torch.tensor([[1], [0], [3]]), s[:, :1]),
    "scatter_add_": lambda x, s: (x * 1).scatter_add_(0, torch.tensor([[0, 2]]), s[:1, :2]),
    "index_add_": lambda x, s: (x * 1).index_add_(1, torch.tensor([0, 0]), s[:, :2]),
    "index_copy_": lambda x, s: (x * 1).index_copy_(0, torch.tensor([2]), s[:1]),
    "index_fill_": lambda x, s: (x * s).index_fill_(0, torch.tensor([0]), 2.0),
    "masked_fill_": lambda x, s: (x * s).masked_fill_(MASK, 1.0),
    "unsqueeze_": lambda x, s: (x * s).unsqueeze_(1) * s.unsqueeze(1),
    "squeeze_": lambda x, s: (x * s).view(3, 1, 4).squeeze_(1) * s,
    "t_": lambda x, s: (x * s).t_() * s.t(),
    "transpose_": lambda x, s: (x * s).transpose_(0, 1) * s.t(),
    "tril_": lambda x, s: (x * s).tril_(),
}


@pytest.mark.parametrize("name", sorted(INPLACE))
def test_in_place_forms(name):
    assert gradcheck(INPLACE[name], (leaf(3, 4, seed=3), leaf(3, 4, seed=4)))
