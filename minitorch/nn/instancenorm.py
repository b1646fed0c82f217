"""Instance normalisation: ``nn.InstanceNorm1d`` and ``nn.InstanceNorm2d``
(``F.instance_norm`` is in ``_norm_functional.py``).

Each sample's channels are normalised on their own, over their spatial positions only. ATen writes it with
batch norm: ``(N, C, *)`` is viewed as one sample with ``N * C`` channels and batch-normalised, per-channel
weights and running statistics repeated ``N`` times; the running statistics are then averaged back over the
batch. minitorch composes it the same way, so the graph is torch's: ``ViewBackward0`` over
``NativeBatchNormBackward0`` (with ``RepeatBackward0`` for an affine weight and bias).
"""

import warnings

from ._norm_functional import instance_norm
from .batchnorm import _BatchNorm


class _InstanceNorm(_BatchNorm):
    """What both instance norms share: batch norm's parameters and buffers, with other defaults and forward."""

    _spatial_dims = 1

    def __init__(self, num_features, eps=1e-05, momentum=0.1, affine=False, track_running_stats=False,
                 device=None, dtype=None, *, bias=True):
        """No learned parameters and no running statistics unless asked for."""
        super().__init__(num_features, eps, momentum, affine, track_running_stats, device, dtype, bias=bias)

    def forward(self, input):  # noqa: A002
        """Normalise each channel of each sample (an unbatched input is one sample)."""
        unbatched = self._spatial_dims + 1
        if input.ndim not in (unbatched, unbatched + 1):
            raise ValueError(f"expected {unbatched}D or {unbatched + 1}D input (got {input.ndim}D input)")
        feature_dim = input.ndim - unbatched
        if input.shape[feature_dim] != self.num_features:
            if self.affine:
                raise ValueError(f"expected input's size at dim={feature_dim} to match num_features "
                                 f"({self.num_features}), but got: {input.shape[feature_dim]}.")
            warnings.warn(f"input's size at dim={feature_dim} does not match num_features. You can silence this "
                          "warning by not passing in num_features, which is not used because affine=False",
                          UserWarning, stacklevel=3)
        if input.ndim == unbatched:
            return self._normalise(input.unsqueeze(0)).squeeze(0)
        return self._normalise(input)

    def _normalise(self, input):  # noqa: A002
        momentum = self.momentum if self.momentum is not None else 0.0
        return instance_norm(input, self.running_mean, self.running_var, self.weight, self.bias,
                             self.training or not self.track_running_stats, momentum, self.eps)


class InstanceNorm1d(_InstanceNorm):
    """Instance norm of ``(N, C, L)`` or ``(C, L)`` inputs: each sample's channel over its ``L`` positions."""

    _spatial_dims = 1


class InstanceNorm2d(_InstanceNorm):
    """Instance norm of ``(N, C, H, W)`` or ``(C, H, W)`` inputs: each sample's channel over its pixels."""

    _spatial_dims = 2
