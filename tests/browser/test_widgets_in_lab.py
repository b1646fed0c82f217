"""The notebooks' live parts in JupyterLab, clicked as a learner would: the seed's detach diagram, a
`requires_grad` checkbox of the explore widget, the backward stepper, a quiz answered wrong then right,
and an exercise answered wrong then right. What the widgets should
show after each click comes from real PyTorch running the same cells (see torch_truth.py).

With MINITORCH_UPDATE_SCREENSHOTS=1 each test also saves its picture to assets/ (the README shows
assets/screenshot.png).
"""

import pytest

from minitorch.teach.quiz import find_quiz

from .lab_server import wait_until
from .notebook_page import WIDGET_SECONDS, WIDTH, NotebookPage, close_quietly, diagram_edges, diagram_nodes
from .torch_truth import backward_run, explore_call

pytestmark = pytest.mark.browser

DETACH_NOTEBOOK = "02_detach"
EXPLORE_NOTEBOOK = "01_requires_grad"
STEPPER_NOTEBOOK = "05_sigmoid_backward"
QUIZ_NOTEBOOK = "00_start_here"
EXERCISE_NOTEBOOK = "02_detach"
HIGHLIGHT = "gold"  # the fill of the node the stepper is running (minitorch.viz.style.ACTIVE_FILL)


def only_diagram(notebook, index: int) -> str:
    """The one diagram shown in cell `index`, as SVG text (waiting a little for a widget to draw it)."""
    svgs = wait_until(lambda: notebook.svgs(index), WIDGET_SECONDS)
    assert len(svgs) == 1, f"cell {index} of {notebook.path} shows {len(svgs)} diagrams, expected one"
    return svgs[0]


def box(svg: str, title: str):
    """The diagram box whose first line is `title`."""
    boxes = [node for node in diagram_nodes(svg) if node.title == title]
    assert len(boxes) == 1, f"expected one box titled {title!r}, found {[n.title for n in diagram_nodes(svg)]}"
    return boxes[0]


def test_seed_detach_diagram_draws_the_cut(notebook_runs, save_screenshot):
    notebook = notebook_runs.get(DETACH_NOTEBOOK)
    index = notebook.cell_index("draw_graph(v3")
    svg = only_diagram(notebook, index)

    v3, detached = box(svg, "v3"), box(svg, "v3_detached")
    cuts = [edge for edge in diagram_edges(svg) if "detach" in edge[2]]
    assert {(source, target) for source, target, _ in cuts} == {(detached.id, v3.id)}, cuts
    assert v3.band is not None and v3.band == detached.band  # drawn as one memory
    assert "AddBackward0" in {node.title for node in diagram_nodes(svg)}

    notebook.scroll_to_top(index)
    save_screenshot(notebook.page, "screenshot", clip={"x": 0, "y": 0, "width": WIDTH, "height": 900})


def flags_table(cell) -> dict[str, dict[str, str]]:
    """The explore widget's table of tensors: name -> {column: text}."""
    table = cell.locator(".widget-html-content table")
    header = [th.strip() for th in table.locator("thead th").all_text_contents()]
    rows = {}
    for row in table.locator("tbody tr").all():
        values = [td.strip() for td in row.locator("td").all_text_contents()]
        rows[values[0]] = dict(zip(header[1:], values[1:]))
    return rows


def shown_flags(table: dict, expected: dict) -> dict:
    """The table's columns that `expected` has, for a direct comparison."""
    return {name: {column: table[name][column] for column in columns} for name, columns in expected.items()
            if name in table}


def test_requires_grad_checkbox_redraws_diagram_and_table(notebook_runs, torch, save_screenshot):
    notebook = notebook_runs.get(EXPLORE_NOTEBOOK)
    index = notebook.cell_index("explore(")
    cell = notebook.cell(index)
    call = explore_call(torch, notebook.cells()[index].source, [c.source for c in notebook.code_cells()])
    start_flags = {name: bool(t.requires_grad) for name, t in call.inputs.items() if hasattr(t, "requires_grad")}
    toggled = next((name for name, on in start_flags.items() if not on), None)
    assert toggled, f"every input of the explore cell already requires grad: {start_flags}"
    after_flags = {**start_flags, toggled: True}

    before_table, before_svg = flags_table(cell), only_diagram(notebook, index)
    expected_before = call.flags(start_flags)
    assert shown_flags(before_table, expected_before) == expected_before
    assert "grad None" not in box(before_svg, toggled).lines  # not a leaf that requires grad yet

    cell.locator(f".widget-checkbox:has(span[title='{toggled}.requires_grad']) input[type=checkbox]").click()
    assert wait_until(lambda: only_diagram(notebook, index) != before_svg, WIDGET_SECONDS), (
        f"the diagram did not change after ticking {toggled}.requires_grad")
    expected_after = call.flags(after_flags)
    assert wait_until(lambda: shown_flags(flags_table(cell), expected_after) == expected_after, WIDGET_SECONDS), (
        f"table after ticking {toggled}: {flags_table(cell)}, PyTorch says {expected_after}")
    assert expected_after != expected_before

    after_svg = only_diagram(notebook, index)
    assert "grad None" in box(after_svg, toggled).lines  # now a leaf that will get a .grad
    titles = [node.title for node in diagram_nodes(after_svg)]
    leaves_with_grad = [n for n, f in expected_after.items() if f["is_leaf"] == "True" and f["requires_grad"] == "True"]
    assert titles.count("AccumulateGrad") == len(leaves_with_grad)
    for name, flags in expected_after.items():
        if flags["grad_fn"] != "None":
            assert flags["grad_fn"] in titles, f"{name}'s {flags['grad_fn']} is not drawn"

    save_screenshot(cell, "jupyterlab_explore")


def highlighted(svg: str) -> list:
    """The boxes drawn in the stepper's highlight colour."""
    return [node for node in diagram_nodes(svg) if HIGHLIGHT in node.fills]


def test_backward_stepper_highlights_each_node_and_fills_leaf_grads(notebook_runs, torch, save_screenshot):
    notebook = notebook_runs.get(STEPPER_NOTEBOOK)
    index = notebook.cell_index("step_backward(")
    cell = notebook.cell(index)
    expected = backward_run(torch, notebook.cells()[index].source)
    assert expected.leaf_grads, "the stepper cell should fill some leaf's .grad"

    svg = only_diagram(notebook, index)
    assert highlighted(svg) == [], "nothing runs before the first step"
    for leaf in expected.leaf_grads:
        assert "grad None" in box(svg, leaf).lines

    filled = set()
    for step, (node_name, leaf) in enumerate(expected.steps, start=1):
        previous = svg
        if step == 1:  # move the slider itself once, with the keyboard; then use the next button
            cell.locator(".widget-slider [role=slider]").focus()
            notebook.page.keyboard.press("ArrowRight")
        else:
            cell.locator("button.widget-button", has_text="next").click()
        assert wait_until(lambda previous=previous: only_diagram(notebook, index) != previous, WIDGET_SECONDS), (
            f"step {step}: the diagram did not change")
        svg = only_diagram(notebook, index)
        active = highlighted(svg)
        assert [node.title for node in active] == [node_name], f"step {step}: PyTorch runs {node_name} here"
        assert f"Step {step} of {len(expected.steps)}" in cell.locator(".widget-html-content b").first.inner_text()
        if leaf is not None:
            filled.add(leaf)
        for name, grad in expected.leaf_grads.items():
            shown = f"grad {grad}" if name in filled else "grad None"
            assert shown in box(svg, name).lines, f"step {step}: {name}'s box should show {shown!r}"
        if leaf is not None:
            save_screenshot(cell, "jupyterlab_step_backward")
    assert filled == set(expected.leaf_grads)


def test_quiz_wrong_then_right_shows_the_explanation_only_after_the_right_pick(notebook_runs, save_screenshot):
    notebook = notebook_runs.get(QUIZ_NOTEBOOK)
    item = find_quiz("00.1")
    quiz = notebook.page.locator(".jp-Notebook .jp-Cell:has(.minitorch-quiz):has(.widget-toggle-buttons)").first
    explanation = item.explanation.replace("`", "")[:40]  # its start, as the page shows it (code as plain text)
    assert explanation not in quiz.inner_text(), "the explanation is visible before any pick"
    right = item.answer_letter
    wrong = next(letter for letter in item.letters if letter != right)
    feedback = quiz.locator(".widget-html-content")
    assert feedback.inner_text().strip() == "", "feedback before any answer"

    quiz.locator(f"button.widget-toggle-button[data-value='{wrong}']").click()
    assert wait_until(lambda: feedback.inner_text().startswith(f"Not quite: you picked {wrong}"), WIDGET_SECONDS), (
        f"after picking {wrong}: {feedback.inner_text()!r}")
    assert explanation not in quiz.inner_text() and item.answer.strip("`") not in feedback.inner_text()

    quiz.locator(f"button.widget-toggle-button[data-value='{right}']").click()
    assert wait_until(lambda: feedback.inner_text().startswith("Right!"), WIDGET_SECONDS), (
        f"after picking {right}: {feedback.inner_text()!r}")
    assert explanation in feedback.inner_text()
    save_screenshot(quiz, "jupyterlab_quiz")


def test_a_freshly_opened_notebook_keeps_the_answer_to_its_quiz_collapsed(lab_browser, lab_server):
    fresh = NotebookPage(lab_browser, lab_server, f"notebooks/{QUIZ_NOTEBOOK}.ipynb")
    try:
        fresh.open()
        index = fresh.cell_index("loss.backward()")
        outputs = fresh.cell(index).locator(".jp-OutputArea-output")
        assert outputs.count() == 0 or not outputs.first.is_visible(), "the quiz's answer is in plain sight"
        assert fresh.cell(index).locator(".jp-OutputPlaceholder").is_visible(), "no bar to open the output"
    finally:
        close_quietly(fresh.page)  # not fresh.close(): the kernel is shared with the quiz test's tab


def test_exercise_wrong_then_right_in_lab(notebook_runs):
    notebook = notebook_runs.get(EXERCISE_NOTEBOOK)
    answer = notebook.cell_index("def snapshot_of(params):")
    check = answer + 1
    assert notebook.cell_text(check).startswith("Not attempted yet"), notebook.cell_text(check)

    notebook.run_with_source(answer, "def snapshot_of(params):\n    return params.detach()\n")
    notebook.run_cell(check)
    assert wait_until(lambda: notebook.cell_text(check).startswith("Not yet: the snapshot shares memory"),
                      WIDGET_SECONDS), notebook.cell_text(check)
    assert "Hint: `detach()` drops the history" in notebook.cell_text(check)

    notebook.run_with_source(answer, "def snapshot_of(params):\n    return params.detach().clone()\n")
    notebook.run_cell(check)
    assert wait_until(lambda: notebook.cell_text(check).startswith("Correct!"), WIDGET_SECONDS), (
        notebook.cell_text(check))
