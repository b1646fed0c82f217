"""Activation layers: ``ReLU``, ``Sigmoid``, ``Tanh``, ``Softmax``, ``LogSoftmax``, and the option-carrying ones
(``LeakyReLU``, ``ELU``, ``GELU``, ``Softplus``, ``Hardtanh``...) that share ``_Activation``."""

from .. import _factories
from . import functional as F
from . import init as init_module
from .module import Module
from .parameter import Parameter


class ReLU(Module):
    """``max(x, 0)``; with ``inplace=True`` the input itself is overwritten."""

    def __init__(self, inplace=False):
        """Remember whether to work in place."""
        super().__init__()
        self.inplace = inplace

    def forward(self, input):
        """``F.relu(input, inplace)``."""
        return F.relu(input, inplace=self.inplace)

    def extra_repr(self):
        """``inplace=True`` when set, else nothing."""
        return "inplace=True" if self.inplace else ""


class Sigmoid(Module):
    """``1 / (1 + exp(-x))``."""

    def forward(self, input):
        """``input.sigmoid()``."""
        return F.sigmoid(input)


class Tanh(Module):
    """Hyperbolic tangent."""

    def forward(self, input):
        """``input.tanh()``."""
        return F.tanh(input)


class Softmax(Module):
    """Probabilities along ``dim``."""

    def __init__(self, dim=None):
        """Remember the dimension."""
        super().__init__()
        self.dim = dim

    def forward(self, input):
        """``F.softmax(input, dim)``."""
        return F.softmax(input, self.dim, _stacklevel=5)

    def extra_repr(self):
        """``dim=...``."""
        return f"dim={self.dim}"


class LogSoftmax(Softmax):
    """Log-probabilities along ``dim``."""

    def forward(self, input):
        """``F.log_softmax(input, dim)``."""
        return F.log_softmax(input, self.dim, _stacklevel=5)


class _Activation(Module):
    """An elementwise activation with options: calls ``F.<function>`` and prints its options as torch does.

    Subclasses name the function and list their options (with defaults) in ``options``; ``inplace`` is
    printed only when set.
    """

    function = ""
    options: tuple = ()  # (name, default) pairs, in torch's order

    def __init__(self, *args, **kwargs):
        """Store the options, positional or by keyword, and ``inplace`` where the function has it."""
        super().__init__()
        names = [name for name, _ in self.options] + (["inplace"] if self._has_inplace() else [])
        values = dict(zip(names, args))
        for name, default in self.options:
            setattr(self, name, kwargs.get(name, values.get(name, default)))
        if self._has_inplace():
            self.inplace = kwargs.get("inplace", values.get("inplace", False))

    @classmethod
    def _has_inplace(cls):
        return cls.function not in ("gelu", "softplus", "logsigmoid", "softsign", "tanhshrink")

    def forward(self, input):
        """``F.<function>(input, *options)``."""
        extra = {"inplace": self.inplace} if self._has_inplace() and self.inplace else {}
        return getattr(F, self.function)(input, *(getattr(self, n) for n, _ in self.options), **extra)

    def extra_repr(self):
        """The options, then ``inplace=True`` when set."""
        parts = [f"{name}={getattr(self, name)!r}" for name, _ in self.options]
        if self._has_inplace() and self.inplace:
            parts.append("inplace=True")
        return ", ".join(parts)


class LeakyReLU(_Activation):
    """``x`` where positive, ``negative_slope * x`` elsewhere."""

    function, options = "leaky_relu", (("negative_slope", 0.01),)


class ELU(_Activation):
    """``x`` where positive, ``alpha * (exp(x) - 1)`` elsewhere."""

    function, options = "elu", (("alpha", 1.0),)


class CELU(_Activation):
    """``max(0, x) + min(0, alpha * (exp(x / alpha) - 1))``."""

    function, options = "celu", (("alpha", 1.0),)


class SELU(_Activation):
    """Scaled ELU with the self-normalising constants."""

    function = "selu"


class GELU(_Activation):
    """``x * Phi(x)``, or its tanh approximation with ``approximate='tanh'``."""

    function, options = "gelu", (("approximate", "none"),)


class SiLU(_Activation):
    """``x * sigmoid(x)``."""

    function = "silu"


class Mish(_Activation):
    """``x * tanh(softplus(x))``."""

    function = "mish"


class Softplus(_Activation):
    """``log(1 + exp(beta * x)) / beta``."""

    function, options = "softplus", (("beta", 1.0), ("threshold", 20.0))


class Hardtanh(_Activation):
    """``x`` clipped to ``[min_val, max_val]``."""

    function, options = "hardtanh", (("min_val", -1.0), ("max_val", 1.0))


class ReLU6(_Activation):
    """``min(max(x, 0), 6)``."""

    function = "relu6"

    def forward(self, input):
        """``F.hardtanh(input, 0.0, 6.0)``: torch's ReLU6 is a Hardtanh (its node shows the bounds as floats)."""
        return F.hardtanh(input, 0.0, 6.0, self.inplace)


class Hardsigmoid(_Activation):
    """``relu6(x + 3) / 6``."""

    function = "hardsigmoid"


class Hardswish(_Activation):
    """``x * relu6(x + 3) / 6``."""

    function = "hardswish"


class LogSigmoid(_Activation):
    """``log(sigmoid(x))``."""

    function = "logsigmoid"


class Softsign(_Activation):
    """``x / (1 + |x|)``."""

    function = "softsign"


class Tanhshrink(_Activation):
    """``x - tanh(x)``."""

    function = "tanhshrink"


class Threshold(_Activation):
    """``x`` where ``x > threshold``, else ``value``."""

    function, options = "threshold", (("threshold", None), ("value", None))


class Softmin(Softmax):
    """``softmax(-x)`` along ``dim``."""

    def forward(self, input):
        """``F.softmin(input, dim)``."""
        return F.softmin(input, self.dim, _stacklevel=5)


class PReLU(Module):
    """``x`` where positive, ``weight * x`` elsewhere, with a learned slope (one, or one per channel)."""

    def __init__(self, num_parameters=1, init=0.25, device=None, dtype=None):
        """Create the slope parameter filled with ``init``."""
        super().__init__()
        self.num_parameters, self.init = num_parameters, init
        self.weight = Parameter(_factories.empty(num_parameters, dtype=dtype))
        self.reset_parameters()

    def reset_parameters(self):
        """Fill the slope with ``init``, in place (as torch's: version 1)."""
        init_module.constant_(self.weight, self.init)

    def forward(self, input):
        """``F.prelu(input, self.weight)``."""
        return F.prelu(input, self.weight)

    def extra_repr(self):
        """``num_parameters=...``."""
        return f"num_parameters={self.num_parameters}"
