"""``torch.return_types``: the named tuples reductions return (``values``/``indices``, ``min``/``max``)."""

from __future__ import annotations


class _ReturnType(tuple):
    """A tuple whose fields have names and which prints as ``torch.return_types.<name>(...)``."""

    _fields: tuple = ()

    def __new__(cls, *items):
        return super().__new__(cls, items)

    def __getattr__(self, field):
        if field in type(self)._fields:
            return self[type(self)._fields.index(field)]
        raise AttributeError(f"'torch.return_types.{type(self).__name__}' object has no attribute '{field}'")

    def __repr__(self):
        parts = ",\n".join(f"{name}={value!r}" for name, value in zip(self._fields, self))
        return f"torch.return_types.{type(self).__name__}(\n{parts})"

    def __reduce__(self):
        return (type(self), tuple(self))


def _named(name: str, fields=("values", "indices")):
    return type(name, (_ReturnType,), {"_fields": fields, "__module__": "torch.return_types"})


sort = _named("sort")
topk = _named("topk")
kthvalue = _named("kthvalue")
median = _named("median")
mode = _named("mode")
cummax = _named("cummax")
cummin = _named("cummin")
aminmax = _named("aminmax", ("min", "max"))
slogdet = _named("slogdet", ("sign", "logabsdet"))
linalg_slogdet = _named("linalg_slogdet", ("sign", "logabsdet"))
frexp = _named("frexp", ("mantissa", "exponent"))
nanmedian = _named("nanmedian")
