"""Run one small program with real torch and with minitorch, and say what each did, comparably.

A program is Python source that uses the name ``torch`` and leaves what it wants compared in ``out``.
Its outcome is ``repr(out)`` with memory addresses blanked, or the error's type and text: the tests compare
the two outcomes string for string.
"""

from __future__ import annotations

import re
import warnings

_ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def outcome(library, source: str) -> str:
    """What ``source`` produced with ``library`` bound to ``torch``: the repr of ``out`` or the error."""
    namespace = {"torch": library}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            exec(source, namespace)  # noqa: S102 - the programs are the test's own
    except Exception as error:  # noqa: BLE001 - the error itself is what is compared
        return f"{type(error).__name__}: {error}"
    return _ADDRESS.sub(" at 0x?", repr(namespace.get("out")))


def mismatch(torch, source: str) -> str | None:
    """None when minitorch does what torch does with ``source``, else a readable account of both."""
    import minitorch

    expected, actual = outcome(torch, source), outcome(minitorch, source)
    if expected == actual:
        return None
    return f"program:\n{source}\ntorch:     {expected}\nminitorch: {actual}"
