"""The notebook series as a whole: the template's parts, the 24 myths, stored outputs that can be trusted."""

import json
import re
from pathlib import Path

import pytest

from minitorch.teach import MYTH_IDS, myth_ids_in

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LESSONS = [p for p in NOTEBOOKS if not p.name.startswith("00_")]


def cells(path, kind=None):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return [c for c in notebook["cells"] if kind is None or c["cell_type"] == kind]


def text(cell) -> str:
    source = cell["source"]
    return "".join(source) if isinstance(source, list) else source


def test_the_series_has_all_eight_notebooks():
    names = [p.stem for p in NOTEBOOKS]
    assert names == ["00_start_here", "01_requires_grad", "02_detach", "03_clone_vs_copy",
                     "04_parameter_and_conv2d", "05_sigmoid_backward", "06_no_grad_and_freezing", "07_capstone"]


def test_every_myth_is_refuted_somewhere_in_the_series():
    covered = {myth for path in NOTEBOOKS for myth in myth_ids_in(path)}
    assert sorted(set(MYTH_IDS) - covered, key=lambda m: int(m[1:])) == []


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_lesson_follows_the_template(path):
    markdown = "\n".join(text(c) for c in cells(path, "markdown")).lower()
    for part in ("you will learn", "exercises", "check with real pytorch", "summary"):
        assert part in markdown, f"{path.name} has no '{part}' section"
    code = "\n".join(text(c) for c in cells(path, "code"))
    for helper in ("draw_graph", "quiz(", "check(", "compare_with_torch("):
        assert helper in code, f"{path.name} never uses {helper}"
    widgets = ("explore(", "explore_choices(", "step_backward(", "ipywidgets")
    assert any(w in code for w in widgets), f"{path.name} has no widget"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_outputs_come_from_one_clean_run(path):
    counts = [c.get("execution_count") for c in cells(path, "code")]
    assert counts == list(range(1, len(counts) + 1)), f"{path.name}: re-execute it top to bottom (make notebooks)"
    errors = [o for c in cells(path, "code") for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == [], f"{path.name} stores an error output: show errors with expect_error instead"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_torch_comparisons_are_checked_inside_the_cell(path):
    """compare_with_torch prints torch's output only where torch is installed, so nbval must not compare it."""
    for cell in cells(path, "code"):
        source = text(cell)
        if re.search(r"^\s*compare_with_torch\(", source, re.M):
            # nbval honours the marker only alone on its line
            assert re.search(r"^\s*#\s*NBVAL_IGNORE_OUTPUT\s*$", source, re.M), (
                f"{path.name}: mark the comparison cell with a line '# NBVAL_IGNORE_OUTPUT'")


def test_start_here_and_readme_link_every_notebook():
    start = "\n".join(text(c) for c in cells(NOTEBOOKS[0], "markdown"))
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in LESSONS:
        assert path.name in start, f"00_start_here.ipynb does not link {path.name}"
        assert path.stem in readme, f"README.md does not list {path.stem}"
