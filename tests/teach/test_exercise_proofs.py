"""Every exercise's check, proven: the reference solution (from the notebook's Solutions section) and other
right answers pass; wrong answers fail with feedback that names the mistake; the skeleton the learner starts
from is "not attempted", never a failure or a pass; and a second try after a wrong one starts afresh.
"""

import dataclasses
import json
from pathlib import Path

import pytest

import minitorch
import minitorch.nn.functional as F
from minitorch import nn
from minitorch.teach.edition import cells_by_role, solutions, source_of
from minitorch.teach.exercise import NOT_ATTEMPTED, RIGHT, WRONG, exercise
from tests.teach.answers import RIGHT as RIGHT_ANSWERS
from tests.teach.answers import WRONG as WRONG_ANSWERS

NOTEBOOKS = sorted((Path(__file__).resolve().parents[2] / "notebooks").glob("0[1-7]_*.ipynb"))


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


REFERENCE = {eid: code for path in NOTEBOOKS for eid, code in solutions(load(path)).items()}
SKELETON = {eid: source_of(cell) for path in NOTEBOOKS for eid, cell in cells_by_role(load(path), "answer").items()}
EXERCISE_IDS = sorted(REFERENCE)


def run_answer(exercise_id: str, source: str):
    """Define the learner's answer as a notebook cell would, and check it with a fresh exercise."""
    namespace = {"torch": minitorch, "nn": nn, "F": F, "loss_fn": nn.BCEWithLogitsLoss(), "mse": nn.MSELoss()}
    exec(compile(source, f"<answer {exercise_id}>", "exec"), namespace)
    fresh = dataclasses.replace(exercise(exercise_id), wrong_attempts=0)
    return fresh.evaluate(namespace)


def test_every_exercise_has_a_skeleton_a_check_and_a_solution():
    checks = {eid for path in NOTEBOOKS for eid in cells_by_role(load(path), "check")}
    assert sorted(SKELETON) == sorted(checks) == EXERCISE_IDS
    assert sorted(RIGHT_ANSWERS) == sorted(WRONG_ANSWERS) == EXERCISE_IDS
    for path in NOTEBOOKS:
        count = sum(eid.startswith(path.name[:2] + ".") for eid in EXERCISE_IDS)
        assert 3 <= count <= 5, f"{path.name} has {count} exercises"


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_the_skeleton_is_not_attempted(exercise_id):
    result = run_answer(exercise_id, SKELETON[exercise_id])
    assert result.outcome == NOT_ATTEMPTED, result.feedback
    assert "Not attempted yet" in result.feedback


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_the_reference_solution_passes(exercise_id):
    assert "### BEGIN SOLUTION" in REFERENCE[exercise_id]
    result = run_answer(exercise_id, REFERENCE[exercise_id])
    assert result.outcome == RIGHT, result.feedback


@pytest.mark.parametrize(("exercise_id", "source"), [(e, s) for e in EXERCISE_IDS for s in RIGHT_ANSWERS[e]])
def test_another_right_answer_passes(exercise_id, source):
    result = run_answer(exercise_id, source)
    assert result.outcome == RIGHT, result.feedback


@pytest.mark.parametrize(
    ("exercise_id", "source", "named"), [(e, s, n) for e in EXERCISE_IDS for s, n in WRONG_ANSWERS[e]]
)
def test_a_wrong_answer_fails_and_the_feedback_names_the_mistake(exercise_id, source, named):
    result = run_answer(exercise_id, source)
    assert result.outcome == WRONG
    first_line = result.feedback.splitlines()[0]
    assert named in first_line, result.feedback


@pytest.mark.parametrize("exercise_id", EXERCISE_IDS)
def test_every_exercise_has_at_least_three_wrong_answers(exercise_id):
    assert len(WRONG_ANSWERS[exercise_id]) >= 3


def test_the_hints_climb_a_ladder_and_a_right_answer_still_passes_after_wrong_ones():
    fresh = dataclasses.replace(exercise("02.3"), wrong_attempts=0)
    wrong, _ = WRONG_ANSWERS["02.3"][0]
    feedbacks = []
    for _ in range(3):
        namespace = {"torch": minitorch}
        exec(wrong, namespace)
        feedbacks.append(fresh.evaluate(namespace).feedback)
    assert "Hint:" in feedbacks[0] and "Second hint:" not in feedbacks[0]
    assert "Second hint:" in feedbacks[1] and "Solutions section" not in feedbacks[1]
    assert "Solutions section" in feedbacks[2]
    namespace = {"torch": minitorch}
    exec(REFERENCE["02.3"], namespace)
    assert fresh.evaluate(namespace).outcome == RIGHT


def test_a_check_after_a_cell_that_raised_never_passes():
    namespace = {"torch": minitorch}
    exec(REFERENCE["02.1"], namespace)
    result = exercise("02.1").evaluate(namespace, cell_failed=True)
    assert result.outcome == WRONG and "the cell above raised an error" in result.feedback


def test_an_undefined_answer_is_not_attempted():
    assert exercise("01.1").evaluate({}).outcome == NOT_ATTEMPTED


def test_grading_raises_on_a_wrong_answer_and_prints_the_feedback(capsys):
    from minitorch.teach import check

    namespace = {"torch": minitorch}
    exec(WRONG_ANSWERS["02.1"][0][0], namespace)
    with pytest.raises(AssertionError, match="shares memory"):
        check("02.1", namespace, grading=True)
    exec(REFERENCE["02.1"], namespace)
    check("02.1", namespace, grading=True)
    assert capsys.readouterr().out.splitlines()[-1].startswith("Correct!")
