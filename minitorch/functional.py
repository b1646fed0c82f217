"""``torch.functional``: the module where torch defines a few top-level functions (``norm``, ``split``...).

Scripts write ``import torch.functional as F`` or ``from torch.functional import split``; each name here is the
top-level ``minitorch`` function of the same name, when minitorch has it.
"""

from __future__ import annotations

_TORCH_FUNCTIONAL_NAMES = ("atleast_1d", "atleast_2d", "atleast_3d", "broadcast_shapes", "broadcast_tensors",
           "cartesian_prod", "block_diag", "cdist", "chain_matmul", "einsum", "istft", "lu", "norm", "meshgrid",
           "pca_lowrank", "split", "stft", "svd_lowrank", "tensordot", "unique", "unique_consecutive",
           "unravel_index")
__all__ = list(_TORCH_FUNCTIONAL_NAMES)  # each resolved on first use by __getattr__ below


def __getattr__(name):
    import minitorch

    if name in __all__ and hasattr(minitorch, name):
        return getattr(minitorch, name)
    raise AttributeError(f"module 'minitorch.functional' has no attribute '{name}'")
