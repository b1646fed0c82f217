"""``torch.rsub``: subtraction the other way round (``other - alpha * input``), with its node ``RsubBackward0``."""

from __future__ import annotations

from ..autograd.node import Node, record
from . import arithmetic
from ._bool_rules import check_alpha, check_subtraction
from ._formulas import scale
from ._util import binary_operands, elementwise_result, fused_multiply_add, is_tensor


class RsubBackward0(Node):
    """d(other - alpha*self) = -alpha * grad for self, grad for other (the engine sums each over the dims
    broadcasting added)."""

    double_backward = True

    def apply(self, grad):
        grad_self = scale(-grad, self._saved_alpha) if self.needs_input_grad(0) else None
        return grad_self, grad if self.needs_input_grad(1) else None


def rsub(input, other, alpha=1):  # noqa: A002 (torch's argument name)
    """``other - alpha * input``: ``RsubBackward0`` for a tensor ``other``, ``RsubBackward1`` for a number."""
    if not is_tensor(input):
        raise TypeError(f"rsub() received an invalid combination of arguments - got ({type(input).__name__}, "
                        f"{type(other).__name__}), but expected one of:\n * (Tensor input, Tensor other, *, Number "
                        "alpha = 1)\n * (Tensor input, Number other, Number alpha = 1)\n")
    if not is_tensor(other):
        return arithmetic.rsub(input, other, alpha)
    check_subtraction(other, input)
    x, y, dtype = binary_operands(input, other)
    if alpha != 1 or type(alpha) is not int:
        check_alpha(dtype.numpy, alpha)
    out = elementwise_result(y - x if alpha == 1 else fused_multiply_add(y, -alpha, x), input, other)
    return record(RsubBackward0, out, (input, other), attrs={"alpha": alpha})

