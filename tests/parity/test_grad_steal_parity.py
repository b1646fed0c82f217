"""``.grad`` kept without a copy as torch's AccumulateGrad keeps it: a fresh gradient that nothing else holds,
views (``t()``, ``squeeze``, ``view``) included, becomes ``.grad`` as it is when its layout obeys the contract
(version 0, its own strides); the caller's root gradient, or one sent along two edges, is copied (version 1).
"""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

REPORT = (
    "def report(x):\n    return (x.grad.stride(), x.grad._version, x.grad._base is None)\n"
    "ones, ar = lambda *s: torch.ones(*s, requires_grad=True), torch.arange\n")

PROGRAMS = {
    "transposed_view_of_fresh_gradient": (
        REPORT + "x = torch.ones(2, 3).t().detach().requires_grad_()\n"
        "(x.t() * ar(6.).view(2, 3)).sum().backward(); out = report(x)"),
    "view_of_caller_gradient_shares_its_memory": (
        REPORT + "x = torch.ones(2, 3).t().detach().requires_grad_(); g = torch.ones(2, 3)\n"
        "x.t().backward(g); out = (report(x), x.grad.data_ptr() == g.data_ptr())"),
    "caller_gradient_itself_is_copied": (
        REPORT + "x = ones(2, 3); g = torch.ones(2, 3)\n"
        "x.backward(g); out = (report(x), x.grad.data_ptr() == g.data_ptr())"),
    "implicit_gradient_of_scalar_leaf": (
        REPORT + "x = torch.tensor([2.], requires_grad=True); x.backward()\n"
        "y = torch.tensor([2.], requires_grad=True); y.view(1, 1).backward(); out = (report(x), report(y))"),
    "size_one_views": (
        REPORT + "out = []\n"
        "x = ones(3, 1); (x.squeeze(1) * ar(3.)).sum().backward(); out.append(report(x))\n"
        "x = ones(3); (x.unsqueeze(0) * ar(3.)).sum().backward(); out.append(report(x))\n"
        "x = ones(3, 1); (x.t() * ar(3.)).sum().backward(); out.append(report(x))\n"
        "x = ones(1, 3); (x.t() * ar(3.).view(3, 1)).sum().backward()\n"
        "out.append(report(x))\n"
        "x = ones(2, 3, 1); (x.squeeze() * ar(6.).view(2, 3)).sum().backward()\n"
        "out.append(report(x))"),
    "views_that_obey_or_not": (
        REPORT + "out = []\n"
        "x = ones(2, 3); (x.t().t() * ar(6.).view(2, 3)).sum().backward()\n"
        "out.append(report(x))\n"
        "x = ones(2, 3); (x.t() * ar(6.).view(3, 2)).sum().backward()\n"
        "out.append(report(x))\n"
        "x = ones(2, 3); (x.view(6) * ar(6.)).sum().backward(); out.append(report(x))\n"
        "x = torch.ones(2, 3).t().detach().requires_grad_(); x.t().sum().backward(); out.append(report(x))\n"
        "x = ones(1, 3); (x.expand(4, 3) * ar(12.).view(4, 3)).sum().backward()\n"
        "out.append(report(x))"),
    "one_gradient_along_two_edges": (
        REPORT + "a, b = (torch.ones(2, 3).t().detach().requires_grad_() for _ in range(2))\n"
        "g = torch.ones(2, 3); (a + b).t().backward(g)\n"
        "out = (a.grad.data_ptr() == g.data_ptr(), b.grad.data_ptr() == g.data_ptr(), a.grad._version,\n"
        "       b.grad._version)"),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_grad_kept_or_copied_like_torch(torch, name):
    """Same strides, versions and memory sharing of ``.grad`` as torch."""
    problem = mismatch(torch, PROGRAMS[name])
    assert problem is None, problem
