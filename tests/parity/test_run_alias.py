"""``python -m minitorch.run script.py``: a PyTorch script runs on minitorch as if it were ``python script.py``.

These tests need no torch: they check the alias itself (module mapping, ``__main__``, ``sys.argv``,
the script's folder on ``sys.path``, exit codes, the message for a torch module minitorch lacks).
"""

import os
import subprocess
import sys
import textwrap
import types

import pytest
from snippet_tools import REPO_ROOT

import minitorch
from minitorch.run import counterpart_name, is_torch_name, torch_alias


def run_alias(tmp_path, source, *arguments, helper=None):
    """Write ``source`` as script.py (and ``helper`` as helper.py) and run it through the alias."""
    script = tmp_path / "script.py"
    script.write_text(textwrap.dedent(source))
    if helper is not None:
        (tmp_path / "helper.py").write_text(textwrap.dedent(helper))
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    return subprocess.run(
        [sys.executable, "-m", "minitorch.run", str(script), *arguments],
        cwd=REPO_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_script_runs_as_main_with_its_own_argv(tmp_path):
    """``__name__`` is ``"__main__"`` and ``sys.argv`` is the script path followed by its arguments."""
    result = run_alias(
        tmp_path,
        """
        import sys
        print(__name__)
        print(sys.argv[1:])
        print(sys.argv[0].endswith("script.py"))
        """,
        "--epochs",
        "3",
        "data file.txt",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["__main__", "['--epochs', '3', 'data file.txt']", "True"]


def test_torch_and_its_submodules_are_minitorch_modules(tmp_path):
    """Every common way of importing torch gives the minitorch module of the same path."""
    result = run_alias(
        tmp_path,
        """
        import minitorch
        import torch
        import torch.nn as nn
        import torch.nn.functional as F
        from torch.nn import init
        from torch import autograd, optim
        print(torch is minitorch)
        print(nn.__name__, F.__name__, init.__name__, autograd.__name__, optim.__name__)
        print(torch.nn is nn, torch.tensor([1.0, 2.0]) * 2)
        """,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "True",
        "minitorch.nn minitorch.nn.functional minitorch.nn.init minitorch.autograd minitorch.optim",
        "True tensor([2., 4.])",
    ]


def test_a_torch_module_without_counterpart_fails_clearly(tmp_path):
    """``import torch.distributed`` fails with ModuleNotFoundError naming the missing counterpart."""
    result = run_alias(tmp_path, "import torch.distributed\n")
    assert result.returncode == 1
    assert "ModuleNotFoundError: minitorch has no counterpart for torch.distributed" in result.stderr


def test_the_missing_counterpart_error_is_an_import_error(tmp_path):
    """Scripts that guard optional imports with ``except ImportError`` keep working."""
    result = run_alias(
        tmp_path,
        """
        try:
            from torch.utils.data import DataLoader
        except ImportError as error:
            print(type(error).__name__, error.name, error)
        """,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "ModuleNotFoundError torch.utils minitorch has no counterpart for torch.utils\n"


def test_the_scripts_folder_comes_first_on_sys_path(tmp_path):
    """A module beside the script is importable, as with ``python script.py``."""
    result = run_alias(tmp_path, "import helper\nprint(helper.VALUE)\n", helper="VALUE = 42\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout == "42\n"


def test_exit_code_and_uncaught_errors_are_the_scripts(tmp_path):
    """``sys.exit(3)`` exits with 3; an uncaught exception prints its traceback and exits with 1."""
    assert run_alias(tmp_path, "import sys\nsys.exit(3)\n").returncode == 3
    failing = run_alias(tmp_path, "raise ValueError('from the script')\n")
    assert failing.returncode == 1
    assert "ValueError: from the script" in failing.stderr


def test_usage_without_a_script(tmp_path):
    """No arguments: the usage line on stderr and exit code 2; a missing file is reported too."""
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    bare = subprocess.run([sys.executable, "-m", "minitorch.run"], env=env, capture_output=True, text=True)
    assert bare.returncode == 2
    assert "usage: python -m minitorch.run script.py" in bare.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "minitorch.run", str(tmp_path / "nope.py")],
        env=env,
        capture_output=True,
        text=True,
    )
    assert missing.returncode == 2
    assert "no such script" in missing.stderr


def test_torch_alias_restores_what_was_imported_before():
    """In-process use: inside the block torch is minitorch; afterwards the earlier ``torch`` modules are back."""
    saved = sys.modules.get("torch")
    sys.modules["torch"] = types.ModuleType("torch")  # stands for a real torch imported earlier
    before = {name: module for name, module in sys.modules.items() if is_torch_name(name)}
    try:
        with torch_alias():
            import torch
            import torch.nn

            assert torch is minitorch
            assert torch.nn is minitorch.nn
            assert sys.modules["torch.nn"] is minitorch.nn
        after = {name: module for name, module in sys.modules.items() if is_torch_name(name)}
        assert after.keys() == before.keys()
        assert all(after[name] is before[name] for name in before)
    finally:
        if saved is None:
            sys.modules.pop("torch", None)
        else:
            sys.modules["torch"] = saved


def test_minitorch_keeps_its_own_module_spec():
    """Aliasing must not rename minitorch: its ``__spec__`` still says ``minitorch``."""
    with torch_alias():
        import torch.nn.functional  # noqa: F401

    assert minitorch.__spec__.name == "minitorch"
    assert minitorch.nn.functional.__spec__.name == "minitorch.nn.functional"


@pytest.mark.parametrize(
    ("name", "expected"),
    [("torch", True), ("torch.nn.functional", True), ("torchvision", False), ("mytorch", False)],
)
def test_only_torch_and_its_submodules_are_aliased(name, expected):
    """``torchvision`` or ``torchaudio`` are other packages, not submodules of torch."""
    assert is_torch_name(name) is expected


def test_counterpart_names():
    """``torch.<path>`` maps to ``minitorch.<path>``."""
    assert counterpart_name("torch") == "minitorch"
    assert counterpart_name("torch.nn.init") == "minitorch.nn.init"
