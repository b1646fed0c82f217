"""Errors a learner causes show the learner's own lines, not minitorch's internals.

PyTorch's autograd runs in C++, so a failing `backward()` in a notebook shows the learner's line and the
message. minitorch runs in Python, and without help the same error would come with a page of frames from
inside minitorch. When `minitorch.teach` is imported in IPython (a notebook's kernel), `hide_minitorch_frames`
asks IPython to leave those frames out of tracebacks. `%xmode Verbose` shows everything again.
"""

from __future__ import annotations

import types
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent.parent


def is_minitorch_frame(frame: types.FrameType) -> bool:
    """True when `frame` runs code from inside the minitorch package."""
    return Path(frame.f_code.co_filename).resolve().is_relative_to(PACKAGE_DIR)


def without_minitorch_frames(tb: types.TracebackType | None) -> types.TracebackType | None:
    """A copy of the traceback chain `tb` without the frames that run inside minitorch."""
    kept = []
    while tb is not None:
        if not is_minitorch_frame(tb.tb_frame):
            kept.append(tb)
        tb = tb.tb_next
    chain = None
    for entry in reversed(kept):
        chain = types.TracebackType(chain, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return chain


def _show_learner_traceback(shell, etype, value, tb, tb_offset=None):
    """IPython custom-exception handler: the traceback without minitorch's frames, unless %xmode Verbose."""
    if getattr(shell.InteractiveTB, "mode", "") != "Verbose":
        tb = without_minitorch_frames(tb) or tb
    shell.showtraceback((etype, value, tb), tb_offset=tb_offset)


def hide_minitorch_frames(shell=None) -> bool:
    """In IPython, leave minitorch's own frames out of the tracebacks of errors; True if it was set up."""
    if shell is None:
        try:
            from IPython import get_ipython
        except ImportError:
            return False
        shell = get_ipython()
    if shell is None:
        return False
    shell.set_custom_exc((Exception,), _show_learner_traceback)
    return True
