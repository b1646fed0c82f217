"""``Softshrink``, ``Hardshrink`` (values within ``lambd`` of 0 set to 0) and ``GLU`` (a gated linear unit)."""

from . import functional as F
from .module import Module


class Softshrink(Module):
    """``x - lambd`` above ``lambd``, ``x + lambd`` below ``-lambd``, 0 between."""

    def __init__(self, lambd=0.5):
        """Remember ``lambd``."""
        super().__init__()
        self.lambd = lambd

    def forward(self, input):
        """``F.softshrink(input, lambd)``."""
        return F.softshrink(input, self.lambd)

    def extra_repr(self):
        """``lambd``, as torch prints it."""
        return str(self.lambd)


class Hardshrink(Softshrink):
    """``x`` where ``|x| > lambd``, else 0."""

    def forward(self, input):
        """``F.hardshrink(input, lambd)``."""
        return F.hardshrink(input, self.lambd)


class GLU(Module):
    """The first half of the input along ``dim`` times the sigmoid of the second half."""

    def __init__(self, dim=-1):
        """Remember ``dim``."""
        super().__init__()
        self.dim = dim

    def forward(self, input):
        """``F.glu(input, dim)``."""
        return F.glu(input, self.dim)

    def extra_repr(self):
        """``dim=...``."""
        return f"dim={self.dim}"
