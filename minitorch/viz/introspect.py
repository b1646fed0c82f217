"""Read autograd facts from a tensor or a backward node, for minitorch and real torch alike.

Everything here is duck-typed on the attributes both libraries share (`grad_fn`, `next_functions`,
`_saved_<name>`, `_version`, `untyped_storage()`), so the diagrams never import torch themselves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

_STALE_VERSIONS = re.compile(r"is at version (\d+); expected version (\d+)")
_SHAPE_IN_ERROR = re.compile(r"\[[\w.]+ \[([0-9, ]*)\]\]")


def is_any_tensor(obj) -> bool:
    """True for a minitorch or torch tensor (anything with the autograd attributes of one)."""
    return all(hasattr(obj, attr) for attr in ("grad_fn", "requires_grad", "shape", "is_leaf"))


def node_name(node) -> str:
    """The node's name as PyTorch prints it, without C++ namespaces (`AccumulateGrad`, `AddBackward0`)."""
    return node.name().rsplit("::", 1)[-1]


def is_accumulate_grad(node) -> bool:
    """True for the node that writes a leaf's `.grad`."""
    return node_name(node) == "AccumulateGrad"


def shape_of(tensor) -> tuple:
    """The shape as a plain tuple of ints."""
    return tuple(int(n) for n in tensor.shape)


def storage_key(tensor) -> int | None:
    """An id of the memory a tensor uses (equal for views, `detach()` and `.data`); None if it has none."""
    try:
        pointer = tensor.untyped_storage().data_ptr()
    except (AttributeError, RuntimeError):
        return None
    return pointer or None


def to_numpy(tensor) -> np.ndarray:
    """The values of a minitorch or torch tensor as a numpy array (shared, not copied, when possible)."""
    data = getattr(tensor, "_data", None)
    if isinstance(data, np.ndarray):
        return data
    return tensor.detach().cpu().numpy()


def format_array(values: np.ndarray) -> str:
    """Compact values like torch prints them (`[4., 7.]`, `[0.1966, 0.1050]`), long ones cut by `...`."""
    values = np.asarray(values)
    fractional = values.dtype.kind == "f" and bool(np.any(values != np.round(values)))
    return np.array2string(values, separator=", ", precision=4, threshold=8, edgeitems=2,
                           suppress_small=True, floatmode="fixed" if fractional else "maxprec")


def readable_grad(tensor):
    """`tensor.grad` where reading it is meaningful (leaves, `retain_grad()`), else None without a warning."""
    if tensor.is_leaf or getattr(tensor, "retains_grad", False):
        return tensor.grad
    return None


def detached_source(tensor):
    """For minitorch: `(True, source or None)` from `_detached_from`; for torch `(False, None)` (unknown)."""
    if not hasattr(tensor, "_detached_from"):
        return False, None
    reference = tensor._detached_from
    return True, (reference() if reference is not None else None)


def cut_kind(detached, source) -> str:
    """"detach" when `detached` shares `source`'s version counter (detach()), "data" when it has its own (.data).

    minitorch tensors show their counter; for torch, differing versions prove separate counters, and equal
    ones are taken as shared (torch cannot tell `.data` from `detach()` before one of them is modified)."""
    counter = getattr(detached, "_version_counter", None)
    if counter is not None:
        return "detach" if counter is getattr(source, "_version_counter", None) else "data"
    return "detach" if detached._version == source._version else "data"


@dataclass
class SavedInfo:
    """One tensor a backward node saved: what it is now, and the versions that decide if it is stale."""

    name: str
    tensor: object | None  # None when freed or stale (torch gives no access then)
    shape: tuple | None
    saved_version: int | None
    current_version: int | None
    freed: bool = False

    @property
    def absent(self) -> bool:
        """True for an optional input that was never given (torch returns None for it)."""
        return self.tensor is None and not self.freed and self.saved_version is None

    @property
    def stale(self) -> bool:
        """True when the memory was modified in place after saving: backward will raise."""
        return None not in (self.saved_version, self.current_version) and (
            self.saved_version != self.current_version
        )


def saved_tensor_names(node) -> list[str]:
    """Names of the tensors the node saved (`other`, `self`, `result`...), sorted for a stable order."""
    if hasattr(node, "_saved_tensor_names"):
        return sorted(node._saved_tensor_names())
    names = []
    for attribute in dir(node):
        if attribute.startswith("_saved_"):
            try:
                value = getattr(node, attribute)
            except RuntimeError:
                value = None  # freed or stale: still a saved tensor (non-tensor values never raise)
            if value is None or is_any_tensor(value):
                names.append(attribute[len("_saved_") :])
    return sorted(names)


def saved_tensors(node) -> list[SavedInfo]:
    """Every saved tensor of `node`, with its saved and current versions when they can be known."""
    infos = (_saved_info(node, name) for name in saved_tensor_names(node))
    return [info for info in infos if not info.absent]


def _saved_info(node, name: str) -> SavedInfo:
    raw = getattr(node, f"_raw_saved_{name}", None)
    recorded = getattr(raw, "saved_version", None)
    try:
        tensor = getattr(node, f"_saved_{name}")
    except RuntimeError as error:
        return _saved_info_from_error(name, str(error), raw, recorded)
    if tensor is None:  # an optional input that was not given
        return SavedInfo(name, None, None, None, None)
    current = int(tensor._version)
    # torch raises on unpack when the versions differ, so a successful unpack means "saved == current".
    saved = int(recorded) if recorded is not None else current
    return SavedInfo(name, tensor, shape_of(tensor), saved, current)


def _saved_info_from_error(name: str, message: str, raw, recorded) -> SavedInfo:
    stale = _STALE_VERSIONS.search(message)
    if stale is None:
        return SavedInfo(name, None, None, None, None, freed=True)
    current, saved = int(stale.group(1)), int(stale.group(2))
    if recorded is not None:
        saved = int(recorded)
        current = int(raw.current_version())
    shape_text = _SHAPE_IN_ERROR.search(message)
    shape = None
    if shape_text is not None:
        shape = tuple(int(n) for n in shape_text.group(1).replace(",", " ").split())
    return SavedInfo(name, None, shape, saved, current)
