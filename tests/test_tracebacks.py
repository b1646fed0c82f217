"""A learner's error in a notebook shows the learner's line, not minitorch's frames (unless %xmode Verbose)."""

import subprocess
import sys

import pytest

import minitorch as torch
from minitorch.teach.tracebacks import hide_minitorch_frames, is_minitorch_frame, without_minitorch_frames

BROKEN_BACKWARD = "x = torch.ones(2, requires_grad=True)\ny = x.sigmoid()\ny.mul_(2)\ny.sum().backward()"


def _raised_traceback():
    x = torch.ones(2, requires_grad=True)
    y = x.sigmoid()
    y.mul_(2)
    try:
        y.sum().backward()
    except RuntimeError:
        return sys.exc_info()[2]
    raise AssertionError("backward did not raise")


def _frames(tb):
    while tb is not None:
        yield tb.tb_frame
        tb = tb.tb_next


def test_the_filtered_traceback_keeps_only_the_callers_frames():
    tb = _raised_traceback()
    assert any(is_minitorch_frame(frame) for frame in _frames(tb)), "the error comes from inside minitorch"
    kept = list(_frames(without_minitorch_frames(tb)))
    assert [frame.f_code.co_name for frame in kept] == ["_raised_traceback"]


@pytest.fixture
def shell():
    interactive = pytest.importorskip("IPython.core.interactiveshell")
    shell = interactive.InteractiveShell.instance()
    shell.run_cell("%colors nocolor")
    shell.run_cell("import minitorch as torch")
    yield shell
    shell.set_custom_exc((), None)
    shell.run_cell("%xmode Context")


def test_ipython_shows_the_learners_line_and_the_message_only(shell, capsys):
    assert hide_minitorch_frames(shell)
    shell.run_cell(BROKEN_BACKWARD)
    shown = capsys.readouterr().out
    assert "----> 4 y.sum().backward()" in shown
    assert "modified by an inplace operation" in shown
    assert "minitorch" not in shown.replace("import minitorch", "")


def test_xmode_verbose_still_shows_every_frame(shell, capsys):
    assert hide_minitorch_frames(shell)
    shell.run_cell("%xmode Verbose")
    capsys.readouterr()
    shell.run_cell(BROKEN_BACKWARD)
    shown = capsys.readouterr().out
    assert "minitorch/autograd" in shown and "modified by an inplace operation" in shown


def test_outside_ipython_nothing_is_changed():
    code = "from minitorch.teach.tracebacks import hide_minitorch_frames; print(hide_minitorch_frames())"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout == "False\n"
