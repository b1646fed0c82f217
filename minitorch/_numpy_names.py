"""torch's numpy-style keyword names: ``x.sum(axis=0, keepdims=True)`` is ``x.sum(dim=0, keepdim=True)``.

torch's argument parser accepts ``axis`` for ``dim`` and ``keepdims`` for ``keepdim`` in every function that
takes them; minitorch wraps those functions (and Tensor methods) once, at import.
"""

from __future__ import annotations

import functools

ALIASES = {"axis": "dim", "keepdims": "keepdim"}
# The functions and methods with a ``dim`` (or ``keepdim``) argument that learners call with numpy's names.
WITH_DIM = ("sum", "mean", "max", "min", "argmax", "argmin", "prod", "std", "var", "std_mean", "var_mean",
            "logsumexp", "amax", "amin", "aminmax", "all", "any", "norm", "cumsum", "cumprod", "cummax", "cummin",
            "median", "mode", "sort", "argsort", "topk", "kthvalue", "count_nonzero", "softmax", "log_softmax",
            "squeeze", "unsqueeze", "cat", "concat", "concatenate", "stack", "chunk", "split", "unbind",
            "gather", "index_select", "unique", "flip", "roll")


def accept_numpy_names(function):
    """``function`` that also accepts ``axis=`` and ``keepdims=``."""
    @functools.wraps(function)
    def with_numpy_names(*args, **kwargs):
        if kwargs:
            for numpy_name, torch_name in ALIASES.items():
                if numpy_name in kwargs:
                    kwargs[torch_name] = kwargs.pop(numpy_name)
        return function(*args, **kwargs)

    return with_numpy_names


def add_numpy_names(namespace) -> None:
    """Wrap each name of ``WITH_DIM`` found in ``namespace`` (a module's globals or a class)."""
    is_class = isinstance(namespace, type)
    for name in WITH_DIM:
        function = getattr(namespace, name, None) if is_class else namespace.get(name)
        if function is None:
            continue
        if is_class:
            setattr(namespace, name, accept_numpy_names(function))
        else:
            namespace[name] = accept_numpy_names(function)
