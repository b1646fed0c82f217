"""Anomaly mode's "Traceback of forward call" lists the same frames as torch's, when the program runs under
``python -m`` too (torch keeps the ``<frozen runpy>`` frames: so does minitorch)."""

import os
import re
import subprocess
import sys

from snippet_tools import REPO_ROOT

PROGRAM = """
import warnings
import {library} as torch

warnings.simplefilter("always")
a = torch.tensor([1., 2.], requires_grad=True)
with warnings.catch_warnings(record=True) as seen, torch.autograd.detect_anomaly():
    out = a.sigmoid()
    out.detach().zero_()
    try:
        out.sum().backward()
    except RuntimeError:
        pass
print([str(w.message) for w in seen if "Error detected" in str(w.message)][0])
"""


def forward_traceback(tmp_path, library: str) -> list[str]:
    """The frames (file, line, function) of the anomaly warning, for the program run as `python -m`."""
    folder = tmp_path / library
    folder.mkdir()
    (folder / "anomaly_program.py").write_text(PROGRAM.format(library=library))
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO_ROOT), str(folder)]))
    result = subprocess.run([sys.executable, "-m", "anomaly_program"], cwd=folder, env=env,
                            capture_output=True, text=True, check=True)
    frames = re.findall(r'File "([^"]*)", line (\d+), in (\S+)', result.stdout)
    return [(os.path.basename(file), line, function) for file, line, function in frames]


def test_anomaly_traceback_lists_torchs_frames(torch, tmp_path):
    frames = forward_traceback(tmp_path, "minitorch")
    assert frames == forward_traceback(tmp_path, "torch")
    assert frames[0][0] == "<frozen runpy>" and frames[-1][2] == "<module>"
