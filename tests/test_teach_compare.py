"""Tests of compare_with_torch and the torch -> minitorch import alias, with and without PyTorch."""

import sys

import pytest

import minitorch
from minitorch.teach import compare as compare_module
from minitorch.teach import compare_with_torch
from minitorch.teach.compare import NOT_INSTALLED_NOTE, Comparison, render_comparison, run_snippet


@pytest.fixture
def without_torch(monkeypatch):
    """Simulate a machine without PyTorch: `import torch` raises ImportError."""
    monkeypatch.setitem(sys.modules, "torch", None)


# run_snippet ----------------------------------------------------------------------------------------------


def test_run_snippet_captures_prints_the_last_value_and_normalises_addresses():
    code = """
        class Node:
            pass
        print("made", Node())
        [1, 2]
    """
    assert run_snippet(code) == "made <__main__.Node object at 0x...>\n[1, 2]\n"


def test_run_snippet_shows_the_error_line_and_stops_there():
    assert run_snippet("print('before')\n1 / 0\nprint('after')") == ("before\nZeroDivisionError: division by zero\n")


def test_run_snippet_shows_warnings_in_order_every_time():
    code = "import warnings\nfor i in range(2):\n    print(i)\n    warnings.warn('careful')\n"
    assert run_snippet(code) == "0\nUserWarning: careful\n1\nUserWarning: careful\n"


def test_run_snippet_uses_a_fresh_namespace_and_hides_none_values():
    run_snippet("leftover = 1")
    assert run_snippet("print('leftover' in globals())\nNone") == "False\n"


# running the snippet on minitorch --------------------------------------------------------------------------


def test_minitorch_run_leaves_torch_absent_when_it_was_absent(without_torch):
    comparison = compare_module.compare("import torch\nimport torch.nn.functional as F\nprint(F.__name__)")
    assert comparison.minitorch_output == "minitorch.nn.functional\n"
    assert comparison.torch_output is None and comparison.torch_version is None
    assert sys.modules["torch"] is None  # the "not installed" marker is back
    assert minitorch.__spec__.name == "minitorch"  # the alias did not rename minitorch


@pytest.mark.parity
def test_minitorch_run_puts_real_torch_back(torch):
    import torch.nn.functional as real_functional

    comparison = compare_module.compare("import torch.nn.functional as F\nprint(F.__name__)")
    assert comparison.torch_output == "torch.nn.functional\n"
    assert comparison.minitorch_output == "minitorch.nn.functional\n"
    assert sys.modules["torch"] is torch and sys.modules["torch.nn.functional"] is real_functional


# the comparison -------------------------------------------------------------------------------------------


def test_identical_outputs_show_one_output_and_a_check_mark():
    rendered = render_comparison(Comparison("tensor([1.])\n", "tensor([1.])\n", "2.13.0"))
    assert rendered.text == "PyTorch 2.13.0 and minitorch print the same:\ntensor([1.])"
    assert "<b>minitorch</b>" in rendered.html and "&#x2713; Identical output." in rendered.html


def test_different_outputs_list_the_differing_lines():
    comparison = Comparison("a\nb\n", "a\nB\nc\n", "2.13.0")
    assert comparison.differences == [(2, "B", "b"), (3, "c", None)]
    assert render_comparison(comparison).text == (
        "PyTorch 2.13.0:\na\nB\nc\nminitorch:\na\nb\nThey differ on 2 line(s):\n"
        "  line 2: PyTorch   'B'\n"
        "          minitorch 'b'\n"
        "  line 3: PyTorch   'c'\n"
        "          minitorch (no line)"
    )
    assert "&#x2717; They differ on 2 line(s):" in render_comparison(comparison).html


def test_without_torch_the_note_and_minitorch_output_alone():
    rendered = render_comparison(Comparison("tensor([1.])\n"))
    assert rendered.text == f"{NOT_INSTALLED_NOTE}\ntensor([1.])"
    assert "<table" not in rendered.html and "<pre>tensor([1.])\n</pre>" in rendered.html
    assert Comparison("").differences == []


def test_another_torch_version_is_named_and_never_fails(monkeypatch, capsys):
    comparison = Comparison("x\n", "y\n", "2.5.1")
    note = "minitorch follows PyTorch 2.13; this is PyTorch 2.5.1, so some differences may come from"
    assert render_comparison(comparison).text.startswith(note)
    monkeypatch.setattr(compare_module, "compare", lambda code: comparison)
    compare_with_torch("anything")  # strict, yet no AssertionError: the version is not the reference
    assert "They differ" in capsys.readouterr().out


def test_compare_with_torch_without_torch_shows_a_note_and_no_error(without_torch, capsys):
    compare_with_torch("import torch\nprint(torch.__name__)")
    assert capsys.readouterr().out == f"{NOT_INSTALLED_NOTE}\nminitorch\n"


@pytest.mark.parity
def test_compare_with_torch_identical(torch, capsys):
    compare_with_torch("import torch\nprint(6 * 7)\nlen('abc')")
    assert capsys.readouterr().out == "PyTorch 2.13.0 and minitorch print the same:\n42\n3\n"


@pytest.mark.parity
def test_compare_with_torch_raises_on_a_difference_unless_told_not_to(torch, capsys):
    code = "import torch\nprint(torch.__name__)"
    with pytest.raises(AssertionError, match="differs from PyTorch 2.13.0's on 1 line"):
        compare_with_torch(code)
    compare_with_torch(code, strict=False)
    printed = capsys.readouterr().out
    assert "  line 1: PyTorch   'torch'\n          minitorch 'minitorch'" in printed


@pytest.mark.parity
def test_compare_with_torch_on_autograd_code(torch, capsys):
    code = """
        import torch
        x = torch.ones(2, requires_grad=True)
        y = (x * 3).sum()
        y.backward()
        print(x.grad)
        print(y.grad_fn)
        x.add_(1)
    """
    compare_with_torch(code)
    printed = capsys.readouterr().out
    assert printed.startswith("PyTorch 2.13.0 and minitorch print the same:\ntensor([3., 3.])\n<SumBackward0")
    assert "RuntimeError: a leaf Variable that requires grad" in printed
