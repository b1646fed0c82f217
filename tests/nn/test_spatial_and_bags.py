"""pixel_shuffle, unfold/fold, instance_norm, local_response_norm, pdist and embedding_bag without torch:
hand-derived values and gradcheck in float64."""

import numpy as np
import pytest

import minitorch as torch
from minitorch.autograd import gradcheck

F = torch.nn.functional


def _rand(*shape, seed=0):
    return torch.tensor(np.random.default_rng(seed).normal(size=shape), requires_grad=True)


def test_pixel_shuffle_by_hand_and_inverse():
    x = torch.arange(8.0).view(1, 8, 1, 1)
    # channels 0..3 become the 2x2 block of output channel 0, in row-major order
    assert F.pixel_shuffle(x, 2)[0, 0].tolist() == [[0.0, 1.0], [2.0, 3.0]]
    assert torch.equal(F.pixel_unshuffle(F.pixel_shuffle(x, 2), 2), x)


def test_unfold_fold_by_hand():
    image = torch.arange(9.0).view(1, 1, 3, 3)
    columns = F.unfold(image, 2)
    assert columns[0, :, 0].tolist() == [0.0, 1.0, 3.0, 4.0]  # the top-left 2x2 window
    # fold adds overlapping windows: the centre pixel is read by all four windows
    assert F.fold(columns, (3, 3), 2)[0, 0].tolist() == [[0.0, 2.0, 2.0], [6.0, 16.0, 10.0], [6.0, 14.0, 8.0]]


def test_pdist_by_hand():
    points = torch.tensor([[0.0, 0.0], [3.0, 4.0], [0.0, 1.0]])
    assert F.pdist(points).tolist() == pytest.approx([5.0, 1.0, 18 ** 0.5])
    assert F.pdist(points, p=1).tolist() == [7.0, 1.0, 6.0]


def test_embedding_bag_by_hand():
    weight = torch.tensor([[1.0, 0.0], [0.0, 2.0], [4.0, 4.0]])
    indices, offsets = torch.tensor([0, 1, 2, 2]), torch.tensor([0, 2, 2])
    assert F.embedding_bag(indices, weight, offsets, mode="sum").tolist() == [[1.0, 2.0], [0.0, 0.0], [8.0, 8.0]]
    assert F.embedding_bag(indices, weight, offsets).tolist() == [[0.5, 1.0], [0.0, 0.0], [4.0, 4.0]]
    assert F.embedding_bag(indices, weight, offsets, mode="max").tolist() == [[1.0, 2.0], [0.0, 0.0], [4.0, 4.0]]


def test_instance_norm_normalises_each_sample_channel():
    out = F.instance_norm(torch.tensor([[[1.0, 3.0], [10.0, 30.0]]], dtype=torch.float64))
    assert out.flatten().tolist() == pytest.approx([-1.0, 1.0, -1.0, 1.0], abs=1e-4)


@pytest.mark.parametrize("fn, shape", [
    (lambda x: F.pixel_shuffle(x, 2), (2, 8, 2, 3)),
    (lambda x: F.pixel_unshuffle(x, 2), (2, 2, 4, 2)),
    (lambda x: F.unfold(x, (2, 3), dilation=(1, 2), padding=1, stride=(2, 1)), (2, 2, 4, 5)),
    (lambda x: F.fold(x, (4, 5), (2, 2), stride=(2, 1)), (2, 8, 8)),
    (lambda x: F.pdist(x), (4, 3)),
    (lambda x: F.pdist(x, p=3), (4, 3)),
    (lambda x: F.pdist(x, p=1), (4, 3)),
    (lambda x: F.local_response_norm(x, 3, alpha=0.5, beta=0.7, k=1.5), (2, 5, 3)),
    (lambda x: F.local_response_norm(x, 2, alpha=0.5), (2, 4, 2, 3)),
    (lambda x: F.instance_norm(x), (2, 3, 4)),
])
def test_gradcheck(fn, shape):
    assert gradcheck(fn, (_rand(*shape),))


def test_gradcheck_affine_instance_norm():
    assert gradcheck(lambda x, w, b: F.instance_norm(x, weight=w, bias=b), (_rand(2, 3, 4), _rand(3, seed=1),
                                                                            _rand(3, seed=2)))


@pytest.mark.parametrize("mode", ["sum", "mean", "max"])
def test_gradcheck_embedding_bag(mode):
    indices, offsets = torch.tensor([0, 3, 1, 1, 4, 2]), torch.tensor([0, 2, 2, 5])
    assert gradcheck(lambda w: F.embedding_bag(indices, w, offsets, mode=mode, padding_idx=4), (_rand(5, 3),))


def test_gradcheck_embedding_bag_per_sample_weights():
    indices, offsets = torch.tensor([0, 3, 1, 1]), torch.tensor([0, 2])
    assert gradcheck(lambda w, s: F.embedding_bag(indices, w, offsets, mode="sum", per_sample_weights=s),
                     (_rand(5, 3), _rand(4, seed=3)))
