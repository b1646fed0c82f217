"""Tensor printing, character for character as PyTorch 2.13 prints its tensors.

`format_tensor` turns a numpy array into the text of `repr(tensor)`; the Tensor class calls it. The rules
follow torch/_tensor_str.py:

* One formatter picks a single width and notation for every element shown. Floats whose finite non-zero
  values are all whole numbers print as `4.`; scientific notation is used when the largest magnitude is
  over 1000 times the smallest, over 1e8, or under 1e-4 (unless `sci_mode` forces a choice).
* Tensors with more than `threshold` elements are summarised: each dimension shows only its first and
  last `edgeitems` entries around a `...`.
* Rows wrap at `linewidth`; nested dimensions are indented one column per level and separated by
  `dim - 1` blank lines.
* Suffixes (`size=`, `dtype=`, `grad_fn=`/`requires_grad=`) follow the values, on a new line when the
  current line would exceed `linewidth`.
"""

import contextlib
import dataclasses
import math
from typing import Any

import numpy as np

from ._dtype import get_default_dtype


@dataclasses.dataclass
class _PrintOptions:
    precision: int = 4
    threshold: float = 1000
    edgeitems: int = 3
    linewidth: int = 80
    sci_mode: bool | None = None


_OPTIONS = _PrintOptions()

_PROFILES = {
    "default": {"precision": 4, "threshold": 1000, "edgeitems": 3, "linewidth": 80},
    "short": {"precision": 2, "threshold": 1000, "edgeitems": 2, "linewidth": 80},
    "full": {"precision": 4, "threshold": math.inf, "edgeitems": 3, "linewidth": 80},
}

# Tensors of these dtypes print no `dtype=` suffix, nor do those of the default floating dtype.
_DEFAULT_DTYPES = ("int64", "bool")


def set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, profile=None,
                     sci_mode=None) -> None:
    """Set the options used to print tensors, as `torch.set_printoptions`.

    `profile` ("default", "short" or "full"; other names are ignored, as in torch) first resets
    precision, threshold, edgeitems and linewidth; the other arguments then override it. `sci_mode` is
    always set, so leaving it out returns to automatic notation.
    """
    if profile in _PROFILES:
        for name, value in _PROFILES[profile].items():
            setattr(_OPTIONS, name, value)
    for name, value in (("precision", precision), ("threshold", threshold), ("edgeitems", edgeitems),
                        ("linewidth", linewidth)):
        if value is not None:
            setattr(_OPTIONS, name, value)
    _OPTIONS.sci_mode = sci_mode


def get_printoptions() -> dict[str, Any]:
    """Return the current print options as a dict that `set_printoptions(**options)` accepts."""
    return dataclasses.asdict(_OPTIONS)


@contextlib.contextmanager
def printoptions(**kwargs):
    """Change the print options inside a `with` block, restoring the previous ones afterwards."""
    previous = get_printoptions()
    set_printoptions(**kwargs)
    try:
        yield
    finally:
        set_printoptions(**previous)


class _Formatter:
    """Chooses one notation and one width for all the elements of a tensor that will be shown."""

    def __init__(self, values: np.ndarray):
        self.floating = values.dtype.kind == "f"
        self.int_mode = True
        self.sci_mode = False
        self.width = 1
        if not self.floating:
            self.width = max([1] + [len(f"{value}") for value in values.ravel().tolist()])
            return
        flat = values.ravel()
        shown = flat[np.isfinite(flat) & (flat != 0)]
        if shown.size == 0:  # only zeros, nan and inf: nothing to measure
            return
        magnitudes = np.abs(shown)
        smallest, largest = float(magnitudes.min()), float(magnitudes.max())
        self.int_mode = bool(np.all(shown == np.ceil(shown)))
        if _OPTIONS.sci_mode is None:
            self.sci_mode = largest / smallest > 1000.0 or largest > 1.0e8 or smallest < 1.0e-4
        else:
            self.sci_mode = _OPTIONS.sci_mode
        precision = _OPTIONS.precision
        if self.sci_mode:
            texts = [f"{value:.{precision}e}" for value in shown.tolist()]
        elif self.int_mode:
            # Whole numbers print with a trailing "." to show the tensor is floating: one more column.
            texts = [f"{value:.0f}." for value in shown.tolist()]
        else:
            texts = [f"{value:.{precision}f}" for value in shown.tolist()]
        self.width = max(self.width, max(len(text) for text in texts))

    def format(self, value) -> str:
        """Format one Python number, right-aligned to the common width."""
        precision = _OPTIONS.precision
        if not self.floating:
            text = f"{value}"
        elif self.sci_mode:
            text = f"{value:.{precision}e}"
        elif self.int_mode:
            text = f"{value:.0f}" + ("" if math.isinf(value) or math.isnan(value) else ".")
        else:
            text = f"{value:.{precision}f}"
        return text.rjust(self.width)


def _shown_values(data: np.ndarray) -> np.ndarray:
    """The elements a summarised print shows, flattened (what the formatter measures)."""
    edge = _OPTIONS.edgeitems
    if data.ndim == 0:
        return data.ravel()
    if data.ndim == 1:
        # torch slices data[-edge:], which is the whole row when edge is 0; we do the same.
        return np.concatenate((data[:edge], data[-edge:])) if len(data) > 2 * edge else data
    if not edge:
        return data[:0].ravel()
    rows = _edge_indices(len(data)) if len(data) > 2 * edge else range(len(data))
    return np.concatenate([_shown_values(data[i]) for i in rows])


def _edge_indices(length: int) -> list[int]:
    """Indices of the first and last `edgeitems` entries of a dimension."""
    edge = _OPTIONS.edgeitems
    return list(range(edge)) + list(range(length - edge, length))


def _vector_str(data: np.ndarray, formatter: _Formatter, indent: int, summarize: bool) -> str:
    """Print a 1-d array, wrapping so each line fits in `linewidth` after `indent` columns."""
    edge = _OPTIONS.edgeitems
    element_length = formatter.width + 2  # each element is followed by ", "
    per_line = max(1, math.floor((_OPTIONS.linewidth - indent) / element_length))
    if summarize and not edge:
        items = ["..."]
    elif summarize and len(data) > 2 * edge:
        items = ([formatter.format(v) for v in data[:edge].tolist()] + [" ..."]
                 + [formatter.format(v) for v in data[-edge:].tolist()])
    else:
        items = [formatter.format(v) for v in data.tolist()]
    lines = [", ".join(items[i:i + per_line]) for i in range(0, len(items), per_line)]
    return "[" + (",\n" + " " * (indent + 1)).join(lines) + "]"


def _array_str(data: np.ndarray, formatter: _Formatter, indent: int, summarize: bool) -> str:
    """Print an array of any dimension; inner dimensions are indented one more column each."""
    if data.ndim == 0:
        return formatter.format(data.item())
    if data.ndim == 1:
        return _vector_str(data, formatter, indent, summarize)
    edge = _OPTIONS.edgeitems
    if summarize and len(data) > 2 * edge:
        shown = [_array_str(data[i], formatter, indent + 1, summarize) for i in _edge_indices(len(data))]
        slices = shown[:edge] + ["..."] + shown[edge:]
    else:
        slices = [_array_str(row, formatter, indent + 1, summarize) for row in data]
    return "[" + ("," + "\n" * (data.ndim - 1) + " " * (indent + 1)).join(slices) + "]"


def _add_suffixes(text: str, suffixes: list[str], indent: int) -> str:
    """Append `, suffix` for each suffix, starting a new indented line when one would not fit."""
    parts = [text]
    # torch counts the last line as two characters longer than it is; the wrapping depends on it.
    last_line_len = len(text) - text.rfind("\n") + 1
    for suffix in suffixes:
        if last_line_len + len(suffix) + 2 > _OPTIONS.linewidth:
            parts.append(",\n" + " " * indent + suffix)
            last_line_len = indent + len(suffix)
        else:
            parts.append(", " + suffix)
            last_line_len += len(suffix) + 2
    parts.append(")")
    return "".join(parts)


def format_tensor(data: np.ndarray, dtype_name: str, grad_suffix: str | None = None,
                  prefix: str = "tensor(") -> str:
    """Return the text torch 2.13 prints for a tensor with these values, dtype and autograd state.

    data:        the values (numpy float32, float64, int64 or bool), of any number of dimensions.
    dtype_name:  the tensor's dtype without "torch.", e.g. "float64"; the default float dtype
                 (`get_default_dtype()`, float32 unless changed), int64 and bool print no `dtype=` suffix
                 (except empty tensors, which show any dtype but the default float one).
    grad_suffix: "grad_fn=<AddBackward0>", "requires_grad=True" or None; placed last, as torch does.
    prefix:      the text before the values; continuation lines are indented by its length. torch uses
                 "tensor(" for plain tensors and for Parameters: a Parameter's repr is
                 "Parameter containing:\\n" + format_tensor(data, dtype, "requires_grad=True"), with the
                 same indentation as a tensor's.
    """
    data = np.asarray(data)
    indent = len(prefix)
    suffixes = []
    default_float = get_default_dtype().name
    if data.size == 0:
        if data.ndim != 1:
            suffixes.append(f"size={tuple(data.shape)}")
        if dtype_name != default_float:  # nothing shows whether an empty tensor holds ints or floats
            suffixes.append(f"dtype=torch.{dtype_name}")
        body = "[]"
    else:
        if not _OPTIONS.edgeitems:
            suffixes.append(f"size={tuple(data.shape)}")
        if dtype_name not in _DEFAULT_DTYPES and dtype_name != default_float:
            suffixes.append(f"dtype=torch.{dtype_name}")
        summarize = data.size > _OPTIONS.threshold
        formatter = _Formatter(_shown_values(data) if summarize else data)
        body = _array_str(data, formatter, indent, summarize)
    if grad_suffix:
        suffixes.append(grad_suffix)
    return _add_suffixes(prefix + body, suffixes, indent)
