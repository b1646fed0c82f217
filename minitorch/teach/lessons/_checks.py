"""Small helpers the exercise checks share: fresh inputs, independent expected values, precise complaints."""

from __future__ import annotations

import math

import minitorch as torch
from minitorch.teach.exercise import Mistake


def values(tensor) -> list:
    """The values of `tensor` as nested Python floats, read without touching its graph."""
    return tensor.detach().tolist()


def close(actual, expected, tolerance: float = 1e-5) -> bool:
    """Whether two flat lists of numbers agree within `tolerance`."""
    return len(actual) == len(expected) and all(
        math.isclose(a, e, rel_tol=tolerance, abs_tol=tolerance) for a, e in zip(actual, expected)
    )


def require(condition: bool, message: str) -> None:
    """Raise `Mistake(message)` unless `condition` holds."""
    if not condition:
        raise Mistake(message)


def require_tensor(value, name: str) -> None:
    """The learner's result must be a tensor."""
    require(isinstance(value, torch.Tensor), f"`{name}` should return a tensor, not {type(value).__name__}.")


def sigmoid(x: float) -> float:
    """The logistic function of one number, computed without minitorch."""
    return 1 / (1 + math.exp(-x))


def shares_memory(a, b) -> bool:
    """Whether two tensors use the same storage."""
    return a.untyped_storage().data_ptr() == b.untyped_storage().data_ptr()


def node_name(tensor) -> str | None:
    """The name of `tensor`'s grad_fn (such as "CloneBackward0"), or None for a leaf."""
    return None if tensor.grad_fn is None else tensor.grad_fn.name()
