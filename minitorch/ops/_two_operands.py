"""What the table entries of two-operand functions share: ``BinaryOp`` (atan2, fmod...) and ``TwoOperandTest``
(eq, lt, logical_and...) check ``other`` the same way, have the same method form, aliases and ``out=``."""

from __future__ import annotations

import copy

from ._out import with_out
from ._util import is_tensor


class TwoOperandFunction:
    """``op(input, other, *, out=None)`` and ``a.op(b)`` around a subclass's ``compute(a, b)``.

    ``numbers``: whether ``other`` may be a Python number (torch has no such variant of atan2 or logical_and).
    """

    name = ""
    numbers = True

    def compute(self, a, b):
        """The op without ``out=``."""
        raise NotImplementedError

    def check_other(self, other, position=2):
        """torch's TypeError when ``other`` is a number and the op takes only tensors."""
        if not (self.numbers or is_tensor(other)):
            raise TypeError(f"{self.__name__}(): argument 'other' (position {position}) must be Tensor, not "
                            f"{type(other).__name__}")

    def method(self, a, b):
        """``a.<name>(b)``: as the function, but torch counts ``b`` as argument 1 in its errors."""
        self.check_other(b, position=1)
        return self.compute(a, b)

    def alias(self, name):
        """The same op under another of torch's names (``arctan2``, ``greater``): errors say that name."""
        twin = copy.copy(self)
        twin.__name__ = name  # the argument errors say the alias; errors from inside the op say self.name
        return twin

    def __call__(self, input, other, *, out=None):  # noqa: A002 (torch's argument name)
        self.check_other(other)  # the argument's type first, as torch's parser
        return with_out(self.name, self.compute, out, input, other)
