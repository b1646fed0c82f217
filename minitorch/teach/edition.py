"""The two editions of the series: the learner's (the stored notebooks) and the teachers' (nbgrader source).

The stored notebooks are the only copy. In them, each exercise has three cells, told apart by their
metadata ``{"minitorch": {"exercise": "02.1", "role": ...}}``:

- ``answer``: the skeleton the learner completes (``return ...  # your code here``), an nbgrader
  solution cell;
- ``check``: ``check("02.1")``, an nbgrader autograded test cell worth the exercise's points;
- ``solution``: in the collapsed Solutions section at the end, the reference solution, its code between
  nbgrader's ``### BEGIN SOLUTION`` and ``### END SOLUTION`` markers.

`teachers_edition` turns a learner's notebook into nbgrader's source: each answer cell takes its
solution's code, each check cell grades (``check("02.1", grading=True)`` raises when the answer is
wrong, so nbgrader takes the points away), and the Solutions section is dropped. Then
``nbgrader generate_assignment`` makes the student version and ``nbgrader autograde`` grades it.

``python -m minitorch.teach.edition COURSE_DIR`` writes the whole series as one nbgrader assignment,
``COURSE_DIR/source/minitorch/NN_name.ipynb``.
"""

from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

ASSIGNMENT = "minitorch"
NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
SOLUTIONS_HEADING = "## Solutions"


def role_of(cell: dict) -> tuple[str | None, str | None]:
    """(exercise id, role) of a cell, or (None, None) for a cell that belongs to no exercise."""
    tag = cell.get("metadata", {}).get("minitorch", {})
    return tag.get("exercise"), tag.get("role")


def source_of(cell: dict) -> str:
    """A cell's source as one string."""
    source = cell.get("source", "")
    return "".join(source) if isinstance(source, list) else source


def cells_by_role(notebook: dict, role: str) -> dict[str, dict]:
    """Exercise id -> the notebook's cell with that `role` ("answer", "check" or "solution")."""
    found = {}
    for cell in notebook["cells"]:
        exercise_id, cell_role = role_of(cell)
        if cell_role == role:
            found[exercise_id] = cell
    return found


def solutions(notebook: dict) -> dict[str, str]:
    """Exercise id -> the reference solution's code, nbgrader markers included."""
    return {exercise_id: source_of(cell) for exercise_id, cell in cells_by_role(notebook, "solution").items()}


def is_solutions_section(cell: dict) -> bool:
    """Whether a cell belongs to the Solutions section (its heading or a solution)."""
    return role_of(cell)[1] == "solution" or source_of(cell).strip().startswith(SOLUTIONS_HEADING)


def teachers_edition(notebook: dict) -> dict:
    """nbgrader's source version of a learner's notebook: solutions in place, grading checks, no outputs."""
    result = copy.deepcopy(notebook)
    reference = solutions(notebook)
    kept = []
    for cell in result["cells"]:
        if is_solutions_section(cell):
            continue
        exercise_id, role = role_of(cell)
        if role == "answer":
            cell["source"] = reference[exercise_id]
        elif role == "check":
            cell["source"] = f'check("{exercise_id}", grading=True)'
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
        kept.append(cell)
    result["cells"] = kept
    return result


def write_course(course_dir: Path, notebooks: Path = NOTEBOOKS) -> list[Path]:
    """Write every notebook's teachers' edition into an nbgrader course; return the written paths."""
    folder = Path(course_dir) / "source" / ASSIGNMENT
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for path in sorted(notebooks.glob("[0-9][0-9]_*.ipynb")):
        notebook = json.loads(path.read_text(encoding="utf-8"))
        target = folder / path.name
        target.write_text(json.dumps(teachers_edition(notebook), indent=1, ensure_ascii=False) + "\n")
        written.append(target)
    return written


def main(argv: list[str]) -> int:
    """Command line: write the teachers' edition into the nbgrader course folder given."""
    if len(argv) != 1:
        print("usage: python -m minitorch.teach.edition COURSE_DIR", file=sys.stderr)
        return 2
    for path in write_course(Path(argv[0])):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
