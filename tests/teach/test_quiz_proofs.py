"""Every quiz proven: the code it asks about prints what its answer says, on minitorch and on PyTorch."""

import re

import pytest

from minitorch.run import torch_alias
from minitorch.teach import lessons
from minitorch.teach.compare import run_snippet
from minitorch.teach.quiz import _REGISTRY, find_quiz

lessons.load_all()
QUIZ_IDS = sorted(_REGISTRY)


@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
def test_the_quiz_is_a_prediction_with_one_right_answer(quiz_id):
    quiz = find_quiz(quiz_id)
    assert len(quiz.options) >= 3, "a yes/no question can be guessed: offer at least three predictions"
    assert quiz.options.count(quiz.answer) == 1
    assert quiz.code and quiz.prints, "a quiz carries the code it asks about and what that code prints"


@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
def test_minitorch_prints_what_the_answer_says(quiz_id):
    quiz = find_quiz(quiz_id)
    with torch_alias():
        assert run_snippet(quiz.code) == quiz.prints


@pytest.mark.parametrize("quiz_id", QUIZ_IDS)
def test_pytorch_prints_what_the_answer_says(quiz_id, torch):
    quiz = find_quiz(quiz_id)
    assert run_snippet(quiz.code) == quiz.prints


def test_quiz_ids_follow_the_notebooks():
    for quiz_id in QUIZ_IDS:
        assert re.fullmatch(r"0[0-7]\.[1-9]", quiz_id)
