"""The core's one import rule (docs/architecture.md, "Imports"), checked on the source. Torch-free.

The Tensor <-> ops cycle is handled one way: ``minitorch/tensor.py`` sets ``autograd.node.Tensor`` once the
class exists, and the core reaches the class as ``_node.Tensor`` (``from ..autograd import node as _node``),
never by importing ``minitorch.tensor``. Every other import sits at the top of its module; an import inside
a function is left only where a real cycle forces it, and says so with a ``# cycle: ...`` comment.
"""

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "minitorch"
CYCLE_COMMENT = "# cycle:"


def core_files() -> list[Path]:
    """The core the rule covers: tensor.py, the _tensor_*.py method files, autograd/ and ops/."""
    files = [PACKAGE / "tensor.py", *sorted(PACKAGE.glob("_tensor*.py"))]
    for folder in ("autograd", "ops"):
        files += sorted((PACKAGE / folder).glob("*.py"))
    return files


def _imports_in_functions(tree: ast.AST):
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(function):
                if isinstance(node, (ast.Import, ast.ImportFrom)):
                    yield node


def _imports_tensor_module(node) -> bool:
    """``from ..tensor import Tensor``, ``from minitorch.tensor import ...``, ``import minitorch.tensor``."""
    if isinstance(node, ast.ImportFrom):
        module = node.module or ""
        if node.level and (module == "tensor" or (not module and any(a.name == "tensor" for a in node.names))):
            return True
        return module == "minitorch.tensor" or (module == "minitorch" and any(a.name == "tensor" for a in node.names))
    return isinstance(node, ast.Import) and any(a.name == "minitorch.tensor" for a in node.names)


def _node_alias_other_than_underscore(node) -> bool:
    """``from ..autograd import node as X`` (or ``from . import node``) with X other than ``_node``."""
    if not isinstance(node, ast.ImportFrom):
        return False
    return any(a.name == "node" and (a.asname or a.name) != "_node" for a in node.names)


def violations(source: str, name: str, is_tensor_py: bool = False) -> list[str]:
    """What in ``source`` breaks the rule, one line each (``name:line: what``)."""
    tree = ast.parse(source)
    lines = source.splitlines()
    found = []
    for node in _imports_in_functions(tree):
        text = " ".join(lines[node.lineno - 1:node.end_lineno])
        if CYCLE_COMMENT not in text:
            found.append(f"{name}:{node.lineno}: an import inside a function without a '{CYCLE_COMMENT}' comment")
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Import, ast.ImportFrom)):
            continue
        if not is_tensor_py and _imports_tensor_module(node):
            found.append(f"{name}:{node.lineno}: imports minitorch.tensor (reach the class as _node.Tensor)")
        if _node_alias_other_than_underscore(node):
            found.append(f"{name}:{node.lineno}: autograd.node imported under another name than _node")
    return found


def test_the_core_follows_the_import_rule():
    found = []
    for path in core_files():
        found += violations(path.read_text(), str(path.relative_to(PACKAGE.parent)), path.name == "tensor.py")
    assert not found, "\n".join(found)


def test_the_rule_catches_an_unmarked_import_in_a_function():
    source = "def f():\n    from .shape import view\n    return view\n"
    assert violations(source, "m.py") == ["m.py:2: an import inside a function without a '# cycle:' comment"]


def test_the_rule_accepts_a_marked_import_in_a_function():
    source = "def f():\n    from . import pointwise  # cycle: pointwise imports this module\n    return pointwise\n"
    assert violations(source, "m.py") == []


def test_the_rule_catches_importing_the_tensor_module_even_with_a_comment():
    source = "def f():\n    from ..tensor import Tensor  # cycle: tensor imports ops\n    return Tensor\n"
    assert violations(source, "m.py") == ["m.py:2: imports minitorch.tensor (reach the class as _node.Tensor)"]
    assert violations("from minitorch.tensor import Tensor\n", "m.py") != []


def test_the_rule_catches_a_second_name_for_the_node_module():
    assert violations("from . import node as node_module\n", "m.py") != []
    assert violations("from ..autograd import node as _node\n", "m.py") == []


def test_the_rule_covers_the_core():
    names = {path.relative_to(PACKAGE).as_posix() for path in core_files()}
    assert {"tensor.py", "_tensor_methods.py", "autograd/engine.py", "ops/reshaping.py"} <= names
