"""Layouts of new tensors as torch's: elementwise results take the dims' order from their operands (as
TensorIterator does), ``*_like`` factories and ``clone`` keep a dense input's strides (``preserve_format``).
Each program runs with real torch and with minitorch; the outcomes must be equal.
"""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

PROGRAMS = {
    "like_factories_keep_transposed": (
        "x = torch.arange(6.).view(2, 3).t()\n"
        "out = [f(x).stride() for f in (torch.ones_like, torch.zeros_like, torch.empty_like,\n"
        "       lambda t: torch.full_like(t, 2.), torch.rand_like, torch.randn_like)]"),
    "like_factories_keep_permuted": (
        "z = torch.zeros(2, 3, 4).permute(2, 0, 1)\n"
        "out = (torch.ones_like(z).stride(), torch.zeros_like(z, dtype=torch.int64).stride(),\n"
        "       torch.empty_like(z).stride(), torch.full_like(z, 3).stride(), z.clone().stride())"),
    "like_of_non_dense_is_dense_in_order": (
        "a = torch.zeros(4, 6)[:, ::2].t(); b = torch.zeros(2, 3, 4, 5)[..., ::2].permute(0, 2, 3, 1)\n"
        "out = (torch.empty_like(a).stride(), torch.ones_like(b).stride(), torch.zeros_like(a).stride())"),
    "like_size_one_dims_keep_strides": (
        "x = torch.zeros(3, 1, 2).transpose(0, 1)\n"
        "out = (torch.zeros_like(x).stride(), torch.ones_like(x).stride())"),
    "like_of_expanded_is_row_major": (
        "out = torch.zeros_like(torch.zeros(2, 3).expand(4, 2, 3)).stride()"),
    "like_contiguous_format": (
        "x = torch.zeros(2, 3).t()\n"
        "out = (torch.ones_like(x, memory_format=torch.contiguous_format).stride(),\n"
        "       torch.empty_like(x, memory_format=torch.preserve_format).stride())"),
    "rand_like_fills_in_memory_order": (
        "torch.manual_seed(0); a = torch.rand_like(torch.zeros(3, 2).t())\n"
        "torch.manual_seed(0); b = torch.randn_like(torch.zeros(3, 2).t()); out = (a, b)"),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_layouts_like_torch(torch, name):
    """Same strides (and values) as torch for each program."""
    problem = mismatch(torch, PROGRAMS[name])
    assert problem is None, problem
