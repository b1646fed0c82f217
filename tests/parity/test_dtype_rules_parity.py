"""Bool and integer operands of ``+``, ``-``, ``neg`` and ``abs`` (results and refusals), and the shape ops'
edge cases on 0-d tensors, as torch's. Each expression runs with real torch and with minitorch.
"""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

EXPRESSIONS = [
    "b - 1", "1 - b", "b - b", "torch.sub(b, b)", "b - f", "f - b", "i - b", "b - 1.5", "b - True", "True - b",
    "torch.add(b, b, alpha=2)", "torch.add(b, b, alpha=0)", "torch.add(b, b, alpha=True)", "b + b",
    "torch.add(i, i, alpha=True)", "torch.add(i, i, alpha=2.5)", "torch.add(i, 1.5, alpha=2)",
    "torch.add(i, 1.5, alpha=2.5)", "torch.add(f, f, alpha=True)", "torch.add(i, f, alpha=2.5)",
    "torch.sub(i, i, alpha=2.5)", "torch.add(b, 1, alpha=2)", "torch.add(b, True, alpha=2)", "-b", "b.neg()",
    "abs(b)", "b.abs()", "torch.abs(b)", "torch.sub(b, i, alpha=2)", "i.add_(i, alpha=2.0)", "-i", "abs(-i)",
    "s.permute()", "s.permute(())", "s.flatten(0, 1)", "s.flatten()", "s.flatten(0, -1)", "s.flatten(-1, 0)",
]


@pytest.mark.parametrize("expression", EXPRESSIONS)
def test_dtype_rules_like_torch(torch, expression):
    """The expression gives torch's result, or torch's error."""
    program = ("b = torch.tensor([True, False]); i = torch.tensor([1, 2]); f = torch.tensor([1., 2.])\n"
               f"s = torch.tensor(3.); out = {expression}")
    problem = mismatch(torch, program)
    assert problem is None, problem
