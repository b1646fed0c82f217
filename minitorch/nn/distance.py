"""Distance layers: ``CosineSimilarity`` and ``PairwiseDistance`` (calls into ``functional``)."""

from . import functional as F
from .module import Module


class CosineSimilarity(Module):
    """The cosine of the angle between two inputs along ``dim``."""

    def __init__(self, dim=1, eps=1e-8):
        """Remember ``dim`` and ``eps``."""
        super().__init__()
        self.dim, self.eps = dim, eps

    def forward(self, x1, x2):
        """``F.cosine_similarity(x1, x2, dim, eps)``."""
        return F.cosine_similarity(x1, x2, self.dim, self.eps)


class PairwiseDistance(Module):
    """The p-norm distance between two inputs along their last dim."""

    def __init__(self, p=2.0, eps=1e-6, keepdim=False):
        """Remember the norm, ``eps`` and ``keepdim``."""
        super().__init__()
        self.norm, self.eps, self.keepdim = p, eps, keepdim

    def forward(self, x1, x2):
        """``F.pairwise_distance(x1, x2, p, eps, keepdim)``."""
        return F.pairwise_distance(x1, x2, self.norm, self.eps, self.keepdim)
