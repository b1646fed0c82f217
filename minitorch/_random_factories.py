"""Random tensors: ``rand``, ``randn``, ``randint``, ``randperm``, the ``*_like`` forms, ``normal`` and ``bernoulli``.

Each is torch's recipe: make an empty tensor, then fill it with a random in-place method
(``rand`` is ``empty(size).uniform_()``, ``randint`` is ``empty(size).random_(low, high)``...), so
the values are torch's for the same seed.
"""

from __future__ import annotations

import numpy as np

from . import _random
from ._dtype import get_default_dtype, int64, resolve
from ._factories import _finish, _sizes, check_like_input, empty_like
from .autograd.node import Node, record
from .ops._formulas import zero_gradients
from .tensor import Tensor


def _empty(shape, dtype) -> Tensor:
    return Tensor._wrap(np.zeros(shape, dtype=dtype.numpy))


def _random_float_dtype(dtype, name):
    dtype = resolve(dtype) or get_default_dtype()
    if not dtype.is_floating_point:
        raise NotImplementedError(f'"{name}" not implemented for \'{dtype.legacy_name}\'')
    return dtype


def rand(*sizes, size=None, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad=False,
         pin_memory=False) -> Tensor:
    """Values drawn uniformly from ``[0, 1)`` (into ``out`` when given)."""
    dtype = _random_float_dtype(dtype or (out.dtype if out is not None else None), "check_uniform_bounds")
    values = _empty(_sizes(sizes if size is None else (size,)), dtype).uniform_(generator=generator)
    return _finish(values._data, requires_grad, out)


def randn(*sizes, size=None, generator=None, out=None, dtype=None, layout=None, device=None, requires_grad=False,
          pin_memory=False) -> Tensor:
    """Values drawn from the standard normal distribution (into ``out`` when given)."""
    dtype = _random_float_dtype(dtype or (out.dtype if out is not None else None), "normal_kernel_cpu")
    values = _empty(_sizes(sizes if size is None else (size,)), dtype).normal_(generator=generator)
    return _finish(values._data, requires_grad, out)


def randint(low, high=None, size=None, *, generator=None, dtype=None, layout=None, device=None,
            requires_grad=False, pin_memory=False) -> Tensor:
    """Integers drawn uniformly from ``[low, high)`` (``randint(high, size)`` starts at 0); int64 by default."""
    if size is None:
        low, high, size = 0, low, high
    elif high is None:
        low, high = 0, low
    out = _empty(_sizes((size,)), resolve(dtype) or int64).random_(low, high, generator=generator)
    return _finish(out._data, requires_grad)


def randperm(n, *, generator=None, dtype=None, layout=None, device=None, requires_grad=False,
             pin_memory=False) -> Tensor:
    """A random ordering of ``0..n-1`` (torch's Fisher-Yates shuffle)."""
    if n < 0:
        raise RuntimeError(f"Trying to create tensor with negative dimension {n}: [{n}]")
    order = _random.permutation(int(n), generator)
    return _finish(order.astype((resolve(dtype) or int64).numpy), requires_grad)


def rand_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,  # noqa: A002
              memory_format=None, generator=None) -> Tensor:
    """``rand`` with ``input``'s shape (and dtype, unless given): ``empty_like(input).uniform_()``."""
    check_like_input(input, "rand_like")
    out = empty_like(input, dtype=dtype, memory_format=memory_format).uniform_(generator=generator)
    return _finish(out._data, requires_grad)


def randn_like(input, *, dtype=None, layout=None, device=None, requires_grad=False,  # noqa: A002
               memory_format=None, generator=None) -> Tensor:
    """``randn`` with ``input``'s shape (and dtype, unless given): ``empty_like(input).normal_()``."""
    check_like_input(input, "randn_like")
    out = empty_like(input, dtype=dtype, memory_format=memory_format).normal_(generator=generator)
    return _finish(out._data, requires_grad)


def randint_like(input, low=0, high=None, *, generator=None, dtype=None, layout=None, device=None,  # noqa: A002
                 requires_grad=False, memory_format=None) -> Tensor:
    """``randint`` with ``input``'s shape and dtype: ``randint_like(x, high)`` or ``randint_like(x, low, high)``."""
    if high is None:
        low, high = 0, low
    out = empty_like(input, dtype=dtype, memory_format=memory_format).random_(low, high, generator=generator)
    return _finish(out._data, requires_grad)


class NormalBackward1(Node):
    """d(normal(mean, std))/d(mean) = 0: torch does not differentiate through the samples."""

    double_backward = True

    def apply(self, grad):
        return zero_gradients(self, grad)


class NormalBackward2(NormalBackward1):
    """d(normal(mean, std))/d(std) = 0."""


class NormalBackward3(NormalBackward1):
    """d(normal(mean, std))/d(mean) = d/d(std) = 0."""


def normal(mean, std=1.0, size=None, *, generator=None, out=None, dtype=None, layout=None, device=None,
           requires_grad=False, pin_memory=False) -> Tensor:
    """Normal values with ``mean`` and ``std``, each a number or a tensor (numbers need ``size``)."""
    if not isinstance(mean, Tensor) and not isinstance(std, Tensor):
        shape = _sizes((size,))
        values = _empty(shape, _random_float_dtype(dtype, "normal_kernel_cpu")).normal_(mean, std, generator=generator)
        return _finish(values._data, requires_grad)
    if not isinstance(std, Tensor):
        if std < 0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {std:g}")
        values = _empty(mean.shape, mean.dtype).normal_(0.0, std, generator=generator)  # then + mean, as torch
        return record(NormalBackward1, values._data + mean._data, (mean,), attrs={"mean_sym_sizes": tuple(mean.shape)})
    if (std._data < 0).any():
        raise RuntimeError("normal expects all elements of std >= 0.0")
    if not isinstance(mean, Tensor):
        values = _empty(std.shape, std.dtype).normal_(generator=generator)._data
        return record(NormalBackward2, values * std._data + std._data.dtype.type(mean), (std,),
                      attrs={"std_sym_sizes": tuple(std.shape)})
    values = _empty(np.broadcast_shapes(mean.shape, std.shape), mean.dtype).normal_(generator=generator)._data
    return record(NormalBackward3, values * std._data + mean._data, (mean, std),
                  attrs={"mean_sym_sizes": tuple(mean.shape), "std_sym_sizes": tuple(std.shape)})


def bernoulli(input, p=None, *, generator=None, out=None) -> Tensor:  # noqa: A002
    """0s and 1s: 1 with probability ``input`` (elementwise), or with probability ``p`` if given."""
    return input.bernoulli(p, generator=generator)
