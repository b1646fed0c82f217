"""What tensors share: the version counter that counts in-place changes, and the memory (storage) itself."""

from __future__ import annotations

import numpy as np

from ._strides import storage_root


class VersionCounter:
    """Counts in-place changes to a storage; shared by a tensor, its views and its ``detach()``."""

    __slots__ = ("value",)

    def __init__(self):
        self.value = 0

    def bump(self) -> None:
        """Record one more in-place change."""
        self.value += 1


class UntypedStorage:
    """The memory behind a tensor; ``data_ptr()`` is equal for tensors that share it."""

    def __init__(self, array: np.ndarray):
        self._root = storage_root(array)

    def data_ptr(self) -> int:
        """The address where the shared memory starts."""
        return self._root.__array_interface__["data"][0]

    def nbytes(self) -> int:
        """The size of the shared memory in bytes."""
        return np.asarray(self._root).nbytes
