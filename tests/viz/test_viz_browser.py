"""In JupyterLab (headless Chromium): the seed's detach example draws the cut, a requires_grad toggle
changes the graph, and stepping through the sigmoid example's backward fills in a.grad."""

import json
import socket
import subprocess
import sys
import time
import urllib.request

import nbformat
import pytest

from minitorch.viz.introspect import format_array

pytestmark = pytest.mark.browser

CELLS = [
    """import minitorch as torch
from minitorch.viz import draw_graph, explore, step_backward
t1 = torch.tensor([1., 2.], requires_grad=True)
t2 = torch.tensor([2., 3.], requires_grad=True)
v3 = t1 + t2
v3_detached = v3.detach()
v3_detached.data.add_(t1)
draw_graph(v3, names=locals())""",
    """def f(a, b):
    c = a * b
    loss = c.sigmoid().sum()
    return locals()
explore(f, a=torch.tensor([1., 2.]), b=torch.tensor(0.5, requires_grad=True))""",
    """a = torch.tensor([1, 2, 3.], requires_grad=True)
out = a.sigmoid()
step_backward(out.sum(), names=locals())""",
]
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CELL_PICTURES = """(index) => {
    const cell = document.querySelectorAll('.jp-Cell.jp-CodeCell')[index];
    let text = '';
    cell.querySelectorAll('img').forEach(img => {
        if (!img.src.startsWith('data:image/svg+xml')) return;
        const data = img.src.slice(img.src.indexOf(',') + 1);  // a base64 or a percent-encoded SVG
        text += img.src.startsWith('data:image/svg+xml;base64,') ? atob(data) : decodeURIComponent(data);
    });
    cell.querySelectorAll('svg').forEach(svg => { text += svg.outerHTML; });
    return text;
}"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _kernel_connected(base: str) -> bool:
    try:
        kernels = json.load(urllib.request.urlopen(base + "/api/kernels", timeout=2))
    except Exception:  # the server answers 500 while the kernel starts
        return False
    return any(k.get("execution_state") == "idle" and k.get("connections", 0) > 0 for k in kernels)


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.5)
    return False


@pytest.fixture
def lab(tmp_path):
    """A JupyterLab server on a free port serving a notebook with the three cells; stopped afterwards."""
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in CELLS])
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    nbformat.write(notebook, tmp_path / "viz.ipynb")
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "jupyter", "lab", "--allow-root", "--no-browser", f"--port={port}",
         "--ip=127.0.0.1", "--ServerApp.token=", "--ServerApp.password=", f"--ServerApp.root_dir={tmp_path}"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        assert _wait(lambda: _answers(base), 60), "JupyterLab did not start"
        yield base
    finally:
        server.terminate()
        server.wait(timeout=30)


def _answers(base: str) -> bool:
    try:
        return urllib.request.urlopen(base + "/api", timeout=2).status == 200
    except Exception:  # not listening yet
        return False


def _torch_sigmoid_grad(torch) -> str:
    a = torch.tensor([1, 2, 3.0], requires_grad=True)
    a.sigmoid().sum().backward()
    return format_array(a.grad.numpy())


def test_diagrams_and_widgets_in_jupyterlab(lab, chromium, torch):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1400, "height": 1800})
            page.goto(lab + "/lab/tree/viz.ipynb")
            page.wait_for_selector(".jp-Notebook", timeout=60000)
            assert _wait(lambda: _kernel_connected(lab), 60), "no kernel connected"
            page.click("li.lm-MenuBar-item:has-text('Run')")
            page.click("li.lm-Menu-item:has-text('Run All Cells')")
            page.wait_for_selector("button:has-text('next')", timeout=120000)

            seed = page.evaluate(CELL_PICTURES, 0)
            assert ">v3_detached<" in seed and ">v3<" in seed and "detach" in seed

            before = page.evaluate(CELL_PICTURES, 1)
            assert before.count(">AccumulateGrad<") == 1  # only b requires grad at first
            page.query_selector_all(".widget-checkbox input[type=checkbox]")[0].click()
            assert _wait(lambda: page.evaluate(CELL_PICTURES, 1).count(">AccumulateGrad<") == 2, 10)

            assert "grad None" in page.evaluate(CELL_PICTURES, 2)
            for _ in range(3):
                page.click("button:has-text('next')")
            expected = f"grad {_torch_sigmoid_grad(torch)}"
            assert _wait(lambda: expected in page.evaluate(CELL_PICTURES, 2), 10)
        finally:
            browser.close()
