"""det factors the transpose of a contiguous matrix as torch does: float32 values of 2x2 matrices bit for bit,
the saved LU and pivots, a transposed (non-contiguous) input, empty batches, and the gradient."""

import numpy as np
import pytest

import minitorch

pytestmark = pytest.mark.parity


def _both(torch, data):
    return torch.tensor(data), minitorch.tensor(data)


def test_float32_2x2_values_are_torchs(torch):
    rng = np.random.default_rng(0)
    data = rng.standard_normal((200, 2, 2)).astype(np.float32)
    theirs, ours = _both(torch, data)
    assert np.array_equal(torch.linalg.det(theirs).numpy(), minitorch.linalg.det(ours).numpy())
    assert np.array_equal(torch.linalg.det(theirs.mT).numpy(), minitorch.linalg.det(ours.mT).numpy())


def test_saved_lu_and_pivots(torch):
    data = np.array([[1.0, 4.0, 2.0], [3.0, 1.0, 5.0], [2.0, 2.0, 7.0]], np.float32)
    theirs, ours = _both(torch, data)
    their_det = torch.linalg.det(theirs.requires_grad_())
    our_det = minitorch.linalg.det(ours.requires_grad_())
    assert our_det.grad_fn._saved_pivots.tolist() == their_det.grad_fn._saved_pivots.tolist()
    np.testing.assert_allclose(our_det.grad_fn._saved_LU.detach().numpy(),
                               their_det.grad_fn._saved_LU.detach().numpy(), rtol=1e-6)
    their_det.backward()
    our_det.backward()
    np.testing.assert_allclose(ours.grad.numpy(), theirs.grad.numpy(), rtol=1e-5)


@pytest.mark.parametrize("shape", [(2, 0, 0), (0, 2, 2), (3, 3)])
def test_shapes(torch, shape):
    data = np.arange(float(np.prod(shape))).reshape(shape) % 4 + np.eye(shape[-1])
    assert repr(minitorch.det(minitorch.tensor(data))) == repr(torch.det(torch.tensor(data)))
