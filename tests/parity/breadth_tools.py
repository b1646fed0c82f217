"""Run one expression on minitorch and on real torch and compare everything a learner sees: values, dtype,
shape, ``grad_fn`` name, error type and text; with ``grads``, also the gradients of float64 leaves."""

from __future__ import annotations

import re
import warnings

import numpy as np

import minitorch

DATA = {
    "v": [0.3, -1.2, 0.8, 2.1],
    "w": [1.1, 0.4, -0.6, 0.9],
    "m": [[0.5, -1.0, 2.0, 0.3], [1.5, 0.2, -0.7, 1.1], [-0.4, 0.9, 0.6, -1.3]],
    "sq": [[2.0, 0.5, -0.3], [0.4, 1.5, 0.2], [-0.1, 0.3, 1.8]],
    "b1": [[[0.2, -0.5, 1.0, 0.4], [0.3, 0.8, -0.2, 0.1], [1.2, -0.3, 0.5, 0.7]],
           [[-0.6, 0.1, 0.9, -0.4], [0.5, 0.5, -1.1, 0.2], [0.3, -0.8, 0.4, 1.0]]],
    "b2": [[[0.1, 0.7], [-0.4, 0.2], [0.6, -0.3], [0.9, 0.5]],
           [[-0.2, 0.4], [0.8, -0.6], [0.3, 0.1], [-0.5, 0.7]]],
    "im": np.round(np.sin(np.arange(72) * 1.3), 3).reshape(2, 4, 3, 3).tolist(),  # a batch of 2 4-channel images
    "seq": np.round(np.cos(np.arange(30) * 0.7), 3).reshape(2, 3, 5).tolist(),  # 2 samples, 3 channels, length 5
}


def leaf_names(expression):
    """The names of ``DATA`` that ``expression`` uses."""
    return [name for name in DATA if re.search(rf"\b{name}\b", expression)]


def leaves(lib, names):
    """Float64 leaves that require grad, from the fixed ``DATA``."""
    return {name: lib.tensor(DATA[name], dtype=lib.float64, requires_grad=True) for name in names}


def run(lib, expression, names=()):
    """('ok', result, grads) or ('error', type name, text); grads of ``names`` after a weighted sum's backward."""
    scope = {"torch": lib, "F": lib.nn.functional, "nn": lib.nn, "np": np, **leaves(lib, names)}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = eval(expression, scope)  # noqa: S307 (test expressions written in this file's callers)
            grads = None
            if names:
                first = result[0] if isinstance(result, tuple) else result
                weights = lib.arange(first.numel(), dtype=lib.float64).reshape(first.shape).cos()
                (first * weights).sum().backward()
                grads = [scope[n].grad for n in names]
        return ("ok", result, grads)
    except Exception as error:  # noqa: BLE001 (the error itself is compared)
        return ("error", type(error).__name__, str(error))


def _tensor_facts(t):
    name = t.grad_fn.name() if t.grad_fn is not None else None
    return str(t.dtype), tuple(t.shape), name


def assert_same_value(ours, theirs, rtol=1e-6):
    """Same kind of value; tensors: same dtype, shape, grad_fn name and values (nan where torch has nan)."""
    if isinstance(theirs, (tuple, list)):
        assert len(ours) == len(theirs), (ours, theirs)
        for a, b in zip(ours, theirs):
            assert_same_value(a, b, rtol)
        return
    if not hasattr(theirs, "dtype"):
        assert ours == theirs or repr(ours) == repr(theirs), (ours, theirs)
        return
    assert _tensor_facts(ours) == _tensor_facts(theirs)
    np.testing.assert_allclose(ours.detach().numpy().astype(float), theirs.detach().numpy().astype(float),
                               rtol=rtol, atol=1e-12, equal_nan=True)


def assert_same(torch, expression, names=(), rtol=1e-6):
    """``expression`` gives the same outcome on minitorch and torch (and the same gradients of ``names``)."""
    ours, theirs = run(minitorch, expression, names), run(torch, expression, names)
    assert ours[0] == theirs[0], (ours, theirs)
    if ours[0] == "error":
        assert ours[1:] == theirs[1:]
        return
    assert_same_value(ours[1], theirs[1], rtol)
    if names:
        for a, b in zip(ours[2], theirs[2]):
            assert (a is None) == (b is None)
            if a is not None:
                    np.testing.assert_allclose(a.numpy(), b.numpy(), rtol=1e-7, atol=1e-10)
