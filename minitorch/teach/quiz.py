"""Predict-then-run quizzes: the learner commits to an answer before the next cell shows what happens.

`quiz(...)` leaves two outputs in the notebook:

1. a static rendering (question, lettered options, the answer inside a collapsed ``<details>``), which
   is what GitHub, nbviewer and a freshly opened notebook show, and what nbval compares;
2. an answer widget (one button per letter, then the feedback), live only while a kernel runs. Its
   plain-text face is a fixed sentence, so the saved outputs carry no random ids.

All the logic (`check_answer`, `render_quiz`) is pure and testable without a browser.
"""

from __future__ import annotations

import string
from collections.abc import Sequence
from dataclasses import dataclass

from minitorch.teach._render import Rendered, ipython_shell, plain_text, rich_html, show

WIDGET_PLACEHOLDER = "(Pick an answer with the buttons when the notebook runs in Jupyter.)"


@dataclass(frozen=True)
class Quiz:
    """A multiple-choice question. `answer` is the text of the right option, exactly as in `options`."""

    question: str
    options: tuple[str, ...]
    answer: str
    explanation: str

    def __post_init__(self):
        if not 2 <= len(self.options) <= len(string.ascii_uppercase):
            raise ValueError(f"a quiz needs between 2 and 26 options, got {len(self.options)}")
        if len(set(self.options)) != len(self.options):
            raise ValueError(f"quiz options must be different from each other: {self.options}")
        if self.answer not in self.options:
            raise ValueError(f"the answer {self.answer!r} is not one of the options {self.options}")

    @property
    def letters(self) -> tuple[str, ...]:
        """The option letters: ("A", "B", ...)."""
        return tuple(string.ascii_uppercase[: len(self.options)])

    @property
    def answer_letter(self) -> str:
        """The letter of the right option."""
        return self.letters[self.options.index(self.answer)]


def check_answer(quiz: Quiz, choice: str) -> str:
    """The feedback for picking `choice` (a letter such as "B", or an option's text): right or not, why."""
    if choice in quiz.letters:
        letter = choice
    elif choice in quiz.options:
        letter = quiz.letters[quiz.options.index(choice)]
    else:
        raise ValueError(f"{choice!r} is neither a letter {quiz.letters} nor one of the options")
    explanation = plain_text(quiz.explanation)
    if letter == quiz.answer_letter:
        return f"Right! {explanation}"
    picked = quiz.options[quiz.letters.index(letter)]
    right = f"{quiz.answer_letter} ({quiz.answer})"
    return f"Not quite: you picked {letter} ({picked}); the answer is {right}. {explanation}"


def render_quiz(quiz: Quiz) -> Rendered:
    """The static face of a quiz: question and options, the answer collapsed (HTML) or last (text)."""
    text_lines = [f"Quiz: {plain_text(quiz.question)}"]
    text_lines += [f"  {letter}. {option}" for letter, option in zip(quiz.letters, quiz.options, strict=True)]
    text_lines.append(f"Answer: {quiz.answer_letter}. {plain_text(quiz.explanation)}".rstrip())

    # Letters written out, not <ol type="A">: JupyterLab's styles would number the list 1, 2, 3.
    items = "\n".join(
        f"<div><strong>{letter}.</strong> {rich_html(option)}</div>"
        for letter, option in zip(quiz.letters, quiz.options, strict=True)
    )
    explanation = f"<p>{rich_html(quiz.explanation)}</p>\n" if quiz.explanation.strip() else ""
    markup = (
        '<div class="minitorch-quiz">\n'
        f'<div style="margin-bottom: 0.5em"><strong>Quiz.</strong> {rich_html(quiz.question)}</div>\n'
        f"{items}\n"
        '<details style="margin-top: 0.5em"><summary>Show the answer</summary>\n'
        f"<p><strong>{quiz.answer_letter}.</strong> {rich_html(quiz.answer)}</p>\n"
        f"{explanation}</details>\n</div>"
    )
    return Rendered("\n".join(text_lines), markup)


def feedback_html(feedback: str) -> str:
    """The feedback text as the widget shows it: green when right, orange when not."""
    colour = "#1a7f37" if feedback.startswith("Right!") else "#b35900"
    return f'<p style="color: {colour}">{rich_html(feedback)}</p>'


def quiz(question: str, options: Sequence[str], answer: str, explanation: str) -> None:
    """Show a predict-then-run question: its static rendering, then (in Jupyter) the answer buttons.

    `answer` is the right option's text; `question`, `options` and `explanation` may use `inline code`
    and ``` fenced blocks ```. Returns None, so a cell ending with the call shows nothing more.
    Outside IPython, prints the text version.
    """
    item = Quiz(question, tuple(options), answer, explanation)
    show(render_quiz(item))
    if ipython_shell() is not None:
        _show_answer_widget(item)


def _show_answer_widget(item: Quiz) -> None:
    try:
        import ipywidgets
    except ImportError:
        return  # the static rendering already holds the question and the answer
    from IPython.display import display

    buttons = ipywidgets.ToggleButtons(
        options=item.letters,
        value=None,
        description="Your answer:",
        tooltips=list(item.options),
        style={"button_width": "3em"},
    )
    feedback = ipywidgets.HTML()

    def on_pick(change):
        if change["new"] is not None:
            feedback.value = feedback_html(check_answer(item, change["new"]))

    buttons.observe(on_pick, names="value")
    box = ipywidgets.VBox([buttons, feedback])
    bundle = box._repr_mimebundle_()
    bundle["text/plain"] = WIDGET_PLACEHOLDER  # the widget's own repr would change with every run
    display(bundle, raw=True)
