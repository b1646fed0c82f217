"""A version moves on in one place: ``changed_in_place`` in ``minitorch/ops/inplace.py`` (which ``write_values``,
the one helper for in-place writes, calls). Checked on the source, as the import rule is. The one other write
of a version, a fresh gradient's recorded count (``autograd/hooks.as_tensor``), is checked to be the only one."""

import ast
import pathlib

import minitorch

PACKAGE = pathlib.Path(minitorch.__file__).parent


def bump_calls():
    """(file, function) of every ``<something>.bump()`` call in minitorch."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text())
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for node in ast.walk(function):
                if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "bump":
                    found.append((path.relative_to(PACKAGE).as_posix(), function.name))
    return found


def version_assignments():
    """(file, function) of every assignment to ``<something>.value`` of a version counter in minitorch."""
    found = []
    for path in PACKAGE.rglob("*.py"):
        for function in ast.walk(ast.parse(path.read_text())):
            if isinstance(function, ast.FunctionDef):
                for node in ast.walk(function):
                    targets = node.targets if isinstance(node, ast.Assign) else []
                    if any(isinstance(t, ast.Attribute) and t.attr == "value" and "_version_counter" in ast.unparse(t)
                           for t in targets):
                        found.append((path.relative_to(PACKAGE).as_posix(), function.name))
    return found


def test_a_fresh_gradient_is_the_only_counter_set_directly():
    """Only ``as_tensor`` sets a counter: the writes torch's formula made into a gradient it hands out."""
    assert version_assignments() == [("autograd/hooks.py", "as_tensor")]


def test_only_changed_in_place_bumps_a_version():
    """Every other in-place change goes through ``write_values`` or ``changed_in_place``."""
    assert bump_calls() == [("ops/inplace.py", "changed_in_place")]


def test_write_values_counts_one_change_and_writes_a_region():
    """Hand-checked: a full write and a region write each count once; a view shares the count."""
    from minitorch.ops.inplace import write_values

    x = minitorch.zeros(4)
    view = x[1:]
    write_values(x, 1.0)
    write_values(x, 5.0, index=(slice(0, 2),))
    assert x.tolist() == [5.0, 5.0, 1.0, 1.0]
    assert (x._version, view._version) == (2, 2)
