"""Run one small program with real torch and with minitorch, and say what each did, comparably.

A program is Python source that uses the name ``torch`` and leaves what it wants compared in ``out``.
Its outcome is ``repr(out)`` with memory addresses blanked, or the error's type and text: the tests compare
the two outcomes string for string.
"""

from __future__ import annotations

import re
import warnings

_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def graph(tensor_or_node, depth: int = 6):
    """The backward graph below a tensor (or node) as nested ``(name, [children])``, names as torch prints them."""
    node = getattr(tensor_or_node, "grad_fn", tensor_or_node)
    if node is None or depth == 0:
        return None
    return (node.name(), [graph(child, depth - 1) for child, _ in node.next_functions])


def outcome(library, source: str) -> str:
    """What ``source`` produced with ``library`` bound to ``torch``: the repr of ``out`` or the error.

    The program may call ``graph(t)`` to describe the backward graph below ``t``.
    """
    namespace = {"torch": library, "graph": graph}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(source, namespace)  # noqa: S102 - the programs are the test's own
    except Exception as error:  # noqa: BLE001 - the error itself is what is compared
        return f"{type(error).__name__}: {error}"
    return _ADDRESS.sub(" at 0x?", repr(namespace.get("out")))


def error_of(library, program):
    """The error ``program(library)`` raises, as (type name, text), or None when it raises none."""
    try:
        program(library)
    except Exception as error:  # noqa: BLE001 - the error itself is what is compared
        return type(error).__name__, str(error)
    return None


def mismatch(torch, source: str) -> str | None:
    """None when minitorch does what torch does with ``source``, else a readable account of both."""
    import minitorch

    expected, actual = outcome(torch, source), outcome(minitorch, source)
    if expected == actual:
        return None
    return f"program:\n{source}\ntorch:     {expected}\nminitorch: {actual}"
