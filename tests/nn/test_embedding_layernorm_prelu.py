"""Embedding, LayerNorm, PReLU and ModuleDict: gradcheck of the new backward formulas (float64), and the
printing, values, grad_fn names and errors against real torch."""

import numpy as np
import pytest

import minitorch
from minitorch.autograd import gradcheck


def _leaf(*shape, seed=0):
    values = np.random.default_rng(seed).uniform(-2, 2, size=shape)
    return minitorch.tensor(values, dtype=minitorch.float64, requires_grad=True)


def test_gradcheck_embedding_layer_norm_and_prelu():
    F = minitorch.nn.functional
    indices = minitorch.tensor([[0, 2, 2], [3, 1, 0]])
    assert gradcheck(lambda w: F.embedding(indices, w), (_leaf(4, 3),))  # padding_idx and scale_grad_by_freq
    # change the gradient on purpose (torch's definition), so they are compared with torch below instead
    assert gradcheck(lambda x, w, b: F.layer_norm(x, (2, 3), w, b), (_leaf(4, 2, 3), _leaf(2, 3, seed=1),
                                                                      _leaf(2, 3, seed=2)))
    assert gradcheck(lambda x: F.layer_norm(x, (3,)), (_leaf(2, 3),))
    assert gradcheck(F.prelu, (_leaf(2, 3, 2), _leaf(3, seed=3)))
    assert gradcheck(F.prelu, (_leaf(5), _leaf(1, seed=4)))


def _printed(lib, program):
    try:
        return repr(program(lib)).replace("minitorch", "torch")
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return f"{type(error).__name__}: {error}"


def _embedding_grad(lib):
    lib.manual_seed(0)
    emb = lib.nn.Embedding(5, 3, padding_idx=0)
    out = emb(lib.tensor([[0, 2, 2], [4, 1, 0]]))
    (out * lib.arange(3.0)).sum().backward()
    return emb, out, out.grad_fn.name(), len(out.grad_fn.next_functions), emb.weight.grad


def _layer_norm(lib):
    lib.manual_seed(0)
    ln = lib.nn.LayerNorm([2, 3])
    x = lib.randn(4, 2, 3, requires_grad=True)
    y = ln(x)
    (y * lib.arange(6.0).view(2, 3)).sum().backward()
    return ln, y, y.grad_fn.name(), [p.grad for p in ln.parameters()], x.grad.shape


def _prelu(lib):
    m = lib.nn.PReLU(2, init=0.1)
    x = lib.tensor([[[-1.0, 2.0], [3.0, -4.0]]], requires_grad=True)
    y = m(x)
    y.sum().backward()
    return m, y, x.grad, m.weight.grad


PROGRAMS = {
    "embedding": _embedding_grad,
    "embedding_freq": lambda lib: (lambda e: (e(lib.tensor([1, 1, 2])).sum().backward(), e.weight.grad))(
        lib.nn.Embedding(3, 2, scale_grad_by_freq=True)),
    "embedding_repr": lambda lib: [lib.nn.Embedding(4, 2, max_norm=1.0, sparse=True), lib.nn.Embedding(3, 2, -1)],
    "from_pretrained": lambda lib: lib.nn.Embedding.from_pretrained(lib.tensor([[1.0, 2.3], [4.0, 5.1]]))(
        lib.tensor([1])),
    "embedding_float_indices": lambda lib: lib.nn.Embedding(3, 2)(lib.tensor([1.0])),
    "embedding_out_of_range": lambda lib: lib.nn.Embedding(3, 2)(lib.tensor([3])),
    "max_norm": lambda lib: (lambda e: (e(lib.tensor([0, 1])).norm(dim=1) <= 1.0 + 1e-6, e.weight[2]))(
        lib.nn.Embedding.from_pretrained(lib.tensor([[3.0, 4.0], [0.3, 0.4], [6.0, 8.0]]), max_norm=1.0)),
    "layer_norm": _layer_norm,
    "layer_norm_repr": lambda lib: [lib.nn.LayerNorm(4, elementwise_affine=False), lib.nn.LayerNorm(3, bias=False)],
    "layer_norm_shape_error": lambda lib: lib.nn.functional.layer_norm(lib.ones(2, 3), (4,)),
    "prelu": _prelu,
    "module_dict": lambda lib: (lambda d: (d, list(d.keys()), "a" in d, len(d), d.pop("a"), d))(
        lib.nn.ModuleDict([["a", lib.nn.ReLU()], ["b", lib.nn.Linear(2, 2)]])),
}


@pytest.mark.parity
@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_against_torch(torch, name):
    ours, theirs = _printed(minitorch, PROGRAMS[name]), _printed(torch, PROGRAMS[name])
    assert ours == theirs
