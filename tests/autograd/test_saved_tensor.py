"""SavedTensor and VersionCounter without torch: versions, freeing, and the errors they raise."""

import pytest

import minitorch
from minitorch._storage import VersionCounter
from minitorch.autograd.node import Node
from minitorch.autograd.saved_tensor import DETACHED_ERROR, FREED_ERROR, SavedTensor


def test_version_counter_counts_bumps():
    counter = VersionCounter()
    assert counter.value == 0
    counter.bump()
    counter.bump()
    assert counter.value == 2


def test_views_and_detach_share_the_counter_data_does_not():
    x = minitorch.zeros(4)
    view, detached, data = x[1:], x.detach(), x.data
    view.add_(1)
    assert (x._version, detached._version, data._version) == (1, 1, 0)


def test_unpack_returns_the_tensor_until_it_changes_in_place():
    x = minitorch.ones(2)
    saved = SavedTensor(x, Node())
    assert saved.unpack() is x
    x.mul_(2)
    with pytest.raises(RuntimeError, match="is at version 1; expected version 0 instead"):
        saved.unpack()


def test_released_values_raise_the_backward_twice_error():
    saved = SavedTensor(minitorch.ones(2), Node())
    saved.release()
    with pytest.raises(RuntimeError) as error:
        saved.unpack_data()
    assert str(error.value) == FREED_ERROR


def test_a_saved_non_leaf_detached_in_place_is_detected():
    x = minitorch.ones(2, requires_grad=True)
    a = x * 2
    saved = SavedTensor(a, Node())
    a.detach_()
    with pytest.raises(RuntimeError) as error:
        saved.unpack()
    assert str(error.value) == DETACHED_ERROR


def test_an_output_is_rebuilt_with_its_node():
    x = minitorch.ones(2, requires_grad=True)
    y = x.exp()
    rebuilt = y.grad_fn._saved_result
    assert rebuilt.grad_fn is y.grad_fn and rebuilt._version_counter is y._version_counter
