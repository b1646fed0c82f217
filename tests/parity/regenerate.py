"""Regenerate the expected outputs of the parity snippets by running them with real torch 2.13.0.

    python tests/parity/regenerate.py                 # every snippet
    python tests/parity/regenerate.py snippets/nn/adam.py ...   # only these

Each ``<snippet>.py`` is run as a plain script (so ``import torch`` is real PyTorch) and its normalised
stdout is written to ``<snippet>.out``. Expected outputs are never edited by hand.
"""

import sys
from pathlib import Path

from snippet_tools import all_snippets, expected_output_path, normalize, run_snippet, snippet_id

REQUIRED_TORCH_VERSION = "2.13.0"


def check_torch_version():
    """Stop unless the interpreter has exactly the torch release the outputs must come from."""
    import torch

    if torch.__version__.split("+")[0] != REQUIRED_TORCH_VERSION:
        sys.exit(f"need torch {REQUIRED_TORCH_VERSION}, found {torch.__version__}")


def regenerate(path):
    """Run one snippet with torch and store its output; return False when the snippet crashed."""
    result = run_snippet(path, with_minitorch=False)
    if result.returncode != 0:
        print(f"FAILED {snippet_id(path)}:\n{result.stderr}", file=sys.stderr)
        return False
    if result.stderr.strip():
        print(f"note: {snippet_id(path)} wrote to stderr:\n{result.stderr}", file=sys.stderr)
    expected_output_path(path).write_text(normalize(result.stdout), encoding="utf-8")
    print(f"wrote {snippet_id(path)}.out")
    return True


def main(arguments):
    """Regenerate the outputs of the given snippets, or of all of them."""
    check_torch_version()
    paths = [Path(argument).resolve() for argument in arguments] or all_snippets()
    failures = [path for path in paths if not regenerate(path)]
    if failures:
        sys.exit(f"{len(failures)} snippet(s) failed")


if __name__ == "__main__":
    main(sys.argv[1:])
