"""Tests of minitorch.teach: errors shown on purpose, quizzes, exercises and myths (no browser, no kernel)."""

import json
import re
import warnings

import pytest

from minitorch.teach import MYTH_IDS, Exercise, expect_error, expect_warning, myth, myth_ids_in, quiz
from minitorch.teach.errors import format_error
from minitorch.teach.exercise import Mistake, attempted
from minitorch.teach.myths import render_myth
from minitorch.teach.quiz import Quiz, check_answer, find_quiz, render_quiz

# expect_error ---------------------------------------------------------------------------------------------


def test_expect_error_prints_the_last_traceback_line_and_swallows_the_error(capsys):
    with expect_error(ValueError, "bad [shape] (2, 3)") as caught:
        raise ValueError("bad [shape] (2, 3).")
    assert capsys.readouterr().out == "ValueError: bad [shape] (2, 3).\n"
    assert isinstance(caught.error, ValueError)


def test_expect_error_fails_when_nothing_is_raised():
    with pytest.raises(AssertionError, match="expected RuntimeError to be raised, but the block ran"):
        with expect_error(RuntimeError):
            pass


def test_expect_error_fails_on_another_type_and_keeps_the_original_as_cause():
    with pytest.raises(AssertionError, match="expected RuntimeError, but got TypeError: wrong") as info:
        with expect_error(RuntimeError):
            raise TypeError("wrong")
    assert isinstance(info.value.__cause__, TypeError)


def test_expect_error_wants_the_exact_type_not_a_subclass():
    with pytest.raises(AssertionError, match="but got NotImplementedError"):
        with expect_error(RuntimeError):
            raise NotImplementedError("a subclass of RuntimeError")


def test_expect_error_fails_when_the_text_differs():
    with pytest.raises(AssertionError, match="does not contain 'a leaf Variable'") as info:
        with expect_error(RuntimeError, "a leaf Variable"):
            raise RuntimeError("something else")
    assert "RuntimeError: something else" in str(info.value)


def test_expect_error_accepts_a_compiled_pattern(capsys):
    with expect_error(KeyError, re.compile(r"^'w\d'$")):
        {}["w1"]
    assert capsys.readouterr().out == "KeyError: 'w1'\n"
    with pytest.raises(AssertionError, match="pattern"):
        with expect_error(KeyError, re.compile(r"^'v\d'$")):
            {}["w1"]


def test_expect_error_lets_keyboard_interrupt_through():
    with pytest.raises(KeyboardInterrupt):
        with expect_error(RuntimeError):
            raise KeyboardInterrupt


def test_format_error_includes_notes():
    error = RuntimeError("first line")
    error.add_note("a note")
    assert format_error(error) == "RuntimeError: first line\na note"


@pytest.mark.parity
def test_expect_error_prints_torch_leaf_error_as_torch_words_it(torch, capsys):
    x = torch.ones(2, requires_grad=True)
    try:
        x.add_(1)
    except RuntimeError as error:
        torch_text = str(error)
    with expect_error(RuntimeError, "a leaf Variable that requires grad"):
        x.add_(1)
    assert capsys.readouterr().out == f"RuntimeError: {torch_text}\n"


# expect_warning -------------------------------------------------------------------------------------------


def test_expect_warning_prints_every_warning_without_paths(capsys):
    with expect_warning(UserWarning, "not a leaf") as caught:
        warnings.warn("the tensor is not a leaf", UserWarning, stacklevel=1)
        warnings.warn("old API", DeprecationWarning, stacklevel=1)
    assert capsys.readouterr().out == "UserWarning: the tensor is not a leaf\nDeprecationWarning: old API\n"
    assert len(caught.warnings) == 2


def test_expect_warning_shows_a_repeated_warning_every_time(capsys):
    for _ in range(2):
        with expect_warning(UserWarning):
            warnings.warn("once?", UserWarning, stacklevel=1)
    assert capsys.readouterr().out == "UserWarning: once?\nUserWarning: once?\n"


def test_expect_warning_fails_without_a_matching_warning():
    with pytest.raises(AssertionError, match="expected a UserWarning, but saw:\nno warning at all"):
        with expect_warning(UserWarning):
            pass
    with pytest.raises(AssertionError, match="containing 'leaf'.*\nUserWarning: other"):
        with expect_warning(UserWarning, "leaf"):
            warnings.warn("other", UserWarning, stacklevel=1)


@pytest.mark.parity
def test_expect_warning_catches_torch_non_leaf_grad_warning(torch, capsys):
    y = torch.ones(2, requires_grad=True) * 2
    with expect_warning(UserWarning, "is not a leaf Tensor is being accessed"):
        assert y.grad is None
    printed = capsys.readouterr().out
    assert printed.startswith("UserWarning: The .grad attribute of a Tensor that is not a leaf")


# quiz -----------------------------------------------------------------------------------------------------


def make_quiz():
    return Quiz(
        question="After `y = x * 2`, what is `y.grad`?",
        options=("None", "tensor([2.])", "an error"),
        answer="None",
        explanation="Only leaves get `.grad`; use `retain_grad()`.",
    )


def test_check_answer_accepts_letters_and_option_texts():
    item = make_quiz()
    assert check_answer(item, "A") == "Right! Only leaves get `.grad`; use `retain_grad()`."
    assert check_answer(item, "None") == check_answer(item, "A")
    assert check_answer(item, "B") == (
        "Not quite: you picked B (tensor([2.])). Think again and pick another, or run the next cell and see."
    )
    with pytest.raises(ValueError, match="neither a letter"):
        check_answer(item, "D")


@pytest.mark.parametrize(
    ("options", "answer", "message"),
    [
        (("only",), "only", "between 2 and 26"),
        (("a", "a"), "a", "different"),
        (("a", "b"), "c", "not one of"),
    ],
)
def test_quiz_rejects_malformed_questions(options, answer, message):
    with pytest.raises(ValueError, match=message):
        Quiz("?", options, answer, "")


def test_static_quiz_lists_the_options_and_never_the_answer():
    rendered = render_quiz(make_quiz())
    assert rendered.text == "Quiz: After `y = x * 2`, what is `y.grad`?\n  A. None\n  B. tensor([2.])\n  C. an error"
    page = rendered.html
    assert "<code>y = x * 2</code>" in page
    assert "<div><strong>B.</strong> tensor([2.])</div>" in page and page.count("<strong>") == 4
    assert "Only leaves" not in page and "Answer" not in page and "<details" not in page
    assert rendered.html == render_quiz(make_quiz()).html  # deterministic: no ids, no randomness


def test_static_quiz_escapes_html_and_renders_code_blocks():
    item = Quiz("What prints?\n```python\nprint(a < b)\n```", ("<True>", "False"), "<True>", "")
    page = render_quiz(item).html
    assert "<pre>print(a &lt; b)</pre>" in page and "<strong>A.</strong> &lt;True&gt;</div>" in page
    assert render_quiz(item).text == "Quiz: What prints?\nprint(a < b)\n  A. <True>\n  B. False"


def test_quiz_by_id_outside_ipython_prints_the_text_version(capsys):
    assert quiz("01.4") is None
    assert capsys.readouterr().out == render_quiz(find_quiz("01.4")).text + "\n"
    with pytest.raises(KeyError, match="no quiz '09.1'"):
        quiz("09.1")


# exercises ------------------------------------------------------------------------------------------------


def leaf_exercise():
    def check_make_y(make_y):
        y = attempted(make_y())
        if not y["is_leaf"]:
            raise Mistake("y still has a grad_fn: it is not a leaf yet.")

    return Exercise("99.1", "1. Make y a leaf", "make_y", check_make_y, hints=("Try `detach()`.", "Really."))


def test_exercise_passes_on_a_right_answer():
    result = leaf_exercise().evaluate({"make_y": lambda: {"is_leaf": True}})
    assert result.passed and result.feedback == "Correct! 1. Make y a leaf"


@pytest.mark.parametrize(
    ("namespace", "outcome", "feedback"),
    [
        ({"make_y": lambda: {"is_leaf": False}}, "wrong",
         "Not yet: y still has a grad_fn: it is not a leaf yet.\nHint: Try `detach()`."),
        ({}, "not attempted", "`make_y` is not defined yet: run the cell above first."),
        ({"make_y": lambda: ...}, "not attempted", "Not attempted yet: replace the `...` in `make_y`"),
        ({"make_y": lambda: None}, "wrong",
         "Not yet: running your `make_y` raised TypeError: 'NoneType' object is not subscriptable"),
    ],
)
def test_exercise_reports_what_is_wrong_never_a_traceback(namespace, outcome, feedback):
    result = leaf_exercise().evaluate(namespace)
    assert result.outcome == outcome
    assert result.feedback.startswith(feedback)


# myths ----------------------------------------------------------------------------------------------------


def test_myth_heading_and_unknown_ids(capsys):
    rendered = render_myth("M7", "detached tensors never get `.grad`")
    assert rendered.text == "Myth M7: detached tensors never get `.grad`"
    assert "<strong>Myth M7:</strong> detached tensors never get <code>.grad</code></div>" in rendered.html
    with pytest.raises(ValueError, match="unknown myth id 'M25'"):
        render_myth("M25", "x")
    myth("M1", "`.data` is `.detach()`")
    assert capsys.readouterr().out == "Myth M1: `.data` is `.detach()`\n"


def test_myth_ids_in_reads_markdown_and_myth_calls(tmp_path):
    cells = [
        {"cell_type": "markdown", "source": ["## Myths\n", "**Myth M2**: detach copies. Myth M12 too."]},
        {"cell_type": "code", "source": 'myth("M7", "never gets a gradient")\nmyth( \'M24\', "x")'},
        {"cell_type": "code", "source": "# M3 without the word is not counted; neither is Myth M3x"},
    ]
    path = tmp_path / "n.ipynb"
    path.write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))
    assert myth_ids_in(path) == ["M2", "M7", "M12", "M24"]
    assert len(MYTH_IDS) == 24 and MYTH_IDS[0] == "M1" and MYTH_IDS[-1] == "M24"
