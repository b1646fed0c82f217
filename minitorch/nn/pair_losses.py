"""Losses that compare distributions, pairs or triplets: ``KLDivLoss``, ``MarginRankingLoss``,
``HingeEmbeddingLoss``, ``CosineEmbeddingLoss``, ``TripletMarginLoss`` (each calls ``functional``)."""

from . import functional as F
from .loss import _Loss


class KLDivLoss(_Loss):
    """The Kullback-Leibler divergence; ``input`` holds log-probabilities (``target`` too with ``log_target``)."""

    def __init__(self, size_average=None, reduce=None, reduction="mean", log_target=False):
        """Store the reduction and ``log_target``."""
        super().__init__(size_average, reduce, reduction)
        self.log_target = log_target

    def forward(self, input, target):
        """``F.kl_div(input, target, reduction, log_target)``."""
        return F.kl_div(input, target, reduction=self.reduction, log_target=self.log_target)


class _MarginLoss(_Loss):
    def __init__(self, margin=0.0, size_average=None, reduce=None, reduction="mean"):
        super().__init__(size_average, reduce, reduction)
        self.margin = margin


class MarginRankingLoss(_MarginLoss):
    """``max(0, -y * (x1 - x2) + margin)``: x1 should rank above x2 where y is 1, below where it is -1."""

    def forward(self, input1, input2, target):
        """``F.margin_ranking_loss(input1, input2, target, margin, reduction)``."""
        return F.margin_ranking_loss(input1, input2, target, margin=self.margin, reduction=self.reduction)


class HingeEmbeddingLoss(_MarginLoss):
    """``x`` where y is 1, ``max(0, margin - x)`` where y is -1."""

    def __init__(self, margin=1.0, size_average=None, reduce=None, reduction="mean"):
        """Store the margin and the reduction."""
        super().__init__(margin, size_average, reduce, reduction)

    def forward(self, input, target):
        """``F.hinge_embedding_loss(input, target, margin, reduction)``."""
        return F.hinge_embedding_loss(input, target, margin=self.margin, reduction=self.reduction)


class CosineEmbeddingLoss(_MarginLoss):
    """``1 - cos(x1, x2)`` where y is 1, ``max(0, cos(x1, x2) - margin)`` where y is -1."""

    def forward(self, input1, input2, target):
        """``F.cosine_embedding_loss(input1, input2, target, margin, reduction)``."""
        return F.cosine_embedding_loss(input1, input2, target, margin=self.margin, reduction=self.reduction)


class TripletMarginLoss(_MarginLoss):
    """``max(0, margin + d(anchor, positive) - d(anchor, negative))`` with the pairwise p-distance."""

    def __init__(self, margin=1.0, p=2.0, eps=1e-6, swap=False, size_average=None, reduce=None, reduction="mean"):
        """Store the margin, the norm, ``eps``, ``swap`` and the reduction."""
        if margin <= 0:
            raise ValueError(f"TripletMarginLoss: expected margin to be greater than 0, got {margin} instead")
        super().__init__(margin, size_average, reduce, reduction)
        self.p, self.eps, self.swap = p, eps, swap

    def forward(self, anchor, positive, negative):
        """``F.triplet_margin_loss`` with these settings."""
        return F.triplet_margin_loss(anchor, positive, negative, margin=self.margin, p=self.p, eps=self.eps,
                                     swap=self.swap, reduction=self.reduction)
