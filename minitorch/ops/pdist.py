"""``pdist``: the p-norm distance between every pair of rows of one matrix (``PdistBackward0``).

For ``n`` rows the result has ``n * (n - 1) / 2`` entries: the distances of row pairs ``(0, 1), (0, 2), ...,
(0, n-1), (1, 2), ...``, the upper triangle of ``cdist(x, x)`` read row by row, without its zero diagonal.
"""

import numpy as np

from ..autograd.node import Node, record
from .distances import _norm_gradient, _p_norm


class PdistBackward0(Node):
    """d ||x_i - x_j||_p: the norm's gradient g_ij of x_i - x_j, added to row i and subtracted from row j."""

    def apply(self, grad):
        x, result = self.unpack("self"), self.unpack("result")
        first, second = np.triu_indices(x.shape[0], 1)
        diff = x[first] - x[second]
        g = grad[:, None] * _norm_gradient(diff, result[:, None], self._saved_p)
        out = np.zeros_like(x)
        np.add.at(out, first, g)
        np.add.at(out, second, -g)
        return (out,)


def pdist(input, p=2):  # noqa: A002
    """The distances between all pairs of rows of the ``(n, m)`` matrix ``input``: ``n * (n - 1) / 2`` values."""
    if input.ndim != 2:
        raise RuntimeError(f"pdist only supports 2D tensors, got: {input.ndim}D")
    if input._data.dtype.kind != "f":
        raise RuntimeError("pdist only supports floating-point dtypes")
    if p < 0:
        raise RuntimeError("pdist only supports non-negative p values")
    x = input._data
    first, second = np.triu_indices(x.shape[0], 1)
    out = np.asarray(_p_norm(x[first] - x[second], p, axis=-1), dtype=x.dtype).reshape(-1)
    return record(PdistBackward0, out, (input,), saved={"self": input}, attrs={"p": float(p)}, save_result=True)
