"""Every PyTorch snippet in ``snippets/`` runs unchanged on minitorch and prints what torch 2.13 printed.

Each snippet runs in a fresh interpreter through ``python -m minitorch.run`` and its stdout (memory
addresses normalised) must equal the stored ``.out`` file, which ``regenerate.py`` produced with real
torch. These tests need no torch, nor does the check that no snippet prints a value on a rounding tie
(see ``tie_probe.py``): such a value prints differently on another machine, so its stored output would not
be what torch prints there. The parity-marked test at the end re-runs the snippets with real torch to check
that the stored outputs are still what torch prints: all of them where torch is required (CI), a sample
elsewhere.
"""

import difflib
import os

import pytest
from snippet_tools import all_snippets, expected_output_path, normalize, run_snippet, snippet_id
from tie_probe import MARKER as TIE_MARKER

SNIPPETS = all_snippets()
# Re-running every snippet with torch takes minutes: a developer's run checks a sample, CI (which sets
# MINITORCH_REQUIRE_TORCH) or MINITORCH_CHECK_ALL_SNIPPETS=1 checks them all.
CHECK_ALL_WITH_TORCH = any(os.environ.get(name, "") not in ("", "0")
                           for name in ("MINITORCH_REQUIRE_TORCH", "MINITORCH_CHECK_ALL_SNIPPETS"))
TORCH_SAMPLE = SNIPPETS if CHECK_ALL_WITH_TORCH else SNIPPETS[::16]
# A snippet whose first line starts so prints only exact values (literals, one correctly rounded
# operation): the same on every machine even next to a tie, so the tie check leaves it out.
EXACT_VALUES_MARKER = "# exact values: "


def _diff(expected, actual, path):
    """A unified diff between the stored output and what was printed now."""
    lines = difflib.unified_diff(
        expected.splitlines(keepends=True),
        actual.splitlines(keepends=True),
        fromfile=f"{snippet_id(path)}.out (torch 2.13)",
        tofile=f"{snippet_id(path)} (this run)",
    )
    return "".join(lines)


def _check_output(path, with_minitorch):
    """Run a snippet and fail with a diff (and the stderr tail) unless it prints the stored output."""
    expected = expected_output_path(path).read_text(encoding="utf-8")
    result = run_snippet(path, with_minitorch=with_minitorch)
    actual = normalize(result.stdout)
    if actual == expected and result.returncode == 0:
        return
    message = _diff(expected, actual, path)
    if result.returncode != 0:
        message += f"\nexit code {result.returncode}; stderr:\n{result.stderr[-3000:]}"
    pytest.fail(message, pytrace=False)


def test_every_snippet_has_a_stored_output():
    """A snippet without an ``.out`` file would silently be skipped; it must be regenerated."""
    missing = [snippet_id(path) for path in SNIPPETS if not expected_output_path(path).exists()]
    assert not missing, f"run tests/parity/regenerate.py for: {missing}"


def test_every_stored_output_has_a_snippet():
    """A stale ``.out`` whose snippet was renamed or removed is an error too."""
    outputs = sorted(SNIPPETS[0].parent.glob("*.out")) + sorted(SNIPPETS[0].parent.glob("nn/*.out"))
    orphans = [out.name for out in outputs if not out.with_suffix(".py").exists()]
    assert not orphans, f"outputs without a snippet: {orphans}"


@pytest.mark.parametrize("path", SNIPPETS, ids=snippet_id)
def test_snippet_prints_what_torch_printed(path):
    """The snippet, run on minitorch, prints exactly the stored torch output."""
    _check_output(path, with_minitorch=True)


def _declares_exact_values(path):
    """True when the snippet's first line says it prints only exact values, and why."""
    first_line = path.read_text(encoding="utf-8").partition("\n")[0]
    return first_line.startswith(EXACT_VALUES_MARKER) and len(first_line) > len(EXACT_VALUES_MARKER) + 10


@pytest.mark.parametrize("path", SNIPPETS, ids=snippet_id)
def test_snippet_prints_no_value_on_a_rounding_tie(path):
    """No printed tensor value changes when nudged a few units in the last place (see ``tie_probe.py``).

    A value that does is decided by its last bits, which depend on the machine's BLAS and math kernels:
    the stored torch output would hold one machine's rounding. Change the snippet's numbers (a learning
    rate, an input) until the check passes, then regenerate its output with ``regenerate.py``.
    """
    if _declares_exact_values(path):
        return
    result = run_snippet(path, with_minitorch=True, probe_ties=True)
    ties = [line.removeprefix(TIE_MARKER) for line in result.stderr.splitlines() if line.startswith(TIE_MARKER)]
    assert result.returncode == 0, result.stderr[-3000:]
    assert not ties, "printed values on a rounding tie (printed | nudged):\n" + "\n".join(ties)


@pytest.mark.parity
@pytest.mark.parametrize("path", TORCH_SAMPLE, ids=snippet_id)
def test_stored_output_is_still_what_torch_prints(path, torch):
    """Real torch 2.13.0 still prints the stored output (guards against hand edits and drift)."""
    _check_output(path, with_minitorch=False)
