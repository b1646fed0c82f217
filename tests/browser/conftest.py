"""Fixtures for the browser tests: one JupyterLab server and one headless Chromium for all the tests in
this package, and each notebook opened and run at most once (tests that click its widgets reuse that run).
The fixtures are package-scoped, so the browser is closed before browser tests elsewhere start their own
(Playwright's sync API allows one at a time).

Screenshots are written to assets/ only when MINITORCH_UPDATE_SCREENSHOTS=1, so an ordinary run leaves the
repository as it was.
"""

from __future__ import annotations

import atexit
import os
from pathlib import Path

import pytest

from .lab_server import REPO, LabServer
from .notebook_page import NotebookPage, close_quietly

ASSETS = REPO / "assets"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
LAUNCH_SECONDS = 60


@pytest.fixture(scope="package")
def lab_server(chromium, tmp_path_factory):
    """A JupyterLab server on loopback serving the repository; stopped by its PID at the end, pass or fail."""
    server = LabServer(REPO, tmp_path_factory.mktemp("jupyterlab"))
    atexit.register(server.stop)  # in case the session ends without running teardown
    try:
        server.start()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="package")
def lab_browser(chromium):
    """One headless Chromium (the system's, never a downloaded one) for all tests here."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS,
                                             timeout=LAUNCH_SECONDS * 1000)
        try:
            yield browser
        finally:
            close_quietly(browser)


class NotebookRuns:
    """Opens and runs each notebook once, on demand, and keeps its tab for the tests that follow."""

    def __init__(self, browser, server: LabServer):
        self.browser = browser
        self.server = server
        self.pages: dict[str, NotebookPage] = {}

    def get(self, name: str) -> NotebookPage:
        """The tab of notebooks/<name>.ipynb after Clear Outputs and Run All (done on first use)."""
        if name not in self.pages:
            notebook = NotebookPage(self.browser, self.server, f"notebooks/{name}.ipynb")
            try:
                notebook.open()
                notebook.clear_and_run_all()
            except BaseException:
                notebook.close()
                raise
            self.pages[name] = notebook
        return self.pages[name]

    def close_all(self) -> None:
        """Close every tab and end its kernel."""
        for notebook in self.pages.values():
            notebook.close()
        self.pages.clear()


@pytest.fixture(scope="package")
def notebook_runs(lab_browser, lab_server):
    """The NotebookRuns of this package's tests; tabs and kernels are closed at the end."""
    runs = NotebookRuns(lab_browser, lab_server)
    try:
        yield runs
    finally:
        runs.close_all()


@pytest.fixture(scope="package")
def save_screenshot():
    """`save_screenshot(target, name, **options)` writes a PNG of a page or locator to assets/<name>.png
    (Playwright's screenshot options, such as `clip`), only when MINITORCH_UPDATE_SCREENSHOTS=1; returns
    the path written, or None."""

    def save(target, name: str, **options) -> Path | None:
        if os.environ.get("MINITORCH_UPDATE_SCREENSHOTS", "") in ("", "0"):
            return None
        path = ASSETS / f"{name}.png"
        path.parent.mkdir(exist_ok=True)
        target.screenshot(path=str(path), animations="disabled", **options)
        return path

    return save
