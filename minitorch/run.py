"""Run a PyTorch script on minitorch, unchanged.

Usage::

    python -m minitorch.run script.py [arguments for the script ...]
    python -m minitorch.run --compare script.py [arguments ...]   # diff its output against real torch's

Inside the script (and inside anything it imports) ``import torch`` gives ``minitorch``,
``import torch.nn as nn`` gives ``minitorch.nn``, ``from torch.nn import functional as F`` gives
``minitorch.nn.functional``, and so on for ``torch.optim``, ``torch.autograd``, ``torch.nn.init``...:
every ``torch.<path>`` is the minitorch module at the same ``<path>``. A torch module that minitorch
does not have fails at import time with ``ModuleNotFoundError: minitorch has no counterpart for
torch.<path>``.

The script runs as ``python script.py`` would run it: ``__name__ == "__main__"``, ``sys.argv`` is
``[script.py, arguments ...]`` and the script's folder comes first on ``sys.path``.

From Python code, ``with torch_alias(): ...`` gives the same aliasing for a block.
"""

import contextlib
import importlib
import importlib.abc
import importlib.util
import os
import runpy
import sys

ALIASED_NAME = "torch"
TARGET_NAME = "minitorch"
USAGE = "usage: python -m minitorch.run [--compare] script.py [arguments ...]"


def counterpart_name(torch_name):
    """The minitorch module name that stands for a torch module name (``torch.nn`` -> ``minitorch.nn``)."""
    return TARGET_NAME + torch_name[len(ALIASED_NAME) :]


def is_torch_name(name):
    """True for ``torch`` and its submodules (``torch.nn``), false for look-alikes (``torchvision``)."""
    return name == ALIASED_NAME or name.startswith(ALIASED_NAME + ".")


class _ExistingModuleLoader(importlib.abc.Loader):
    """Hands the import system a module that is already loaded, instead of executing a file."""

    def __init__(self, module):
        self.module = module
        self.own_spec = module.__spec__

    def create_module(self, spec):
        """Return the already-imported minitorch module."""
        return self.module

    def exec_module(self, module):
        """Nothing to run; only undo the import system's stamping of the alias spec on the module.

        ``module_from_spec`` always overwrites ``__spec__``; minitorch must keep its own, so that it
        still knows its real name and location (relative imports, pickling, tracebacks).
        """
        module.__spec__ = self.own_spec


class TorchAliasFinder(importlib.abc.MetaPathFinder):
    """An import hook that resolves ``torch`` and ``torch.<path>`` to ``minitorch`` and ``minitorch.<path>``.

    The same module object is registered under both names, so ``torch.nn is minitorch.nn``.
    """

    def find_spec(self, fullname, path=None, target=None):
        """Find the minitorch counterpart of a torch module, or return None for any other name."""
        if not is_torch_name(fullname):
            return None
        target_name = counterpart_name(fullname)
        try:
            module = importlib.import_module(target_name)
        except ModuleNotFoundError as error:
            if error.name != target_name:
                raise  # something minitorch itself imports is missing: show that error as it is
            message = f"minitorch has no counterpart for {fullname}"
            raise ModuleNotFoundError(message, name=fullname) from None
        return importlib.util.spec_from_loader(
            fullname, _ExistingModuleLoader(module), is_package=hasattr(module, "__path__")
        )


def _torch_entries():
    """The ``sys.modules`` entries named ``torch`` or ``torch.<path>``."""
    return {name: module for name, module in sys.modules.items() if is_torch_name(name)}


@contextlib.contextmanager
def torch_alias():
    """Within the block, importing ``torch`` (or a submodule) gives minitorch's module.

    Modules already imported as ``torch...`` (real PyTorch, say) are set aside and restored afterwards.
    """
    saved = _torch_entries()
    for name in saved:
        del sys.modules[name]
    finder = TorchAliasFinder()
    sys.meta_path.insert(0, finder)
    try:
        yield
    finally:
        sys.meta_path.remove(finder)
        for name in _torch_entries():
            del sys.modules[name]
        sys.modules.update(saved)


def run_script(script, arguments=()):
    """Run ``script`` as ``__main__`` with torch aliased to minitorch; return the script's globals."""
    script_folder = os.path.dirname(os.path.abspath(script))
    saved_argv, saved_path = sys.argv[:], sys.path[:]
    sys.argv = [script, *arguments]
    sys.path[0:1] = [script_folder]  # as `python script.py` does: the script's folder replaces ours
    try:
        with torch_alias():
            return runpy.run_path(script, run_name="__main__")
    finally:
        sys.argv, sys.path[:] = saved_argv, saved_path


def main(argv=None):
    """Command-line entry point: ``python -m minitorch.run script.py [arguments ...]``."""
    argv = sys.argv[1:] if argv is None else argv
    if not argv or argv[0] in ("-h", "--help"):
        print(USAGE, file=sys.stderr)
        print(__doc__.split("Usage::")[0].strip(), file=sys.stderr)
        return 0 if argv else 2
    comparing = argv[0] == "--compare"
    script, *arguments = (argv[1:] or [None]) if comparing else argv
    if script is None or not os.path.isfile(script):
        print(USAGE if script is None else f"{USAGE}\nno such script: {script}", file=sys.stderr)
        return 2
    if comparing:
        from .run_compare import compare

        return compare(script, arguments)
    run_script(script, arguments)
    return 0


if __name__ == "__main__":
    sys.exit(main())
