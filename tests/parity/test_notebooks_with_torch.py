"""Every notebook, run with real PyTorch in place of minitorch, prints what its stored outputs show.

Each notebook is copied with its imports switched (``import minitorch as torch`` becomes ``import torch``,
and so on for ``nn``, ``nn.functional`` and ``utils.data``; the diagrams and widgets of ``minitorch.viz``
and ``minitorch.teach`` stay, as they read torch's objects too), then strict nbval compares every cell's
output with the output stored from minitorch. The cells listed in DIFFERS_ON_PURPOSE show something only minitorch
can (its own source code: torch's methods are compiled, so ``inspect.getsource`` raises), and are told so.
"""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SWITCHED_IMPORTS = [
    (r"^(\s*)import minitorch as torch\b", r"\1import torch"),
    (r"^(\s*)from minitorch import nn\b", r"\1from torch import nn"),
    (r"^(\s*)import minitorch\.nn\.functional as F\b", r"\1import torch.nn.functional as F"),
    (r"^(\s*)from minitorch\.utils\.data import", r"\1from torch.utils.data import"),
]
# (notebook, cell id): why torch prints something else there.
DIFFERS_ON_PURPOSE = {
    ("02_detach", "dt-028-source"): "prints minitorch's own source of detach() and .data",
}


def with_torch(notebook: Path, target: Path) -> int:
    """Write ``notebook`` to ``target`` with torch's imports; return how many import lines were switched."""
    content = json.loads(notebook.read_text())
    switched = 0
    for cell in content["cells"]:
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        for pattern, replacement in SWITCHED_IMPORTS:
            source, count = re.subn(pattern, replacement, source, flags=re.M)
            switched += count
        cell["source"] = source
        if (notebook.stem, cell.get("id")) in DIFFERS_ON_PURPOSE:
            cell.setdefault("metadata", {}).setdefault("tags", []).extend(["nbval-ignore-output", "raises-exception"])
    target.write_text(json.dumps(content, indent=1))
    return switched


@pytest.mark.parity
@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[n.stem for n in NOTEBOOKS])
def test_notebook_prints_the_same_with_real_torch(torch, notebook, tmp_path):
    shutil.copytree(ROOT / "assets", tmp_path / "assets")
    (tmp_path / "notebooks").mkdir()
    copy = tmp_path / "notebooks" / notebook.name
    assert with_torch(notebook, copy) >= 1, f"{notebook.name} imports minitorch as torch nowhere"
    (tmp_path / "pytest.ini").write_text("[pytest]\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-c", str(tmp_path / "pytest.ini"),
         "--nbval", "--nbval-current-env", "--nbval-sanitize-with", str(ROOT / "tests" / "nbval_sanitize.cfg"),
         "--nbval-cell-timeout", "120", str(copy)],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, f"{notebook.name} prints otherwise with torch:\n{run.stdout[-6000:]}"
