"""More products: vdot, the fused ``add*`` products (addmv, addr, addbmm, baddbmm), and the products torch
builds from others (tensordot, inner, kron), which therefore end in the same nodes as torch's."""

from __future__ import annotations

import numpy as np

from ..autograd.node import Node, record, unbroadcast
from ._formulas import on_tensors, scale
from ._out import with_out
from .arithmetic import mul
from .linalg import _unsafe_view, bmm, dot, mm, mv
from .rearrange import outer
from .reshaping import reshape
from .transposing import permute


class VdotBackward0(Node):
    """d(a . b) = grad * b for a, grad * a for b."""

    double_backward = True

    def apply(self, grad):
        grad_a = grad * self.unpack("other") if self.needs_input_grad(0) else None
        grad_b = grad * self.unpack("self") if self.needs_input_grad(1) else None
        return grad_a, grad_b


def vdot(input, other, *, out=None):  # noqa: A002 (torch's argument name)
    """The dot product of two 1-d tensors (for real tensors the same as ``dot``)."""
    def compute():
        value = dot(input.detach(), other.detach())._data
        return record(VdotBackward0, value, (input, other), saved={"self": input, "other": other})

    return with_out("vdot", compute, out)


def _scaled_input(grad, beta, shape):
    return unbroadcast(grad * beta, shape)


def _recorded_input(node, grad):
    """torch's ``maybe_multiply(grad, beta)`` for the added input, summed to its shape (recorded)."""
    return unbroadcast(scale(grad, node._saved_beta), node.input_shape(0)) if node.needs_input_grad(0) else None


class AddmvBackward0(Node):
    """d(beta * v0 + alpha * M @ v) = beta * grad for v0, alpha * outer(grad, v) for M, alpha * M.T @ grad for v."""

    double_backward = True

    def apply(self, grad):
        beta, alpha = self._saved_beta, self._saved_alpha
        if on_tensors(grad):  # torch's: grad.ger(vec) * alpha and mat.t().mv(grad) * alpha, recorded
            return (_recorded_input(self, grad),
                    scale(outer(grad, self.unpack("vec")), alpha) if self.needs_input_grad(1) else None,
                    scale(mv(self.unpack("mat").t(), grad), alpha) if self.needs_input_grad(2) else None)
        grad_in = _scaled_input(grad, beta, self.input_shape(0)) if self.needs_input_grad(0) else None
        grad_mat = alpha * np.outer(grad, self.unpack("vec")) if self.needs_input_grad(1) else None
        grad_vec = alpha * (self.unpack("mat").T @ grad) if self.needs_input_grad(2) else None
        return grad_in, grad_mat, grad_vec


class AddrBackward0(Node):
    """d(beta * M + alpha * outer(u, v)) = beta * grad for M, alpha * grad @ v for u, alpha * grad.T @ u for v."""

    double_backward = True

    def apply(self, grad):
        beta, alpha = self._saved_beta, self._saved_alpha
        if on_tensors(grad):  # torch's: grad.mv(vec2) * alpha and grad.t().mv(vec1) * alpha, recorded
            return (_recorded_input(self, grad),
                    scale(mv(grad, self.unpack("vec2")), alpha) if self.needs_input_grad(1) else None,
                    scale(mv(grad.t(), self.unpack("vec1")), alpha) if self.needs_input_grad(2) else None)
        grad_in = _scaled_input(grad, beta, self.input_shape(0)) if self.needs_input_grad(0) else None
        grad_u = alpha * (grad @ self.unpack("vec2")) if self.needs_input_grad(1) else None
        grad_v = alpha * (grad.T @ self.unpack("vec1")) if self.needs_input_grad(2) else None
        return grad_in, grad_u, grad_v


class BaddbmmBackward0(Node):
    """d(beta * M + alpha * A @ B) = beta * grad for M, alpha * grad @ B.mT for A, alpha * A.mT @ grad for B."""

    double_backward = True

    def apply(self, grad):
        beta, alpha = self._saved_beta, self._saved_alpha
        if on_tensors(grad):
            return (_recorded_input(self, grad), *self._recorded_products(lambda: grad, lambda: grad))
        grad_in = _scaled_input(grad, beta, self.input_shape(0)) if self.needs_input_grad(0) else None
        grad_a = alpha * (grad @ np.swapaxes(self.unpack("batch2"), -1, -2)) if self.needs_input_grad(1) else None
        grad_b = alpha * (np.swapaxes(self.unpack("batch1"), -1, -2) @ grad) if self.needs_input_grad(2) else None
        return grad_in, grad_a, grad_b


    def _recorded_products(self, batched_grad, batched_grad_again) -> tuple:
        """torch's ``grad.bmm(batch2.transpose(1, 2)) * alpha`` and ``batch1.transpose(1, 2).bmm(grad) * alpha``
        (``batched_grad()`` makes the gradient each formula multiplies: addbmm expands it, once per formula)."""
        alpha = self._saved_alpha
        return (scale(bmm(batched_grad(), self.unpack("batch2").transpose(1, 2)), alpha)
                if self.needs_input_grad(1) else None,
                scale(bmm(self.unpack("batch1").transpose(1, 2), batched_grad_again()), alpha)
                if self.needs_input_grad(2) else None)


class AddbmmBackward0(BaddbmmBackward0):
    """d(beta * M + alpha * sum_i A_i @ B_i) = beta * grad for M, alpha * grad @ B_i.T for A_i, alpha * A_i.T @ grad."""

    def apply(self, grad):
        count = self.input_shape(1)[0]
        if on_tensors(grad):  # torch's: grad.unsqueeze(0).expand(b, n, p) for each product (two of them), recorded
            def spread():
                return grad.unsqueeze(0).expand(count, *grad.shape)
            return (_recorded_input(self, grad), *self._recorded_products(spread, spread))
        grad_in, grad_a, grad_b = super().apply(np.broadcast_to(grad, (count, *grad.shape)))
        grad_in = _scaled_input(grad, self._saved_beta, self.input_shape(0)) if self.needs_input_grad(0) else None
        return grad_in, grad_a, grad_b


def _fused(name, node_cls, input, product, operands, saved, beta, alpha):  # noqa: A002
    if any(t.dtype is not input.dtype for t in operands):
        kinds = ", ".join(t.dtype.legacy_name for t in (input, *operands))
        raise RuntimeError(f"{name}: expected all tensors to have the same dtype, got {kinds}")
    base = np.broadcast_to(input._data, product.shape)
    out = alpha * product if beta == 0 else beta * base + alpha * product
    return record(node_cls, np.asarray(out, dtype=product.dtype), (input, *operands), saved=saved,
                  attrs={"beta": beta, "alpha": alpha})


def addmv(input, mat, vec, *, beta=1, alpha=1, out=None):  # noqa: A002
    """``beta * input + alpha * (mat @ vec)``."""
    return with_out("addmv", lambda: _fused("addmv", AddmvBackward0, input, mat._data @ vec._data, (mat, vec),
                                            {"mat": mat, "vec": vec}, beta, alpha), out)


def addr(input, vec1, vec2, *, beta=1, alpha=1, out=None):  # noqa: A002
    """``beta * input + alpha * outer(vec1, vec2)``."""
    return with_out("addr", lambda: _fused("addr", AddrBackward0, input, np.outer(vec1._data, vec2._data),
                                           (vec1, vec2), {"vec1": vec1, "vec2": vec2}, beta, alpha), out)


def baddbmm(input, batch1, batch2, *, beta=1, alpha=1, out=None):  # noqa: A002
    """``beta * input + alpha * (batch1 @ batch2)``, one matrix product per batch."""
    return with_out("baddbmm", lambda: _fused("baddbmm", BaddbmmBackward0, input, batch1._data @ batch2._data,
                                              (batch1, batch2), {"batch1": batch1, "batch2": batch2}, beta, alpha),
                    out)


def addbmm(input, batch1, batch2, *, beta=1, alpha=1, out=None):  # noqa: A002
    """``beta * input + alpha * sum of batch1[i] @ batch2[i]``."""
    return with_out("addbmm", lambda: _fused("addbmm", AddbmmBackward0, input,
                                             (batch1._data @ batch2._data).sum(0), (batch1, batch2),
                                             {"batch1": batch1, "batch2": batch2}, beta, alpha), out)


def _contracted_dims(a, b, dims):
    if isinstance(dims, int):
        if dims < 0:
            raise RuntimeError(f"tensordot expects dims >= 0, but got dims={dims}")
        return list(range(a.ndim - dims, a.ndim)), list(range(dims))
    dims_a, dims_b = ([d] if isinstance(d, int) else list(d) for d in dims)
    return [d % a.ndim for d in dims_a], [d % b.ndim for d in dims_b]


def tensordot(a, b, dims=2, out=None):
    """Sum of products over ``dims`` of ``a`` and ``b`` (their last and first ``dims`` dims, or the listed ones)."""
    dims_a, dims_b = _contracted_dims(a, b, dims)
    for i, j in zip(dims_a, dims_b):
        if a.shape[i] != b.shape[j]:
            raise RuntimeError(f"contracted dimensions need to match, but first has size {a.shape[i]} in dim {i} "
                               f"and second has size {b.shape[j]} in dim {j}")
    free_a = [d for d in range(a.ndim) if d not in dims_a]
    free_b = [d for d in range(b.ndim) if d not in dims_b]
    size = int(np.prod([a.shape[d] for d in dims_a], dtype=np.int64))
    left = reshape(permute(a, *free_a, *dims_a), -1, size)
    right = reshape(permute(b, *dims_b, *free_b), size, -1)
    shape = [a.shape[d] for d in free_a] + [b.shape[d] for d in free_b]
    return with_out("tensordot", lambda: reshape(mm(left, right), *shape), out)


def inner(input, other, *, out=None):  # noqa: A002
    """Sum of products over the last dims of both (a number times a tensor for 0-d inputs)."""
    if input.ndim == 0 or other.ndim == 0:
        return with_out("inner", lambda: mul(input, other), out)
    if input.shape[-1] != other.shape[-1]:
        raise RuntimeError(f"inner() the last dimension must match on both input tensors but got shapes "
                           f"{list(input.shape)} and {list(other.shape)}")
    return tensordot(input, other, ([-1], [-1]), out=out)


def kron(input, other, *, out=None):  # noqa: A002
    """The Kronecker product: every element of ``input`` times the whole of ``other``, laid out in blocks."""
    ndim = max(input.ndim, other.ndim)
    a_shape = (1,) * (ndim - input.ndim) + tuple(input.shape)
    b_shape = (1,) * (ndim - other.ndim) + tuple(other.shape)
    a = reshape(input, *[n for size in a_shape for n in (size, 1)])
    b = reshape(other, *[n for size in b_shape for n in (1, size)])
    return with_out("kron", lambda: _unsafe_view(mul(a, b), tuple(x * y for x, y in zip(a_shape, b_shape))), out)
