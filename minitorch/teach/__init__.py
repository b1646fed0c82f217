"""Teaching tools for the notebooks: quizzes, errors shown on purpose, exercises, PyTorch comparisons.

``from minitorch.teach import *`` gives a notebook everything it uses:

- `expect_error` / `expect_warning`: run a line that must fail (or warn); print what the learner would see.
- `quiz`: a predict-then-run multiple-choice question (its text lives in `minitorch.teach.lessons`).
- `check`: check an exercise's answer on fresh inputs; a hint when it is not right yet.
- `compare_with_torch`: run a snippet on PyTorch and on minitorch and show both outputs side by side.
- `myth`: announce one of the 24 myths (M1 ... M24) that the next cells refute.

Importing it in a notebook also leaves minitorch's own frames out of error tracebacks (see `tracebacks`).
"""

from minitorch.teach.compare import compare_with_torch
from minitorch.teach.errors import expect_error, expect_warning
from minitorch.teach.exercise import Exercise, check
from minitorch.teach.myths import MYTH_IDS, myth, myth_ids_in
from minitorch.teach.quiz import quiz
from minitorch.teach.tracebacks import hide_minitorch_frames

hide_minitorch_frames()

__all__ = [
    "MYTH_IDS",
    "Exercise",
    "check",
    "compare_with_torch",
    "expect_error",
    "expect_warning",
    "myth",
    "myth_ids_in",
    "quiz",
]
