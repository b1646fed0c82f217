"""Every op's ``grad_fn`` saves what torch's saves: the same ``_saved_*`` names, and the same values (or None).

Each case is one expression, run once with ``lib = torch`` and once with ``lib = minitorch`` on the same small
inputs; the node of its (first) output is compared: its name, the set of ``_saved_*`` and ``_raw_saved_*``
names ``dir(grad_fn)`` lists, and each saved value (a tensor by shape, dtype and values; a size as a tuple).
"""

import importlib
import math
import pkgutil

import numpy as np
import pytest

import minitorch
from minitorch.autograd.node import Node

# One expression per recorded op, in the families' order. ``x``, ``y``: 2x3 floats; ``p``: 2x3 in (0, 1);
# ``v``: 3 floats; ``sq``: 2x2; ``img``: 1x2x4x4; ``i``: 2x3 indices along dim 1; ``idx``: [1, 0]; ``mask``:
# 2x3 bools; ``F``: nn.functional.
CASES = [
    # arithmetic and pointwise
    "x + y", "lib.add(x, y, alpha=2)", "x + 2", "x - y", "lib.sub(x, y, alpha=3)", "x - 2", "2 - x", "x * y",
    "x * 2", "x / y", "x / 2", "lib.div(x, y, rounding_mode='floor')", "-x", "x ** 2", "p ** y", "2 ** x",
    "x.reciprocal()", "x.abs()", "x.exp()", "p.log()", "p.sqrt()", "x.sigmoid()", "x.tanh()", "x.relu()",
    "x.clamp(-1, 1)", "x.clamp(min=-1)", "x.clamp(max=1)", "lib.maximum(x, y)", "lib.minimum(x, y)",
    "lib.where(mask, x, y)", "x.clamp(min=y)", "lib.clamp(x, y, p)", "lib.rsub(x, y)", "2 % x",
    "(x + 3).acosh_()", "x.clone().asinh_()", "p.clone().atanh_()", "x.as_strided((2, 2), (1, 2), 1)",
    "x.unfold(1, 2, 1)", "x.logcumsumexp(1)",
    # element-wise math
    "x.sin()", "x.cos()", "x.tan()", "p.asin()", "p.acos()", "x.atan()", "x.sinh()", "x.cosh()", "x.asinh()",
    "(x + 3).acosh()", "p.atanh()", "x.ceil()", "x.floor()", "x.round()", "x.round(decimals=1)", "x.trunc()",
    "x.frac()", "x.sign()", "x.sgn()", "x.exp2()", "x.expm1()", "p.log2()", "p.log10()", "p.log1p()",
    "p.rsqrt()", "x.deg2rad()", "x.rad2deg()", "x.erf()", "x.erfc()", "p.erfinv()", "p.digamma()",
    "p.lgamma()", "x.sinc()", "lib.atan2(x, y)", "lib.copysign(x, y)", "lib.copysign(x, -1.0)",
    "lib.fmax(x, y)", "lib.fmin(x, y)", "lib.fmod(x, y)", "lib.fmod(x, 2.0)", "lib.remainder(x, y)",
    "lib.remainder(x, 2.0)", "lib.hypot(x, y)", "lib.xlogy(x, p)", "lib.xlogy(x, 2.0)",
    "lib.addcdiv(x, y, p, value=2)", "lib.addcmul(x, y, p, value=0.5)", "lib.lerp(x, y, 0.3)",
    "lib.lerp(x, y, p)", "p.logit()", "p.logit(eps=0.1)", "x.nan_to_num()", "x.nan_to_num(posinf=3.0)",
    "x.clamp_min(0.1)", "x.clamp_max(0.1)",
    # in-place comparisons on floats
    "x.clone().eq_(y)", "x.clone().lt_(0.5)", "x.clone().ge_(y)",
    # reductions and statistics
    "x.sum()", "x.sum(1)", "x.sum(1, keepdim=True)", "x.sum((0, 1))", "x.mean()", "x.mean(0)",
    "x.mean(-1, keepdim=True)", "x.max()", "x.max(1)", "x.max(-1, keepdim=True)", "x.min()", "x.min(0)",
    "x.amax(1)", "x.amax()", "x.amin((0, 1), keepdim=True)", "lib.aminmax(x)", "lib.aminmax(x, dim=1)",
    "lib.aminmax(x, dim=-1, keepdim=True)", "x.prod()", "x.prod(1)", "x.prod(-1, keepdim=True)",
    "x.var()", "x.var(0)", "x.var(1, keepdim=True)", "x.var(unbiased=False)", "x.var(correction=2)",
    "x.std()", "x.std(1)", "x.std(0, correction=0)", "lib.var_mean(x)", "lib.var_mean(x, 1)",
    "lib.var_mean(x, 0, keepdim=True)", "lib.var_mean(x, unbiased=False)", "lib.var_mean(x, correction=0)",
    "lib.std_mean(x)", "lib.std_mean(x, 1)", "lib.std_mean(x, (0, 1), correction=0)", "x.logsumexp(1)",
    "x.logsumexp((0, 1), keepdim=True)", "lib.linalg.vector_norm(x)", "lib.linalg.vector_norm(x, 1, dim=1)",
    "x.norm()", "x.norm(dim=1)", "x.norm(p=3, dim=0, keepdim=True)", "x.median()", "x.median(1)",
    "x.mode(1)", "x.kthvalue(2, 1)", "x.sort(1)", "x.sort(0, descending=True)", "x.topk(2)",
    "x.topk(1, 0, largest=False)", "x.cumsum(1)", "x.cumprod(0)", "x.cummax(1)", "x.cummin(0)",
    # shapes and views
    "x.view(3, 2)", "x.view(-1)", "x.reshape(6)", "x.t().reshape(6)", "x.t().reshape(3, 2)",
    "x.flatten()", "x.transpose(0, 1)", "x.t()", "x.permute(1, 0)", "x.unsqueeze(0).squeeze()",
    "x.unsqueeze(0).squeeze(0)", "x.unsqueeze(0).squeeze((0, 1))", "x.unsqueeze(1)", "v.expand(2, 3)",
    "x.unbind(0)", "x.unbind(-1)", "x.unsafe_chunk(3, 1)",
    "lib.unsafe_split(x, 2, 1)", "x.split(1, 1)", "x.split([1, 2], 1)", "x.chunk(2, 0)", "x.narrow(1, 0, 2)",
    "x.movedim(0, 1)", "x.clone().unsqueeze_(0)", "x.unsqueeze(0).clone().squeeze_()",
    "x.unsqueeze(0).clone().squeeze_(0)", "x.clone().t_()", "x.clone().transpose_(0, 1)",
    # indexing
    "x[0]", "x[:, 1:]", "x[:, ::2]", "x[idx]", "x[mask]", "x[...]", "x[idx, idx]", "lib.select(x, 1, 0)",
    "x.index_select(1, idx)", "x.masked_fill(mask, 0.5)", "x.masked_fill(mask, lib.tensor(0.5))",
    "x.masked_select(mask)", "x.gather(1, i)", "x.scatter(1, i, y)", "x.scatter(1, i, 2.0)",
    "x.scatter_add(1, i, y)", "lib.take(x, lib.tensor([0, 4]))", "x.index_add(1, idx, y[:, :2])",
    "x.index_copy(1, idx, y[:, :2])", "x.index_fill(1, idx, 2.0)", "x.index_fill(1, idx, lib.tensor(2.0))",
    "x.clone().index_put_((idx,), v)", "lib.index_put(x, (idx,), v)",
    "x.clone().index_put_((idx,), v, accumulate=True)",
    # join, copy, fill
    "lib.cat([x, y])", "lib.cat([x, y], 1)", "lib.stack([x, y])", "lib.stack([x, y], -1)", "x.clone()",
    "x.to(lib.float64)", "x.double()", "x.clone().copy_(y)", "x.clone().fill_(2.0)",
    "x.clone().fill_(lib.tensor(2.0))", "x.clone().zero_()", "x.t().contiguous()",
    # diagonals, linalg, rearrangements
    "lib.diag_embed(v)", "sq.diagonal()", "x.diagonal(1)", "lib.diag(sq)", "sq.trace()", "x.tril()",
    "x.triu(1)", "sq.mm(sq)", "x.mm(x.t())", "sq.mv(sq[0])", "v.dot(v)", "lib.bmm(x.unsqueeze(0), y.t().unsqueeze(0))",
    "lib.addmm(v, x.t(), y)", "x @ y.t()", "v @ y.t()", "x @ v", "F.linear(x, y, v[:2])", "F.linear(x, y)",
    "x.flip(1)", "x.roll(1, 1)", "x.roll(1)", "x.rot90()", "x.repeat(2, 1)", "lib.linalg.cross(x, y)",
    # losses
    "F.mse_loss(x, y)", "F.mse_loss(x, y, reduction='sum')", "F.binary_cross_entropy(p, target)",
    "F.binary_cross_entropy(p, target, weight=target)", "F.binary_cross_entropy_with_logits(x, target)",
    "F.binary_cross_entropy_with_logits(x, target, pos_weight=target[0])", "F.nll_loss(x, labels)",
    "F.nll_loss(x, labels, weight=target[0], reduction='sum')", "F.cross_entropy(x, labels)",
    "F.nll_loss(img, img_labels)", "F.huber_loss(x, y)", "F.smooth_l1_loss(x, y, beta=0.5)", "F.l1_loss(x, y)",
    # activations
    "F.relu(x)", "F.leaky_relu(x, 0.2)", "F.leaky_relu(x.clone(), inplace=True)", "F.elu(x)",
    "F.elu(x.clone(), inplace=True)", "F.selu(x)", "F.selu(x.clone(), inplace=True)", "F.celu(x, 0.5)",
    "F.celu(x.clone(), inplace=True)", "F.gelu(x)", "F.gelu(x, approximate='tanh')", "F.hardtanh(x)",
    "F.relu6(x)", "F.hardsigmoid(x)", "F.hardswish(x)", "F.logsigmoid(x)", "F.mish(x)", "F.silu(x)",
    "F.softplus(x, beta=2)", "F.softplus(x)", "lib.nn.Softplus()(x)", "lib.nn.ReLU6()(x)",
    "lib.nn.LSTM(3, 2)(x.unsqueeze(1))", "lib._standard_gamma(p)",
    "F.threshold(x, 0.5, 1.0)", "F.prelu(x, v[:1])", "F.prelu(img, bias)", "F.prelu(v, v[:1])", "x.softmax(1)",
    "x.log_softmax(0)", "F.softmax(x, -1)",
    # layers
    "F.conv2d(img, kernel)", "F.conv2d(img, kernel, v, stride=2, padding=1)", "F.max_pool2d(img, 2)",
    "F.avg_pool2d(img, 2)", "F.adaptive_avg_pool2d(img, 1)",
    "F.batch_norm(img, None, None, bias, bias, training=True)", "F.layer_norm(x, (3,), v, v)",
    "F.embedding(idx, x)", "F.pad(x, (1, 1))", "F.pad(x, (1, 0, 0, 1), value=2.0)",
    # random in-place changes
    "x.clone().normal_()", "x.clone().uniform_()", "x.clone().bernoulli_(0.5)", "x.clone().bernoulli_(p)",
    "x.clone().exponential_()", "x.clone().random_(5)", "x.clone().random_(1, 5)", "x.clone().random_()",
    "lib.normal(x, 1.0)", "lib.normal(1.0, p)", "lib.normal(x, p)", "lib.bernoulli(p)",
    # more in-place comparisons, copies into a view, ops without a derivative
    "x.clone().gt_(y)", "x.clone().gt_(0.5)", "x.clone().le_(y)", "x.clone().le_(0.5)", "x.clone().ne_(y)",
    "x.clone().ne_(0.5)", "x.clone().eq_(0.5)", "x.clone().lt_(y)", "x.clone().ge_(0.5)",
    "(lambda t: (t[0].mul_(2), t)[1])(x.clone())", "x.clone()[0].mul_(2)", "x.clone()[1].mul_(2)",
    "x.clone().t()[1:].mul_(2)", "x.floor_divide(y)", "x.unique()", "x.unique(dim=0)", "x.unique_consecutive()",
    "F.adaptive_avg_pool2d(img, 2)",
    # the nodes a gradient's own graph records (create_graph=True)
    *(f"lib.autograd.grad({f}, x, create_graph=True)[0]" for f in (
        "x.sigmoid().sum()", "x.tanh().sum()", "x.softmax(1).mul(y).sum()", "x.log_softmax(1).mul(y).sum()",
        "F.leaky_relu(x, 0.2).sum()", "F.elu(x).sum()", "F.gelu(x).sum()", "F.hardtanh(x).sum()",
        "F.hardswish(x).sum()", "F.softplus(x).sum()", "F.logsigmoid(x).sum()", "x.relu().sum()",
        "F.mse_loss(x, y)", "F.huber_loss(x, y)", "F.smooth_l1_loss(x, y)", "F.nll_loss(x, labels)",
        "x[0].sigmoid().sum()", "x[:, 1:].sigmoid().sum()", "x[idx].sigmoid().sum()", "(x * 2).sigmoid().sum()",
        "(x + 2).sigmoid().sum()", "(x - 2).sigmoid().sum()", "(x / 2).sigmoid().sum()", "x.mul(x).sum()",
        "x.pow(3).sum()", "x.exp().sum()", "F.hardsigmoid(x).sum()", "F.prelu(x, v[:1]).pow(2).sum()")),
    "lib.autograd.grad(F.binary_cross_entropy(p, target, reduction='sum'), p, create_graph=True)[0]",
    "lib.xlogy(2.0, p)", "lib.polygamma(2, p)",
    "lib.autograd.grad(F.softshrink(x, 0.4).pow(2).sum(), x, create_graph=True)[0]",
    "lib.autograd.grad(F.hardshrink(x, 0.4).pow(2).sum(), x, create_graph=True)[0]",
    *(f"lib.autograd.grad(F.interpolate({x}).pow(2).sum(), img, create_graph=True)[0]" for x in (
        "img, scale_factor=2", "img, size=(3, 5), mode='bilinear', align_corners=True")),
    *(f"lib.autograd.grad(F.interpolate({x}).pow(2).sum(), img, create_graph=True)[0].grad_fn.next_functions[0][0]"
      for x in ("img[0], scale_factor=2", "img[0], size=5, mode='linear'")),
    # the in-place activations' gradients, read from the result (is_result=True)
    *(f"lib.autograd.grad({f}.pow(2).sum(), x, create_graph=True)[0].grad_fn.next_functions[0][0]" for f in (
        "F.elu(x * 1, inplace=True)", "F.leaky_relu(x * 1, 0.2, inplace=True)")),
    "lib.autograd.grad(F.nll_loss(img, img_labels), img, create_graph=True)[0]",
    *(f"lib.autograd.grad({f}.pow(2).sum(), img, create_graph=True)[0]" for f in (
        "F.conv2d(img, kernel, v, stride=2, padding=1)", "F.max_pool2d(img, 2)", "F.avg_pool2d(img, 2)",
        "F.adaptive_avg_pool2d(img, 2)", "F.batch_norm(img, None, None, bias, bias, training=True)",
        "F.batch_norm(img, bias.detach(), bias.detach().abs(), bias, bias)", "F.layer_norm(img, (4,))")),
    *(f"lib.autograd.grad({f}.pow(2).sum(), x, create_graph=True)[0]" for f in (
        "x.diagonal()", "x.masked_select(mask)", "x.take(idx)")),
    "lib.autograd.grad(F.embedding(idx, x).mul(y[:, :3]).sum(), x, create_graph=True)[0]",
    # steps inside a gradient's graph, reached along next_functions: 1 + r**2 (tan), 2 * r (sqrt), x*x - 1 (acosh)
    "lib.autograd.grad(x.tan().sum(), x, create_graph=True)[0].grad_fn.next_functions[1][0]",
    "lib.autograd.grad(p.sqrt().sum(), p, create_graph=True)[0].grad_fn.next_functions[1][0]",
    "lib.autograd.grad((x + 3).acosh().sum(), x, create_graph=True)[0].grad_fn.next_functions[1][0]"
    ".next_functions[0][0]",
    "(x * 1).grad_fn.next_functions[0][0]",
    # the wider families: facts, products, matrices, nan reductions, scatters, distances, nn additions
    "x.unfold(1, 2, 1)", "lib.addmv(v[:2], x, v)", "lib.addr(x, v[:2], v)", "lib.addbmm(img[0, 0], img[0], img[0])",
    "lib.baddbmm(img[0], img[0], img[0])", "lib.vdot(v, v)", "lib.block_diag(x, sq)", "lib.det(sq)", "lib.inverse(sq)",
    "lib.slogdet(sq)", "lib.linalg.svd(sq)", "lib.pinverse(x)", "lib.matrix_exp(sq)", "lib.linalg.solve(sq, sq)",
    "lib.nansum(x)",
    "lib.nanmedian(x)", "lib.nanmedian(x, 1)", "lib.logcumsumexp(x, 1)", "lib.logaddexp(x, y)", "lib.logaddexp2(x, y)",
    "lib.ldexp(x, i)", "lib.frexp(x)", "lib.dist(x, y)", "lib.cdist(x, y)", "lib.renorm(x, 2, 0, 1.0)",
    "lib.select_scatter(x, v, 0, 1)", "lib.slice_scatter(x, y[:, :2], 1, 0, 2)", "lib.diagonal_scatter(x, v[:2])",
    "x.masked_scatter(mask, y)", "x.scatter_reduce(1, i, y, 'amax')", "F.softshrink(x)", "F.hardshrink(x)",
    "F.glu(x, 0)", "F.threshold_(x * 1, 0.5, 2.0)", "F.pairwise_distance(x, y)", "F.adaptive_max_pool2d(img, 2)",
    "F.group_norm(img, 2)", "F.interpolate(img, scale_factor=2)", "F.interpolate(img[0], scale_factor=2)",
    "F.interpolate(img[0], size=5, mode='linear')", "F.interpolate(img, size=3, mode='bilinear')",
    # attention and packed sequences
    "F.scaled_dot_product_attention(img, img, img)", "F.scaled_dot_product_attention(img, img, img, scale=0.3)",
    "F.scaled_dot_product_attention(img, img, img, attn_mask=img[0, 0] > 1, is_causal=False)",
    "F.scaled_dot_product_attention(img, img, img, is_causal=True)",
    "F.scaled_dot_product_attention(x, y, y).grad_fn.next_functions[0][0]",
    "lib.nn.utils.rnn.pack_padded_sequence(x, [2, 2, 1]).data",
    "lib.nn.utils.rnn.pack_padded_sequence(img[0], [4, 3], batch_first=True).data",
    # transposed convolution, rearranging, bags, distances, margin losses, matrix factorisations
    "F.conv_transpose2d(img, kernel.transpose(0, 1), v, stride=2, padding=1, output_padding=1)",
    "F.conv_transpose1d(img[0], img[0, :, :, :2].transpose(0, 1), dilation=2)",
    "F.pixel_shuffle(img.repeat(1, 2, 1, 1), 2)",
    "F.pixel_unshuffle(img, 2)", "F.unfold(img, 2, padding=1)", "F.fold(F.unfold(img, 2), (4, 4), 2)",
    "F.local_response_norm(img.unsqueeze(2).repeat(1, 1, 2, 1, 1), 2).grad_fn.next_functions[1][0]"
    ".next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions[0][0].next_functions[0][0]",
    "F.pdist(x)", "F.pdist(x, 1)", "F.embedding_bag(i.flatten(), x.t(), idx[1:].repeat(2) * 2, mode='sum')",
    "F.embedding_bag(i, x.t(), mode='max')", "F.soft_margin_loss(x, target)", "F.multi_margin_loss(x, labels)",
    "F.multi_margin_loss(x, labels, p=2, margin=0.5, weight=v.detach())", "F.multilabel_margin_loss(x, i)",
    "lib.linalg.qr(x.t())", "lib.linalg.qr(sq, mode='r')", "lib.linalg.cholesky(sq @ sq.t())",
    "lib.linalg.cholesky_ex(sq @ sq.t(), upper=True)", "lib.cholesky(sq @ sq.t())", "lib.linalg.eigh(sq @ sq.t())",
    "lib.linalg.eigvalsh(sq + sq.t())", "lib.linalg.lstsq(x.t(), v.unsqueeze(1))",
    "lib.linalg.solve(sq, sq, left=False)",
]


def inputs(lib) -> dict:
    """The named inputs of the cases, made by ``lib`` (torch or minitorch) from the same numbers."""
    def leaf(values):
        return lib.tensor(values, requires_grad=True)

    img = lib.arange(32.0).reshape(1, 2, 4, 4).div(10).requires_grad_()
    return {
        "lib": lib, "F": lib.nn.functional, "img": img,
        "x": leaf([[0.5, -1.2, 2.0], [1.5, 0.3, -0.7]]), "y": leaf([[1.1, 0.4, -0.6], [0.9, -2.0, 1.3]]),
        "p": leaf([[0.2, 0.7, 0.4], [0.9, 0.1, 0.6]]), "v": leaf([0.3, -0.8, 1.7]),
        "sq": leaf([[1.0, 2.0], [3.0, 4.0]]), "target": lib.tensor([[0.0, 1.0, 1.0], [1.0, 0.0, 0.5]]),
        "i": lib.tensor([[0, 2, 1], [1, 0, 2]]), "idx": lib.tensor([1, 0]), "labels": lib.tensor([2, 0]),
        "img_labels": lib.tensor([[[0, 1, 1, 0]] * 4]), "mask": lib.tensor([[True, False, True], [False, True, False]]),
        "kernel": lib.tensor([[[[0.1, -0.2], [0.3, 0.4]]] * 2] * 3, requires_grad=True),
        "bias": leaf([0.5, -0.5]),
    }


def _plain(value):
    """A saved value in a form both libraries share: tensors by (shape, dtype, values); sizes as tuples."""
    if isinstance(value, np.ndarray):  # never what torch shows
        return ("numpy array", value.tolist())
    if hasattr(value, "tolist") and hasattr(value, "dtype"):
        return ("tensor", tuple(value.shape), str(value.dtype).split(".")[-1], value.tolist())
    if isinstance(value, (tuple, list)):
        return tuple(_plain(v) for v in value)
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    return str(value).split(".")[-1]  # dtypes, layouts, devices


def same(a, b) -> bool:
    """Equal, floats within float32 rounding (two libraries may round a computed statistic differently)."""
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-5, abs_tol=1e-6) or (math.isnan(a) and math.isnan(b))
    if isinstance(a, (tuple, list)) and isinstance(b, (tuple, list)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


# Node classes no case builds: the leaf's node is reached as ``(x * 1).grad_fn.next_functions[0][0]``
# (class AccumulateGrad); the nodes of custom Functions and module hooks are named after the user's class;
# the rest are bases of other nodes, and DivBackward1, a step of a gradient's own gradient.
NOT_BUILT = {"BackwardCFunction", "FunctionBackward", "BackwardHookFunctionBackward", "BinaryBackward", "UnaryBackward",
             "ZeroGradient", "SavesIndexTensors", "DivBackward1"}


def saved_attributes(lib, case: str):
    """(node name, {saved attribute: plain value}) of the node the case's first output has."""
    lib.manual_seed(0)
    result = eval(case, inputs(lib))  # noqa: S307 (our own fixed expressions)
    first = result[0] if isinstance(result, tuple) else result
    node = first if hasattr(first, "next_functions") else first.grad_fn  # a case may name a node itself
    names = sorted(a for a in dir(node) if a.startswith(("_saved_", "_raw_saved_")))
    values = {}
    for name in names:
        if name.startswith("_raw_saved_"):
            values[name] = "raw"
            continue
        values[name] = _plain(getattr(node, name))
    return node.name(), values


# Differences still open, each expected to differ (a fix makes its test fail: then the case leaves this table).
KNOWN_DIFFERENCES = {
    "2 ** x": "a number base is saved as a 0-d tensor; torch's _saved_self is the number",
    "x[idx]": "the index tensors are kept as a tuple, without SavedTensor records: no _raw_saved_indices",
    "x[idx, idx]": "no _raw_saved_indices",
    "x[mask]": "no _raw_saved_indices",
    "x.clone().index_put_((idx,), v)": "no _raw_saved_indices",
    "lib.index_put(x, (idx,), v)": "no _raw_saved_indices",
    "x.clone().index_put_((idx,), v, accumulate=True)": "no _raw_saved_indices",
    "lib.autograd.grad(x[idx].sigmoid().sum(), x, create_graph=True)[0]": "no _raw_saved_indices",
    "x.clone().unsqueeze(0).squeeze_()": "an in-place shape change of a view records AsStridedBackward0",
    "lib.nn.LSTM(3, 2)(x.unsqueeze(1))": "torch also saves result3, oneDNN's workspace buffer",
    "lib.slogdet(sq)": "torch also saves LU, pivots and sign",
    "lib.linalg.solve(sq, sq)": "torch also saves LU and pivots",
    "F.pairwise_distance(x, y)": "the order is saved as _saved_ord (vector_norm's name); torch's says _saved_p",
    "F.group_norm(img, 2)": "torch also saves weight and the statistics (result1, result2)",
    "lib.addbmm(img[0, 0], img[0], img[0])": "torch saves batch1/batch2 sizes (batch1_sym_argsize_0...)",
    "F.embedding_bag(i.flatten(), x.t(), idx[1:].repeat(2) * 2, mode='sum')":
        "torch also saves per_sample_weights and its kernel's offset2bag, bag sizes and max indices (result1-3)",
    "F.embedding_bag(i, x.t(), mode='max')": "torch also saves per_sample_weights and result1-3",
    "lib.linalg.solve(sq, sq, left=False)": "torch also saves LU and pivots",
}


@pytest.mark.parity
@pytest.mark.filterwarnings("ignore:torch.cholesky is deprecated")  # both libraries warn; the nodes are compared
@pytest.mark.parametrize("case", [case for case in CASES if case not in KNOWN_DIFFERENCES])
def test_saved_attributes_match_torch(torch, case):
    ours, theirs = saved_attributes(minitorch, case), saved_attributes(torch, case)
    assert same(ours, theirs), (ours, theirs)


def test_the_cases_build_every_node_minitorch_defines():
    built = set()
    for case in CASES:
        minitorch.manual_seed(0)
        result = eval(case, inputs(minitorch))  # noqa: S307
        first = result[0] if isinstance(result, tuple) else result
        built.add(type(first if hasattr(first, "next_functions") else first.grad_fn).__name__)
    assert sorted(set(node_classes()) - built - NOT_BUILT) == []


def node_classes() -> list:
    """The names of the node classes minitorch defines (private bases, named with a leading _, left out)."""
    for module in pkgutil.walk_packages(minitorch.__path__, "minitorch."):
        if not module.name.startswith("minitorch.run"):
            importlib.import_module(module.name)
    found, todo = [], [Node]
    while todo:
        for sub in todo.pop().__subclasses__():
            todo.append(sub)
            if sub.__module__.startswith("minitorch") and not sub.__name__.startswith("_"):
                found.append(sub.__name__)
    return found


@pytest.mark.parity
@pytest.mark.parametrize("case", list(KNOWN_DIFFERENCES))
def test_known_differences_still_differ(torch, case):
    assert not same(saved_attributes(minitorch, case), saved_attributes(torch, case)), KNOWN_DIFFERENCES[case]


if __name__ == "__main__":  # a list of the differences: python tests/parity/test_saved_attributes_parity.py
    import torch

    for case in CASES + ["x.clone().unsqueeze(0).squeeze_()"]:
        try:
            ours, theirs = saved_attributes(minitorch, case), saved_attributes(torch, case)
        except Exception as error:  # noqa: BLE001
            print(f"{case}: {type(error).__name__}: {error}")
            continue
        if not same(ours, theirs):
            print(f"{case}:\n  torch     {theirs}\n  minitorch {ours}")
