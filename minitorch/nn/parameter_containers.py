"""``ParameterList`` and ``ParameterDict``: a list and a dict whose Parameters the module registers (so they
appear in ``parameters()`` and ``state_dict()``). A plain tensor put in one becomes a Parameter."""

import operator
from collections import OrderedDict

from ..ops._util import is_tensor
from .module import Module
from .parameter import Parameter


def _as_parameter(value):
    return Parameter(value) if is_tensor(value) and not isinstance(value, Parameter) else value


def _describe(key, value, type_name):
    if not is_tensor(value):
        return f"  ({key}): Object of type: {type(value).__name__}"
    size = "x".join(str(n) for n in value.shape)
    kind = "Parameter" if isinstance(value, Parameter) else "Tensor"
    return f"  ({key}): {kind} containing: [{type_name(value)} of size {size}]"


class ParameterList(Module):
    """A list of Parameters, registered under the names ``'0'``, ``'1'``..."""

    def __init__(self, values=None):
        """Append each of ``values``."""
        super().__init__()
        self._size = 0
        if values is not None:
            self += values

    def _index(self, index):
        index = operator.index(index)
        if not -len(self) <= index < len(self):
            raise IndexError(f"index {index} is out of range")
        return index % len(self)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)([self[i] for i in range(len(self))[index]])
        return getattr(self, str(self._index(index)))

    def __setitem__(self, index, value):
        setattr(self, str(self._index(index)), _as_parameter(value))

    def __len__(self):
        return self._size

    def __iter__(self):
        return iter(self[i] for i in range(len(self)))

    def __iadd__(self, values):
        return self.extend(values)

    def append(self, value):
        """Add ``value`` at the end."""
        self._size += 1
        self[self._size - 1] = value
        return self

    def extend(self, values):
        """Append each of ``values``."""
        if isinstance(values, str) or not hasattr(values, "__iter__") or is_tensor(values):
            raise TypeError(f"ParameterList.extend should be called with an iterable, but got "
                            f"{type(values).__name__}")
        for value in values:
            self.append(value)
        return self

    def extra_repr(self):
        """One line per entry: its kind, dtype and size."""
        return "\n".join(_describe(i, value, lambda t: str(t.dtype)) for i, value in enumerate(self))

    def __call__(self, *args, **kwargs):
        raise RuntimeError("ParameterList should not be called.")


class ParameterDict(Module):
    """A dict of Parameters, registered under their keys (in insertion order)."""

    def __init__(self, parameters=None):
        """Add each of ``parameters`` (a mapping or key-value pairs)."""
        super().__init__()
        self._keys = {}
        if parameters is not None:
            self.update(parameters)

    def __getitem__(self, key):
        return getattr(self, key)

    def __setitem__(self, key, value):
        self._keys[key] = None
        setattr(self, key, _as_parameter(value))

    def __delitem__(self, key):
        del self._keys[key]
        delattr(self, key)

    def __len__(self):
        return len(self._keys)

    def __iter__(self):
        return iter(self._keys)

    def __contains__(self, key):
        return key in self._keys

    def keys(self):
        """The keys, in order."""
        return self._keys.keys()

    def values(self):
        """The values, in key order."""
        return [self[key] for key in self._keys]

    def items(self):
        """(key, value) pairs, in order."""
        return [(key, self[key]) for key in self._keys]

    def get(self, key, default=None):
        """The value under ``key``, or ``default``."""
        return self[key] if key in self else default

    def pop(self, key):
        """Remove ``key`` and return its value."""
        value = self[key]
        del self[key]
        return value

    def update(self, parameters):
        """Add or replace the entries of a mapping (a plain dict in sorted key order, as torch) or of pairs."""
        ordered = isinstance(parameters, (OrderedDict, ParameterDict))
        pairs = parameters.items() if ordered else sorted(parameters.items()) if hasattr(parameters, "items") \
            else parameters
        for key, value in pairs:
            self[key] = value

    def extra_repr(self):
        """One line per entry: its kind, legacy type and size."""
        return "\n".join(_describe(key, value, lambda t: t.type()) for key, value in self.items())

    def __call__(self, *args, **kwargs):
        raise RuntimeError("ParameterDict should not be called.")
