"""``minitorch.optim``: ``Optimizer``, ``SGD``, ``Adam``, ``AdamW``, ``RMSprop`` and ``Adagrad``, as ``torch.optim``."""

from .adagrad import Adagrad
from .adam import Adam, AdamW
from .optimizer import Optimizer
from .rmsprop import RMSprop
from .sgd import SGD

__all__ = ["Optimizer", "SGD", "Adam", "AdamW", "RMSprop", "Adagrad"]
