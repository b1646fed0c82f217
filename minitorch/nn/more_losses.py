"""The remaining loss modules: ``SoftMarginLoss``, ``MultiMarginLoss``, ``MultiLabelSoftMarginLoss``,
``MultiLabelMarginLoss``, ``PoissonNLLLoss`` and ``GaussianNLLLoss``. Each keeps its options and calls
its function in ``_loss_functional.py``."""

from . import _loss_functional as losses
from .loss import _Loss, _WeightedLoss


class SoftMarginLoss(_Loss):
    """Two-class logistic loss ``log(1 + exp(-y * x))`` for labels ``y`` of +1 and -1."""

    def forward(self, input, target):  # noqa: A002
        """``F.soft_margin_loss(input, target, reduction)``."""
        return losses.soft_margin_loss(input, target, reduction=self.reduction)


class MultiMarginLoss(_WeightedLoss):
    """Multi-class hinge loss of scores ``(N, C)`` against class indices, with ``margin`` and power ``p``."""

    def __init__(self, p=1, margin=1.0, weight=None, size_average=None, reduce=None, reduction="mean"):
        """Keep ``p`` (1 or 2), ``margin`` and the class weights (a buffer)."""
        super().__init__(weight, size_average, reduce, reduction)
        if p not in (1, 2):
            raise ValueError("only p == 1 and p == 2 supported")
        if weight is not None and weight.ndim != 1:
            raise ValueError(f"MultiMarginLoss: expected weight to be None or 1D tensor, got {weight.ndim}D instead")
        self.p, self.margin = p, margin

    def forward(self, input, target):  # noqa: A002
        """``F.multi_margin_loss`` with the kept settings."""
        return losses.multi_margin_loss(input, target, p=self.p, margin=self.margin, weight=self.weight,
                                        reduction=self.reduction)


class MultiLabelSoftMarginLoss(_WeightedLoss):
    """Per sample, the mean over classes of the logistic loss of each class being on (1) or off (0)."""

    def forward(self, input, target):  # noqa: A002
        """``F.multilabel_soft_margin_loss`` with the class weights."""
        return losses.multilabel_soft_margin_loss(input, target, weight=self.weight, reduction=self.reduction)


class MultiLabelMarginLoss(_Loss):
    """Multi-label hinge loss; each target row lists class indices, ended by the first -1."""

    def forward(self, input, target):  # noqa: A002
        """``F.multilabel_margin_loss(input, target, reduction)``."""
        return losses.multilabel_margin_loss(input, target, reduction=self.reduction)


class PoissonNLLLoss(_Loss):
    """Negative log-likelihood of counts under a Poisson rate (given as its log when ``log_input``)."""

    def __init__(self, log_input=True, full=False, size_average=None, eps=1e-08, reduce=None, reduction="mean"):
        """Keep ``log_input``, ``full`` (Stirling's term) and ``eps``."""
        super().__init__(size_average, reduce, reduction)
        self.log_input, self.full, self.eps = log_input, full, eps

    def forward(self, log_input, target):
        """``F.poisson_nll_loss`` with the kept settings."""
        return losses.poisson_nll_loss(log_input, target, log_input=self.log_input, full=self.full, eps=self.eps,
                                       reduction=self.reduction)


class GaussianNLLLoss(_Loss):
    """Negative log-likelihood of targets under Normal(input, var), the variance predicted too."""

    def __init__(self, *, full=False, eps=1e-06, reduction="mean"):
        """Keep ``full`` (the constant term) and ``eps`` (the variance's floor)."""
        super().__init__(None, None, reduction)
        self.full, self.eps = full, eps

    def forward(self, input, target, var):  # noqa: A002
        """``F.gaussian_nll_loss`` with the kept settings."""
        return losses.gaussian_nll_loss(input, target, var, full=self.full, eps=self.eps, reduction=self.reduction)
