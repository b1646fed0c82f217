"""Does notebook 07's transfer result hold for other seeds, not only the printed one?

Runs the notebook's own code cells, up to the from-scratch run of section 4, once per seed offset: every
`torch.manual_seed(n)` in the notebook becomes `torch.manual_seed(offset + n)`, so the split, the first
network, the new network and the shuffling all change together. Prints, for each offset, the validation
accuracy per epoch of the frozen-features network and of the same network trained from scratch, and the
smallest gap between them. Fails (exit status 1) if the frozen network is not ahead at every epoch.

    PYTHONPATH=. .venv/bin/python scripts/check_capstone_seeds.py            # 15 offsets, minitorch
    PYTHONPATH=. .venv/bin/python scripts/check_capstone_seeds.py --torch    # the same with real PyTorch
"""

import argparse
import contextlib
import io
import json
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402

NOTEBOOK = Path(__file__).resolve().parent.parent / "notebooks" / "07_capstone.ipynb"
LAST_CELL = "cell-23b"   # the from-scratch run
WIDGETS = ("explore_model(", "step_backward(")
TORCH_IMPORTS = {"import minitorch as torch": "import torch", "from minitorch import nn": "from torch import nn",
                 "from minitorch.utils.data": "from torch.utils.data"}


def code_cells(offset: int, real_torch: bool) -> list[str]:
    """The notebook's code cells up to LAST_CELL, seeds shifted by `offset`, widgets left out."""
    sources = []
    for cell in json.loads(NOTEBOOK.read_text(encoding="utf-8"))["cells"]:
        source = "".join(cell["source"])
        if cell["cell_type"] == "code" and not any(widget in source for widget in WIDGETS):
            source = source.replace("torch.manual_seed(", f"torch.manual_seed({offset} + ")
            for old, new in TORCH_IMPORTS.items() if real_torch else ():
                source = source.replace(old, new)
            sources.append(source)
        if cell.get("id") == LAST_CELL:
            return sources
    raise SystemExit(f"{NOTEBOOK.name} has no cell {LAST_CELL!r}")


def accuracy_curves(offset: int, real_torch: bool) -> tuple[list[float], list[float]]:
    """Validation accuracy per epoch: frozen features, then from scratch."""
    namespace: dict = {}
    plt.show = lambda *args, **kwargs: plt.close("all")
    with contextlib.redirect_stdout(io.StringIO()):
        for source in code_cells(offset, real_torch):
            with contextlib.suppress(AssertionError):   # a cell's own check, written for the printed seeds
                exec(compile(source, str(NOTEBOOK), "exec"), namespace)
    return (namespace["transfer_curves"]["validation accuracy"],
            namespace["scratch_curves"]["validation accuracy"])


def main() -> int:
    """Print both accuracy curves at each seed offset; 0 when frozen features stay ahead at every epoch."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--offsets", type=int, nargs="+", default=[0, *range(100, 1500, 100)])
    parser.add_argument("--torch", action="store_true", help="run the cells with real PyTorch")
    arguments = parser.parse_args()
    behind = []
    for offset in arguments.offsets:
        frozen, scratch = accuracy_curves(offset, arguments.torch)
        gaps = [f - s for f, s in zip(frozen, scratch)]
        print(f"offset {offset:4d}  frozen {' '.join(f'{a:.0%}' for a in frozen)}\n"
              f"             scratch {' '.join(f'{a:.0%}' for a in scratch)}\n"
              f"             smallest gap {min(gaps):.1%}, at the end {gaps[-1]:.1%}", flush=True)
        if min(gaps) <= 0:
            behind.append(offset)
    print("frozen features ahead at every epoch for every offset" if not behind
          else f"frozen features not ahead at some epoch for offsets {behind}")
    return 1 if behind else 0


if __name__ == "__main__":
    sys.exit(main())
