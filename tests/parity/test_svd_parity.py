"""torch.svd and torch.linalg.svd against real torch: shapes, singular values, the reconstruction, grad_fn names,
the gradient of the singular values, and torch's errors. (Singular vectors are compared through products that
do not depend on their signs, which LAPACK builds may choose differently.)"""

import numpy as np
import pytest

import minitorch

pytestmark = pytest.mark.parity

DATA = np.array([[3.0, 1.0, 2.0], [1.0, 4.0, 0.5], [0.0, 2.0, 5.0], [1.0, 1.0, 1.0]])


def _error(call):
    try:
        call()
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {str(error).replace('minitorch', 'torch')}"
    return "no error"


@pytest.mark.parametrize("full_matrices", [True, False])
def test_linalg_svd(torch, full_matrices):
    ours = minitorch.linalg.svd(minitorch.tensor(DATA), full_matrices=full_matrices)
    theirs = torch.linalg.svd(torch.tensor(DATA), full_matrices=full_matrices)
    assert [tuple(t.shape) for t in ours] == [tuple(t.shape) for t in theirs]
    np.testing.assert_allclose(ours.S.numpy(), theirs.S.numpy(), rtol=1e-12)
    k = ours.S.shape[0]
    rebuilt = ours.U[:, :k].numpy() * ours.S.numpy() @ ours.Vh[:k].numpy()
    np.testing.assert_allclose(rebuilt, DATA, atol=1e-12)


def test_old_svd_returns_v(torch):
    ours, theirs = minitorch.svd(minitorch.tensor(DATA)), torch.svd(torch.tensor(DATA))
    assert type(ours).__name__ == type(theirs).__name__
    assert (ours.U.shape, ours.V.shape) == (theirs.U.shape, theirs.V.shape)
    assert [tuple(t.shape) for t in ours] == [tuple(t.shape) for t in theirs]
    rebuilt = ours.U.numpy() * ours.S.numpy() @ ours.V.numpy().T
    np.testing.assert_allclose(rebuilt, DATA, atol=1e-12)


def test_singular_value_gradient(torch):
    ours, theirs = minitorch.tensor(DATA, requires_grad=True), torch.tensor(DATA, requires_grad=True)
    our_s, their_s = minitorch.linalg.svd(ours, full_matrices=False).S, torch.linalg.svd(theirs, full_matrices=False).S
    assert our_s.grad_fn.name() == their_s.grad_fn.name()
    (our_s * minitorch.tensor([1.0, 2.0, 3.0])).sum().backward()
    (their_s * torch.tensor([1.0, 2.0, 3.0])).sum().backward()
    np.testing.assert_allclose(ours.grad.numpy(), theirs.grad.numpy(), atol=1e-12)


@pytest.mark.parametrize("call", [lambda lib: lib.linalg.svd(lib.ones(3)),
                                  lambda lib: lib.linalg.svd(lib.ones(2, 2, dtype=lib.int64))])
def test_errors(torch, call):
    assert _error(lambda: call(minitorch)) == _error(lambda: call(torch))
