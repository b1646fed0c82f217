"""The teaching tools inside a real Jupyter kernel: what they leave in a notebook, and strict nbval on it.

A small notebook using every tool is executed (as `make notebooks` does), then checked with strict nbval
with PyTorch and with PyTorch hidden, since the stored notebooks must pass both ways.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")

REPO = Path(__file__).resolve().parents[1]
SANITIZE = REPO / "tests" / "nbval_sanitize.cfg"

CELLS = [
    "import minitorch as torch\nfrom minitorch.teach import *",
    'quiz("01.4")',
    'with expect_error(ZeroDivisionError, "division by zero"):\n    1 / 0',
    'import warnings\nwith expect_warning(UserWarning, "careful"):\n    warnings.warn("careful")',
    "def make_h():\n    return ...  # your code here",
    'check("01.1")',
    "def make_h():\n    return (torch.arange(3.0) * 10).requires_grad_()",
    'check("01.1")',
    '# NBVAL_IGNORE_OUTPUT\ncompare_with_torch("import torch\\nprint(6 * 7)")',
    'myth("M7", "A detached tensor never gets a gradient")',
]


def kernel_env(hide_torch_in: Path | None = None) -> dict:
    """The environment for a kernel: minitorch importable, stable cell names, optionally no torch."""
    paths = [str(REPO)] + ([str(hide_torch_in)] if hide_torch_in else [])
    env = dict(os.environ, IPYKERNEL_CELL_NAME="<IPY-INPUT>")
    env["PYTHONPATH"] = os.pathsep.join(paths + [env.get("PYTHONPATH", "")])
    return env


@pytest.fixture(scope="module")
def torch_hider(tmp_path_factory) -> Path:
    """A folder that, put first on PYTHONPATH, makes `import torch` fail as on a machine without it."""
    folder = tmp_path_factory.mktemp("no_torch")
    (folder / "torch").mkdir()
    hider = "raise ModuleNotFoundError(\"No module named 'torch'\", name='torch')\n"
    (folder / "torch" / "__init__.py").write_text(hider)
    return folder


@pytest.fixture(scope="module")
def executed(tmp_path_factory) -> Path:
    """The small notebook, executed with its outputs stored."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in CELLS])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    folder = tmp_path_factory.mktemp("notebook")
    client = nbclient.NotebookClient(notebook, timeout=60, resources={"metadata": {"path": str(folder)}})
    client.execute(env=kernel_env())
    path = folder / "teach.ipynb"
    nbformat.write(notebook, path)
    return path


def run_nbval(paths: list[Path], env: dict) -> dict[str, str]:
    """Strict nbval, as `make test` runs it, in a separate pytest process: {"<name> Cell <n>": outcome}."""
    command = [sys.executable, "-m", "pytest", "--nbval", "--nbval-current-env", "-p", "no:cacheprovider", "-v"]
    command += ["--nbval-sanitize-with", str(SANITIZE), "--rootdir", str(paths[0].parent)]
    result = subprocess.run(command + [str(p) for p in paths], env=env, capture_output=True, text=True, timeout=180)
    outcomes = {}
    for line in result.stdout.splitlines():
        # e.g. "teach::ipynb::Cell 6 PASSED    [ 70%]"
        name, _, rest = line.partition("::ipynb::")
        if rest:
            cell, _, outcome = rest.partition(" ")[2].partition(" ")
            outcomes[f"{Path(name).name} Cell {cell}"] = outcome.split()[0]
    assert outcomes, result.stdout + result.stderr
    outcomes["output"] = result.stdout
    return outcomes


def outputs_of(path: Path, index: int) -> list:
    return nbformat.read(path, as_version=4).cells[index].outputs


def test_quiz_leaves_a_static_rendering_and_a_widget_with_a_fixed_text(executed):
    static, widget = outputs_of(executed, 1)
    assert static.output_type == widget.output_type == "display_data"
    assert static.data["text/plain"].startswith("Quiz: `k = torch.tensor([1., 2.], requires_grad=True)`.")
    assert static.data["text/plain"].endswith("  B. `tensor([6., 12.])`\n  C. A `RuntimeError` on the second call")
    assert "Each backward adds" not in static.data["text/html"]  # the explanation waits for a pick
    assert widget.data["text/plain"] == "(Pick an answer with the buttons when the notebook runs in Jupyter.)"
    assert "model_id" in widget.data["application/vnd.jupyter.widget-view+json"]


def test_errors_warnings_and_checks_print_plain_lines(executed):
    assert [output.text for output in outputs_of(executed, 2)] == ["ZeroDivisionError: division by zero\n"]
    assert [output.text for output in outputs_of(executed, 3)] == ["UserWarning: careful\n"]
    assert outputs_of(executed, 5)[0].text.startswith("Not attempted yet: replace the `...` in `make_h`")
    assert [output.text for output in outputs_of(executed, 7)] == [
        "Correct! 1. A leaf `h` that requires grad and holds `torch.arange(3.0) * 10`\n"]
    myth_output = outputs_of(executed, 9)[0]
    assert myth_output.data["text/plain"] == "Myth M7: A detached tensor never gets a gradient"


@pytest.fixture(scope="module")
def without_torch(executed, torch_hider) -> dict[str, str]:
    """Strict nbval with torch hidden, on the executed notebook and on a copy whose exercise now fails."""
    notebook = nbformat.read(executed, as_version=4)
    notebook.cells[6].source = "def make_h():\n    return torch.arange(3.0) * 10"  # the stored check says "Correct!"
    broken = executed.parent / "broken.ipynb"
    nbformat.write(notebook, broken)
    return run_nbval([executed, broken], kernel_env(hide_torch_in=torch_hider))


def test_strict_nbval_passes_without_torch(without_torch):
    outcomes = [without_torch[f"teach Cell {index}"] for index in range(len(CELLS))]
    assert outcomes == ["PASSED"] * len(CELLS), without_torch["output"][-3000:]


def test_strict_nbval_fails_when_an_exercise_check_stops_passing(without_torch):
    assert without_torch["broken Cell 7"] == "FAILED"
    assert [without_torch[f"broken Cell {index}"] for index in (5, 6, 8, 9)] == ["PASSED"] * 4
    assert "Not yet: `h` does not require grad" in without_torch["output"]


@pytest.mark.parity
def test_strict_nbval_passes_with_torch(executed, torch):
    outcomes = run_nbval([executed], kernel_env())
    results = [outcomes[f"teach Cell {index}"] for index in range(len(CELLS))]
    assert results == ["PASSED"] * len(CELLS), outcomes["output"][-3000:]


def test_a_check_after_a_cell_that_raised_says_so_in_a_real_kernel(tmp_path):
    cells = [
        "import minitorch as torch\nfrom minitorch.teach import check",
        "def make_h():\n    return (torch.arange(3.0) * 10).requires_grad_()",
        'check("01.1")',
        "def make_h():\n    return torch.arange(3.0) * 10\nraise ValueError('a typo')",
        'check("01.1")',
    ]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(source) for source in cells])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    client = nbclient.NotebookClient(notebook, timeout=60, allow_errors=True,
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute(env=kernel_env())
    assert notebook.cells[2].outputs[0].text.startswith("Correct!")
    assert notebook.cells[4].outputs[0].text.startswith("Not yet: the cell above raised an error.")
