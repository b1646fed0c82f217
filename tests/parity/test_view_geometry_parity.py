"""The gradient of a view whose memory changed in place lands where torch's as_strided puts it: the view's
geometry in elements (storage offset, strides), even after ``.data =`` gave the view memory of another dtype
(before, that geometry was counted in bytes of the new memory and wrote outside the gradient's buffer).
"""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

PROGRAMS = {
    "data_of_other_dtype_then_in_place": (
        "x = torch.tensor([[1.0, -2.0, 0.5]], requires_grad=True); t0 = x * 1\n"
        "t2 = t0.t().contiguous(); t2.data = t2.double(); t2.fill_(2.5)\n"
        "t2.sum().backward(retain_graph=True); t2.sum().backward(); out = (x.grad, t2.grad_fn.name())"),
    "data_of_slice_then_in_place": (
        "x = torch.zeros(2, 3, requires_grad=True); b = x * 1; v = b[1:, 1:]\n"
        "v.data = torch.zeros(1, 2, dtype=torch.float64); v.mul_(2); v.sum().backward(); out = x.grad"),
    "in_place_on_offset_view": (
        "x = torch.zeros(3, 4, requires_grad=True); b = x * 1; v = b.t()[1:, ::2]; v.mul_(3)\n"
        "(v * torch.arange(6.).view(3, 2)).sum().backward(); out = (x.grad, v.grad_fn.name())"),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_view_gradient_geometry_like_torch(torch, name):
    """Same gradients as torch for each program."""
    problem = mismatch(torch, PROGRAMS[name])
    assert problem is None, problem
