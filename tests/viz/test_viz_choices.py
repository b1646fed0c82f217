"""explore_choices: one button per way, the chosen way's outcome and diagram, a static picture for viewers."""

import pytest

import minitorch as torch
from minitorch.viz import draw_graph, explore_choices

pytest.importorskip("ipywidgets")


def scaled(how):
    """x * 2 or x * 3, drawn, with the gradient it gives."""
    x = torch.tensor([1.0], requires_grad=True)
    y = x * {"twice": 2, "thrice": 3}[how]
    diagram = draw_graph(y, names={"x": x, "y": y})
    y.backward()
    return diagram, f"x.grad = {x.grad}"


def test_the_first_choice_is_shown_and_kept_as_a_static_picture():
    box = explore_choices(scaled, ["twice", "thrice"], description="factor")
    buttons, view = box.children
    assert list(buttons.options) == ["twice", "thrice"] and buttons.description == "factor"
    assert "twice: x.grad = tensor([2.])" in view.value and "<svg" in view.value
    bundle = box._repr_mimebundle_()
    assert "x.grad = tensor([2.])" in bundle["text/html"] and "<img" in bundle["text/html"]


def test_picking_another_choice_redraws():
    box = explore_choices(scaled, ["twice", "thrice"])
    buttons, view = box.children
    buttons.value = "thrice"
    assert "thrice: x.grad = tensor([3.])" in view.value and "MulBackward0" in view.value
