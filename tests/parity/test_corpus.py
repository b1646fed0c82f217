"""The corpus (``tests/corpus/``): scripts written like the tutorials and docs learners read, run unchanged.

Each script runs on minitorch through ``python -m minitorch.run`` and must print what torch 2.13.0 printed
(stored in ``tests/corpus/expected/``). A script marked ``# expected-to-differ: <reason>`` is an expected
failure for that reason until the missing piece lands; docs/corpus.md keeps the pass rate. A sample is also
checked live, torch against minitorch, as ``--compare`` does (set MINITORCH_CHECK_ALL_CORPUS=1 for all).
"""

import os
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "corpus"))
from corpus_tools import (  # noqa: E402
    compare_live,
    compare_with_stored,
    corpus_scripts,
    expected_difference,
    expected_output_path,
    mirrored_page,
)

SCRIPTS = corpus_scripts()
LIVE_SAMPLE = SCRIPTS if os.environ.get("MINITORCH_CHECK_ALL_CORPUS") == "1" else SCRIPTS[::8]


def _name(script):
    return script.stem


def _judge(outcome):
    """Pass when identical; an expected failure when the script says why it differs; else fail with the diff."""
    if outcome.status == "identical":
        return
    reason = expected_difference(outcome.script)
    if reason:
        pytest.xfail(reason)
    pytest.fail(f"{outcome.script.name} {outcome.status}: {outcome.detail}\n{outcome.diff}", pytrace=False)


def test_every_script_names_its_page_and_has_torchs_output():
    """A script without its page or without a stored output cannot be judged."""
    assert len(SCRIPTS) >= 25
    assert [s.name for s in SCRIPTS if not mirrored_page(s)] == []
    assert [s.name for s in SCRIPTS if not expected_output_path(s).exists()] == []


@pytest.mark.parametrize("script", SCRIPTS, ids=_name)
def test_script_prints_what_torch_printed(script):
    """The script, run on minitorch, prints torch's stored output (or is marked with the reason it does not)."""
    _judge(compare_with_stored(script))


@pytest.mark.parity
@pytest.mark.parametrize("script", LIVE_SAMPLE, ids=_name)
def test_compare_live(torch, script):
    """torch and minitorch run now, side by side, as ``python -m minitorch.run --compare`` runs them."""
    _judge(compare_live(script))
