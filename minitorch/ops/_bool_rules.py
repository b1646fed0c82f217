"""torch's rules for bool and integer operands of ``+``, ``-``, ``neg`` and ``abs`` (numpy's differ).

A bool result adds as logical or (``alpha`` counts only as true or false); a float ``alpha`` is refused for
integer results and a bool ``alpha`` for non-bool ones; bool tensors cannot be subtracted, negated or made
absolute.
"""

from __future__ import annotations

import numpy as np

BOOL_SUB_ERROR = ("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or "
                  "`logical_xor()` operator instead.")
MIXED_BOOL_SUB_ERROR = ("Subtraction, the `-` operator, with a bool tensor is not supported. If you are trying to "
                        "invert a mask, use the `~` or `logical_not()` operator instead.")
BOOL_NEG_ERROR = ("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a "
                  "mask, use the `~` or `logical_not()` operator instead.")


def _is_bool(value) -> bool:
    if type(value) in _PLAIN_NUMBERS:  # ``y - 0.25``: answered without a lookup (bench_small_ops' per-op figure)
        return False
    data = getattr(value, "_data", None)
    return isinstance(value, (bool, np.bool_)) if data is None else data.dtype.kind == "b"


_PLAIN_NUMBERS = (float, int)  # not bool: type(True) is bool


def check_alpha(result_dtype, alpha) -> None:
    """Refuse an ``alpha`` the result's dtype cannot take, with torch's errors."""
    if isinstance(alpha, (bool, np.bool_)):
        if not result_dtype == np.bool_:
            raise RuntimeError("Boolean alpha only supported for Boolean results.")
    elif isinstance(alpha, float) and result_dtype.kind in "iub":
        raise RuntimeError("For integral input tensors, argument alpha must not be a floating point number.")


def add_bools(x, y, alpha):
    """``x + alpha * y`` for bool arrays: logical or, with ``alpha`` read as true or false."""
    return np.logical_or(x, np.logical_and(y, bool(alpha)))


def check_subtraction(a, b) -> None:
    """Refuse subtraction with a bool operand, as torch does."""
    a_is_bool, b_is_bool = _is_bool(a), _is_bool(b)
    if a_is_bool or b_is_bool:
        raise RuntimeError(BOOL_SUB_ERROR if a_is_bool and b_is_bool else MIXED_BOOL_SUB_ERROR)


def check_negation(a) -> None:
    """Refuse ``-a`` for a bool tensor."""
    if _is_bool(a):
        raise RuntimeError(BOOL_NEG_ERROR)


def check_abs(a) -> None:
    """Refuse ``abs`` of a bool tensor, with torch's kernel error."""
    if _is_bool(a):
        raise NotImplementedError("\"abs_cpu\" not implemented for 'Bool'")
