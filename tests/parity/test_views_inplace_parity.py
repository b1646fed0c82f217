"""Views, grad mode and in-place writes as torch's: views made under ``no_grad``, views that follow their
base's ``requires_grad``, the leaf and view-of-leaf checks, what an in-place op on a view records, and the
dtype and shape rules of ``copy_``, ``fill_`` and ``zero_``. Each program runs with real torch and with
minitorch; the outcomes must be equal.
"""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

NO_GRAD_VIEW = "x = torch.zeros(2, 3, requires_grad=True){}\nwith torch.no_grad():\n    v = x[0]\n"
PROGRAMS = {
    "view_follows_base_requires_grad": (
        "x = torch.zeros(2, 3); v = x[0]; x.requires_grad_(); (v * 2).sum().backward()\n"
        "out = (v.requires_grad, v.is_leaf, v.grad_fn, v.grad, x.grad)"),
    "view_of_base_made_requiring_grad_inplace": (
        "x = torch.zeros(2, 3); v = x[0]; x.requires_grad_(); v.mul_(2)"),
    "no_grad_view_flags": NO_GRAD_VIEW.format("") + "out = (v.requires_grad, v.is_leaf, v._base is x, v.grad_fn)",
    "no_grad_view_requires_grad_then_backward": (
        NO_GRAD_VIEW.format("") + "v.requires_grad_(); (v * 2).sum().backward(); out = (v.grad, x.grad, v.is_leaf)"),
    "no_grad_view_backward_without_flag": (
        NO_GRAD_VIEW.format("") + "(v * 2).sum().backward(); out = (v.grad, x.grad)"),
    "no_grad_view_inplace_of_leaf": NO_GRAD_VIEW.format("") + "v.mul_(2)",
    "no_grad_view_inplace_of_nonleaf": NO_GRAD_VIEW.format(".clone()") + "v.mul_(2)",
    "no_grad_view_inplace_other_requires": NO_GRAD_VIEW.format(".clone()") + (
        "v.add_(torch.ones(3, requires_grad=True))"),
    "no_grad_view_after_base_changed": NO_GRAD_VIEW.format(".clone()") + "x.mul_(2); out = v.grad_fn",
    "no_grad_view_requires_grad_after_base_changed": (
        NO_GRAD_VIEW.format(".clone()") + "x.mul_(2); out = v.requires_grad"),
    "no_grad_view_inplace_inside_no_grad": NO_GRAD_VIEW.format(".clone()") + (
        "with torch.no_grad():\n    v.mul_(2)\nout = (x, v._version, x.grad_fn)"),
    "no_grad_view_of_plain_tensor": (
        "x = torch.zeros(2, 3)\nwith torch.no_grad():\n    v = x[0]\nv.mul_(2); out = (x, v._version)"),
    "view_of_no_grad_view": NO_GRAD_VIEW.format("") + "w = v[1:]; out = (w.requires_grad, w.grad_fn)",
    "view_of_no_grad_view_inplace": NO_GRAD_VIEW.format("") + "w = v[1:]; w.mul_(2)",
    "view_of_no_grad_view_after_base_changed": NO_GRAD_VIEW.format(".clone()") + "w = v[1:]; x.mul_(2); w.grad_fn",
    "empty_strides": (
        "x = torch.zeros(2, 0); y = torch.zeros(0, 3) * 2; z = torch.tensor([])\n"
        "out = (x.stride(), y.stride(), z.stride(), x.t().stride(), x.clone().stride(), y.contiguous().stride())"),
    "detached_view_inplace": (
        "x = torch.zeros(2, 3, requires_grad=True); v = x.detach()[0]; v.add_(1)\n"
        "out = (x, v.grad_fn, v.requires_grad, x._version)"),
    "inplace_on_view_rebases_base": (
        "x = torch.ones(2, 3, requires_grad=True); y = x * 2; v = y[:, 1]; v.mul_(3)\n"
        "y.sum().backward(); out = (graph(y), graph(v), x.grad, y._version, v._version)"),
    "base_changed_view_regenerated": (
        "x = torch.ones(2, 3, requires_grad=True); y = x * 2; v = y[1]; y.add_(1)\n"
        "(v * v).sum().backward(); out = (graph(v), x.grad, v.is_leaf)"),
    "view_changed_under_no_grad": (
        "x = torch.ones(2, 3, requires_grad=True); y = x * 2; v = y.t()\n"
        "with torch.no_grad():\n    v[0] = 5.\n"
        "out = (graph(v), graph(y), v.grad_fn.next_functions[0][0] is y.grad_fn)"),
    "two_views_one_changes": (
        "x = torch.ones(4, requires_grad=True); y = x * 1; a = y[:2]; b = y[1:]; a.mul_(2)\n"
        "b.sum().backward(); out = (graph(b), x.grad)"),
    "is_leaf_of_stale_view": (
        "x = torch.ones(3, requires_grad=True); y = x * 1; v = y[1:]; y.mul_(2); out = (v.is_leaf, v.grad_fn)"),
    "copy_float_into_long": "i = torch.tensor([1, 2]); i.copy_(torch.tensor([1.7, 2.2])); out = (i, i._version)",
    "copy_requires_grad_into_long": (
        "i = torch.tensor([1, 2]); i.copy_(torch.tensor([1.7, 2.2], requires_grad=True))\n"
        "out = (i, i.requires_grad, i.grad_fn)"),
    "copy_number": "x = torch.tensor([1., 2.]); x.copy_(3.0); y = torch.tensor([1, 2]); y.copy_(3.5); out = (x, y)",
    "copy_list_refused": "x = torch.tensor([1., 2.]); x.copy_([3.0, 4])",
    "copy_into_bool": "x = torch.zeros(2, 3, dtype=torch.bool); x.copy_(torch.ones(3) * 2); out = x",
    "fill_long_with_float": "x = torch.zeros(2, dtype=torch.long); x.fill_(2.5); out = x",
    "add_float_into_long": "x = torch.zeros(2, dtype=torch.long); x.add_(2.5)",
    "fill_empty": "x = torch.zeros(2, 0); x.zero_(); x.fill_(1); out = (x, x._version)",
    "fill_expanded": "x = torch.zeros(3, 1); e = x.expand(3, 4); e.fill_(2.); e.zero_(); out = (x, x._version)",
    "fill_expanded_with_tensor": "x = torch.zeros(3, 1); e = x.expand(3, 4); e.fill_(torch.tensor(2.))",
    "add_expanded": "x = torch.zeros(3, 1); e = x.expand(3, 4); e.add_(1)",
    "uniform_expanded": "x = torch.zeros(3, 1); e = x.expand(3, 4); e.uniform_()",
    "fill_graphs": (
        "x = torch.zeros(2, 3, requires_grad=True); a = x.clone().fill_(1.); b = x.clone().zero_()\n"
        "s = torch.tensor(2., requires_grad=True); c = x.clone().fill_(s); c.sum().backward()\n"
        "out = (graph(a), graph(b), graph(c), s.grad)"),
    "fill_with_1d_tensor": "x = torch.zeros(2); x.fill_(torch.ones(1))",
    "partial_overlap_add": "x = torch.arange(4.); x[1:].add_(x[:3])",
    "full_overlap_add": "x = torch.arange(4.); x.add_(x); out = x",
    "leaf_inplace": "x = torch.zeros(2, requires_grad=True); x.add_(1)",
    "leaf_inplace_no_grad": (
        "x = torch.zeros(2, requires_grad=True)\nwith torch.no_grad():\n    x.add_(1)\nout = (x, x._version)"),
    "version_counts": (
        "x = torch.zeros(2, 3); d = x.detach(); v = x[0]; x.add_(1); d.mul_(2); v.zero_(); x.data.add_(1)\n"
        "out = (x._version, d._version, v._version, x.data._version)"),
    "matmul_vector_matrix_version": (
        "a = torch.ones(2, requires_grad=True); b = torch.ones(2, 3); out = (a @ b)._version"),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_views_and_inplace_like_torch(torch, name):
    """minitorch records, refuses and counts versions exactly as torch does in this program."""
    problem = mismatch(torch, PROGRAMS[name])
    assert problem is None, problem
