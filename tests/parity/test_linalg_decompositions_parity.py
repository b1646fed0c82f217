"""float32 qr, cholesky, eigh, lstsq, solve(left=False) and matrix norms against torch 2.13.0.

The float64 values, graphs, printing and errors are compared exactly by the snippet
``snippets/linalg_decompositions_norms.py``. In float32 the factors come from another LAPACK build than
torch's (OpenBLAS's through numpy, not MKL), which may round the last bit differently: they are compared
here within a few float32 ulps, with the grad_fn names and the gradients.
"""

import numpy as np
import pytest

import minitorch

pytestmark = pytest.mark.parity

RTOL, ATOL = 2e-5, 2e-6


def _matrices(lib, seed):
    rng = np.random.default_rng(seed)
    a = rng.normal(size=(2, 4, 3)).astype(np.float32)
    spd = (a.transpose(0, 2, 1) @ a + np.eye(3, dtype=np.float32)).astype(np.float32)
    b = rng.normal(size=(2, 4, 2)).astype(np.float32)
    return (lib.tensor(a, requires_grad=True), lib.tensor(spd, requires_grad=True), lib.tensor(b, requires_grad=True))


CASES = {
    "qr": lambda lib, a, s, b: lib.linalg.qr(a),
    "qr_square": lambda lib, a, s, b: lib.linalg.qr(s),
    "cholesky": lambda lib, a, s, b: (lib.linalg.cholesky(s),),
    "cholesky_upper": lambda lib, a, s, b: (lib.linalg.cholesky(s, upper=True),),
    "eigh": lambda lib, a, s, b: (lib.linalg.eigh(s)[0], lib.linalg.eigh(s)[1].abs()),
    "eigvalsh": lambda lib, a, s, b: (lib.linalg.eigvalsh(s),),
    "lstsq": lambda lib, a, s, b: (lib.linalg.lstsq(a, b).solution,),
    "lstsq_gelsd": lambda lib, a, s, b: lib.linalg.lstsq(a, b, driver="gelsd")[:2],
    "solve_right": lambda lib, a, s, b: (lib.linalg.solve(s, b.mT[..., :3], left=False),),
    "norms": lambda lib, a, s, b: tuple(lib.linalg.matrix_norm(a, ord) for ord in
                                        ("fro", "nuc", 1, -1, 2, -2, float("inf"), -float("inf"))),
}


@pytest.mark.parametrize("name", CASES)
def test_float32_values_and_gradients(name, torch):
    results = {}
    for lib in (torch, minitorch):
        a, s, b = _matrices(lib, 0)
        outs = CASES[name](lib, a, s, b)
        total = sum((out * (1.0 + lib.arange(out.numel()).reshape(out.shape))).sum() for out in outs)
        total.backward()
        grads = [t.grad.numpy() for t in (a, s, b) if t.grad is not None]
        results[lib] = ([out.detach().numpy() for out in outs], grads, [out.grad_fn.name() for out in outs])
    (values, grads, names), (mine_values, mine_grads, mine_names) = results[torch], results[minitorch]
    assert mine_names == names
    for theirs, ours in zip(values + grads, mine_values + mine_grads):
        assert ours.dtype == theirs.dtype
        np.testing.assert_allclose(ours, theirs, rtol=RTOL * 50 if name.startswith("lstsq") else RTOL, atol=ATOL * 50)
