"""``LayerNorm`` (each sample normalised over its last dims) and ``GroupNorm`` (over groups of channels), then
scaled and shifted; ``LocalResponseNorm`` (each value over its neighbouring channels)."""

from .. import _factories
from . import functional as F
from . import init
from ._norm_functional import local_response_norm
from .module import Module
from .parameter import Parameter


class LayerNorm(Module):
    """Normalise over the trailing ``normalized_shape`` dims; ``weight`` starts at ones, ``bias`` at zeros."""

    def __init__(self, normalized_shape, eps=1e-05, elementwise_affine=True, bias=True, device=None, dtype=None):
        """Create the per-element weight and bias (when ``elementwise_affine``)."""
        super().__init__()
        shape = (normalized_shape,) if isinstance(normalized_shape, int) else tuple(normalized_shape)
        self.normalized_shape, self.eps, self.elementwise_affine = shape, eps, elementwise_affine
        _affine_parameters(self, shape, elementwise_affine, bias, dtype)

    def reset_parameters(self):
        """Weight to ones, bias to zeros."""
        _ones_and_zeros(self)

    def forward(self, input):
        """``F.layer_norm`` with this module's settings."""
        return F.layer_norm(input, self.normalized_shape, self.weight, self.bias, self.eps)

    def extra_repr(self):
        """``(shape,), eps=..., elementwise_affine=..., bias=...``, as torch prints it."""
        return (f"{self.normalized_shape}, eps={self.eps}, elementwise_affine={self.elementwise_affine}, "
                f"bias={self.bias is not None}")


class GroupNorm(Module):
    """Normalise each of ``num_groups`` groups of channels; ``weight`` starts at ones, ``bias`` at zeros."""

    def __init__(self, num_groups, num_channels, eps=1e-05, affine=True, bias=True, device=None, dtype=None):
        """Create the per-channel weight and bias (when ``affine``)."""
        super().__init__()
        if num_channels % num_groups != 0:
            raise ValueError(f"num_channels ({num_channels}) must be divisible by num_groups ({num_groups})")
        self.num_groups, self.num_channels, self.eps, self.affine = num_groups, num_channels, eps, affine
        _affine_parameters(self, (num_channels,), affine, bias, dtype)

    def reset_parameters(self):
        """Weight to ones, bias to zeros."""
        _ones_and_zeros(self)

    def forward(self, input):
        """``F.group_norm`` with this module's settings."""
        return F.group_norm(input, self.num_groups, self.weight, self.bias, self.eps)

    def extra_repr(self):
        """``groups, channels, eps=..., affine=..., bias=...``, as torch prints it."""
        return (f"{self.num_groups}, {self.num_channels}, eps={self.eps}, affine={self.affine}, "
                f"bias={self.bias is not None}")


def _affine_parameters(module, shape: tuple, affine: bool, bias: bool, dtype) -> None:
    """Register ``weight`` and ``bias`` of ``shape`` (None when not ``affine``, or no ``bias``), then set them."""
    module.register_parameter("weight", Parameter(_factories.empty(*shape, dtype=dtype)) if affine else None)
    module.register_parameter("bias", Parameter(_factories.empty(*shape, dtype=dtype)) if affine and bias else None)
    module.reset_parameters()


def _ones_and_zeros(module) -> None:
    """A normalisation's starting point: weight ones, bias zeros (those that exist)."""
    if module.weight is not None:
        init.ones_(module.weight)
    if module.bias is not None:
        init.zeros_(module.bias)


class LocalResponseNorm(Module):
    """Divide each value by ``(k + alpha * mean of x^2 over `size` neighbouring channels) ** beta`` (AlexNet)."""

    def __init__(self, size, alpha=0.0001, beta=0.75, k=1.0):
        """Keep the settings; nothing is learned."""
        super().__init__()
        self.size, self.alpha, self.beta, self.k = size, alpha, beta, k

    def forward(self, input):  # noqa: A002
        """Normalise ``input`` of shape ``(N, C, *)`` across channels."""
        return local_response_norm(input, self.size, self.alpha, self.beta, self.k)

    def extra_repr(self):
        """``size, alpha=..., beta=..., k=...``."""
        return f"{self.size}, alpha={self.alpha}, beta={self.beta}, k={self.k}"
