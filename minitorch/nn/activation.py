"""Activation layers: ``ReLU``, ``Sigmoid``, ``Tanh``, ``Softmax``, ``LogSoftmax``."""

from . import functional as F
from .module import Module


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
