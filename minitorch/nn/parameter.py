"""``Parameter``: a tensor that a ``Module`` registers as trainable, as ``torch.nn.Parameter``.

A Parameter shares memory and version counter with the tensor it wraps, is always a leaf, and requires
grad by default. Operations on it return plain tensors: ``Parameter(t) * 2`` is an ordinary non-leaf
Tensor, which is why assigning it to a module attribute does not register anything.
"""

from ..ops._util import is_tensor
from ..tensor import Tensor


def legacy_type_name(value) -> str:
    """The type name torch uses in error texts: ``'torch.FloatTensor'`` for tensors, ``'int'``, ..."""
    if is_tensor(value):
        return f"torch.{value.dtype.legacy_name}Tensor"
    cls = type(value)
    if cls.__module__ in ("builtins", ""):
        return cls.__qualname__
    return f"{cls.__module__}.{cls.__qualname__}"


def clear_grads(params, set_to_none=True):
    """What ``zero_grad`` does: set each ``.grad`` to None, or detach it and fill it with zeros in place."""
    for param in params:
        if param.grad is None:
            continue
        if set_to_none:
            param.grad = None
        else:
            if param.grad.grad_fn is not None:
                param.grad.detach_()
            else:
                param.grad.requires_grad_(False)
            param.grad.zero_()


class Parameter(Tensor):
    """A leaf tensor registered by ``Module.__setattr__``; ``requires_grad=True`` unless told otherwise."""

    def __init__(self, data=None, requires_grad=True):
        """Wrap ``data`` (a Tensor; an empty float tensor when None) without copying it."""
        if data is None:
            data = Tensor([])
        if requires_grad and not data.dtype.is_floating_point:
            raise RuntimeError("Only Tensors of floating point and complex dtype can require gradients")
        # Same memory and same version counter as `data`, as torch's Parameter(data) does.
        self._init(data._data, data._version_counter)
        self._requires_grad = bool(requires_grad)

    def __repr__(self):
        return "Parameter containing:\n" + super().__repr__()

    __str__ = __repr__

    def __reduce_ex__(self, protocol):
        return (Parameter, (Tensor._wrap(self._data.copy()), self._requires_grad))
