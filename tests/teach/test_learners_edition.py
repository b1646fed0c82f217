"""The stored notebooks are the learner's edition: no answer to any exercise or quiz before the learner acts."""

import json
import re
from pathlib import Path

import pytest

from minitorch.teach.edition import cells_by_role, role_of, source_of

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("[0-9][0-9]_*.ipynb"))
LESSONS = [path for path in NOTEBOOKS if not path.name.startswith("00_")]
QUIZ_CALL = re.compile(r'^quiz\("(\d\d)\.(\d)"\)\s*$', re.M)


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def code_cells(notebook):
    return [cell for cell in notebook["cells"] if cell["cell_type"] == "code"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_quiz_or_solution_text_appears_in_a_visible_cell(path):
    for cell in code_cells(load(path)):
        if role_of(cell)[1] == "solution":
            continue
        source = source_of(cell)
        for giveaway in ("answer=", "explanation=", "solution=", "BEGIN SOLUTION"):
            assert giveaway not in source, f"{path.name}: a visible cell holds {giveaway!r}:\n{source}"
        for output in cell.get("outputs", []):
            text = json.dumps(output)
            assert "Show the answer" not in text and "Correct!" not in text, f"{path.name}: an output gives it away"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_quizzes_are_called_by_id_and_what_reveals_them_is_collapsed(path):
    cells = code_cells(load(path))
    numbers = []
    for cell in cells:
        match = QUIZ_CALL.search(source_of(cell))
        if match:
            assert match.group(1) == path.name[:2]
            numbers.append(int(match.group(2)))
    assert numbers == list(range(1, len(numbers) + 1)) and numbers, f"{path.name}: quizzes 1, 2, ... in order"
    hidden = [cell for cell in cells if cell["metadata"].get("jupyter", {}).get("outputs_hidden")]
    assert len(hidden) >= len(numbers) - 1, f"{path.name}: collapse the output of each cell that reveals an answer"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_exercises_start_as_skeletons_with_checks_worth_points(path):
    notebook = load(path)
    answers, checks = cells_by_role(notebook, "answer"), cells_by_role(notebook, "check")
    assert 3 <= len(answers) <= 5 and sorted(answers) == sorted(checks)
    for exercise_id, cell in answers.items():
        assert "...  # your code here" in source_of(cell)
        assert cell["metadata"]["nbgrader"]["solution"] is True
        check = checks[exercise_id]
        assert source_of(check) == f'check("{exercise_id}")'
        assert check["metadata"]["nbgrader"]["grade"] is True and check["metadata"]["nbgrader"]["points"] >= 1
        stored = "".join("".join(output.get("text", "")) for output in check.get("outputs", []))
        assert stored.startswith("Not attempted yet"), f"{path.name} {exercise_id}: stored output {stored!r}"


@pytest.mark.parametrize("path", LESSONS, ids=lambda p: p.stem)
def test_solutions_are_collapsed_after_every_exercise(path):
    cells = load(path)["cells"]
    roles = [role_of(cell)[1] for cell in cells]
    last_check = max(index for index, role in enumerate(roles) if role == "check")
    solutions = [index for index, role in enumerate(roles) if role == "solution"]
    assert solutions and min(solutions) > last_check, f"{path.name}: the solutions must come after the exercises"
    for index in solutions:
        assert cells[index]["metadata"]["jupyter"]["source_hidden"] is True
