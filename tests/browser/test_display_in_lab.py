"""What a learner sees, measured in JupyterLab at a laptop's 1024x768: stored diagrams show as pictures in a
fresh, untrusted copy of the series; nothing is wider than its output area; a notebook that was run, saved
and reopened shows its widgets (not "model not found"); a widget click redraws its picture in well under
100 ms; the capstone's model, in notebook 07's own cell, is readable at depth 1 and opens on a click.

These tests run their own JupyterLab on a copy of the notebooks, with a fresh trust database, so that every
notebook opens untrusted (as after `git clone`) and saving changes nothing in the repository.
"""

from __future__ import annotations

import json
import shutil
import statistics

import pytest

from .lab_server import REPO, LabServer, notebook_names, wait_until
from .notebook_page import OPEN_SECONDS, WIDGET_SECONDS, NotebookPage, close_quietly

LAPTOP = {"width": 1024, "height": 768}
TEXT_FORM = "<autograd diagram:"  # what JupyterLab shows of a diagram it refuses to draw

# Every output element wider than its output area (a picture cut off on the right), as (cell, width, room).
OVERFLOWS = """() => {
    const found = [];
    document.querySelectorAll('.jp-Notebook .jp-Cell').forEach((cell, index) => {
        cell.querySelectorAll('.jp-OutputArea-output').forEach(output => {
            const room = output.clientWidth;
            output.querySelectorAll('img, svg, table, pre').forEach(element => {
                const width = element.getBoundingClientRect().width;
                // A wide diagram's full-size copy sits in a folded <details> that scrolls sideways on purpose.
                if (width > room + 1 && !element.closest('.jp-OutputArea-output pre') && !element.closest('details')) {
                    found.push([index, element.tagName, Math.round(width), room]);
                }
            });
        });
    });
    return found;
}"""
# Pictures shown in outputs (an <img> holding an SVG, or an inline <svg> in a widget), and texts shown.
PICTURES = """() => document.querySelectorAll(
    '.jp-OutputArea-output img[src^="data:image/svg+xml"], .jp-OutputArea-output svg g.graph').length"""
OUTPUT_TEXT = "() => Array.from(document.querySelectorAll('.jp-OutputArea-output')).map(o => o.textContent).join('\\n')"
# Click a button and time how long until the widget's picture (its first inline <svg>) changes.
CLICK_TO_PICTURE_MS = """async ([cellIndex, label]) => {
    const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[cellIndex];
    const button = Array.from(cell.querySelectorAll('button')).find(b => b.textContent.includes(label));
    const picture = () => (cell.querySelector('.widget-html-content svg') || {}).outerHTML;
    const before = picture();
    const start = performance.now();
    button.click();
    while (picture() === before) {
        if (performance.now() - start > 5000) return -1;
        await new Promise(resolve => requestAnimationFrame(resolve));
    }
    return performance.now() - start;
}"""


def stored_diagrams(name: str) -> int:
    """How many outputs of notebooks/<name>.ipynb hold a diagram (an SVG, or an image of one), leaving out
    the outputs a notebook keeps collapsed until the learner opens them."""
    notebook = json.loads((REPO / "notebooks" / f"{name}.ipynb").read_text())
    outputs = [output for cell in notebook["cells"] for output in cell.get("outputs", [])
               if not cell.get("metadata", {}).get("jupyter", {}).get("outputs_hidden")]
    return sum("image/svg+xml" in output.get("data", {}) or "data:image/svg+xml" in
               "".join(output.get("data", {}).get("text/html", "")) for output in outputs)


@pytest.fixture(scope="module")
def fresh_copy_server(chromium, tmp_path_factory):
    """JupyterLab on a copy of notebooks/ and assets/, with a trust database that trusts nothing."""
    root = tmp_path_factory.mktemp("fresh_clone")
    shutil.copytree(REPO / "notebooks", root / "notebooks")
    shutil.copytree(REPO / "assets", root / "assets")
    server = LabServer(root, tmp_path_factory.mktemp("jupyterlab_fresh"), fresh_data_dir=True)
    try:
        server.start()
        yield server
    finally:
        server.stop()


def laptop_page(browser, server, name: str) -> NotebookPage:
    """A NotebookPage on notebooks/<name>.ipynb in a tab of a laptop's size."""
    notebook = NotebookPage(browser, server, f"notebooks/{name}.ipynb")
    close_quietly(notebook.page)
    notebook.page = browser.new_page(viewport=LAPTOP)
    notebook.page.set_default_timeout(WIDGET_SECONDS * 1000)
    return notebook


@pytest.mark.parametrize("name", notebook_names())
def test_fresh_untrusted_notebook_shows_its_diagrams_as_pictures_that_fit(lab_browser, fresh_copy_server, name,
                                                                          save_screenshot):
    notebook = laptop_page(lab_browser, fresh_copy_server, name)
    try:
        notebook.page.goto(f"{fresh_copy_server.url}/lab/tree/notebooks/{name}.ipynb?reset",
                           timeout=OPEN_SECONDS * 1000)
        notebook.page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=OPEN_SECONDS * 1000)
        expected = stored_diagrams(name)
        assert wait_until(lambda: notebook.page.evaluate(PICTURES) >= expected, WIDGET_SECONDS), (
            f"{name}: {notebook.page.evaluate(PICTURES)} pictures shown, {expected} stored")
        assert TEXT_FORM not in notebook.page.evaluate(OUTPUT_TEXT)
        assert "Error displaying widget" not in notebook.page.evaluate(OUTPUT_TEXT)
        assert notebook.page.evaluate(OVERFLOWS) == [], f"{name}: outputs wider than the page at 1024 px"
        if name == "02_detach":  # the first diagram of 02, as a fresh clone shows it before anything runs
            first = notebook.page.locator(".jp-OutputArea-output img, .jp-OutputArea-output svg").first
            first.scroll_into_view_if_needed()
            save_screenshot(notebook.page, "jupyterlab_untrusted_1024")
    finally:
        notebook.close()


WIDGET_NOTEBOOK = "05_sigmoid_backward"


def test_run_save_reopen_shows_widgets_and_clicks_redraw_fast(lab_browser, fresh_copy_server):
    notebook = laptop_page(lab_browser, fresh_copy_server, WIDGET_NOTEBOOK)
    try:
        notebook.open()
        notebook.clear_and_run_all()
        index = notebook.cell_index("widget = step_backward(")
        assert notebook.page.evaluate(OVERFLOWS) == [], "outputs wider than the page at 1024 px after a run"
        times = []
        for _ in range(3):  # forward through the steps, then back: every click redraws
            times += [notebook.page.evaluate(CLICK_TO_PICTURE_MS, [index, "next"]) for _ in range(2)]
            times += [notebook.page.evaluate(CLICK_TO_PICTURE_MS, [index, "back"]) for _ in range(2)]
        assert min(times) >= 0, f"a click did not change the picture: {times}"
        assert statistics.median(times) <= 100, f"click to picture took {times} ms"
        notebook.menu("File", "Save Notebook")
        saved = fresh_copy_server.root / "notebooks" / f"{WIDGET_NOTEBOOK}.ipynb"
        assert wait_until(lambda: "widget-state" in saved.read_text(), WIDGET_SECONDS)
    finally:
        notebook.close()
    reopened = laptop_page(lab_browser, fresh_copy_server, WIDGET_NOTEBOOK)
    try:
        reopened.open()
        shown = reopened.page.evaluate(OUTPUT_TEXT)
        assert "model not found" not in shown and "Error displaying widget" not in shown
        assert reopened.page.locator(".jp-OutputArea-output .widget-html-content svg, "
                                     ".jp-OutputArea-output img[src^='data:image/svg+xml']").count() > 0
    finally:
        reopened.close()


CAPSTONE = "07_capstone"
CAPSTONE_CELL = "explore_model(batch_loss"  # the capstone's model at depth 1, in notebook 07's own cell
READABLE = 0.75  # drawn at 3/4 of its natural size or more, the diagram's 9-point labels stay 9 px high
# The first inline diagram in a cell: the width it is drawn at, its natural width, and its output area's width.
PICTURE_SIZE = """(index) => {
    const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[index];
    const svg = cell.querySelector('.jp-OutputArea-output svg');
    if (!svg) return null;
    return {drawn: svg.getBoundingClientRect().width, natural: svg.width.baseVal.value,
            room: svg.closest('.jp-OutputArea-output').clientWidth};
}"""
# In cell `index`, click the clickable module box (or open frame) whose text has `label`, and time until the
# cell's picture changes.
CLICK_MODULE_MS = """async ([index, label]) => {
    const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[index];
    const picture = () => (cell.querySelector('.jp-OutputArea-output svg') || {}).outerHTML;
    const groups = Array.from(cell.querySelectorAll('.jp-OutputArea-output g.node, .jp-OutputArea-output g.cluster'))
        .filter(g => g.style.cursor === 'pointer' && g.textContent.includes(label));
    if (!groups.length) return -2;
    const before = picture();
    const start = performance.now();
    groups[0].dispatchEvent(new MouseEvent('click', {bubbles: true}));
    while (picture() === before) {
        if (performance.now() - start > 5000) return -1;
        await new Promise(resolve => requestAnimationFrame(resolve));
    }
    return performance.now() - start;
}"""


def test_the_capstone_model_is_readable_at_depth_one_and_opens_on_click(lab_browser, fresh_copy_server,
                                                                         save_screenshot):
    notebook = laptop_page(lab_browser, fresh_copy_server, CAPSTONE)
    try:
        notebook.open()
        notebook.clear_and_run_all()
        index = notebook.cell_index(CAPSTONE_CELL)
        assert [error for error in notebook.errors_shown() if error["index"] == index] == []

        def shown() -> str:
            return notebook.cell(index).locator(".jp-OutputArea").text_content()

        assert wait_until(lambda: "0: Sequential" in shown(), WIDGET_SECONDS), "no module box in the widget"
        crossing = "1 \u2192 2: (32, 32)"  # a batch of 32 images' 32 features, from the dropout into the Linear
        assert "0.0: Conv2d" not in shown() and crossing in shown()  # collapsed; the edges say what crosses
        size = notebook.page.evaluate(PICTURE_SIZE, index)
        assert size["drawn"] <= size["room"] + 1, f"the model's picture is cut off at 1024 px: {size}"
        assert size["drawn"] >= READABLE * size["natural"], f"the model's picture is shrunk to unreadable: {size}"
        save_screenshot(notebook.cell(index), "jupyterlab_model_depth1")
        times = []
        for _ in range(3):  # open the feature extractor, then close it again by its frame
            times.append(notebook.page.evaluate(CLICK_MODULE_MS, [index, "0: Sequential"]))
            assert "0.0: Conv2d" in shown(), "a click on the box did not open the feature extractor"
            save_screenshot(notebook.cell(index), "jupyterlab_model_opened")
            size = notebook.page.evaluate(PICTURE_SIZE, index)
            assert size["drawn"] <= size["room"] + 1, f"the opened picture is cut off at 1024 px: {size}"
            times.append(notebook.page.evaluate(CLICK_MODULE_MS, [index, "0: Sequential"]))
            assert "0.0: Conv2d" not in shown(), "a click on the open frame did not close it"
            assert crossing in shown(), "after the notebook's training, the widget no longer draws its own batch"
        assert min(times) >= 0, f"a click did not change the picture: {times}"
        assert statistics.median(times) <= 100, f"click to picture took {times} ms"
        assert [overflow for overflow in notebook.page.evaluate(OVERFLOWS) if overflow[0] == index] == []
    finally:
        notebook.close()
