"""``nn.functional``'s activations beyond relu/sigmoid/tanh (re-exported by ``functional``); their nodes
are in ``minitorch/ops/activations.py``."""

from ..ops import arithmetic, pointwise
from ..ops.activations import activation, activation_


def _float_only(input, kernel: str):
    if not input.dtype.is_floating_point:
        raise NotImplementedError(f'"{kernel}_cpu" not implemented for \'{input.dtype.legacy_name}\'')


def _apply(kind, input, options=None, inplace=False):
    _float_only(input, kind)
    return activation_(kind, input, options) if inplace else activation(kind, input, options)


def leaky_relu(input, negative_slope=0.01, inplace=False):
    """``x`` where positive, ``negative_slope * x`` elsewhere."""
    return _apply("leaky_relu", input, {"negative_slope": negative_slope}, inplace)


def elu(input, alpha=1.0, inplace=False):
    """``x`` where positive, ``alpha * (exp(x) - 1)`` elsewhere."""
    return _apply("elu", input, {"alpha": alpha}, inplace)


def selu(input, inplace=False):
    """``scale * elu(x, alpha)`` with the self-normalising constants."""
    return _apply("selu", input, None, inplace)


def celu(input, alpha=1.0, inplace=False):
    """``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))``."""
    return _apply("celu", input, {"alpha": alpha}, inplace)


def gelu(input, approximate="none"):
    """``x * Phi(x)`` (Phi the normal CDF), or its tanh approximation."""
    if approximate not in ("none", "tanh"):
        raise RuntimeError("approximate argument must be either none or tanh.")
    return _apply("gelu", input, {"approximate": approximate})


def silu(input, inplace=False):
    """``x * sigmoid(x)`` (also called swish)."""
    return _apply("silu", input, None, inplace)


def mish(input, inplace=False):
    """``x * tanh(softplus(x))``."""
    return _apply("mish", input, None, inplace)


def softplus(input, beta=1, threshold=20):
    """``log(1 + exp(beta * x)) / beta``, linear once ``beta * x`` passes ``threshold``."""
    return _apply("softplus", input, {"beta": beta, "threshold": threshold})


def hardtanh(input, min_val=-1.0, max_val=1.0, inplace=False):
    """``x`` clipped to ``[min_val, max_val]``."""
    return _apply("hardtanh", input, {"min_val": min_val, "max_val": max_val}, inplace)


def relu6(input, inplace=False):
    """``hardtanh(x, 0, 6)``."""
    return hardtanh(input, 0, 6, inplace)


def logsigmoid(input):
    """``log(sigmoid(x))``, computed stably."""
    return _apply("logsigmoid", input)


def hardsigmoid(input, inplace=False):
    """``relu6(x + 3) / 6``."""
    return _apply("hardsigmoid", input, None, inplace)


def hardswish(input, inplace=False):
    """``x * relu6(x + 3) / 6``."""
    return _apply("hardswish", input, None, inplace)


def threshold(input, threshold, value, inplace=False):
    """``x`` where ``x > threshold``, else ``value``."""
    return _apply("threshold", input, {"threshold": threshold, "value": value}, inplace)


def softsign(input):
    """``x / (1 + |x|)``."""
    return arithmetic.div(input, arithmetic.add(pointwise.abs(input), 1))


def tanhshrink(input):
    """``x - tanh(x)``."""
    return arithmetic.sub(input, pointwise.tanh(input))


def softmin(input, dim=None, _stacklevel=3, dtype=None):
    """``softmax(-x)`` along ``dim``."""
    from .functional import softmax

    return softmax(arithmetic.neg(input), dim, _stacklevel + 1, dtype)
