"""``minitorch.nn.functional``: the stateless functions behind the layers, as ``torch.nn.functional``.

Each function checks its arguments the way PyTorch does (same errors), then calls one recorded op, so
``grad_fn`` names match PyTorch's (``F.conv2d`` -> ``ConvolutionBackward0``, ``F.linear`` ->
``AddmmBackward0``, ``F.cross_entropy`` -> ``NllLossBackward0`` after ``LogSoftmaxBackward0``...).
"""

import warnings

from ..ops import broadcasting, pointwise, pool, reshaping, squeezing
from ..ops import dropout as dropout_ops
from ..ops import loss as loss_ops
from ..ops import pad as pad_ops
from ..ops import softmax as softmax_ops
from ..ops.conv import convolution
from ..ops.embedding import embedding
from ..ops.layer_norm import layer_norm
from ..ops.linear import linear
from ..ops.pdist import pdist
from ..ops.pixel_shuffle import pixel_shuffle, pixel_unshuffle
from ..ops.prelu import prelu
from . import _conv_args
from ._activation_functional import (
    celu,
    elu,
    gelu,
    hardsigmoid,
    hardswish,
    hardtanh,
    leaky_relu,
    logsigmoid,
    mish,
    relu6,
    selu,
    silu,
    softmin,
    softplus,
    softsign,
    tanhshrink,
    threshold,
)
from ._attention_functional import scaled_dot_product_attention
from ._layer_functional import (
    adaptive_avg_pool2d,
    avg_pool2d,
    batch_norm,
    dropout2d,
    huber_loss,
    l1_loss,
    one_hot,
    smooth_l1_loss,
)
from ._loss_functional import (
    gaussian_nll_loss,
    multi_margin_loss,
    multilabel_margin_loss,
    multilabel_soft_margin_loss,
    poisson_nll_loss,
    soft_margin_loss,
)
from ._mha_functional import multi_head_attention_forward
from ._norm_functional import instance_norm, local_response_norm
from ._pair_functional import (
    celu_,
    cosine_embedding_loss,
    cosine_similarity,
    elu_,
    glu,
    hardshrink,
    hardtanh_,
    hinge_embedding_loss,
    kl_div,
    leaky_relu_,
    margin_ranking_loss,
    normalize,
    pairwise_distance,
    relu_,
    selu_,
    softshrink,
    threshold_,
    triplet_margin_loss,
)
from ._resample_functional import (
    adaptive_avg_pool1d,
    adaptive_max_pool1d,
    adaptive_max_pool2d,
    avg_pool1d,
    group_norm,
    interpolate,
    max_pool1d,
    upsample,
)
from .conv1d import conv1d
from .conv_transpose import conv_transpose1d, conv_transpose2d
from .embedding_bag import embedding_bag
from .fold import fold, unfold

__all__ = [
    "conv1d", "conv2d", "linear", "relu", "sigmoid", "tanh", "softmax", "log_softmax", "cross_entropy", "nll_loss",
    "mse_loss", "binary_cross_entropy", "binary_cross_entropy_with_logits", "pad", "max_pool2d", "dropout",
    "celu", "elu", "gelu", "hardsigmoid", "hardswish", "hardtanh", "leaky_relu", "logsigmoid", "mish", "relu6",
    "selu", "silu", "softmin", "softplus", "softsign", "tanhshrink", "threshold", "avg_pool2d", "batch_norm",
    "dropout2d", "huber_loss", "l1_loss", "one_hot", "smooth_l1_loss", "adaptive_avg_pool2d",
    "embedding", "layer_norm", "prelu", "scaled_dot_product_attention",
    "multi_head_attention_forward",
    "celu_", "cosine_embedding_loss", "cosine_similarity", "elu_", "glu", "hardshrink", "hardtanh_",
    "hinge_embedding_loss", "kl_div", "leaky_relu_", "margin_ranking_loss", "normalize", "pairwise_distance",
    "relu_", "selu_", "softshrink", "threshold_", "triplet_margin_loss", "adaptive_avg_pool1d",
    "adaptive_max_pool1d", "adaptive_max_pool2d", "avg_pool1d", "group_norm", "interpolate", "max_pool1d",
    "upsample", "conv_transpose1d", "conv_transpose2d", "instance_norm", "local_response_norm", "embedding_bag",
    "fold", "unfold", "pdist", "pixel_shuffle", "pixel_unshuffle", "gaussian_nll_loss", "multi_margin_loss",
    "multilabel_margin_loss", "multilabel_soft_margin_loss", "poisson_nll_loss", "soft_margin_loss",
]

SAME_PADDING_WARNING = (
    "Using padding='same' with even kernel lengths and odd dilation may require a zero-padded copy of the input "
    "be created (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/Convolution.cpp:1101.)"
)


def conv2d(*args, **kwargs):
    """``conv2d(input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1)``: 2-d convolution.

    ``input`` is ``(N, C, H, W)`` or unbatched ``(C, H, W)``; ``padding`` may also be ``'valid'`` or
    ``'same'`` (stride 1 only).
    """
    _conv_args.check_argument_types(args, kwargs)
    names = ("input", "weight", "bias", "stride", "padding", "dilation", "groups")
    given = {"bias": None, "stride": 1, "padding": 0, "dilation": 1, "groups": 1, **dict(zip(names, args)), **kwargs}
    input, weight, bias = given["input"], given["weight"], given["bias"]
    stride, padding = _conv_args.as_pair("stride", given["stride"]), given["padding"]
    dilation, groups = _conv_args.as_pair("dilation", given["dilation"]), given["groups"]
    if input.ndim not in (3, 4):
        raise RuntimeError("Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: "
                           f"{list(input.shape)}")
    _conv_args.check_dilation(dilation)
    batched = squeezing.unsqueeze(input, 0) if input.ndim == 3 else input
    if isinstance(padding, str):
        batched, padding = _string_padding(batched, weight, padding, stride, dilation)
    padding = _conv_args.as_pair("padding", padding)
    _conv_args.check_conv2d(batched, weight, bias, stride, padding, dilation, groups)
    out = convolution(batched, weight, bias, stride, padding, dilation, groups)
    return squeezing.squeeze(out, 0) if input.ndim == 3 else out


def _string_padding(input, weight, padding, stride, dilation):
    """Resolve ``'valid'``/``'same'``; an odd total padding gets its extra column by padding the input."""
    if padding == "valid":
        return input, (0, 0)
    if padding != "same":
        raise RuntimeError(f"Invalid padding string: '{padding}'")
    if any(s != 1 for s in stride):
        raise RuntimeError("padding='same' is not supported for strided convolutions")
    if weight.ndim != 4:
        return input, (0, 0)  # check_conv2d reports the weight's shape
    pairs = _conv_args.same_padding(weight.shape, dilation)
    extra = [after - before for before, after in pairs]
    if any(extra):
        warnings.warn(SAME_PADDING_WARNING, UserWarning, stacklevel=3)
        input = pad_ops.constant_pad_nd(input, [0, extra[1], 0, extra[0]])
    return input, tuple(before for before, _ in pairs)


def relu(input, inplace=False):
    """``max(input, 0)``; ``inplace=True`` overwrites ``input``."""
    return input.relu_() if inplace else pointwise.relu(input)


def sigmoid(input):
    """``1 / (1 + exp(-input))``."""
    return pointwise.sigmoid(input)


def tanh(input):
    """Hyperbolic tangent."""
    return pointwise.tanh(input)


def _softmax_dim(input, dim, stacklevel):
    if dim is not None:
        return dim
    warnings.warn("Implicit dimension choice for softmax has been deprecated. Change the call to include "
                  "dim=X as an argument.", UserWarning, stacklevel=stacklevel)
    return 0 if input.ndim in (0, 1, 3) else 1


def softmax(input, dim=None, _stacklevel=3, dtype=None):
    """Probabilities along ``dim``: ``exp(x) / exp(x).sum(dim, keepdim=True)``."""
    dim = _softmax_dim(input, dim, _stacklevel)
    return softmax_ops.softmax(input if dtype is None else input.to(dtype), dim)


def log_softmax(input, dim=None, _stacklevel=3, dtype=None):
    """Log-probabilities along ``dim``, computed without overflow."""
    dim = _softmax_dim(input, dim, _stacklevel)
    return softmax_ops.log_softmax(input if dtype is None else input.to(dtype), dim)


def _reduction(reduction):
    if reduction not in loss_ops.REDUCTIONS:
        raise ValueError(f"{reduction} is not a valid value for reduction")
    return loss_ops.REDUCTIONS[reduction]


def mse_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """Mean squared error ``((input - target) ** 2).mean()`` (or ``'sum'``, ``'none'``)."""
    code = _reduction(reduction)
    if target.shape != input.shape:
        warnings.warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
                      "This will likely lead to incorrect results due to broadcasting. Please ensure they have the "
                      "same size.", UserWarning, stacklevel=2)
        input, target = _broadcast_pair(input, target)
    return loss_ops.mse_loss(input, target, code)


def _broadcast_pair(a, b):
    from ..ops._util import check_broadcast

    check_broadcast(a.shape, b.shape)
    common = tuple(max(m, n) for m, n in zip((1,) * (b.ndim - a.ndim) + tuple(a.shape),
                                              (1,) * (a.ndim - b.ndim) + tuple(b.shape)))
    expand = [t if tuple(t.shape) == common else broadcasting.expand(t, *common) for t in (a, b)]
    return expand[0], expand[1]


def binary_cross_entropy(input, target, weight=None, size_average=None, reduce=None, reduction="mean"):
    """Binary cross-entropy between probabilities ``input`` and ``target``."""
    code = _reduction(reduction)
    if target.shape != input.shape:
        raise ValueError(f"Using a target size ({target.shape}) that is different to the input size "
                         f"({input.shape}) is deprecated. Please ensure they have the same size.")
    if weight is not None and weight.shape != input.shape:
        weight = broadcasting.expand(weight, *input.shape)
    return loss_ops.binary_cross_entropy(input, target, weight, code)


def binary_cross_entropy_with_logits(input, target, weight=None, size_average=None, reduce=None,
                                     reduction="mean", pos_weight=None):
    """Binary cross-entropy of ``sigmoid(input)`` against ``target``, computed stably from the logits."""
    code = _reduction(reduction)
    if target.shape != input.shape:
        raise ValueError(f"Target size ({target.shape}) must be the same as input size ({input.shape})")
    return loss_ops.binary_cross_entropy_with_logits(input, target, weight, pos_weight, code)


def nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction="mean"):
    """Negative log-likelihood: ``-input[i, target[i]]`` averaged; ``input`` holds log-probabilities."""
    code = _reduction(reduction)
    _check_class_targets(input, target, weight, ignore_index)
    return _nll_nd(input, target, weight, ignore_index, code)


def _check_class_targets(input, target, weight, ignore_index):
    if input.ndim == 0:
        raise ValueError("Expected 1 or more dimensions (got 0)")
    if input.ndim <= 2 and target.ndim > 1:
        raise RuntimeError("0D or 1D target tensor expected, multi-target not supported")
    if target.dtype.name != "int64":
        raise RuntimeError(f"expected target dtype to be Long or Byte, but got {target.dtype.legacy_name}")
    batch = input.shape[0] if input.ndim > 1 else 1
    target_batch = target.shape[0] if target.ndim else 1
    if input.ndim > 1 and batch != target_batch:
        raise ValueError(f"Expected input batch_size ({batch}) to match target batch_size ({target_batch}).")
    classes = input.shape[1] if input.ndim > 1 else input.shape[0]
    if weight is not None and weight.shape != (classes,):
        raise RuntimeError(f"weight tensor should be defined either for all {classes} classes or no classes but "
                           f"got weight tensor of shape: {list(weight.shape)}")
    values = target._data[target._data != ignore_index]
    bad = values[(values < 0) | (values >= classes)]
    if bad.size:
        raise IndexError(f"Target {bad.flat[0]} is out of bounds.")


def cross_entropy(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None,
                  reduction="mean", label_smoothing=0.0):
    """``nll_loss(log_softmax(input, 1), target)``: class indices, or class probabilities as ``target``."""
    code = _reduction(reduction)
    class_dim = 0 if input.ndim == 1 else 1
    log_probs = log_softmax(input, class_dim)
    if target.dtype.is_floating_point and target.shape == input.shape:
        if label_smoothing > 0.0:  # torch mixes the target with the uniform distribution
            target = target * (1 - label_smoothing) + label_smoothing / input.shape[class_dim]
        return loss_ops.soft_target_cross_entropy(log_probs, target, weight, code)
    _check_class_targets(input, target, weight, ignore_index)
    nll = _nll_nd(log_probs, target, weight, ignore_index, code)
    if label_smoothing <= 0.0:
        return nll
    if label_smoothing > 1.0:
        raise RuntimeError(f"label_smoothing must be between 0.0 and 1.0. Got: {label_smoothing}")
    return _label_smoothed(nll, log_probs, target, weight, ignore_index, code, label_smoothing)


def _label_smoothed(nll, log_probs, target, weight, ignore_index, code, label_smoothing):
    """torch's ``(1 - ls) * nll + ls / C * smooth``, ``smooth`` being minus the (weighted) sum of log-probabilities
    over the classes, reduced as ``nll`` is (ignored targets count zero)."""
    class_dim = 0 if log_probs.ndim == 1 else 1
    n_classes = log_probs.shape[class_dim]
    if weight is not None:
        shape = [1] * log_probs.ndim
        shape[class_dim] = n_classes
        smooth = -(log_probs * weight.view(*shape)).sum(class_dim)
    else:
        smooth = -log_probs.sum(class_dim)
    ignored = target == ignore_index
    smooth = smooth.masked_fill(ignored, 0.0)
    if code == loss_ops.MEAN:
        kept = ~ignored
        divisor = kept.sum() if weight is None else weight.gather(0, target.masked_select(kept).flatten()).sum()
        smooth = smooth.sum() / divisor
    elif code == loss_ops.SUM:
        smooth = smooth.sum()
    return (1 - label_smoothing) * nll + smooth * (label_smoothing / n_classes)


def _nll_nd(input, target, weight, ignore_index, code):
    """NLL for any number of dimensions: 3-d and 5-d+ inputs are viewed as ``(N, C, 1, -1)``, as torch does."""
    if input.ndim in (1, 2, 4):
        return loss_ops.nll_loss(input, target, weight, ignore_index, code)
    n, c = input.shape[0], input.shape[1]
    flat_input = reshaping.view(input.contiguous(), n, c, 1, -1)
    flat_target = reshaping.view(target.contiguous(), n, 1, -1)
    out = loss_ops.nll_loss(flat_input, flat_target, weight, ignore_index, code)
    return reshaping.view(out, n, *input.shape[2:]) if code == loss_ops.NONE else out


def pad(input, pad, mode="constant", value=None):
    """Pad (or, with negative amounts, crop) the last dimensions; ``pad`` pairs start from the last one."""
    if any(not isinstance(amount, int) for amount in pad):
        index = next(i for i, amount in enumerate(pad) if not isinstance(amount, int))
        raise TypeError(f"pad(): argument 'pad' (position 2) must be tuple of ints, but found element of type "
                        f"{type(pad[index]).__name__} at pos {index}")
    if len(pad) % 2:
        raise RuntimeError("Padding length must be divisible by 2")
    if len(pad) // 2 > input.ndim:
        raise RuntimeError("Padding length should be less than or equal to two times the input dimension but got "
                           f"padding length {len(pad)} and input of dimension {input.ndim}")
    if mode != "constant":
        raise NotImplementedError(f"minitorch supports only mode='constant' padding, not {mode!r}")
    return pad_ops.constant_pad_nd(input, list(pad), 0 if value is None else value)


def _pool_pair(name, value, message):
    values = [value] if isinstance(value, int) else list(value)
    if len(values) not in (1, 2):
        raise RuntimeError(f"max_pool2d: {name} {message}")
    return tuple(values * 2 if len(values) == 1 else values)


def max_pool2d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False):
    """The largest value of each ``kernel_size`` window; with ``return_indices``, also where it was."""
    kernel = _pool_pair("kernel_size", kernel_size, "must either be a single int, or a tuple of two ints")
    given_stride = () if stride is None or stride == [] or stride == () else stride
    steps = kernel if given_stride == () else _pool_pair(
        "stride", given_stride, "must either be omitted, a single int, or a tuple of two ints")
    padding = _pool_pair("padding", padding, "must either be a single int, or a tuple of two ints")
    dilation = _pool_pair("dilation", dilation, "must be either a single int, or a tuple of two ints")
    if any(s < 0 for s in steps):
        raise RuntimeError(f"stride should be greater than zero, but got dH: {steps[0]} dW: {steps[1]}")
    if any(p < 0 for p in padding):
        raise RuntimeError(f"pad must be non-negative, but got pad: {padding[0]}")
    if any(d <= 0 for d in dilation):
        raise RuntimeError(f"dilation should be greater than zero, but got dilationH: {dilation[0]} "
                           f"dilationW: {dilation[1]}")
    saved_stride = () if given_stride == () else steps
    out, indices = pool.max_pool2d_with_indices(input, kernel, steps, padding, dilation, ceil_mode, saved_stride)
    return (out, indices) if return_indices else out


def dropout(input, p=0.5, training=True, inplace=False):
    """In training, zero each element with probability ``p`` and scale the rest by ``1 / (1 - p)``."""
    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if not training or p == 0.0:
        return input
    return dropout_ops.dropout(input, p, inplace)
