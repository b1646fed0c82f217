"""``nn.Bilinear``: ``y = x1^T A x2 + b``, one bilinear form per output feature."""

from __future__ import annotations

import math

from .. import _factories
from . import init
from .module import Module
from .parameter import Parameter


class Bilinear(Module):
    """``y = x1^T A x2 + b`` with ``A`` of shape ``(out_features, in1_features, in2_features)``."""

    def __init__(self, in1_features, in2_features, out_features, bias=True, device=None, dtype=None):
        """Weights and bias uniform in ``±1/sqrt(in1_features)``."""
        super().__init__()
        self.in1_features, self.in2_features, self.out_features = in1_features, in2_features, out_features
        self.weight = Parameter(_factories.empty(out_features, in1_features, in2_features, dtype=dtype))
        if bias:
            self.bias = Parameter(_factories.empty(out_features, dtype=dtype))
        else:
            self.register_parameter("bias", None)
        self.reset_parameters()

    def reset_parameters(self):
        """Draw fresh initial values, as torch's: weight then bias, both uniform in ``±1/sqrt(in1)``."""
        bound = 1 / math.sqrt(self.weight.size(1))
        init.uniform_(self.weight, -bound, bound)
        if self.bias is not None:
            init.uniform_(self.bias, -bound, bound)

    def forward(self, input1, input2):
        """``sum_ij x1_i A_kij x2_j + b_k`` for every row."""
        rows = (input1.unsqueeze(-2).unsqueeze(-2) @ self.weight).squeeze(-2)
        out = (rows * input2.unsqueeze(-2)).sum(-1)
        return out if self.bias is None else out + self.bias

    def extra_repr(self):
        """Sizes and whether there is a bias."""
        return (f"in1_features={self.in1_features}, in2_features={self.in2_features}, "
                f"out_features={self.out_features}, bias={self.bias is not None}")
