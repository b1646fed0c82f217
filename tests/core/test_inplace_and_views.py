"""The in-place helper and view history, without torch: every expected value is worked out by hand.

``write_values`` is the one place a version is counted; ``apply_inplace`` checks, writes and rebases; a view
changed in place gives its base a ``CopySlices`` node and itself an ``AsStridedBackward0``; ``detach()`` of a
view writes through to the base.
"""

import numpy as np
import pytest

import minitorch as torch
from minitorch.ops.inplace import INTERNAL_OVERLAP_ERROR, write_values


def test_write_values_counts_one_version_per_write():
    x = torch.zeros(3)
    d = x.detach()
    write_values(x, np.array([1.0, 2.0, 3.0]))
    write_values(d, np.array([4.0, 5.0, 6.0]))
    assert (x._version, d._version) == (2, 2)  # detach() shares the counter
    assert x.tolist() == [4.0, 5.0, 6.0]


def test_write_values_refuses_a_float_into_an_integer_tensor_unless_casting():
    x = torch.zeros(2, dtype=torch.int64)
    with pytest.raises(RuntimeError, match="result type Double can't be cast to the desired output type Long"):
        write_values(x, np.array([1.5, 2.5]))
    write_values(x, np.array([1.5, 2.5]), cast=True)
    assert x.tolist() == [1, 2] and x._version == 1


def test_write_values_refuses_an_expanded_tensor_unless_allowed():
    x = torch.zeros(3, 1)
    e = x.expand(3, 4)
    with pytest.raises(RuntimeError, match="more than one element") as error:
        write_values(e, np.ones((3, 4)))
    assert str(error.value) == INTERNAL_OVERLAP_ERROR
    e.fill_(2.0)  # fill_ writes each memory location with one value: allowed
    assert x.tolist() == [[2.0], [2.0], [2.0]] and x._version == 1


def test_detach_of_a_column_writes_through_to_the_base():
    x = torch.zeros(2, 3)
    column = x[:, 0].detach()
    column.fill_(1.0)
    assert x.tolist() == [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0]]
    assert column.stride() == (3,) and column.storage_offset() == 0
    assert x.t()[1:].detach().storage_offset() == 1


def test_in_place_on_a_view_rebases_base_and_view():
    leaf = torch.ones(2, 3, requires_grad=True)
    y = leaf * 2
    row = y[1]
    row.mul_(3)
    assert y.grad_fn.name() == "torch::autograd::CopySlices"
    assert row.grad_fn.name() == "AsStridedBackward0"
    assert row.grad_fn.next_functions[0][0] is y.grad_fn
    y.sum().backward()
    # d(sum y)/d leaf: 2 for row 0, 2 * 3 for row 1 (the row was tripled in place)
    assert leaf.grad.tolist() == [[2.0, 2.0, 2.0], [6.0, 6.0, 6.0]]


def test_reading_is_leaf_builds_no_node():
    y = torch.ones(3, requires_grad=True) * 1
    view = y[1:]
    y.mul_(2)
    before = view._grad_fn
    assert view.is_leaf is False
    assert view._grad_fn is before  # still the old SliceBackward0 until grad_fn is read
    assert view.grad_fn.name() == "AsStridedBackward0"


def test_a_view_follows_its_base_requires_grad():
    x = torch.zeros(2, 3)
    row = x[0]
    x.requires_grad_()
    assert row.requires_grad and row.is_leaf and row.grad_fn is None


def test_setitem_skips_whole_dims_and_records_copy():
    y = torch.zeros(2, 3, requires_grad=True) * 1
    y[:] = torch.ones(3)
    assert y.grad_fn.name() == "torch::autograd::CopyBackwards"
    z = torch.zeros(2, 3, requires_grad=True)
    assert z[1:, :3].grad_fn.next_functions[0][0].name() == "torch::autograd::AccumulateGrad"
    assert z[...].grad_fn.name() == "AliasBackward0"
