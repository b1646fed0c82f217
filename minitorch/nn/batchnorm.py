"""Batch normalisation layers: ``BatchNorm1d`` (inputs ``(N, C)`` or ``(N, C, L)``) and ``BatchNorm2d``
(``(N, C, H, W)``). They learn ``weight`` and ``bias`` and keep running statistics as buffers.
"""

from .. import _factories
from ..autograd.grad_mode import no_grad
from . import functional as F
from .module import Module
from .normalization import _ones_and_zeros
from .parameter import Parameter


class _BatchNorm(Module):
    """What both layers share: parameters, running-statistic buffers, and torch's forward logic."""

    def __init__(self, num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True,
                 device=None, dtype=None, *, bias=True):
        """``weight`` (ones) and ``bias`` (zeros) when ``affine``; running mean, var and batch count buffers."""
        super().__init__()
        self.num_features, self.eps, self.momentum = num_features, eps, momentum
        self.affine, self.track_running_stats = affine, track_running_stats
        self.has_bias = affine and bias
        weight = Parameter(_factories.empty(num_features, dtype=dtype)) if affine else None
        self.register_parameter("weight", weight)
        shift = Parameter(_factories.empty(num_features, dtype=dtype)) if self.has_bias else None
        self.register_parameter("bias", shift)
        tracked = track_running_stats
        self.register_buffer("running_mean", _factories.zeros(num_features, dtype=dtype) if tracked else None)
        self.register_buffer("running_var", _factories.ones(num_features, dtype=dtype) if tracked else None)
        count = _factories.tensor(0) if tracked else None
        self.register_buffer("num_batches_tracked", count)
        self.reset_parameters()  # as torch's: each starting value is written in place (version 1)

    def reset_parameters(self):
        """Running statistics reset, then weight ones and bias zeros."""
        self.reset_running_stats()
        _ones_and_zeros(self)

    def reset_running_stats(self):
        """Running mean 0, running variance 1, no batches seen."""
        if self.track_running_stats:
            with no_grad():
                self.running_mean.zero_()
                self.running_var.fill_(1)
                self.num_batches_tracked.zero_()

    def _average_factor(self):
        """How much of this batch goes into the running statistics (torch's exponential_average_factor)."""
        if not (self.training and self.track_running_stats and self.num_batches_tracked is not None):
            return 0.0 if self.momentum is None else self.momentum
        self.num_batches_tracked.add_(1)
        return 1.0 / float(self.num_batches_tracked) if self.momentum is None else self.momentum

    def forward(self, input):
        """Normalise with batch statistics in training (updating the running ones), running ones in eval."""
        self._check_input_dim(input)
        factor = self._average_factor()
        use_batch = self.training or (self.running_mean is None and self.running_var is None)
        keep = not self.training or self.track_running_stats
        return F.batch_norm(input, self.running_mean if keep else None, self.running_var if keep else None,
                            self.weight, self.bias, use_batch, factor, self.eps)

    def extra_repr(self):
        """``num_features, eps=..., momentum=..., affine=..., track_running_stats=...``."""
        return (f"{self.num_features}, eps={self.eps}, momentum={self.momentum}, affine={self.affine}, "
                f"bias={self.has_bias}, track_running_stats={self.track_running_stats}")


class BatchNorm1d(_BatchNorm):
    """Batch norm over ``(N, C)`` or ``(N, C, L)`` inputs, per channel ``C``."""

    def _check_input_dim(self, input):
        if input.dim() not in (2, 3):
            raise ValueError(f"expected 2D or 3D input (got {input.dim()}D input)")


class BatchNorm2d(_BatchNorm):
    """Batch norm over ``(N, C, H, W)`` inputs, per channel ``C``."""

    def _check_input_dim(self, input):
        if input.dim() != 4:
            raise ValueError(f"expected 4D input (got {input.dim()}D input)")
