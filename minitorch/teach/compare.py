"""The "check with real PyTorch" cell: run one snippet on PyTorch and on minitorch, show both outputs.

``compare_with_torch('''
import torch
x = torch.ones(2, requires_grad=True)
(x * 3).sum().backward()
x.grad
''')``

runs the snippet twice, each time in a fresh namespace: once with real torch (when it is installed), once
with ``import torch`` resolving to minitorch. Everything the snippet prints, its warnings, its error line
and the value of its last expression are captured, memory addresses (``0x7f...``) are normalised, and
both outputs are shown side by side with a verdict. Without PyTorch, a note and minitorch's output alone.

Saved outputs and nbval: what this cell shows depends on whether PyTorch is installed, so its cell
starts with ``# NBVAL_IGNORE_OUTPUT`` and the comparison is asserted inside instead. With PyTorch 2.13
installed, any difference raises AssertionError after the comparison is shown, and nbval fails the
cell (it fails cells that raise, even when their output is ignored). Without PyTorch, the cell checks that
the snippet runs on minitorch. Strict nbval therefore passes with and without torch, and a parity
regression cannot pass silently where torch is installed. Run the same code in ordinary cells too (as
the notebooks do before their "check with real PyTorch" section), so nbval compares minitorch's output.
"""

from __future__ import annotations

import ast
import html
import io
import re
import textwrap
import warnings
from contextlib import redirect_stderr, redirect_stdout
from dataclasses import dataclass
from itertools import zip_longest

from minitorch.run import torch_alias
from minitorch.teach._render import Rendered, show
from minitorch.teach.errors import format_error

REFERENCE_VERSION = "2.13"
NOT_INSTALLED_NOTE = "PyTorch is not installed here; minitorch's output alone:"
_ADDRESS = re.compile(r"0x[0-9a-fA-F]+")
_COLUMNS_STYLE = 'style="display: flex; flex-wrap: wrap; gap: 1em"'
_COLUMN_STYLE = 'style="flex: 1 1 22em; min-width: 0"'
# Long lines wrap between words (JupyterLab's default for output text breaks inside words: "af ter"); a word
# longer than the column scrolls inside it instead of widening the page.
_PRE_STYLE = 'style="white-space: pre-wrap; word-break: normal; overflow-wrap: break-word; overflow-x: auto"'


def normalise_addresses(text: str) -> str:
    """Replace memory addresses such as ``0x7f3a5c2b1d90`` by ``0x...``: they differ on every run."""
    return _ADDRESS.sub("0x...", text)


def run_snippet(code: str) -> str:
    """Run `code` in a fresh namespace; return what it printed, its warnings, its last value and its error.

    Like a notebook cell, a final expression's value is shown (its repr), unless it is None. An error
    ends the run and is shown as its last traceback line (``RuntimeError: ...``). Warnings are shown as
    ``Category: message`` where they happen, every time.
    """
    body, last_expression = _compile_cell(textwrap.dedent(code))
    namespace = {"__name__": "__main__"}
    captured = io.StringIO()

    def show_warning(message, category, *args, **kwargs):
        captured.write(f"{category.__name__}: {message}\n")

    with redirect_stdout(captured), redirect_stderr(captured), warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show_warning
        try:
            exec(body, namespace)
            if last_expression is not None:
                value = eval(last_expression, namespace)
                if value is not None:
                    print(repr(value))
        except Exception as error:
            print(format_error(error))
    return normalise_addresses(captured.getvalue())


def _compile_cell(code: str):
    """Compile `code` as statements plus, when it ends with an expression, that expression on its own."""
    tree = ast.parse(code, "<snippet>")
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = compile(ast.Expression(tree.body.pop().value), "<snippet>", "eval")
    return compile(tree, "<snippet>", "exec"), last


@dataclass(frozen=True)
class Comparison:
    """Both outputs of one snippet. `torch_output` and `torch_version` are None without PyTorch."""

    minitorch_output: str
    torch_output: str | None = None
    torch_version: str | None = None

    @property
    def differences(self) -> list[tuple[int, str | None, str | None]]:
        """(line number, PyTorch's line, minitorch's line) for every line that differs; None: no line."""
        if self.torch_output is None:
            return []
        pairs = zip_longest(self.torch_output.splitlines(), self.minitorch_output.splitlines())
        return [(number, theirs, ours) for number, (theirs, ours) in enumerate(pairs, 1) if theirs != ours]

    @property
    def is_reference_version(self) -> bool:
        """Whether the installed PyTorch is the version minitorch follows."""
        return self.torch_version is not None and self.torch_version.startswith(REFERENCE_VERSION + ".")


def compare(code: str) -> Comparison:
    """Run `code` on real PyTorch (if installed) and on minitorch; return both outputs."""
    torch = _real_torch()
    torch_output = run_snippet(code) if torch is not None else None
    with torch_alias():
        minitorch_output = run_snippet(code)
    version = torch.__version__.split("+")[0] if torch is not None else None
    return Comparison(minitorch_output, torch_output, version)


def _real_torch():
    """The real torch module, or None when it is not installed (or `torch` is not PyTorch)."""
    try:
        import torch
    except ImportError:
        return None
    return torch if torch.__name__ == "torch" else None


def render_comparison(comparison: Comparison) -> Rendered:
    """The comparison as text and as an HTML table with a verdict line."""
    mini = _block(comparison.minitorch_output)
    if comparison.torch_output is None:
        return Rendered(
            f"{NOT_INSTALLED_NOTE}\n{mini}".rstrip("\n"),
            f"<p>{html.escape(NOT_INSTALLED_NOTE)}</p>\n<pre>{html.escape(mini)}</pre>",
        )
    torch_name = f"PyTorch {comparison.torch_version}"
    verdict, verdict_lines = _verdict(comparison, torch_name)
    if not comparison.differences:
        text = f"{verdict}\n{mini}"
    else:
        theirs = _block(comparison.torch_output)
        text = f"{torch_name}:\n{theirs}minitorch:\n{mini}{verdict}\n" + "\n".join(verdict_lines)
    version_note = _version_note(comparison)
    if version_note:
        text = f"{version_note}\n{text}"
    return Rendered(text.rstrip("\n"), _comparison_html(comparison, torch_name, verdict, verdict_lines))


def _block(output: str) -> str:
    """An output as a block of lines ending with a newline; "(no output)" when empty."""
    return (output or "(no output)").rstrip("\n") + "\n"


def _verdict(comparison: Comparison, torch_name: str) -> tuple[str, list[str]]:
    differences = comparison.differences
    if not differences:
        return f"{torch_name} and minitorch print the same:", []
    lines = []
    for number, theirs, ours in differences:
        lines.append(f"  line {number}: PyTorch   {_quote(theirs)}")
        lines.append(f"  {' ' * len(str(number))}       minitorch {_quote(ours)}")
    return f"They differ on {len(differences)} line(s):", lines


def _quote(line: str | None) -> str:
    return "(no line)" if line is None else repr(line)


def _version_note(comparison: Comparison) -> str:
    if comparison.is_reference_version:
        return ""
    return (
        f"minitorch follows PyTorch {REFERENCE_VERSION}; this is PyTorch {comparison.torch_version}, "
        "so some differences may come from the version."
    )


def _comparison_html(comparison: Comparison, torch_name: str, verdict: str, verdict_lines: list[str]) -> str:
    def column(title: str, output: str | None) -> str:
        return (f'<div {_COLUMN_STYLE}><b>{html.escape(title)}</b>'
                f"<pre {_PRE_STYLE}>{html.escape(_block(output or ''))}</pre></div>")

    # Two columns side by side where there is room; on a narrow page the second goes below the first.
    table = (f"<div {_COLUMNS_STYLE}>\n{column(torch_name, comparison.torch_output)}\n"
             f"{column('minitorch', comparison.minitorch_output)}\n</div>")
    if comparison.differences:
        listing = html.escape("\n".join(verdict_lines))
        verdict_html = f"<p>&#x2717; {html.escape(verdict)}</p>\n<pre>{listing}</pre>"
    else:
        verdict_html = "<p>&#x2713; Identical output.</p>"
    note = _version_note(comparison)
    note_html = f"<p>{html.escape(note)}</p>\n" if note else ""
    return f'<div class="minitorch-compare">\n{note_html}{table}\n{verdict_html}\n</div>'


def compare_with_torch(code: str, strict: bool = True) -> None:
    """Run `code` (PyTorch syntax, ``import torch``) on PyTorch and on minitorch; show both and a verdict.

    Without PyTorch: a note and minitorch's output alone, never an error. With PyTorch 2.13 and
    `strict`, a difference raises AssertionError after the comparison is shown. Put
    ``# NBVAL_IGNORE_OUTPUT`` at the top of the cell (see the module docstring for why).
    """
    comparison = compare(code)
    show(render_comparison(comparison))
    if strict and comparison.differences and comparison.is_reference_version:
        raise AssertionError(
            f"minitorch's output differs from PyTorch {comparison.torch_version}'s on "
            f"{len(comparison.differences)} line(s): see the comparison above"
        )
