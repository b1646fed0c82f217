"""Exercises with automatic checks and hints.

In a notebook::

    ex1 = Exercise(
        "1. Make y a leaf that requires grad",
        check=lambda ns: ns["y"].is_leaf and ns["y"].requires_grad,
        hint="`detach()` gives a tensor without history; `requires_grad_()` turns tracking on.",
        solution="y = x.detach().requires_grad_()",
    )

The learner writes code in the next cell; the cell after that runs ``ex1.check()``, which prints
"Correct!" or a hint, never a traceback. The saved notebook holds a working solution, so nbval sees
"Correct!" and fails if the check stops passing. ``show_solutions(ex1, ex2)`` at the end of the notebook
lists the solutions, each collapsed.
"""

from __future__ import annotations

import html
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from minitorch.teach._render import Rendered, plain_text, rich_html, show
from minitorch.teach.errors import format_error

Check = Callable[[Mapping[str, Any]], Any]


@dataclass(frozen=True)
class CheckResult:
    """The outcome of one check: whether it passed and the text the learner reads."""

    passed: bool
    feedback: str


class Exercise:
    """One exercise: a title, a check on the notebook's variables, a hint and a solution.

    `check` receives the namespace (a mapping of variable names to values). It passes when it returns
    a true value or None, and fails when it returns a false value (other than None) or raises. An
    ``AssertionError`` message is shown to the learner as targeted feedback, so a check can say what
    exactly is still wrong::

        def check_y(ns):
            assert ns["y"].is_leaf, "y still has a grad_fn: it is not a leaf yet."
            assert ns["y"].requires_grad, "y is a leaf now, but it does not require grad."
    """

    def __init__(self, title: str, check: Check, hint: str, solution: str):
        self.title = title
        self.hint = hint
        self.solution = solution
        self._check = check

    def __repr__(self) -> str:
        return f"Exercise({self.title!r})"

    def evaluate(self, namespace: Mapping[str, Any]) -> CheckResult:
        """Run the check on `namespace` and describe the outcome; never raises for a failing check."""
        try:
            outcome = self._check(namespace)
        except AssertionError as failure:
            return self._failed(str(failure))
        except (KeyError, NameError) as missing:
            name = getattr(missing, "name", None)  # NameError knows the missing name; KeyError has it in args
            if isinstance(missing, KeyError) and missing.args:
                name = missing.args[0]
            reason = f"`{name}` is not defined yet." if isinstance(name, str) else format_error(missing)
            return self._failed(reason)
        except Exception as error:  # the learner's objects may fail in any way; report, don't crash
            return self._failed(f"the check stopped at {format_error(error)}")
        if outcome is not None and not outcome:
            return self._failed("")
        return CheckResult(True, f"Correct! {plain_text(self.title)}")

    def check(self, namespace: Mapping[str, Any] | None = None) -> None:
        """Print "Correct!" or the hint. Without `namespace`, checks the caller's global variables."""
        if namespace is None:
            namespace = sys._getframe(1).f_globals  # a notebook cell's globals are the notebook's variables
        print(self.evaluate(namespace).feedback)

    def _failed(self, reason: str) -> CheckResult:
        lines = [f"Not yet: {reason}" if reason else "Not yet."]
        lines.append(f"Hint: {plain_text(self.hint)}")
        return CheckResult(False, "\n".join(lines))


def render_solutions(*exercises: Exercise) -> Rendered:
    """The solutions of `exercises`: each collapsed in a ``<details>`` (HTML), or in sequence (text)."""
    text_parts, html_parts = [], []
    for exercise in exercises:
        code = exercise.solution.strip("\n")
        text_parts.append(f"Solution to {plain_text(exercise.title)}:\n" + _indent(code))
        html_parts.append(
            f"<details><summary>Solution to {rich_html(exercise.title)}</summary>\n"
            f"<pre>{html.escape(code)}</pre>\n</details>"
        )
    markup = '<div class="minitorch-solutions">\n' + "\n".join(html_parts) + "\n</div>"
    return Rendered("\n\n".join(text_parts), markup)


def show_solutions(*exercises: Exercise) -> None:
    """Show the solutions of `exercises`, collapsed, for the end of a notebook."""
    show(render_solutions(*exercises))


def _indent(code: str) -> str:
    return "\n".join("    " + line if line else line for line in code.splitlines())
