"""Every Backward node minitorch defines carries its own docstring naming its derivative.

A learner reads a node's formula beside its one-line derivative (``d(a * b) = grad * b for a, ...``); a node
without one, or one that only inherits its parent's, is caught here. Torch-free.
"""

import importlib
import pkgutil
import re

import minitorch
from minitorch.autograd.node import Node

# What counts as naming a derivative: d(...), "/ dx", "dx = ...", "grad" or "derivative".
DERIVATIVE = re.compile(r"grad|derivative|\bd\(|/ ?d ?\w|\bd[a-z]+ =")


def _import_all() -> None:
    """Import every minitorch module, so that every node class exists (``run`` executes scripts: skipped)."""
    for module in pkgutil.walk_packages(minitorch.__path__, "minitorch."):
        if not module.name.startswith("minitorch.run"):
            importlib.import_module(module.name)


def _subclasses(cls) -> list:
    found = []
    for sub in cls.__subclasses__():
        found += [sub, *_subclasses(sub)]
    return found


def _defined_by_minitorch(cls) -> bool:
    """Node classes of minitorch itself (a custom Function's node counts where its Function is defined)."""
    owner = getattr(cls, "_forward_cls", None) or cls
    return owner.__module__.startswith("minitorch")


def undocumented(classes) -> list[str]:
    """The names of the classes whose own docstring is missing or names no derivative."""
    missing = []
    for cls in classes:
        doc = cls.__dict__.get("__doc__") or ""
        summary = doc.strip().split("\n\n")[0]
        if not DERIVATIVE.search(summary):
            missing.append(f"{cls.__module__}.{cls.__qualname__}")
    return missing


def test_every_node_class_names_its_derivative():
    _import_all()
    nodes = [cls for cls in _subclasses(Node) if _defined_by_minitorch(cls)]
    assert len(nodes) > 200  # the walk found the ops' nodes
    assert undocumented(nodes) == []


def test_the_check_catches_a_node_without_a_derivative_docstring():
    class Bare(Node):
        def apply(self, grad):
            return (grad,)

    class Inherits(Bare):
        pass

    class Vague(Node):
        """Some node."""

    class Documented(Node):
        """d sin(x) / dx = cos(x)."""

    assert [name.rsplit(".", 1)[1] for name in undocumented([Bare, Inherits, Vague, Documented])] == [
        "Bare", "Inherits", "Vague"]
