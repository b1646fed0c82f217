"""Containers: ``Sequential`` (runs its modules in order) and ``ModuleList`` (a list that registers)."""

import operator
from collections import OrderedDict

from ._module_repr import indent_after_first_line
from .module import Module


def _checked_index(index, length):
    """``index`` as a non-negative int, or torch's IndexError when out of range."""
    index = operator.index(index)
    if not -length <= index < length:
        raise IndexError(f"index {index} is out of range")
    return index % length


class Sequential(Module):
    """Modules called one after another: ``Sequential(a, b)(x) == b(a(x))``.

    Build it from modules (named ``'0'``, ``'1'``, ...) or from an ``OrderedDict`` of named modules.
    Slicing returns a Sequential, so ``nn.Sequential(*net[3:5])`` reuses part of a network.
    """

    def __init__(self, *args):
        """Register each module in order."""
        super().__init__()
        if len(args) == 1 and isinstance(args[0], OrderedDict):
            for name, module in args[0].items():
                self.add_module(name, module)
        else:
            for index, module in enumerate(args):
                self.add_module(str(index), module)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(OrderedDict(list(self._modules.items())[index]))
        return list(self._modules.values())[_checked_index(index, len(self))]

    def __setitem__(self, index, module):
        key = list(self._modules)[_checked_index(index, len(self))]
        setattr(self, key, module)

    def __delitem__(self, index):
        keys = list(self._modules)
        for key in keys[index] if isinstance(index, slice) else [keys[_checked_index(index, len(self))]]:
            del self._modules[key]
        # Renumber, as torch does, so indexing stays contiguous.
        self.__dict__["_modules"] = OrderedDict((str(i), m) for i, m in enumerate(self._modules.values()))

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def append(self, module):
        """Add ``module`` at the end; return self."""
        self.add_module(str(len(self)), module)
        return self

    def forward(self, input):
        """Feed ``input`` through every module in order."""
        for module in self:
            input = module(input)
        return input


class ModuleList(Module):
    """A list of modules whose parameters belong to the owner (a plain Python list would hide them)."""

    def __init__(self, modules=None):
        """Register each module of the iterable ``modules``."""
        super().__init__()
        if modules is not None:
            self.extend(modules)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return type(self)(list(self._modules.values())[index])
        return self._modules[str(_checked_index(index, len(self)))]

    def __setitem__(self, index, module):
        setattr(self, str(_checked_index(index, len(self))), module)

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules.values())

    def __iadd__(self, modules):
        return self.extend(modules)

    def append(self, module):
        """Add ``module`` at the end; return self."""
        self.add_module(str(len(self)), module)
        return self

    def extend(self, modules):
        """Add every module of ``modules`` at the end; return self."""
        for module in modules:
            self.append(module)
        return self

    def insert(self, index, module):
        """Insert ``module`` before position ``index``."""
        items = list(self._modules.values())
        items.insert(index, module)
        self.__dict__["_modules"] = OrderedDict((str(i), m) for i, m in enumerate(items))

    def __repr__(self):
        # Runs of modules with the same repr are shown once: "(0-2): 3 x Linear(...)".
        children = [repr(module) for module in self]
        if not children:
            return self._get_name() + "()"
        lines, start = [], 0
        while start < len(children):
            end = start
            while end + 1 < len(children) and children[end + 1] == children[start]:
                end += 1
            label = f"({start})" if end == start else f"({start}-{end}): {end - start + 1} x"
            separator = ": " if end == start else " "
            lines.append(label + separator + indent_after_first_line(children[start], 2))
            start = end + 1
        return self._get_name() + "(\n  " + "\n  ".join(lines) + "\n)"


class ModuleDict(Module):
    """A dict of modules whose parameters belong to the owner, in insertion order."""

    def __init__(self, modules=None):
        """Register each ``(name, module)`` of a mapping or an iterable of pairs."""
        super().__init__()
        if modules is not None:
            self.update(modules)

    def __getitem__(self, key):
        return self._modules[key]

    def __setitem__(self, key, module):
        self.add_module(key, module)

    def __delitem__(self, key):
        del self._modules[key]

    def __len__(self):
        return len(self._modules)

    def __iter__(self):
        return iter(self._modules)

    def __contains__(self, key):
        return key in self._modules

    def keys(self):
        """The names, in order."""
        return self._modules.keys()

    def items(self):
        """The ``(name, module)`` pairs, in order."""
        return self._modules.items()

    def values(self):
        """The modules, in order."""
        return self._modules.values()

    def pop(self, key):
        """Remove the module ``key`` and return it."""
        module = self[key]
        del self[key]
        return module

    def clear(self):
        """Remove every module."""
        self._modules.clear()

    def update(self, modules):
        """Add (or replace) the modules of a mapping or an iterable of ``(name, module)`` pairs."""
        pairs = modules.items() if hasattr(modules, "items") else modules
        for key, module in pairs:
            self[key] = module
