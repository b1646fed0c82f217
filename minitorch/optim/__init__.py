"""``minitorch.optim``: ``Optimizer``, ``SGD`` and ``Adam``, as ``torch.optim``."""

from .adam import Adam
from .optimizer import Optimizer
from .sgd import SGD

__all__ = ["Optimizer", "SGD", "Adam"]
