"""squeeze_(dim) and ``vector @ matrix`` record the same node as torch's, SqueezeBackward4, with its saved values."""

import pytest

import minitorch


def squeeze_nodes(lib):
    x = lib.ones(2, 1, requires_grad=True)
    in_place = x.clone()
    in_place.squeeze_(-1)
    nodes = [in_place.grad_fn, x.clone().squeeze_(1).grad_fn,
             (lib.ones(3, requires_grad=True) @ lib.ones(3, 2)).grad_fn]
    in_place.sum().backward()
    return [(n.name(), n._saved_dim, tuple(n._saved_self_sym_sizes)) for n in nodes] + [x.grad.tolist()]


@pytest.mark.parity
def test_squeeze_backward4_matches_torch(torch):
    assert squeeze_nodes(minitorch) == squeeze_nodes(torch)
