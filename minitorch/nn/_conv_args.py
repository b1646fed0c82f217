"""Argument checks for ``conv2d``, raising PyTorch's own errors (types, shapes, channels, sizes).

Kept apart from the numerics so that ``minitorch/ops/conv.py`` reads as the algorithm alone.
"""

from ..ops.conv import output_size
from .parameter import is_tensor

CONV2D_SIGNATURES = (
    "conv2d() received an invalid combination of arguments - got ({got}), but expected one of:\n"
    " * (Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, tuple of ints padding = 0, "
    "tuple of ints dilation = 1, int groups = 1)\n"
    " * (Tensor input, Tensor weight, Tensor bias = None, tuple of ints stride = 1, str padding = \"valid\", "
    "tuple of ints dilation = 1, int groups = 1)\n"
)


def _type_name(value):
    return "Tensor" if is_tensor(value) else type(value).__name__


def _is_int(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _is_int_pair(value):
    return _is_int(value) or (isinstance(value, (tuple, list)) and all(_is_int(v) for v in value))


def check_argument_types(args, kwargs):
    """torch's TypeError listing what it got, when an argument has a type conv2d does not accept."""
    names = ("input", "weight", "bias", "stride", "padding", "dilation", "groups")
    given = dict(zip(names, args), **kwargs)
    accepted = {
        "input": is_tensor, "weight": is_tensor, "bias": lambda v: v is None or is_tensor(v),
        "stride": _is_int_pair, "dilation": _is_int_pair, "groups": _is_int,
        "padding": lambda v: isinstance(v, str) or _is_int_pair(v),
    }
    if all(name in accepted and accepted[name](value) for name, value in given.items()):
        return
    got = [_type_name(value) for value in args] + [f"{key}={_type_name(value)}" for key, value in kwargs.items()]
    raise TypeError(CONV2D_SIGNATURES.format(got=", ".join(got)))


def as_pair(name, value):
    """An int or a 1- or 2-element sequence as a pair, with torch's error for other lengths."""
    values = [value] if _is_int(value) else list(value)
    if len(values) == 1:
        values = values * 2
    if len(values) != 2:
        raise RuntimeError(f"expected {name} to be a single integer value or a list of 2 values to match the "
                           f"convolution dimensions, but got {name}={values}")
    return tuple(values)


def check_conv2d(input, weight, bias, stride, padding, dilation, groups):
    """Raise torch's error for the first thing wrong with a batched conv2d call (padding as a pair)."""
    _check_arguments(input, weight, bias, stride, padding, groups)
    _check_weight_shape(input, weight, bias, groups)
    _check_sizes_and_types(input, weight, padding, dilation)


def _check_arguments(input, weight, bias, stride, padding, groups):
    """The checks torch makes first: the weight's rank, stride, padding, groups, the bias dtype."""
    if weight.ndim != 4:
        raise RuntimeError(f"expected stride to be a single integer value or a list of {weight.ndim - 2} values "
                           f"to match the convolution dimensions, but got stride={list(stride)}")
    if any(s <= 0 for s in stride):
        raise RuntimeError("non-positive stride is not supported")
    if any(p < 0 for p in padding):
        raise RuntimeError("negative padding is not supported")
    if groups <= 0:
        raise RuntimeError("non-positive groups is not supported")
    if bias is not None and bias.dtype != input.dtype:
        raise RuntimeError(f"Input type ({_c_type(input)}) and bias type ({_c_type(bias)}) should be the same")


def _check_weight_shape(input, weight, bias, groups):
    """The weight's shape against groups, the input's channels and the bias."""
    sizes = list(weight.shape)
    if sizes[0] == 0 or sizes[0] % groups:
        what = "at least 1" if sizes[0] == 0 else f"divisible by {groups}"
        shown = sizes if sizes[0] == 0 else [sizes]  # torch prints the second case with double brackets
        raise RuntimeError(f"Given groups={groups}, expected weight to be {what} at dimension 0, but got weight "
                           f"of size {shown} instead")
    if input.shape[1] != sizes[1] * groups:
        raise RuntimeError(f"Given groups={groups}, weight of size {sizes}, expected input{list(input.shape)} to "
                           f"have {sizes[1] * groups} channels, but got {input.shape[1]} channels instead")
    if bias is not None and (bias.ndim != 1 or bias.shape[0] != sizes[0]):
        raise RuntimeError(f"Given weight of size {sizes}, expected bias to be 1-dimensional with {sizes[0]} "
                           f"elements, but got bias of size {list(bias.shape)} instead")
    if 0 in sizes[2:]:
        raise RuntimeError(f"kernel size should be greater than zero, but got kernel_height: {sizes[2]} "
                           f"kernel_width: {sizes[3]}")


def _check_sizes_and_types(input, weight, padding, dilation):
    """The kernel against the padded input, then the dtypes."""
    sizes = list(weight.shape)
    padded = [input.shape[2 + i] + 2 * padding[i] for i in range(2)]
    reach = [dilation[i] * (sizes[2 + i] - 1) + 1 for i in range(2)]
    if any(output_size(padded[i], reach[i], 1, 0, 1) < 1 for i in range(2)):
        raise RuntimeError(f"Calculated padded input size per channel: ({padded[0]} x {padded[1]}). Kernel size: "
                           f"({reach[0]} x {reach[1]}). Kernel size can't be greater than actual input size")
    if input.dtype != weight.dtype:
        raise RuntimeError(f"expected scalar type {input.dtype.legacy_name} but found {weight.dtype.legacy_name}")
    if input.dtype.category == 0:
        raise NotImplementedError("\"slow_conv2d_cpu\" not implemented for 'Bool'")


def check_dilation(dilation):
    """torch's errors for a dilation below one."""
    if any(d < 0 for d in dilation):
        raise RuntimeError("dilation should be greater than zero")
    if any(d == 0 for d in dilation):
        raise RuntimeError(f"dilation should be greater than zero, but got {list(dilation)}")


def _c_type(tensor):
    return {"Float": "float", "Double": "double", "Long": "long int", "Bool": "bool"}[tensor.dtype.legacy_name]


def same_padding(weight_shape, dilation):
    """``padding='same'``: per dimension, (before, after) so the output keeps the input's size."""
    totals = [dilation[i] * (weight_shape[2 + i] - 1) for i in range(2)]
    return [(total // 2, total - total // 2) for total in totals]
