"""Random programs over the breadth of the API print and behave as in torch 2.13 (a second, independent fuzzer).

``breadth_programs.py`` draws each program from a seed while torch runs it: element-wise math with its in-place
and ``out=`` forms, reductions with dims and ``keepdim``, every indexing form for reading and writing, the view
ops, dtype conversions and promotion with Python numbers, comparisons, where/masked_fill/clamp, cat/stack,
matrix products, factories with keywords, ``requires_grad``/``no_grad``/``detach``/``clone``/``copy_``, and bad
inputs where torch raises. Then the same lines run on minitorch; after each line, and for every tensor at the
end (after a backward), the printed tensor, shape, strides, storage offset, dtype, flags, ``grad_fn`` name,
``_version``, ``.grad``, the error type and text, and the sharing of memory must be torch's.

500 programs per run (seeds from 0). ``MINITORCH_FUZZ2_PROGRAMS=N`` runs N (``make fuzz2``) and
``MINITORCH_FUZZ2_SEED`` moves the first seed.
"""

import os

import pytest
from breadth_programs import draw_program, first_difference, replay
from random_programs import Program, Step

PROGRAM_COUNT = int(os.environ.get("MINITORCH_FUZZ2_PROGRAMS", "500"))
FIRST_SEED = int(os.environ.get("MINITORCH_FUZZ2_SEED", "0"))
REPORTED = 5  # failing programs shown in full


@pytest.mark.parity
def test_breadth_programs_behave_as_in_torch(torch):
    """Every drawn program shows torch's printing, geometry, flags, errors, gradients and sharing of memory."""
    import minitorch

    failures = []
    for seed in range(FIRST_SEED, FIRST_SEED + PROGRAM_COUNT):
        program, expected = draw_program(seed, torch)
        problem = first_difference(program, expected, replay(program, minitorch))
        if problem:
            failures.append(f"seed {seed}: {problem}\nprogram:{program!r}")
    shown = "\n\n".join(failures[:REPORTED])
    assert not failures, f"{len(failures)} of {PROGRAM_COUNT} programs differ; the first ones:\n\n{shown}"


def _program(*lines):
    return Program([Step(code, target=target, fallback="t0") for code, target in lines])


@pytest.mark.parity
def test_a_difference_in_strides_or_sharing_is_caught(torch):
    """The comparison is not vacuous: a copy where torch shares memory, or other strides, is told apart."""
    base = ("t0 = torch.zeros(2, 3)", "t0")
    shared = _program(base, ("t1 = t0[:, 0].detach()", "t1"))
    copied = _program(base, ("t1 = t0[:, 0].clone()", "t1"))
    assert "memory of t1" in first_difference(shared, replay(shared, torch), replay(copied, torch))
    transposed = _program(base, ("t1 = t0.t().contiguous().t()", "t1"))
    assert "line 2" in first_difference(shared, replay(transposed, torch), replay(copied, torch))


@pytest.mark.parity
def test_a_different_error_text_is_caught(torch):
    """Two lines raising the same error type with other texts are told apart."""
    base = ("t0 = torch.zeros(2, 3)", "t0")
    first = _program(base, ("t1 = t0.sum(5)", "t1"))
    second = _program(base, ("t1 = t0.sum(-4)", "t1"))
    assert "IndexError" in first_difference(first, replay(first, torch), replay(second, torch))
