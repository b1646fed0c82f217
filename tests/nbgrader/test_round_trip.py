"""The teachers' edition, graded by nbgrader: what a teacher on JupyterHub would do with the series.

In a temporary course: write nbgrader's source from the stored notebooks (`minitorch.teach.edition`),
`nbgrader generate_assignment`, then `nbgrader autograde` three submissions: the reference solutions
(full points), the released notebooks untouched (zero), and notebook 02 with the `.data` answer to its
exercise 3 (that exercise's points lost, the others kept). Marked `teach`: it skips without nbgrader
(the `teach` extra) and must run where MINITORCH_REQUIRE_TEACH is set, as in CI.
"""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from minitorch.teach.edition import ASSIGNMENT, cells_by_role, write_course

pytest.importorskip("nbgrader", reason="could not import 'nbgrader': pip install nbgrader==0.9.6 (the teach extra)")

pytestmark = pytest.mark.teach
REPO = Path(__file__).resolve().parents[2]
DATA_ROUTE = "def capped_copy(out):\n    capped = out.data\n    capped.clamp_(max=0.8)\n    return capped\n"


def nbgrader(course: Path, *arguments: str) -> None:
    """Run one nbgrader command in `course`, with this interpreter's tools and this minitorch."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(REPO), os.environ.get("PYTHONPATH", "")]))
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")])
    command = [sys.executable, "-m", "nbgrader", *arguments, "--course-dir", str(course)]
    result = subprocess.run(command, cwd=course, env=env, capture_output=True, text=True, timeout=1500)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]


def submit(course: Path, student: str, notebooks: dict[str, dict]) -> None:
    folder = course / "submitted" / student / ASSIGNMENT
    folder.mkdir(parents=True)
    for name, notebook in notebooks.items():
        (folder / name).write_text(json.dumps(notebook))


def read(folder: Path) -> dict[str, dict]:
    return {path.name: json.loads(path.read_text()) for path in sorted(folder.glob("*.ipynb"))}


def scores(course: Path) -> dict[str, dict[str, float]]:
    """student -> {grade id: score} for every autograded check."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        result = {}
        for student in ("reference", "empty", "wrong"):
            submission = gradebook.find_submission(ASSIGNMENT, student)
            result[student] = {grade.name: grade.score for notebook in submission.notebooks
                               for grade in notebook.grades}
        return result


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    (course / "nbgrader_config.py").write_text(f'c = get_config()\nc.CourseDirectory.course_id = "{ASSIGNMENT}"\n')
    write_course(course)
    nbgrader(course, "generate_assignment", ASSIGNMENT)
    source, release = read(course / "source" / ASSIGNMENT), read(course / "release" / ASSIGNMENT)
    lessons = {name: notebook for name, notebook in source.items() if not name.startswith("00_")}
    submit(course, "reference", lessons)
    submit(course, "empty", {name: release[name] for name in lessons})
    wrong = json.loads(json.dumps(source["02_detach.ipynb"]))
    cells_by_role(wrong, "answer")["02.3"]["source"] = DATA_ROUTE
    submit(course, "wrong", {"02_detach.ipynb": wrong})
    nbgrader(course, "autograde", ASSIGNMENT)
    yield scores(course), source
    shutil.rmtree(course, ignore_errors=True)


def points_of(source: dict[str, dict]) -> dict[str, float]:
    """grade id -> points of every autograded check in the teachers' edition."""
    return {cell["metadata"]["nbgrader"]["grade_id"]: cell["metadata"]["nbgrader"]["points"]
            for notebook in source.values() for cell in notebook["cells"]
            if cell["metadata"].get("nbgrader", {}).get("grade")}


def test_the_reference_solutions_score_full_points(graded):
    result, source = graded
    assert len(points_of(source)) >= 28
    assert result["reference"] == points_of(source)


def test_the_learners_edition_as_released_scores_zero(graded):
    result, source = graded
    assert set(result["empty"]) == set(points_of(source))
    assert set(result["empty"].values()) == {0}


def test_a_known_wrong_answer_loses_that_exercises_points_only(graded):
    result, source = graded
    expected = {grade_id: points for grade_id, points in points_of(source).items() if grade_id.startswith("check-02-")}
    expected["check-02-3"] = 0
    assert {grade_id: result["wrong"][grade_id] for grade_id in expected} == expected
