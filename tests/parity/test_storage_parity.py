"""Storage, strides and aliasing as torch's: writes through any alias (a view, ``detach()``, ``.data``) reach
every tensor on that memory, and ``stride()``, ``storage_offset()``, ``is_contiguous()`` and the layout of
copies are torch's. Each program runs with real torch and with minitorch; the outcomes must be equal.
"""

import pytest
from live_compare import mismatch

pytestmark = pytest.mark.parity

PROGRAMS = {
    "detach_of_column_writes_through": (
        "x = torch.zeros(2, 3); d = x[:, 0].detach(); d.fill_(1)\n"
        "out = (x, d.stride(), d.storage_offset(), d._version, x._version)"),
    "detach_of_transposed_slice": (
        "x = torch.zeros(2, 3); d = x.t()[1:].detach(); d.fill_(1)\n"
        "out = (x, d.stride(), d.storage_offset(), d.is_contiguous())"),
    "data_of_view_own_version": (
        "x = torch.zeros(2, 3); d = x[:, 1].data; d.fill_(2); out = (x, d._version, x._version)"),
    "detach_of_expand_shares": (
        "x = torch.zeros(3, 1); d = x.expand(3, 4).detach()\n"
        "out = (d.stride(), d.data_ptr() == x.data_ptr(), d.is_contiguous())"),
    "write_to_base_seen_by_detached_view": (
        "x = torch.arange(6.).view(2, 3); d = x.t().detach(); x.mul_(10); out = (d, d.stride())"),
    "storage_offsets": (
        "x = torch.zeros(3, 4)\n"
        "out = (x[1].storage_offset(), x[1:, 2].storage_offset(), x.t()[2].storage_offset(),\n"
        "       x[2:].detach().storage_offset(), x[1].data.storage_offset(), x.view(12)[5:].storage_offset())"),
    "view_strides": (
        "x = torch.zeros(3, 4)\n"
        "out = (x.unsqueeze(0).stride(), x.unsqueeze(2).stride(), x[:, None].stride(), x.t().stride(),\n"
        "       x[:, ::2].stride(), x[::2].unsqueeze(1).stride(), x.view(2, 6).stride())"),
    "expand_strides": (
        "s = torch.tensor(1.); v = torch.zeros(3)\n"
        "out = (s.expand(1, 1).stride(), s.expand(2, 1).stride(), v.expand(1, 3).stride(),\n"
        "       v.expand(2, 1, 3).stride(), torch.zeros(3, 1).expand(1, 3, 1).stride(),\n"
        "       torch.zeros(3, 1).expand(2, 3, 4).stride())"),
    "reshape_alias": (
        "x = torch.zeros(2, 3, requires_grad=True)\n"
        "out = [(y.grad_fn.name(), y.stride()) for y in (x[:, :1].reshape(2), x[:, 0].reshape(2, 1),\n"
        "       x.t().reshape(6), x.view(3, 2).reshape(6), torch.zeros(3, 1, requires_grad=True).t().flatten())]"),
    "size_one_strides": (
        "x = torch.zeros(3, 1)\n"
        "out = (x.unsqueeze(1).stride(), x.squeeze().stride(), x.expand(3, 4).stride(), x.view(1, 3).stride())"),
    "clone_keeps_dense_layout": (
        "x = torch.zeros(3, 4)\n"
        "out = (x.t().clone().stride(), x[:, ::2].clone().stride(), x.t()[::2].clone().stride(),\n"
        "       x.unsqueeze(1).clone().stride(), x.expand(2, 3, 4).clone().stride(),\n"
        "       torch.zeros(2, 3, 4).permute(2, 0, 1).clone().stride())"),
    "contiguous": (
        "x = torch.zeros(3, 4)\n"
        "out = (x.t().contiguous().stride(), x.t().contiguous().is_contiguous(), x.contiguous() is x,\n"
        "       x.t().is_contiguous(), x[:, :1].is_contiguous(), torch.zeros(0, 3).t().is_contiguous())"),
    "clone_is_new_memory": (
        "x = torch.zeros(2, 3); c = x.t().clone(); c.fill_(1); out = (x, c.data_ptr() == x.data_ptr())"),
    "untyped_storage": (
        "x = torch.zeros(2, 3); u = x.untyped_storage()\n"
        "out = (u.nbytes(), x[1].untyped_storage().data_ptr() == u.data_ptr(), x[1].data_ptr() - x.data_ptr(),\n"
        "       x.detach().untyped_storage().data_ptr() == u.data_ptr(), x.clone().untyped_storage().nbytes())"),
    "write_through_view_of_view": (
        "x = torch.zeros(3, 4); v = x.t()[1:][:, 0]; v.fill_(5); out = (x, v.storage_offset())"),
    "write_through_data_of_expand_base": (
        "x = torch.zeros(3, 1); e = x.expand(3, 2); x.data.add_(1); out = (e, e._version)"),
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_storage_like_torch(torch, name):
    """minitorch shares memory, strides and offsets exactly as torch does in this program."""
    problem = mismatch(torch, PROGRAMS[name])
    assert problem is None, problem
