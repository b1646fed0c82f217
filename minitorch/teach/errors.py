"""Errors and warnings shown on purpose: executed, checked, and printed the way a learner sees them.

A notebook never pastes an error message as text. It runs the failing line inside `expect_error`, which
prints the error's last line (``RuntimeError: a leaf Variable ...``) and fails loudly if the line stops
failing, fails differently, or says something else. The same goes for warnings with `expect_warning`.
"""

from __future__ import annotations

import re
import traceback
import warnings


def format_error(error: BaseException) -> str:
    """The last line of a traceback for `error` (plus any notes), as Python prints it: ``Type: message``."""
    return "".join(traceback.format_exception_only(type(error), error)).rstrip("\n")


def format_warning(warning: warnings.WarningMessage) -> str:
    """A caught warning as ``Category: message``, without the file path Python normally puts in front."""
    return f"{warning.category.__name__}: {warning.message}"


def text_matches(text: str, match: str | re.Pattern | None) -> bool:
    """Whether `text` contains `match` (plain text, not a regex), or `re.search`es a compiled pattern."""
    if match is None:
        return True
    if isinstance(match, re.Pattern):
        return match.search(text) is not None
    return match in text


def _describe(match: str | re.Pattern) -> str:
    return f"pattern {match.pattern!r}" if isinstance(match, re.Pattern) else repr(match)


# Lower-case class names, like contextlib.suppress: `with expect_error(...)` reads as a phrase in a cell.
class expect_error:
    """Run a block that must raise `exc_type`; print the error as the learner would see it.

    ``with expect_error(RuntimeError, "a leaf Variable"):
          x.add_(1)``

    prints ``RuntimeError: a leaf Variable that requires grad is being used in an in-place operation.``
    and swallows the error. `match` is a piece of the message (plain text, so brackets and dots need no
    escaping) or a compiled `re.Pattern`. The type must be exactly `exc_type`, not a subclass: the
    printed line names the real type, and minitorch promises the same types as PyTorch.

    Raises AssertionError when the block raises nothing, another type, or a message without `match`.
    After the block, `.error` holds the caught exception (bind it with ``as caught``).
    """

    def __init__(self, exc_type: type[BaseException], match: str | re.Pattern | None = None):
        self.exc_type = exc_type
        self.match = match
        self.error: BaseException | None = None

    def __enter__(self) -> expect_error:
        return self

    def __exit__(self, error_type, error, tb) -> bool:
        expected = self.exc_type.__name__
        if error_type is None:
            raise AssertionError(f"expected {expected} to be raised, but the block ran without an error")
        if error_type is not self.exc_type:
            if not issubclass(error_type, Exception):
                return False  # let KeyboardInterrupt and friends through untouched
            raise AssertionError(f"expected {expected}, but got {format_error(error)}") from error
        if not text_matches(str(error), self.match):
            raise AssertionError(
                f"{expected} was raised, but its message does not contain {_describe(self.match)}:\n"
                f"{format_error(error)}"
            ) from error
        self.error = error
        print(format_error(error))
        return True


class expect_warning:
    """Run a block that must warn with `category`; print every warning it gives as ``Category: message``.

    ``with expect_warning(UserWarning, "is not a leaf Tensor"):
          y.grad``

    Warnings are always shown (even ones Python would show only once) and printed without the file
    path Python adds, so the saved output is the same on every machine. The category must match
    exactly. Raises AssertionError when no warning of that category contains `match`.
    After the block, `.warnings` holds the caught `warnings.WarningMessage` records.
    """

    def __init__(self, category: type[Warning], match: str | re.Pattern | None = None):
        self.category = category
        self.match = match
        self.warnings: list[warnings.WarningMessage] = []
        self._catcher = warnings.catch_warnings(record=True)

    def __enter__(self) -> expect_warning:
        self.warnings = self._catcher.__enter__()
        warnings.simplefilter("always")
        return self

    def __exit__(self, error_type, error, tb) -> bool:
        self._catcher.__exit__(error_type, error, tb)
        if error_type is not None:
            return False  # an error in the block is reported as is
        for warning in self.warnings:
            print(format_warning(warning))
        wanted = [w for w in self.warnings if self._is_wanted(w)]
        if not wanted:
            seen = "\n".join(format_warning(w) for w in self.warnings) or "no warning at all"
            condition = f" containing {_describe(self.match)}" if self.match is not None else ""
            raise AssertionError(f"expected a {self.category.__name__}{condition}, but saw:\n{seen}")
        return False

    def _is_wanted(self, warning: warnings.WarningMessage) -> bool:
        return warning.category is self.category and text_matches(str(warning.message), self.match)
