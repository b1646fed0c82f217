"""A JupyterLab server for browser tests: loopback only, its own free port, no token, the repository as
its root, and settings that keep the learner's files untouched (no autosave) and the page quiet.

The server is a plain child process whose PID we keep; `stop()` ends it (and the kernels it started)
whatever happened in the tests.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
# JupyterLab user settings, written to a private settings directory for this server only: the project's own
# settings (what `make lab` installs), then what the tests need on top.
PROJECT_SETTINGS = json.loads((REPO / "scripts" / "jupyterlab-overrides.json").read_text())
LAB_SETTINGS = {
    **{plugin.replace(":", "/"): values for plugin, values in PROJECT_SETTINGS.items()},
    # Never write the notebooks back: running them in the browser must not change the repository.
    "@jupyterlab/docmanager-extension/plugin": {"autosave": False},
    # Keep every cell in the page, so each cell's prompt and outputs can be read.
    "@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"},
}
START_SECONDS = 90
STOP_SECONDS = 20


def notebook_names() -> list[str]:
    """The notebooks in the repository's notebooks/ right now, by file stem, in order."""
    return sorted(path.stem for path in (REPO / "notebooks").glob("*.ipynb"))


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, seconds: float, interval: float = 0.25) -> bool:
    """Call `condition` until it returns something true or `seconds` pass; return its last result."""
    deadline = time.monotonic() + seconds
    while True:
        result = condition()
        if result or time.monotonic() >= deadline:
            return result
        time.sleep(interval)


def write_settings(settings_dir: Path) -> None:
    """Write LAB_SETTINGS as JupyterLab user-settings files under `settings_dir`."""
    for plugin, values in LAB_SETTINGS.items():
        path = settings_dir / f"{plugin}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values, indent=2))


class LabServer:
    """One JupyterLab server process serving `root` on 127.0.0.1; `state_dir` holds its settings and logs."""

    def __init__(self, root: Path, state_dir: Path, fresh_data_dir: bool = False):
        self.root = Path(root)
        # A data directory of its own holds a fresh notebook-trust database: every notebook opens untrusted,
        # as in a fresh clone.
        self.env = {**os.environ, "JUPYTER_DATA_DIR": str(Path(state_dir) / "data")} if fresh_data_dir else None
        self.state_dir = Path(state_dir)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None
        self.log_path = self.state_dir / "jupyterlab.log"

    def command(self) -> list[str]:
        """The command line that starts the server."""
        settings, workspaces = self.state_dir / "settings", self.state_dir / "workspaces"
        write_settings(settings)
        workspaces.mkdir(parents=True, exist_ok=True)
        allow_root = ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else []
        return [
            sys.executable, "-m", "jupyter", "lab", *allow_root, "--no-browser",
            "--ip=127.0.0.1", f"--port={self.port}", "--port-retries=0",
            "--ServerApp.token=", "--ServerApp.password=",
            # Tokenless and on loopback only: let the tests end sessions with a plain DELETE (no XSRF cookie).
            "--ServerApp.disable_check_xsrf=True",
            f"--ServerApp.root_dir={self.root}",
            f"--LabApp.user_settings_dir={settings}", f"--LabApp.workspaces_dir={workspaces}",
            # Opening a notebook makes a checkpoint copy: keep those out of the repository.
            f"--FileCheckpoints.checkpoint_dir={self.state_dir / 'checkpoints'}",
            # window.jupyterapp: the tests read execution counts from JupyterLab's notebook model.
            "--LabApp.expose_app_in_browser=True",
        ]

    def start(self) -> None:
        """Start the server and wait (bounded) until its REST API answers; raise with its log if not."""
        self.state_dir.mkdir(parents=True, exist_ok=True)
        with open(self.log_path, "wb") as log:
            # A session of its own: Ctrl-C in the terminal reaches pytest, which then stops the server.
            self.process = subprocess.Popen(self.command(), cwd=self.root, stdin=subprocess.DEVNULL,
                                            stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
                                            env=self.env)
        if not wait_until(self._answers, START_SECONDS, interval=0.5):
            self.stop()
            raise RuntimeError(f"JupyterLab did not answer within {START_SECONDS} s:\n{self.log_tail()}")

    def _answers(self) -> bool:
        if self.process is not None and self.process.poll() is not None:
            raise RuntimeError(f"JupyterLab exited with code {self.process.returncode}:\n{self.log_tail()}")
        try:
            return self.get("/api/status") is not None
        except (OSError, ValueError):  # not listening yet
            return False

    def get(self, path: str):
        """GET a REST API path and return the decoded JSON (raises on HTTP errors and timeouts)."""
        with urllib.request.urlopen(self.url + path, timeout=5) as answer:
            return json.load(answer)

    def request(self, method: str, path: str) -> None:
        """Send a body-less request such as DELETE to a REST API path."""
        urllib.request.urlopen(urllib.request.Request(self.url + path, method=method), timeout=10).close()

    def kernel_of(self, notebook_path: str) -> dict | None:
        """The kernel model (`execution_state`, `connections`, ...) of the session open on `notebook_path`."""
        try:
            sessions = self.get("/api/sessions")
            for session in sessions:
                if session.get("path") == notebook_path and session.get("kernel"):
                    return self.get(f"/api/kernels/{session['kernel']['id']}")
        except (OSError, ValueError):  # the server answers 500 while a kernel is starting
            return None
        return None

    def shut_down_session(self, notebook_path: str) -> None:
        """End the session (and so the kernel) open on `notebook_path`, if any."""
        try:
            for session in self.get("/api/sessions"):
                if session.get("path") == notebook_path:
                    self.request("DELETE", f"/api/sessions/{session['id']}")
        except (OSError, ValueError):  # already gone, or the server is stopping
            pass

    def stop(self) -> None:
        """Stop the server by its PID: SIGTERM (it shuts its kernels down), then SIGKILL if it lingers."""
        process, self.process = self.process, None
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)  # the group the server leads (start_new_session)
            process.wait(timeout=STOP_SECONDS)

    def log_tail(self, lines: int = 40) -> str:
        """The last lines of the server's log, for error messages."""
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"
