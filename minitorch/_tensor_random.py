"""Tensor's random in-place methods: ``uniform_``, ``normal_``, ``random_``, ``bernoulli_``, ``exponential_``.

Each draws from a generator (``_random.py``) and writes the values over the tensor's memory in
memory order, as torch's kernels walk it, so a transposed or sliced tensor gets torch's values too.
Like any in-place op the write bumps the version counter; on a tensor that requires grad it records
a node (``UniformBackward0``...) whose gradient is zero, since the new values do not depend on the old.
"""

from __future__ import annotations

import numpy as np

from . import _random
from .autograd.grad_mode import no_grad
from .autograd.node import Node, record
from .ops._formulas import zeros_like
from .ops.inplace import apply_inplace, check_inplace, records_inplace, write_values


class UniformBackward0(Node):
    """d(random fill)/d(old values) = 0."""

    double_backward = True

    def apply(self, grad):
        return (zeros_like(grad),)


class NormalBackward0(UniformBackward0):
    """d(normal_)/d(old values) = 0."""


class BernoulliBackward0(UniformBackward0):
    """d(bernoulli(p))/dp = 0: the draws do not move smoothly with the probabilities."""


class BernoulliBackward1(UniformBackward0):
    """d(bernoulli_ with a probability tensor)/d(old values) = 0."""


class BernoulliBackward2(UniformBackward0):
    """d(bernoulli_ with a probability)/d(old values) = 0."""


class RandomBackward0(UniformBackward0):
    """d(random_(from, to))/d(old values) = 0."""


class RandomBackward1(UniformBackward0):
    """d(random_(to))/d(old values) = 0."""


class RandomBackward2(UniformBackward0):
    """d(random_())/d(old values) = 0."""


class ExponentialBackward0(UniformBackward0):
    """d(exponential_)/d(old values) = 0."""


class RandomMethods:
    """The methods that fill a tensor with random numbers."""

    def uniform_(self, from_=0.0, to=1.0, *, generator=None, **kwargs):
        """Fill with values drawn uniformly from ``[from, to)``."""
        from_ = kwargs.pop("from", from_)
        _require_float(self, "check_uniform_bounds")
        if from_ > to:
            raise RuntimeError(f"uniform_ expects to return a [from, to) range, but found from={from_:g} > to={to:g}")
        dtype = self._data.dtype
        return _overwrite(self, UniformBackward0, lambda count: _random.uniform((count,), from_, to, generator, dtype))

    def normal_(self, mean=0.0, std=1.0, *, generator=None):
        """Fill with values drawn from ``N(mean, std**2)``."""
        _require_float(self, "normal_kernel_cpu")
        if std < 0:
            raise RuntimeError(f"normal expects std >= 0.0, but found std {std:g}")
        dtype, contiguous = self._data.dtype, self.is_contiguous()

        def draw(count):
            return _random.normal((count,), mean, std, generator, dtype, contiguous=contiguous)
        return _overwrite(self, NormalBackward0, draw)

    def random_(self, *bounds, generator=None, **kwargs):
        """Fill with integers from ``[from, to)``; ``random_(to)`` is ``[0, to)``, ``random_()`` the dtype's range."""
        only_to = len(bounds) == 1 and not kwargs
        named = dict(zip(("to",) if only_to else ("from", "to"), bounds), **kwargs)
        from_, to = named.get("from", 0), named.get("to")
        dtype = self._data.dtype
        if to is None and from_ == 0:
            return _overwrite(self, RandomBackward2, lambda count: _random.random_bits((count,), dtype, generator))
        if to is None:
            to = _random.largest_integer(dtype) + 1
        if from_ >= to:
            raise RuntimeError(f"random_ expects 'from' to be less than 'to', but got from={from_} >= to={to}")
        node = RandomBackward1 if only_to else RandomBackward0
        return _overwrite(self, node, lambda count: _random.integers(from_, to, (count,), generator, dtype))

    def bernoulli_(self, p=0.5, *, generator=None):
        """Set each element to 1 with probability ``p`` (a number, or a tensor of probabilities), else 0."""
        if hasattr(p, "_data"):
            probabilities = np.broadcast_to(p._data, self.shape).transpose(_memory_axes(self._data)).ravel()
            return _overwrite(self, BernoulliBackward1, lambda count: _random.bernoulli((count,), probabilities,
                                                                                        generator))
        if not 0 <= p <= 1:
            raise RuntimeError(f"bernoulli_ expects p to be in [0, 1], but got p={p:g}")
        return _overwrite(self, BernoulliBackward2, lambda count: _random.bernoulli((count,), p, generator))

    def exponential_(self, lambd=1.0, *, generator=None):
        """Fill with values from the exponential distribution of rate ``lambd``."""
        if not self.dtype.is_floating_point:
            raise RuntimeError("Exponential distribution is a continuous probability distribution. "
                               f"dtype must be a floating point but you specified {self.dtype.legacy_name}")
        if not lambd > 0:
            raise RuntimeError(f"exponential_ expects lambda > 0.0, but found lambda={lambd:g}")
        return _overwrite(self, ExponentialBackward0, lambda count: _random.exponential((count,), lambd, generator))

    def multinomial(self, num_samples, replacement=False, *, generator=None):
        """``num_samples`` category indices per row, drawn with the row's weights (see ``torch.multinomial``)."""
        from ._multinomial import multinomial  # cycle: _multinomial imports minitorch.tensor, which imports this module

        return multinomial(self, num_samples, replacement, generator=generator)

    def bernoulli(self, p=None, *, generator=None):
        """A new tensor of 0s and 1s: 1 with probability ``self`` (elementwise), or ``p`` if given."""
        from ._factories import empty_like  # cycle: _factories imports minitorch.tensor, which imports this module

        if p is not None:
            return empty_like(self).bernoulli_(p, generator=generator)
        if ((self._data < 0) | (self._data > 1)).any():
            raise RuntimeError("Expected p_in >= 0 && p_in <= 1 to be true, but got false.  (Could this error "
                               "message be improved?  If so, please report an enhancement request to PyTorch.)")
        with no_grad():
            drawn = empty_like(self).bernoulli_(self, generator=generator)
        return record(BernoulliBackward0, drawn._data, (self,))


def _require_float(tensor, kernel_name):
    if not tensor.dtype.is_floating_point:
        raise NotImplementedError(f'"{kernel_name}" not implemented for \'{tensor.dtype.legacy_name}\'')


def _memory_axes(array: np.ndarray) -> list:
    """``array``'s axes from the largest stride to the smallest: the order torch walks its memory in."""
    return sorted(range(array.ndim), key=lambda axis: -abs(array.strides[axis]))


def _overwrite(tensor, node_cls, draw):
    """Write ``draw(count)``'s values over ``tensor`` in memory order, as an in-place op recorded as ``node_cls``."""
    def fill(old):
        values = np.empty(tensor.shape, dtype=tensor._data.dtype)
        in_memory_order = values.transpose(_memory_axes(tensor._data))
        in_memory_order[...] = draw(values.size).reshape(in_memory_order.shape)
        return record(node_cls, values, (old,))

    if tensor._data.size == 0:  # nothing to draw or write; the version still moves on
        if records_inplace(tensor, ()):
            check_inplace(tensor)
        write_values(tensor, tensor._data)
        return tensor
    return apply_inplace(tensor, fill)
