"""What minitorch leaves out (complex, bfloat16, sparse, GPUs) fails with an error that names it."""

import numpy as np
import pytest

import minitorch as torch

NAMED = {
    "complex number": (lambda: torch.tensor([1 + 2j]), "complex"),
    "complex array": (lambda: torch.from_numpy(np.zeros(2, complex)), "complex"),
    "complex dtype": (lambda: torch.zeros(2, dtype=torch.complex64), "complex"),
    "complex conversion": (lambda: torch.zeros(2).to(torch.cfloat), "complex"),
    "bfloat16": (lambda: torch.zeros(2).bfloat16(), "bfloat16"),
    "sparse layout": (lambda: torch.zeros(2, layout=torch.sparse_coo), "sparse"),
    "to_sparse": (lambda: torch.zeros(2).to_sparse(), "sparse"),
    "xla device": (lambda: torch.zeros(2, device="xla"), "xla"),
}


@pytest.mark.parametrize("name", sorted(NAMED))
def test_unsupported_features_raise_not_implemented_naming_them(name):
    make, word = NAMED[name]
    with pytest.raises(NotImplementedError, match=word):
        make()


def test_cuda_is_absent_as_in_a_cpu_only_build():
    assert torch.cuda.is_available() is False and torch.cuda.device_count() == 0
    attempts = (lambda: torch.ones(1).cuda(), lambda: torch.ones(1, device="cuda"), lambda: torch.cuda.synchronize())
    for attempt in attempts:
        with pytest.raises(AssertionError, match="Torch not compiled with CUDA enabled"):
            attempt()
