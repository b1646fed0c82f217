"""Lazy layers: ``LazyLinear(out_features)`` learns ``in_features`` from its first input, ``LazyConv2d(out_channels,
kernel_size)`` its ``in_channels``.

Until then its weight and bias are ``UninitializedParameter``s (printed ``<UninitializedParameter>``). The
first call gives them their shapes, initialises them exactly as ``Linear`` would (so the random draws happen
then), and turns the module into a ``Linear``, as torch does.
"""

from .. import _factories
from .layers import Conv2d, Linear
from .module import Module
from .parameter import Parameter

UNINITIALIZED_SHAPE = (
    "Can't access the shape of an uninitialized parameter or buffer. This error usually happens in "
    "`load_state_dict` when trying to load an uninitialized parameter into an initialized one. Call `forward` to "
    "initialize the parameters before accessing their attributes.")


class UninitializedParameter(Parameter):
    """A parameter whose shape is not known yet; ``materialize(shape)`` makes it an ordinary Parameter."""

    def __init__(self, requires_grad=True, device=None, dtype=None):
        """An empty placeholder."""
        super().__init__(_factories.empty(0, dtype=dtype), requires_grad)

    @property
    def shape(self):
        raise RuntimeError(UNINITIALIZED_SHAPE)

    def size(self, dim=None):
        """Unknown until materialised: raises torch's error."""
        raise RuntimeError(UNINITIALIZED_SHAPE)

    def detach(self):
        """Another placeholder (a state_dict of a module not yet called holds these)."""
        return UninitializedParameter(requires_grad=False, dtype=self.dtype)

    def materialize(self, shape, device=None, dtype=None):
        """Give the parameter its ``shape`` (uninitialised values) and make it a ``Parameter``."""
        data = _factories.empty(*shape, dtype=dtype)
        self._init(data._data, data._version_counter)
        self.__class__ = Parameter

    def __repr__(self):
        return "<UninitializedParameter>"

    __str__ = __repr__


class LazyLinear(Module):
    """``Linear`` whose ``in_features`` is the last dimension of the first input it sees."""

    cls_to_become = Linear

    def __init__(self, out_features, bias=True, device=None, dtype=None):
        """Placeholders for weight and bias; ``in_features`` is 0 until the first call."""
        super().__init__()
        self.in_features, self.out_features = 0, out_features
        self.weight = UninitializedParameter(dtype=dtype)
        if bias:
            self.bias = UninitializedParameter(dtype=dtype)
        else:
            self.register_parameter("bias", None)

    def has_uninitialized_params(self):
        """Whether the first call is still to come."""
        return isinstance(self.weight, UninitializedParameter)

    def initialize_parameters(self, input):
        """Shape the parameters from ``input``, initialise them as ``Linear`` does, become a ``Linear``."""
        if not self.has_uninitialized_params():
            return
        self.in_features = input.shape[-1]
        self.weight.materialize((self.out_features, self.in_features))
        if self.bias is not None:
            self.bias.materialize((self.out_features,))
        self.__class__ = self.cls_to_become
        self.reset_parameters()

    def __call__(self, *args, **kwargs):
        self.initialize_parameters(args[0])
        return self(*args, **kwargs)

    def extra_repr(self):
        """As ``Linear`` prints it, with ``in_features=0`` until the first call."""
        return f"in_features={self.in_features}, out_features={self.out_features}, bias={self.bias is not None}"


class LazyConv2d(Conv2d):
    """``Conv2d`` whose ``in_channels`` is the channel dim of the first input it sees (dim 1, or 0 unbatched)."""

    cls_to_become = Conv2d

    def __init__(self, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True,
                 padding_mode="zeros", device=None, dtype=None):
        """Conv2d's settings with 0 input channels and placeholder parameters: no random draw yet."""
        super().__init__(0, 0, kernel_size, stride, padding, dilation, groups, bias, padding_mode, dtype=dtype)
        self.out_channels = out_channels
        self.weight = UninitializedParameter(dtype=dtype)
        if bias:
            self.bias = UninitializedParameter(dtype=dtype)

    def reset_parameters(self):
        """Nothing to draw until the first call gives the parameters their shapes."""
        if self.in_channels and not self.has_uninitialized_params():
            super().reset_parameters()

    def has_uninitialized_params(self):
        """Whether the first call is still to come."""
        return isinstance(self.weight, UninitializedParameter)

    def initialize_parameters(self, input):
        """Shape the parameters from ``input``'s channels, initialise them as Conv2d does, become a Conv2d."""
        if not self.has_uninitialized_params():
            return
        if input.dim() not in (3, 4):
            raise RuntimeError(f"Expected 3D (unbatched) or 4D (batched) input to LazyConv2d, but got input of "
                               f"size: {input.shape}")
        self.in_channels = input.shape[1] if input.dim() == 4 else input.shape[0]
        if self.in_channels % self.groups != 0:
            raise ValueError("in_channels must be divisible by groups")
        self.weight.materialize((self.out_channels, self.in_channels // self.groups, *self.kernel_size))
        if self.bias is not None:
            self.bias.materialize((self.out_channels,))
        self.__class__ = self.cls_to_become
        self.reset_parameters()

    def __call__(self, *args, **kwargs):
        self.initialize_parameters(args[0])
        return self(*args, **kwargs)
