"""Embedding lookup: rows of a weight matrix picked by integer indices (``F.embedding``), one node,
``EmbeddingBackward0``, whose only edge is the weight (indices have no gradient)."""

from __future__ import annotations

import numpy as np

from ..autograd import node as _node
from ..autograd.grad_mode import no_grad
from ..autograd.node import Node, record
from ._util import saved_dim
from .inplace import write_values


class EmbeddingBackward0(Node):
    """d embedding(w, idx)/dw: each looked-up row's gradient is added into its row of w (none into padding_idx)."""

    double_backward = True

    def apply(self, grad):
        if isinstance(grad, _node.Tensor):  # create_graph: torch's embedding_dense_backward, recorded
            return (_recorded_embedding_backward(self, grad),)
        return (_embedding_grad_values(self, grad, self.unpack("indices")),)


def _embedding_grad_values(node, grad, indices):
    """The weight's gradient on numpy arrays: each looked-up row's gradient added into its row."""
    indices = indices.reshape(-1)
    rows = grad.reshape(-1, grad.shape[-1])
    if node._saved_scale_grad_by_freq:
        counts = np.bincount(indices, minlength=node._num_weights)
        rows = rows / counts[indices][:, None]
    grad_weight = np.zeros((node._num_weights, grad.shape[-1]), dtype=grad.dtype)
    np.add.at(grad_weight, indices, rows)
    if node._padding_idx >= 0:
        grad_weight[node._padding_idx] = 0
    return grad_weight


class EmbeddingDenseBackwardBackward0(Node):
    """d embedding_dense_backward(g) = grad[indices] for g (the rows looked up again; 0 at padding_idx)."""

    def apply(self, grad):
        indices = self._indices
        rows = grad[indices.reshape(-1)]
        if self._padding_idx >= 0:
            rows = np.where((indices.reshape(-1) == self._padding_idx)[:, None], 0, rows).astype(grad.dtype)
        return (rows.reshape(indices.shape + (grad.shape[-1],)),)


def _recorded_embedding_backward(node, grad):
    if node._saved_scale_grad_by_freq:
        raise NotImplementedError(f"minitorch does not implement double backward through {node.name()} with "
                                  "scale_grad_by_freq=True; see docs/implemented.md")
    index_tensor = node.unpack("indices")
    indices = index_tensor._data
    grad_weight = _embedding_grad_values(node, grad._data, indices)
    return record(EmbeddingDenseBackwardBackward0, grad_weight, (grad,), saved={"indices": index_tensor},
                  attrs={"padding_idx": saved_dim(node._padding_idx)},
                  state={"indices": indices, "padding_idx": node._padding_idx})


def _check_indices(input, num_weights):
    if input.dtype.name not in ("int64", "int32"):
        raise RuntimeError("Expected tensor for argument #1 'indices' to have one of the following scalar types: "
                           f"Long, Int; but got torch.{input.dtype.legacy_name}Tensor instead (while checking "
                           "arguments for embedding)")
    values = input._data
    if values.size and (values.max() >= num_weights or values.min() < -num_weights):
        raise IndexError("index out of range in self")


def _renorm_rows(weight, indices, max_norm, norm_type):
    """Scale, in place, each looked-up row whose ``norm_type``-norm exceeds ``max_norm`` down to ``max_norm``."""
    with no_grad():
        data = weight._data.copy()
        for row in np.unique(indices):
            norm = np.linalg.norm(data[row].astype(np.float64), ord=norm_type)
            if norm > max_norm:
                data[row] = data[row] * (max_norm / (norm + 1e-7))
        write_values(weight, data)


def embedding(input, weight, padding_idx=None, max_norm=None, norm_type=2.0, scale_grad_by_freq=False,  # noqa: A002
              sparse=False):
    """The rows of ``weight`` at ``input``'s indices: shape ``input.shape + (embedding_dim,)``."""
    num_weights = weight.shape[0]
    _check_indices(input, num_weights)
    if padding_idx is None:
        padding_idx = -1
    elif padding_idx < 0:
        padding_idx += num_weights
    indices = input._data.astype(np.int64) % max(num_weights, 1)
    if max_norm is not None:
        _renorm_rows(weight, indices, max_norm, norm_type)
    attrs = {"weight_sym_argsize_0": num_weights, "padding_idx": saved_dim(padding_idx),
             "scale_grad_by_freq": scale_grad_by_freq, "sparse": sparse}
    return record(EmbeddingBackward0, weight._data[indices], (weight,), saved={"indices": input}, attrs=attrs,
                  state={"num_weights": num_weights, "padding_idx": padding_idx})
