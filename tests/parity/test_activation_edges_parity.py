"""Activations at the edges of their formulas, as torch 2.13: second derivatives where a branch switches
(elu/selu/celu at 0, softplus at its threshold), shrink gradients at NaN, and prelu's argument checks."""

import pytest
from live_compare import mismatch

HESSIAN = """
x = torch.tensor([-1.0, 0.0, 1.0, 0.5, 20.0, float('nan')], dtype=torch.float64, requires_grad=True)
g, = torch.autograd.grad(F.{call}.sum(), x, create_graph=True)
h, = torch.autograd.grad(g.sum(), x)
out = [round(v, 12) if v == v else 'nan' for v in g.tolist() + h.tolist()]
"""

CALLS = ["elu(x)", "selu(x)", "celu(x, 2.0)", "elu(x, 0.5)", "softplus(x)", "softplus(x, beta=2, threshold=1)",
         "softshrink(x, 0.5)", "hardshrink(x, 0.5)"]

PRELU = {
    "long_input": "out = F.prelu(torch.tensor([1, 2]), torch.tensor([1]))",
    "channel_mismatch": "out = F.prelu(torch.ones(2, 3), torch.ones(2))",
    "zero_dim_input": "out = F.prelu(torch.tensor(-2.0), torch.tensor([0.5]))",
    "weight_2d": "out = F.prelu(torch.ones(2, 3), torch.ones(1, 3))",
    "one_channel_many_slopes": "out = F.prelu(torch.tensor([-1.0, -2.0]), torch.tensor([0.5, 0.25]))",
    "dtypes_differ": "out = F.prelu(torch.ones(3), torch.tensor([0.5], dtype=torch.float64))",
}


@pytest.mark.parity
@pytest.mark.parametrize("call", CALLS)
def test_first_and_second_derivatives_at_the_edges(torch, call):
    """The gradient and a plain Hessian (no create_graph on the second step), where the branches meet."""
    assert mismatch(torch, "F = torch.nn.functional\n" + HESSIAN.format(call=call)) is None


@pytest.mark.parity
@pytest.mark.parametrize("name", PRELU)
def test_prelu_checks_its_arguments(torch, name):
    """torch's errors, in torch's order; a 0-d input stays 0-d."""
    assert mismatch(torch, "F = torch.nn.functional\n" + PRELU[name]) is None
