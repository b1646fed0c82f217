"""Indexing as torch's: which nodes ``x[...]`` records (views, no-op slices, aliases, advanced indices), the
strides of index results, what ``x[...] = v`` records and refuses, and torch's error texts (never numpy's).
Each program runs with real torch and with minitorch; the outcomes must be equal.
"""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

GETITEM = ["x[:]", "x[:, :]", "x[:, 1:]", "x[1:, :3]", "x[...]", "x[()]", "x[..., :]", "x[None]", "x[:, None]",
           "x[0, :]", "x[:, 0]", "x[0:2]", "x[:, :10]", "x[:, -3:]", "x[:, ::1]", "x[..., 0]", "x[[0, 1]]",
           "x[:, [0, 1]]", "x[0, [0, 1]]", "x[1:, [0, 1]]", "x[None, [0, 1]]", "x[torch.tensor(1)]", "x[True]",
           "x[0][None]", "x[torch.tensor([True, False])]", "x[[1, 0], [2, 2]]", "x[:, [[0], [2]]]",
           "x.t()[[0, 2]]", "x.t()[:, [0, 1]]", "x.t()[torch.tensor([[0, 1], [1, 0]])]", "x[[[0, 1]]]"]

PROGRAMS = {f"getitem {index}": (f"x = torch.arange(6.).view(2, 3).requires_grad_(); y = {index}\n"
                                 "out = (y, graph(y), y.stride(), y.is_contiguous(), y._base is x)")
            for index in GETITEM}
PROGRAMS.update({
    "getitem_3d_strides": (
        "z = torch.zeros(2, 3, 4)\n"
        "out = [t.shape + t.stride() for t in (z[0, :, [1, 2]], z[[0, 1], :, [1, 2]], z[:, [0, 1], [1, 2]],\n"
        "       z[[0], 1, [1, 2]], z.permute(2, 0, 1)[:, [0, 1]], z.permute(1, 2, 0)[[0, 1], :, [1, 0]],\n"
        "       z.permute(1, 2, 0)[:, [0, 1], [1, 0]], z[..., [[0], [1]]], z[:, None, [0, 1]])]"),
    "index_backward_through_views": (
        "x = torch.arange(6.).view(2, 3).requires_grad_(); y = x[1:, [0, 0, 2]]; y.sum().backward()\n"
        "out = (x.grad, graph(y))"),
})
ERRORS = ["x[:, :, [0, 7]]", "x[[0, 1], :, [0, 7]]", "x[[0, 2]]", "x[[-3]]", "x[0, [3]]", "x[0, 5]", "x[0, -5]",
          "x[torch.tensor([[True, False, True]])]", "x[:, torch.tensor([True, False])]", "x[0, 0, 0, 0]",
          "x[0, 0, 0, [0]]", "x[[0, 1], [0, 1, 2]]", "x[torch.tensor([0.])]", "x[1.5]", "x[..., 0, ...]",
          "torch.tensor(3.)[0]", "torch.tensor(3.)[[0]]", "torch.tensor(3.)[0:1]"]
PROGRAMS.update({f"error {index}": f"x = torch.zeros(2, 3, 4); out = {index}" for index in ERRORS})
SETITEM = {
    "full_slice_copies": "x[:] = v3",
    "full_tuple_copies": "x[:, :] = v3",
    "ellipsis_copies": "x[...] = v3",
    "partial_slice_copyslices": "x[1:] = v3",
    "number_fills": "x[:] = 1.",
    "number_into_row": "x[0] = 1.",
    "zero_dim_tensor": "x[0] = s",
    "index_put_number": "x[[0, 1]] = 2.",
    "index_put_tensor": "x[[0, 1], [1, 2]] = v3[:2]",
    "index_put_on_view": "x[0, [0, 2]] = v3[:2]",
    "mask_put": "x[x > 0] = 5.",
    "leading_ones_stripped": "x[0] = v3.view(1, 1, 3)",
    "leading_ones_index_put": "x[[0]] = v3.view(1, 1, 3)",
}
for name, statement in SETITEM.items():
    PROGRAMS[f"setitem {name}"] = (
        "base = torch.arange(6.).view(2, 3).requires_grad_(); x = base * 1\n"
        "v3 = torch.tensor([7., 8., 9.], requires_grad=True); s = torch.tensor(4., requires_grad=True)\n"
        f"{statement}\n"
        "x.sum().backward()\n"
        "out = (x, graph(x), x._version, base.grad, v3.grad, s.grad)")
SETITEM_REFUSED = {
    "wrong_length": "x = torch.zeros(2, 3); x[0] = torch.ones(2)",
    "too_many_dims": "x = torch.zeros(2, 3); x[0] = torch.ones(2, 3)",
    "index_put_dtype_long_into_float": "x = torch.zeros(2, 3); x[[0, 1], [1, 2]] = torch.tensor([1, 2])",
    "index_put_dtype_float_into_long": "x = torch.zeros(2, 3, dtype=torch.long); x[[0, 1]] = torch.ones(3)",
    "index_put_shape": "x = torch.zeros(2, 3); x[[0, 1]] = torch.ones(3, 3)",
    "index_put_from_self": "x = torch.arange(2.); x[[1, 0]] = x",
    "leaf_view": "x = torch.zeros(2, 3, requires_grad=True); x[0] = 1.",
    "view_of_leaf_view": "x = torch.zeros(2, 3, requires_grad=True); v = x[0]; v[0] = 1.",
    "expanded_target": "x = torch.zeros(3, 1); e = x.expand(3, 4); e[:] = 1.",
}
PROGRAMS.update({f"setitem refused {k}": v + "\nout = x" for k, v in SETITEM_REFUSED.items()})
SETITEM_ACCEPTED = {
    "unsqueezed_self": "x = torch.arange(3.); x[None] = x; out = (x, x._version)",
    "number_into_long": "x = torch.zeros(2, 3, dtype=torch.long); x[0] = 2.5; x[[1]] = 3.5; out = x",
    "float_row_into_long": "x = torch.zeros(2, 3, dtype=torch.long); x[0] = torch.tensor([2.5, 3, 4]); out = x",
    "long_row_into_float": "x = torch.zeros(2, 3); x[0] = torch.tensor([2, 3, 4]); out = x",
    "column_of_expanded": "x = torch.zeros(3, 1); e = x.expand(3, 4); e[:, 0] = torch.ones(3); out = (x, x._version)",
    "no_grad_on_leaf_view": (
        "x = torch.zeros(2, 3, requires_grad=True); v = x[0]\n"
        "with torch.no_grad():\n    v[0] = 1.\nout = (x, graph(v), v._version, x.is_leaf)"),
}
PROGRAMS.update({f"setitem {k}": v for k, v in SETITEM_ACCEPTED.items()})


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_indexing_like_torch(torch, name):
    """minitorch indexes, records and refuses exactly as torch does in this program."""
    problem = mismatch(torch, PROGRAMS[name])
    assert problem is None, problem
