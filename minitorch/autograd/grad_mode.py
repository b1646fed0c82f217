"""Grad mode: whether ops are recorded for backward. ``no_grad`` turns recording off inside a block.

Grad mode affects only the ops run while it is set; tensors made before keep their history.
"""

from __future__ import annotations

import functools

_enabled = True


def is_grad_enabled() -> bool:
    """True when new ops are recorded for autograd."""
    return _enabled


def _set_enabled(mode: bool) -> None:
    global _enabled
    _enabled = bool(mode)


class _GradMode:
    """A context manager that also decorates functions (``@no_grad()`` and ``@no_grad`` both work)."""

    mode = True

    def __new__(cls, *args):
        if cls is not set_grad_enabled and len(args) == 1 and callable(args[0]):
            return cls()(args[0])  # used as a bare decorator
        return super().__new__(cls)

    def __enter__(self):
        self.prev = is_grad_enabled()
        _set_enabled(self.mode)

    def __exit__(self, *exc):
        _set_enabled(self.prev)
        return False

    def __repr__(self):
        return f"<torch.autograd.grad_mode.{type(self).__name__} object at {hex(id(self))}>"

    def clone(self):
        """A new context manager with the same mode (each call of a decorated function gets its own)."""
        return type(self)()

    def __call__(self, func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            with self.clone():
                return func(*args, **kwargs)

        return wrapper


class no_grad(_GradMode):  # noqa: N801
    """Context manager and decorator: ops inside are not recorded, and their results don't require grad."""

    mode = False


class enable_grad(_GradMode):  # noqa: N801
    """Context manager and decorator: record ops again, e.g. inside a ``no_grad`` block."""

    mode = True


class set_grad_enabled(_GradMode):  # noqa: N801
    """Set grad mode to ``mode`` at once; used with ``with``, the old mode comes back at the end."""

    def __init__(self, mode: bool):
        self.prev = is_grad_enabled()
        self.mode = bool(mode)
        _set_enabled(self.mode)

    def __enter__(self):
        pass

    def clone(self):
        """A new context manager with the same mode."""
        return set_grad_enabled(self.mode)

    def __repr__(self):
        return f"torch.autograd.grad_mode.set_grad_enabled(mode={self.mode})"

    def __call__(self, func):
        _set_enabled(self.prev)  # decorating must not change the mode at definition time
        return super().__call__(func)
