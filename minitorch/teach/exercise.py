"""Exercises with automatic checks and a ladder of hints.

The learner writes a function (or a class) in an answer cell that starts as a skeleton::

    def snapshot_of(params):
        return ...  # your code here

and runs ``check("02.1")`` in the next cell. The check never reads what the notebook's earlier cells
left behind: it builds fresh inputs, calls the learner's function on them, and compares the result with
values it computes itself. So a wrong first attempt never spoils a right second one, and a cell that
raised can never leave a stale "Correct!" behind.

Outcomes, printed (never a traceback):

- not attempted (the function still returns ``...``, or is not defined): a kind reminder;
- wrong: what exactly is wrong, then the first hint; the second hint after a second wrong attempt;
  after that, a pointer to the collapsed Solutions section at the end of the notebook;
- right: "Correct!".

``check(..., grading=True)`` also raises AssertionError when the answer is not right: that is how the
teachers' edition (nbgrader) takes the points away.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from minitorch.teach._render import ipython_shell, plain_text
from minitorch.teach.errors import format_error

NOT_ATTEMPTED = "not attempted"
WRONG = "wrong"
RIGHT = "right"
SOLUTIONS_POINTER = "The solution is in the Solutions section at the end of the notebook (expand its cell)."


class Mistake(AssertionError):
    """Raised by a check when the answer is wrong; its message names the mistake."""


class NotAttempted(Exception):
    """Raised by a check when the learner's answer is still the skeleton."""


def attempted(value: Any) -> Any:
    """`value` itself, unless it is the skeleton's ``...``: then the exercise has not been attempted."""
    if value is Ellipsis:
        raise NotAttempted
    return value


def call(function: Callable, *args: Any) -> Any:
    """Call the learner's `function` on fresh `args`; its result, checked to be more than the skeleton."""
    if not callable(function):
        raise Mistake(f"`{getattr(function, '__name__', function)!s}` should be a function.")
    return attempted(function(*args))


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check (`NOT_ATTEMPTED`, `WRONG` or `RIGHT`) and the text the learner reads."""

    outcome: str
    feedback: str

    @property
    def passed(self) -> bool:
        """Whether the answer is right."""
        return self.outcome == RIGHT


@dataclass
class Exercise:
    """One exercise: the name the learner defines, a check of it, two hints and the points it is worth.

    `check` receives the learner's object (a function or a class) and raises `Mistake` with a message
    naming the mistake, or `NotAttempted`; it returns None when the answer is right.
    """

    exercise_id: str
    title: str
    answer: str
    check: Callable[[Any], None]
    hints: tuple[str, str]
    points: int = 1
    wrong_attempts: int = field(default=0, compare=False)

    def evaluate(self, namespace: Mapping[str, Any], cell_failed: bool = False) -> CheckResult:
        """Check the learner's answer in `namespace`; never raises for a wrong answer."""
        if self.answer not in namespace:
            return CheckResult(NOT_ATTEMPTED, f"`{self.answer}` is not defined yet: run the cell above first.")
        if cell_failed:
            return self._wrong("the cell above raised an error. Fix it and run it again, then run this check.")
        try:
            self.check(namespace[self.answer])
        except NotAttempted:
            return CheckResult(
                NOT_ATTEMPTED,
                f"Not attempted yet: replace the `...` in `{self.answer}` with your code, run the cell, "
                "then run this check again.",
            )
        except Mistake as mistake:
            return self._wrong(str(mistake))
        except Exception as error:  # the learner's code may fail in any way: report it, do not crash
            return self._wrong(f"running your `{self.answer}` raised {format_error(error)}")
        return CheckResult(RIGHT, f"Correct! {plain_text(self.title)}")

    def _wrong(self, reason: str) -> CheckResult:
        self.wrong_attempts += 1
        lines = [f"Not yet: {reason}", f"Hint: {plain_text(self.hints[0])}"]
        if self.wrong_attempts >= 2:
            lines.append(f"Second hint: {plain_text(self.hints[1])}")
        if self.wrong_attempts >= 3:
            lines.append(SOLUTIONS_POINTER)
        return CheckResult(WRONG, "\n".join(lines))


_REGISTRY: dict[str, Exercise] = {}


def register(*exercises: Exercise) -> None:
    """Make `exercises` known to `check` by their ids."""
    for exercise in exercises:
        _REGISTRY[exercise.exercise_id] = exercise


def exercise(exercise_id: str) -> Exercise:
    """The exercise with this id, such as "02.1" (notebook 02, exercise 1)."""
    from minitorch.teach import lessons

    lessons.load_all()
    if exercise_id not in _REGISTRY:
        raise KeyError(f"no exercise {exercise_id!r}; known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[exercise_id]


def last_cell_failed() -> bool:
    """Whether the cell run just before this one raised (always False outside IPython)."""
    shell = ipython_shell()
    return shell is not None and getattr(shell, "last_execution_succeeded", True) is False


def check(exercise_id: str, namespace: Mapping[str, Any] | None = None, grading: bool = False) -> None:
    """Check exercise `exercise_id` against the caller's variables; print the feedback.

    With `grading`, a wrong or missing answer also raises AssertionError (an autograded cell loses its points).
    """
    if namespace is None:
        namespace = sys._getframe(1).f_globals  # a notebook cell's globals are the notebook's variables
    result = exercise(exercise_id).evaluate(namespace, cell_failed=last_cell_failed())
    print(result.feedback)
    if grading and not result.passed:
        raise AssertionError(result.feedback)
