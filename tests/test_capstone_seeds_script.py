"""scripts/check_capstone_seeds.py reruns notebook 07's own cells: check what it would run (without training)."""

import importlib.util
import re
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "check_capstone_seeds.py"


def load_script():
    spec = importlib.util.spec_from_file_location("check_capstone_seeds", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_seed_is_shifted_and_the_cells_end_with_the_scratch_run():
    script = load_script()
    cells = script.code_cells(300, real_torch=False)
    code = "\n".join(cells)
    assert "torch.manual_seed(300 + " in code and "torch.manual_seed(7)" not in code
    assert "scratch_curves = train_and_validate(" in cells[-1]
    assert not any(widget in code for widget in script.WIDGETS)


def test_the_torch_run_imports_torch_instead_of_minitorch():
    code = "\n".join(load_script().code_cells(0, real_torch=True))
    assert re.search(r"^import torch\b", code, re.M) and "from torch.utils.data import" in code
    assert "import minitorch as torch" not in code
