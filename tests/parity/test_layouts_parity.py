"""Layouts of new tensors as torch's: elementwise results take the dims' order from their operands (as
TensorIterator does), ``*_like`` factories and ``clone`` keep a dense input's strides (``preserve_format``).
Each program runs with real torch and with minitorch; the outcomes must be equal.
"""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

LAYOUTS = (
    "layouts = [torch.arange(24.).view(2, 3, 4), torch.arange(24.).view(4, 2, 3).permute(1, 2, 0),\n"
    "           torch.arange(24.).view(3, 2, 4).transpose(0, 1), torch.arange(4.).expand(2, 3, 4),\n"
    "           torch.arange(48.).view(2, 3, 8)[..., ::2], torch.arange(4.), torch.arange(3.).view(3, 1),\n"
    "           torch.arange(12.).view(3, 1, 4).transpose(0, 1).expand(2, 3, 4)]\n")

PROGRAMS = {
    "binary_results_follow_first_operand": (
        LAYOUTS + "ops = [lambda a, b: a + b, lambda a, b: torch.add(a, b, alpha=2), lambda a, b: a - b, torch.mul,\n"
        "       torch.div, lambda a, b: torch.div(a, b + 1, rounding_mode='floor'), lambda a, b: a.abs() ** (b / 10)]\n"
        "out = [f(a, b).stride() for a in layouts for b in layouts for f in ops]"),
    "other_elementwise_results": (
        LAYOUTS + "ops = [torch.atan2, torch.maximum, torch.minimum, torch.lt, lambda a, b: torch.where(a > 3, a, b),\n"
        "       lambda a, b: torch.where(b > 3, a, b), lambda a, b: torch.lerp(a, b, 0.3),\n"
        "       lambda a, b: torch.addcmul(a, b, a), lambda a, b: torch.fmod(a, b + 1)]\n"
        "out = [f(a, b).stride() for a in layouts for b in layouts for f in ops]"),
    "bool_and_int_results": (
        LAYOUTS + "out = [((a > 2) & (b > 2)).stride() for a in layouts for b in layouts] + \\\n"
        "      [(a.long() + b.long()).stride() for a in layouts for b in layouts]"),
    "unary_and_scalar_results": (
        "xs = [torch.arange(12.).view(3, 1, 4).transpose(0, 1), torch.arange(4.).expand(2, 3, 4),\n"
        "      torch.arange(6.).view(2, 3).t()[:, :1], torch.arange(48.).view(2, 3, 8)[..., ::2].transpose(0, 2)]\n"
        "ops = [torch.exp, torch.tanh, torch.sin, torch.neg, lambda a: a * 2, lambda a: 1 + a, lambda a: 1 - a,\n"
        "       lambda a: a / 3, lambda a: a > 2, lambda a: torch.where(a > 2, a, 0.), lambda a: a.clamp(1, 5)]\n"
        "out = [f(x).stride() for x in xs for f in ops]"),
    "integer_inputs_computed_in_float": (
        "xs = [torch.tensor([2, 0, 0]).expand(2, -1), torch.arange(6).view(2, 3).t(),\n"
        "      torch.arange(3).view(3, 1).expand(3, 4), torch.tensor([True, False]).expand(3, 2)]\n"
        "out = [(x.exp().stride(), x.sqrt().stride(), x.sin().stride(), x.sigmoid().stride(), (x / 2).stride(),\n"
        "        x.atan().stride(), x.log1p().stride()) for x in xs]"),
    "gradient_layout_through_transposed_add": (
        "x = torch.ones(3, 2, requires_grad=True); w = torch.ones(2, 3, requires_grad=True)\n"
        "y = x.t() + w; y.retain_grad(); (y * torch.arange(6.).view(2, 3)).sum().backward()\n"
        "out = (y.stride(), y.grad.stride(), x.grad, w.grad.stride())"),
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
    "like_of_a_non_tensor": (
        "out = []\n"
        "for f in (lambda: torch.ones_like(None), lambda: torch.zeros_like(3), lambda: torch.empty_like([1]),\n"
        "          lambda: torch.full_like(None, 2), lambda: torch.rand_like(None), lambda: torch.randn_like(1.5)):\n"
        "    try:\n"
        "        f()\n"
        "    except TypeError as e:\n"
        "        out.append(str(e))"),
    "rand_like_fills_in_memory_order": (
        "torch.manual_seed(0); a = torch.rand_like(torch.zeros(3, 2).t())\n"
        "torch.manual_seed(0); b = torch.randn_like(torch.zeros(3, 2).t()); out = (a, b)"),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_layouts_like_torch(torch, name):
    """Same strides (and values) as torch for each program."""
    problem = mismatch(torch, PROGRAMS[name])
    assert problem is None, problem
