"""``nn.functional``'s L1-family losses, batch norm, average pooling, channel dropout and ``one_hot``
(re-exported by ``functional``; their nodes are in ``minitorch/ops``)."""

import warnings

import numpy as np

from ..ops import arithmetic, avg_pool, pointwise, regression_losses
from ..ops import batch_norm as batch_norm_ops
from ..ops.dropout import dropout_mask
from ..ops.loss import REDUCTIONS
from ..ops.reduction import mean as mean_of
from ..ops.reduction import sum as sum_of


def _reduction_code(reduction_name):
    if reduction_name not in REDUCTIONS:
        raise ValueError(f"{reduction_name} is not a valid value for reduction")
    return REDUCTIONS[reduction_name]


def _same_size(input, target):
    """torch's warning when the target's shape differs (then both broadcast)."""
    if target.shape == input.shape:
        return input, target
    warnings.warn(f"Using a target size ({target.shape}) that is different to the input size ({input.shape}). "
                  "This will likely lead to incorrect results due to broadcasting. Please ensure they have the "
                  "same size.", UserWarning, stacklevel=3)
    from .functional import _broadcast_pair

    return _broadcast_pair(input, target)


def l1_loss(input, target, size_average=None, reduce=None, reduction="mean", weight=None):
    """Mean (or summed) absolute difference ``|input - target|``."""
    code = _reduction_code(reduction)
    input, target = _same_size(input, target)
    losses = pointwise.abs(arithmetic.sub(input, target))
    if code == 1:
        return mean_of(losses)
    return sum_of(losses) if code == 2 else losses


def smooth_l1_loss(input, target, size_average=None, reduce=None, reduction="mean", beta=1.0):
    """Squared difference / (2 beta) below ``beta``, absolute difference - beta / 2 above."""
    code = _reduction_code(reduction)
    if beta < 0:
        raise RuntimeError("smooth_l1_loss does not support negative values for beta.")
    if beta == 0.0:  # torch hands this case to l1_loss
        return l1_loss(input, target, reduction=reduction)
    input, target = _same_size(input, target)
    return regression_losses.smooth_l1_loss(input, target, code, beta)


def huber_loss(input, target, reduction="mean", delta=1.0, weight=None):
    """Squared difference / 2 below ``delta``, ``delta * (|d| - delta / 2)`` above."""
    code = _reduction_code(reduction)
    input, target = _same_size(input, target)
    return regression_losses.huber_loss(input, target, code, delta)


def one_hot(tensor, num_classes=-1):
    """Class indices -> rows of 0s with a 1 at the index (int64, one more dim of ``num_classes``)."""
    from ..tensor import Tensor

    if tensor.dtype.name != "int64":
        raise RuntimeError("one_hot is only applicable to index tensor of type LongTensor.")
    values = tensor._data
    if values.size and values.min() < 0:
        raise RuntimeError("Class values must be non-negative.")
    if num_classes == -1:
        num_classes = int(values.max()) + 1 if values.size else 0
    elif values.size and values.max() >= num_classes:
        raise RuntimeError("Class values must be smaller than num_classes.")
    return Tensor._wrap((values[..., None] == np.arange(num_classes)).astype(np.int64))


def batch_norm(input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1,
               eps=1e-05):
    """Normalise each channel (dim 1) by batch statistics in training, running statistics otherwise."""
    if not training and (running_mean is None or running_var is None):
        raise RuntimeError("running_mean must be defined in evaluation mode")
    channels = input.shape[1] if input.ndim > 1 else 0
    for name, value in (("running_mean", running_mean), ("running_var", running_var), ("weight", weight),
                        ("bias", bias)):
        if value is not None and value.numel() != channels:
            raise RuntimeError(f"{name} should contain {channels} elements not {value.numel()}")
    return batch_norm_ops.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)


def _pair(value):
    return (value, value) if isinstance(value, int) else tuple(value)


def avg_pool2d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True,
               divisor_override=None):
    """The mean of each ``kernel_size`` window, moved by ``stride`` (``kernel_size`` by default)."""
    kernel = _pair(kernel_size)
    steps = () if stride is None or stride == [] else _pair(stride)  # () means the kernel's, as in torch
    pad = _pair(padding)
    if ceil_mode:
        raise NotImplementedError("minitorch does not implement avg_pool2d(ceil_mode=True)")
    if pad[0] * 2 > kernel[0] or pad[1] * 2 > kernel[1]:
        raise RuntimeError(f"pad should be at most half of effective kernel size, but got pad={pad[0]}, "
                           f"kernel_size={kernel[0]} and dilation=1")
    return avg_pool.avg_pool2d(input, kernel, steps, pad, count_include_pad, divisor_override)


DROPOUT2D_3D_WARNING = (
    "dropout2d: Received a 3D input to dropout2d and assuming that channel-wise 1D dropout behavior is desired - "
    "input is interpreted as shape (N, C, L), where C is the channel dim. This behavior will change in a future "
    "release to interpret the input as one without a batch dimension, i.e. shape (C, H, W). To maintain the 1D "
    "channel-wise dropout behavior, please switch to using dropout1d instead.")


def dropout2d(input, p=0.5, training=True, inplace=False):
    """In training, zero whole channels (dim -3) with probability ``p`` and scale the rest by ``1 / (1 - p)``."""
    from ..tensor import Tensor

    if p < 0.0 or p > 1.0:
        raise ValueError(f"dropout probability has to be between 0 and 1, but got {p}")
    if input.ndim not in (3, 4):
        warnings.warn(f"dropout2d: Received a {input.ndim}-D input to dropout2d, which is deprecated and will "
                      "result in an error in a future release. To retain the behavior and silence this warning, "
                      "please use dropout instead. Note that dropout2d exists to provide channel-wise dropout on "
                      "inputs with 2 spatial dimensions, a channel dimension, and an optional batch dimension "
                      "(i.e. 3D or 4D inputs).", UserWarning, stacklevel=2)
    if input.ndim == 3:
        warnings.warn(DROPOUT2D_3D_WARNING, UserWarning, stacklevel=2)
    if not training or p == 0.0:
        return input
    mask_shape = tuple(input.shape[:2]) + (1,) * (input.ndim - 2)  # 3-d inputs are read as (N, C, L), as torch
    if p == 1.0:
        mask = Tensor._wrap(np.zeros(mask_shape, dtype=input._data.dtype))
    else:
        mask = Tensor._wrap(dropout_mask(mask_shape, p, input._data.dtype))  # one draw per channel
    return input.mul_(mask) if inplace else arithmetic.mul(input, mask)


def adaptive_avg_pool2d(input, output_size):
    """The mean over ``output_size`` nearly equal bins of the last two dims (``None`` keeps a size)."""
    if input.ndim not in (3, 4):
        raise RuntimeError(f"adaptive_avg_pool2d(): Expected 3D or 4D tensor, but got {list(input.shape)}")
    size = (output_size, output_size) if isinstance(output_size, int) else tuple(output_size)
    return avg_pool.adaptive_avg_pool2d(input, size)
