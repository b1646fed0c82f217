"""``minitorch.nn``: Parameter, Module, layers, losses, and the ``functional`` and ``init`` submodules."""

from . import functional, init
from .activation import LogSoftmax, ReLU, Sigmoid, Softmax, Tanh
from .containers import ModuleList, Sequential
from .layers import Conv2d, Dropout, Flatten, Identity, Linear, MaxPool2d, ZeroPad2d
from .loss import BCELoss, BCEWithLogitsLoss, CrossEntropyLoss, MSELoss, NLLLoss
from .module import Module
from .parameter import Parameter

__all__ = [
    "functional", "init", "Parameter", "Module", "Sequential", "ModuleList",
    "Linear", "Conv2d", "Flatten", "ZeroPad2d", "MaxPool2d", "Dropout", "Identity",
    "ReLU", "Sigmoid", "Tanh", "Softmax", "LogSoftmax",
    "MSELoss", "BCELoss", "BCEWithLogitsLoss", "CrossEntropyLoss", "NLLLoss",
]
