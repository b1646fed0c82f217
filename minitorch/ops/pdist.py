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
        x, result, p = self.unpack("self"), self.unpack("result"), self._saved_p
        out = np.zeros_like(x)
        pair = 0
        # torch's kernel order: row i gets its share of each pair (i, j > i) after all of its (k < i, i) shares
        for i in range(x.shape[0] - 1):
            for j in range(i + 1, x.shape[0]):
                share = _pair_gradient(x[i] - x[j], grad[pair], result[pair], p)
                out[i] += share
                out[j] -= share
                pair += 1
        return (out,)


def _pair_gradient(diff, grad, dist, p):
    """d ||diff||_p times ``grad``, with torch's arithmetic for p = 1 and p = 2."""
    if p == 1:
        return (np.sign(diff) * grad).astype(diff.dtype)
    if p == 2:
        return np.zeros_like(diff) if dist == 0 else grad * diff / dist  # in torch's order
    return (grad * _norm_gradient(diff[None], np.asarray(dist)[None, None], p)[0]).astype(diff.dtype)


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
