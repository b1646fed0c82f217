"""Driving one notebook in JupyterLab with Playwright: open it, clear and run every cell, then read
prompts, outputs and pictures back from the page. Every wait has a time limit.

Cells are found in the page as `.jp-Notebook .jp-Cell` in notebook order; `index` arguments count all
cells (Markdown included), as the `.ipynb` file does.
"""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

from .lab_server import LabServer, wait_until

OPEN_SECONDS = 60
KERNEL_SECONDS = 90
FIRST_PROMPT_SECONDS = 20
RUN_SECONDS = 180
WIDGET_SECONDS = 15
WIDTH = 1280

# Per code cell, from JupyterLab's own notebook model (a collapsed input shows no prompt in the page).
CELL_STATES = """() => {
    const notebook = window.jupyterapp.shell.currentWidget.content;
    return notebook.widgets.map((cell, index) => ({
        index,
        type: cell.model.type,
        source: cell.model.sharedModel.getSource(),
        count: cell.model.type === 'code' ? cell.model.executionCount : null,
        errors: cell.model.type === 'code'
            ? cell.model.outputs.toJSON().filter(o => o.output_type === 'error')
                .map(o => `${o.ename}: ${o.evalue}`)
            : [],
    }));
}"""
# Set one cell's source through JupyterLab's model, as typing into its editor would.
SET_SOURCE = """([index, source]) => {
    window.jupyterapp.shell.currentWidget.content.widgets[index].model.sharedModel.setSource(source);
}"""
# Outputs the page shows as errors: error mime types, a Python traceback, or a widget that failed to show.
ERRORS_SHOWN = """() => {
    const found = [];
    document.querySelectorAll('.jp-Notebook .jp-Cell').forEach((cell, index) => {
        cell.querySelectorAll('.jp-OutputArea-output').forEach(output => {
            const mime = output.getAttribute('data-mime-type') || '';
            const text = output.textContent || '';
            const brokenWidget = output.querySelector('.jupyter-widgets-error-widget')
                || text.includes('Error displaying widget');
            if (mime.includes('error') || text.includes('Traceback (most recent call last)') || brokenWidget) {
                found.push({index, mime, text: text.slice(0, 2000)});
            }
        });
    });
    return found;
}"""
# Every diagram in a cell's outputs as SVG text: <img> data URLs (how JupyterLab shows image/svg+xml)
# and inline <svg> elements inside widget outputs (serialized as XML, so Python can parse them).
CELL_SVGS = """(index) => {
    const cell = document.querySelectorAll('.jp-Notebook .jp-Cell')[index];
    const svgs = [];
    cell.querySelectorAll('.jp-OutputArea-output img').forEach(img => {
        if (img.src.startsWith('data:image/svg+xml')) {
            const data = img.src.slice(img.src.indexOf(',') + 1);
            svgs.push(img.src.startsWith('data:image/svg+xml;base64,') ? atob(data) : decodeURIComponent(data));
        }
    });
    cell.querySelectorAll('.jp-OutputArea-output svg').forEach(svg => {
        if (svg.querySelector('g.node')) svgs.push(new XMLSerializer().serializeToString(svg));
    });
    return svgs;
}"""
SVG = "{http://www.w3.org/2000/svg}"  # ElementTree's prefix for SVG tags


@dataclass(frozen=True)
class CellState:
    """A cell as JupyterLab's model holds it after a run."""

    index: int
    type: str
    source: str
    count: int | None
    errors: list


@dataclass(frozen=True)
class DiagramNode:
    """One box of a Graphviz diagram: its DOT id, the text lines it shows, its fill colours, and the
    letter of its storage band (tensors sharing memory share a letter), if any."""

    id: str
    lines: tuple[str, ...]
    fills: tuple[str, ...]
    band: str | None

    @property
    def title(self) -> str:
        """The box's first (bold) line, e.g. `SigmoidBackward0` or `a`."""
        return self.lines[0] if self.lines else ""


def diagram_nodes(svg: str) -> list[DiagramNode]:
    """The boxes of a Graphviz SVG drawing, in drawing order."""
    nodes = []
    for group in ElementTree.fromstring(svg).iter(f"{SVG}g"):
        if group.get("class") != "node":
            continue
        texts = [text for text in group.iter(f"{SVG}text") if "".join(text.itertext()).strip()]
        band = [text for text in texts if text.get("fill") == "white"]  # white on the band's colour
        lines = tuple("".join(text.itertext()).strip() for text in texts if text not in band)
        fills = tuple(shape.get("fill") for shape in group if shape.get("fill") not in (None, "none"))
        nodes.append(DiagramNode(group.findtext(f"{SVG}title", ""), lines, fills,
                                 "".join(band[0].itertext()).strip() if band else None))
    return nodes


def diagram_edges(svg: str) -> list[tuple[str, str, str]]:
    """The arrows of a Graphviz SVG drawing as (from node id, to node id, label text)."""
    edges = []
    for group in ElementTree.fromstring(svg).iter(f"{SVG}g"):
        if group.get("class") != "edge":
            continue
        source, _, target = group.findtext(f"{SVG}title", "").partition("->")
        label = " ".join("".join(text.itertext()).strip() for text in group.iter(f"{SVG}text"))
        edges.append((source, target, label.strip()))
    return edges


class NotebookPage:
    """One notebook open in its own browser tab, talking to `server`."""

    def __init__(self, browser, server: LabServer, path: str):
        self.server = server
        self.path = path
        # Tall enough that a whole widget (controls, diagram, table) fits for a screenshot.
        self.page = browser.new_page(viewport={"width": WIDTH, "height": 1600})
        self.page.set_default_timeout(WIDGET_SECONDS * 1000)

    def open(self) -> None:
        """Load the notebook and wait until its kernel is connected and idle."""
        self.page.goto(f"{self.server.url}/lab/tree/{urllib.parse.quote(self.path)}?reset",
                       timeout=OPEN_SECONDS * 1000)
        self.page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=OPEN_SECONDS * 1000)
        assert wait_until(self._kernel_usable, KERNEL_SECONDS, interval=0.5), (
            f"{self.path}: no idle kernel connected within {KERNEL_SECONDS} s\n{self.server.log_tail()}")

    def _kernel_usable(self) -> bool:
        kernel = self.server.kernel_of(self.path)
        return bool(kernel and kernel.get("execution_state") == "idle" and kernel.get("connections", 0) > 0)

    def menu(self, menu: str, item: str) -> None:
        """Click `item` in the menu bar's `menu`, as a learner would."""
        self.page.click(f"li.lm-MenuBar-item:has-text('{menu}')")
        self.page.click(f"li.lm-Menu-item:has-text('{item}')")

    def cells(self) -> list[CellState]:
        """Every cell, as JupyterLab's notebook model holds it now."""
        return [CellState(**state) for state in self.page.evaluate(CELL_STATES)]

    def code_cells(self) -> list[CellState]:
        """The code cells that a run executes (JupyterLab skips empty ones)."""
        return [cell for cell in self.cells() if cell.type == "code" and cell.source.strip()]

    def clear_and_run_all(self) -> None:
        """Clear all outputs, Run All Cells, and wait until every code cell has an execution count or
        one shows an error (a run stops there).

        A Run All fired just as the kernel becomes usable can be lost; then it is sent once more.
        """
        self.menu("Edit", "Clear Outputs of All Cells")
        assert wait_until(lambda: all(c.count is None for c in self.code_cells()), WIDGET_SECONDS), (
            f"{self.path}: outputs were not cleared")
        for _attempt in range(2):
            self.menu("Run", "Run All Cells")
            if wait_until(self._started, FIRST_PROMPT_SECONDS, interval=0.5):
                break
        finished = wait_until(self._finished, RUN_SECONDS, interval=0.5)
        assert finished, f"{self.path}: Run All did not finish within {RUN_SECONDS} s"

    def _started(self) -> bool:
        first_code = self.page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt").first
        return "*" in (first_code.text_content() or "") or any(c.count for c in self.code_cells())

    def _finished(self) -> bool:
        cells = self.code_cells()
        busy = self.page.locator(".jp-Notebook .jp-CodeCell .jp-InputPrompt:has-text('[*]')").count()
        done = all(c.count is not None for c in cells) or any(c.errors for c in cells)
        return busy == 0 and done and self._kernel_usable()

    def errors_shown(self) -> list[dict]:
        """Outputs the page shows as errors or tracebacks, with their cell index."""
        return self.page.evaluate(ERRORS_SHOWN)

    def cell(self, index: int):
        """The Playwright locator of cell `index`."""
        return self.page.locator(".jp-Notebook .jp-Cell").nth(index)

    def cell_index(self, source_start: str) -> int:
        """The index of the first code cell whose source (after comment lines) starts with `source_start`,
        or contains it when none starts with it."""
        cells = self.code_cells()
        for cell in cells:
            code = [line for line in cell.source.splitlines() if line.strip() and not line.startswith("#")]
            if code and code[0].startswith(source_start):
                return cell.index
        for cell in cells:
            if source_start in cell.source:
                return cell.index
        raise AssertionError(f"{self.path}: no code cell with {source_start!r}")

    def cell_text(self, index: int) -> str:
        """The text of cell `index`'s outputs, as the page shows it."""
        return self.cell(index).locator(".jp-OutputArea").inner_text().strip()

    def run_with_source(self, index: int, source: str) -> None:
        """Replace the source of cell `index` (as a learner's typing would), then run it."""
        self.page.evaluate(SET_SOURCE, [index, source])
        self.run_cell(index)

    def run_cell(self, index: int) -> None:
        """Select cell `index` and run it with Shift+Enter; wait until the kernel is idle again."""
        count = self.cells()[index].count
        self.cell(index).locator(".jp-InputPrompt").click()
        self.page.keyboard.press("Shift+Enter")
        assert wait_until(lambda: self.cells()[index].count not in (None, count) and self._kernel_usable(),
                          RUN_SECONDS, interval=0.2), f"{self.path}: cell {index} did not run"

    def svgs(self, index: int) -> list[str]:
        """Every diagram shown in cell `index`'s outputs, as SVG text."""
        return self.page.evaluate(CELL_SVGS, index)

    def scroll_to_top(self, index: int) -> None:
        """Scroll the notebook so that cell `index` starts at the top of the page."""
        self.page.evaluate("(i) => document.querySelectorAll('.jp-Notebook .jp-Cell')[i].scrollIntoView()", index)

    def close(self) -> None:
        """Close the tab without saving, then end the notebook's kernel."""
        try:
            close_quietly(self.page)
        finally:
            self.server.shut_down_session(self.path)


def close_quietly(closable) -> None:
    """Close a Playwright page or browser; if the connection to it is already gone (as after Ctrl-C),
    there is nothing left to close."""
    from playwright.sync_api import Error

    try:
        closable.close()
    except Error as error:
        if "closed" not in str(error).lower():
            raise
