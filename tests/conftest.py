"""Shared test set-up: the `parity` and `browser` markers, and the rule that makes their skips fail in CI.

Tests that compare with real PyTorch are marked `parity` (or live in tests/parity/); tests that drive
JupyterLab in Chromium are marked `browser` (or live in tests/browser/); tests that grade the series
with nbgrader are marked `teach` (or live in tests/nbgrader/). Without torch, Chromium, Playwright or
nbgrader they skip; the run ends with one line per reason for skipping and how to run those tests too.
CI sets MINITORCH_REQUIRE_TORCH=1, MINITORCH_REQUIRE_BROWSER=1 and MINITORCH_REQUIRE_TEACH=1: then such a
skip is reported as a failure, so a broken CI machine cannot pass by testing less.
"""

import importlib.metadata
import os
import shutil
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

TESTS_DIR = Path(__file__).parent


@dataclass(frozen=True)
class Requirement:
    """A kind of test that may skip on a developer's machine but must run where `env_var` is set."""

    marker: str
    env_var: str
    folder: str
    modules: tuple[str, ...]
    needs: str
    how_to_run: str

    def is_required(self) -> bool:
        """True when the environment says these tests must run, not skip."""
        return os.environ.get(self.env_var, "") not in ("", "0")

    def covers(self, path: Path, markers: set[str], skip_reason: str) -> bool:
        """True when a test (file) at `path` with `markers`, skipped for `skip_reason`, is of this kind."""
        in_folder = (TESTS_DIR / self.folder) in Path(path).parents
        missing_module = any(f"could not import '{module}'" in skip_reason for module in self.modules)
        return self.marker in markers or in_folder or missing_module


REQUIREMENTS = (
    Requirement("parity", "MINITORCH_REQUIRE_TORCH", "parity", ("torch",), needs="torch 2.13.0",
                how_to_run="make test EXTRAS=test,parity (installs torch 2.13.0 into .venv)"),
    Requirement("browser", "MINITORCH_REQUIRE_BROWSER", "browser", ("playwright",), needs="Chromium and Playwright",
                how_to_run="apt-get install chromium, then make test EXTRAS=test,browser"),
    Requirement("teach", "MINITORCH_REQUIRE_TEACH", "nbgrader", ("nbgrader",), needs="nbgrader (the teach extra)",
                how_to_run="make test EXTRAS=test,teach"),
)


def skip_reason_of(report) -> str:
    """The reason text of a skipped test or collection report."""
    longrepr = report.longrepr
    reason = str(longrepr[2]) if isinstance(longrepr, tuple) and len(longrepr) == 3 else str(longrepr)
    return reason.removeprefix("Skipped: ")


def broken_requirement(path: Path, markers: set[str], skip_reason: str) -> Requirement | None:
    """The requirement a skip violates, if the environment demands that kind of test to run."""
    for requirement in REQUIREMENTS:
        if requirement.is_required() and requirement.covers(path, markers, skip_reason):
            return requirement
    return None


def turn_skip_into_failure(report, requirement: Requirement, skip_reason: str) -> None:
    """Rewrite a skipped report as a failure that says which variable demanded the test and why it skipped."""
    report.outcome = "failed"
    report.longrepr = (
        f"{requirement.env_var} is set, so this {requirement.marker} test must run, but it skipped: "
        f"{skip_reason}\nInstall {requirement.needs} (see .ci/run), or unset {requirement.env_var}."
    )


def pytest_ignore_collect(collection_path, config):
    """nbval runs the notebooks in notebooks/ only; a notebook under tests/ is a test's data, not a test."""
    if collection_path.suffix == ".ipynb":
        return True
    return None


def pytest_collection_modifyitems(config, items):
    """Mark tests in tests/parity/, tests/browser/ and tests/nbgrader/, and tests using the `torch` or `chromium`
    fixture."""
    fixture_markers = {"torch": "parity", "chromium": "browser"}
    for item in items:
        for requirement in REQUIREMENTS:
            if (TESTS_DIR / requirement.folder) in item.path.parents:
                item.add_marker(requirement.marker)
        for fixture in getattr(item, "fixturenames", ()):
            if fixture in fixture_markers:
                item.add_marker(fixture_markers[fixture])


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """A skipped test of a required kind becomes a failure."""
    report = yield
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = skip_reason_of(report)
        markers = {mark.name for mark in item.iter_markers()}
        requirement = broken_requirement(item.path, markers, reason)
        if requirement:
            turn_skip_into_failure(report, requirement, reason)
    return report


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    """A test file that skips as a whole (a module-level importorskip) of a required kind becomes an error."""
    report = yield
    if report.skipped:
        reason = skip_reason_of(report)
        requirement = broken_requirement(collector.path, set(), reason)
        if requirement:
            turn_skip_into_failure(report, requirement, reason)
    return report


KIND_MARKERS = tuple(requirement.marker for requirement in REQUIREMENTS)


def skip_group(report, rootpath: Path) -> str:
    """One line that names why a test skipped; all the tests that need torch (or Chromium) share it."""
    reason = skip_reason_of(report)
    markers = {name for name in getattr(report, "keywords", {}) if name in KIND_MARKERS}
    for requirement in REQUIREMENTS:
        if requirement.covers(rootpath / report.nodeid.split("::")[0], markers, reason):
            return f"need {requirement.needs} ({requirement.marker}); to run them: {requirement.how_to_run}"
    return reason


def kind_of(report) -> str:
    """What a passed test checks, for the count of what ran."""
    if report.nodeid.split("::")[0].endswith(".ipynb"):
        return "notebook cells"
    keywords = getattr(report, "keywords", {})
    return next((marker for marker in KIND_MARKERS if marker in keywords), "unit")


def pytest_terminal_summary(terminalreporter):
    """End the run with what ran, by kind, and what skipped: one line per reason and how to run it."""
    stats = terminalreporter.stats
    passed = Counter(kind_of(report) for report in stats.get("passed", []) if report.when == "call")
    rootpath = terminalreporter.config.rootpath
    skipped = Counter(skip_group(report, rootpath) for report in stats.get("skipped", []))
    if not passed and not skipped:
        return
    write = terminalreporter.write_line
    terminalreporter.section("what ran and what skipped")
    write("ran and passed: " + ", ".join(f"{count} {kind}" for kind, count in sorted(passed.items())))
    for reason, count in sorted(skipped.items(), key=lambda item: -item[1]):
        write(f"skipped {count}: {reason}")


def pytest_report_header(config):
    """Say at the top of the run which optional parts are present and which are required."""
    try:
        torch_version = importlib.metadata.version("torch")
    except importlib.metadata.PackageNotFoundError:
        torch_version = "not installed (parity tests skip)"
    required = ", ".join(r.env_var for r in REQUIREMENTS if r.is_required()) or "none"
    blas_kernel = os.environ.get("OPENBLAS_CORETYPE") or "the CPU's choice"
    return [f"torch: {torch_version}; chromium: {chromium_path() or 'not found'}; required: {required}; "
            f"numpy's BLAS kernel: {blas_kernel}"]


def chromium_path() -> str | None:
    """The Chromium executable to drive, or None when there is none."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    return None


@pytest.fixture(scope="session")
def torch():
    """Real PyTorch for parity tests; skips (with the reason shown) when it is not installed."""
    return pytest.importorskip("torch")


@pytest.fixture(scope="session")
def chromium():
    """The path of the Chromium executable for browser tests; skips when Chromium or Playwright is absent."""
    pytest.importorskip("playwright", reason="could not import 'playwright': pip install playwright")
    path = chromium_path()
    if path is None:
        pytest.skip("Chromium is not installed (Debian/Ubuntu: apt-get install chromium)")
    return path
