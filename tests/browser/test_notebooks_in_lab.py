"""Every notebook, opened in JupyterLab and run with Run > Run All Cells as a learner would, runs every
code cell and shows no error that was not meant.

Errors shown on purpose are printed by `expect_error` (ordinary text), so any error output, traceback or
widget that failed to display is a failure here.
"""

import pytest

from .lab_server import notebook_names

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("name", notebook_names())
def test_run_all_runs_every_cell_without_errors(notebook_runs, name):
    notebook = notebook_runs.get(name)
    cells = notebook.code_cells()
    assert cells, f"{name} has no code cells"

    raised = {cell.index: cell.errors for cell in cells if cell.errors}
    assert not raised, f"{name}: cells raised {raised}"
    shown = notebook.errors_shown()
    assert not shown, f"{name}: the page shows errors:\n" + "\n\n".join(
        f"cell {error['index']} ({error['mime'] or 'no mime type'}): {' '.join(error['text'].split())}"
        for error in shown)

    not_run = [cell.index for cell in cells if cell.count is None]
    assert not not_run, f"{name}: cells {not_run} have no execution count after Run All"
    counts = [cell.count for cell in cells]
    assert counts == sorted(set(counts)), f"{name}: cells did not run once each, in order: {counts}"
