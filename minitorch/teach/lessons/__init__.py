"""The questions and exercises of each notebook, one module per notebook (lesson00 ... lesson07).

A notebook cell only names them, ``quiz("02.1")`` or ``check("02.1")``, so opening the notebook shows no
answer. Each module defines ``QUIZZES`` (id -> `Quiz`) and ``EXERCISES`` (a tuple of `Exercise`).
"""

from __future__ import annotations

import importlib

LESSONS = tuple(f"lesson{number:02d}" for number in range(8))
_loaded = False


def load_all() -> None:
    """Import every lesson module once and register its quizzes and exercises."""
    global _loaded
    if _loaded:
        return
    from minitorch.teach.exercise import register as register_exercises
    from minitorch.teach.quiz import register as register_quizzes

    for name in LESSONS:
        module = importlib.import_module(f"minitorch.teach.lessons.{name}")
        register_quizzes(**module.QUIZZES)
        register_exercises(*module.EXERCISES)
    _loaded = True
