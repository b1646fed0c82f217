"""Predict-then-run quizzes: the learner commits to an answer before the next cell shows what happens.

A notebook cell calls ``quiz("02.1")``; the question, its options, the answer and the explanation live in
`minitorch.teach.lessons` (one module per notebook), so nothing in the cell gives the answer away. It
leaves two outputs:

1. a static rendering (question and lettered options, no answer), which is what GitHub, nbviewer and
   a freshly opened notebook show, and what nbval compares;
2. an answer widget (one button per letter, then whether the pick is right, and why), live only while a
   kernel runs. Its plain-text face is a fixed sentence, so the saved outputs carry no random ids.

Each quiz also carries the code it asks about and what that code prints, so a test runs it on minitorch
and on PyTorch and proves the answer. All the logic (`check_answer`, `render_quiz`) is pure.
"""

from __future__ import annotations

import string
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
    code: str = ""
    prints: str = ""

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
    """The feedback for picking `choice` (a letter such as "B", or an option's text).

    A right pick gets the explanation; a wrong one is told so, without the answer, so the learner can
    think again (or run the next cell and see).
    """
    if choice in quiz.letters:
        letter = choice
    elif choice in quiz.options:
        letter = quiz.letters[quiz.options.index(choice)]
    else:
        raise ValueError(f"{choice!r} is neither a letter {quiz.letters} nor one of the options")
    if letter == quiz.answer_letter:
        return f"Right! {plain_text(quiz.explanation)}"
    picked = quiz.options[quiz.letters.index(letter)]
    return f"Not quite: you picked {letter} ({picked}). Think again and pick another, or run the next cell and see."


def render_quiz(quiz: Quiz) -> Rendered:
    """The static face of a quiz: question and options; the answer only comes after a pick."""
    text_lines = [f"Quiz: {plain_text(quiz.question)}"]
    text_lines += [f"  {letter}. {option}" for letter, option in zip(quiz.letters, quiz.options, strict=True)]

    # Letters written out, not <ol type="A">: JupyterLab's styles would number the list 1, 2, 3.
    items = "\n".join(
        f"<div><strong>{letter}.</strong> {rich_html(option)}</div>"
        for letter, option in zip(quiz.letters, quiz.options, strict=True)
    )
    markup = (
        '<div class="minitorch-quiz">\n'
        f'<div style="margin-bottom: 0.5em"><strong>Quiz.</strong> {rich_html(quiz.question)}</div>\n'
        f"{items}\n</div>"
    )
    return Rendered("\n".join(text_lines), markup)


def feedback_html(feedback: str) -> str:
    """The feedback text as the widget shows it: green when right, orange when not."""
    colour = "#1a7f37" if feedback.startswith("Right!") else "#b35900"
    return f'<p style="color: {colour}">{rich_html(feedback)}</p>'


def quiz(quiz_id: str) -> None:
    """Show the predict-then-run question `quiz_id` (such as "02.1"): its static rendering, then the buttons.

    Returns None, so a cell ending with the call shows nothing more. Outside IPython, prints the text.
    """
    item = find_quiz(quiz_id)
    show(render_quiz(item))
    if ipython_shell() is not None:
        _show_answer_widget(item)


_REGISTRY: dict[str, Quiz] = {}


def register(**quizzes: Quiz) -> None:
    """Make quizzes known by id: ``register(**{"02.1": Quiz(...)})``."""
    _REGISTRY.update(quizzes)


def find_quiz(quiz_id: str) -> Quiz:
    """The quiz with this id, such as "02.1" (notebook 02, quiz 1)."""
    from minitorch.teach import lessons

    lessons.load_all()
    if quiz_id not in _REGISTRY:
        raise KeyError(f"no quiz {quiz_id!r}; known: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[quiz_id]


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
