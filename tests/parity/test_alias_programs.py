"""Random programs about memory sharing behave as in torch 2.13: values, flags, versions, errors and aliasing.

``alias_programs.py`` draws each program from a seed: writes through views, ``detach()`` and ``.data``
aliases, ``no_grad`` views, overlapping writes, bool / int / 0-d / empty tensors. Each runs line by line with
real torch and with minitorch. After every line the bound tensor must agree as in the random-graph test
(dtype, shape, values, ``requires_grad``, ``is_leaf``, ``grad_fn`` name, ``_version``, ``.grad``; the same
error type and text); at the end every tensor is compared again, and so is its place in memory: which
tensors share a storage, at which offset and with which strides (so a write through one shows in the other).

1,000 programs per run in each mode: without and with the engine families (hooks that misbehave, ``.grad``,
``.data`` and ``requires_grad`` assignments, backward twice, ``autograd.grad`` then backward).
``MINITORCH_FUZZ_PROGRAMS=N`` runs N (``make fuzz``), ``MINITORCH_FUZZ_SEED`` moves the first seed, and
``MINITORCH_FUZZ_ENGINE=0`` or ``1`` runs one mode only.
"""

import os
import warnings

import numpy as np
import pytest
from alias_programs import draw_program
from test_random_graphs import _compiled, describe, state_mismatch

PROGRAM_COUNT = int(os.environ.get("MINITORCH_FUZZ_PROGRAMS", "1000"))
FIRST_SEED = int(os.environ.get("MINITORCH_FUZZ_SEED", "0"))
ENGINE_MODES = {"0": [False], "1": [True]}.get(os.environ.get("MINITORCH_FUZZ_ENGINE", ""), [False, True])
REPORTED = 5  # failing programs shown in full


def observe(value):
    """``describe(value)``, or the error that reading the tensor raises (a stale ``no_grad`` view does)."""
    try:
        return describe(value)
    except Exception as exception:  # noqa: BLE001 - the error itself is compared
        return f"reading it raised {type(exception).__name__}: {exception}"


def reached(value):
    """The storage positions ``value``'s elements sit at, in order: what a write through it changes."""
    positions = np.full(tuple(value.shape), value.storage_offset(), dtype=np.int64)
    for dim, (size, step) in enumerate(zip(value.shape, value.stride())):
        shape = [1] * value.dim()
        shape[dim] = size
        positions = positions + np.arange(size).reshape(shape) * step
    return positions.ravel().tolist()


def layout(tensors: dict) -> dict:
    """For each tensor: the first tensor on the same storage and the storage positions it reaches.

    Two tensors alias exactly when they share a storage and reach common positions, so a write through one
    shows in the other. (Strides and offsets themselves are compared in test_storage_parity.py; a size-1
    dim's stride or an empty tensor's offset changes nothing a write reaches.)
    """
    owners, out = {}, {}
    for name, value in tensors.items():
        if not hasattr(value, "untyped_storage"):
            out[name] = type(value).__name__
        elif value.numel() == 0:
            out[name] = "empty"
        else:
            owner = owners.setdefault(value.untyped_storage().data_ptr(), name)
            out[name] = (owner, reached(value))  # in order: a new tensor's layout is torch's too
    return out


def run(program, module):
    """Per-line (error, state) results, then the final states and memory layout of every bound tensor."""
    namespace, results = {"torch": module}, []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for step in program.steps:
            error = None
            try:
                exec(_compiled(step.code), namespace)
            except Exception as exception:  # noqa: BLE001 - the error itself is compared
                error = (type(exception).__name__, str(exception))
                if step.target is not None:
                    namespace[step.target] = namespace[step.fallback]
            results.append((error, observe(namespace[step.target]) if step.target else None))
        names = [step.target for step in program.steps if step.target is not None]
        final = {name: observe(namespace[name]) for name in names}
        return results, final, layout({name: namespace[name] for name in names})


def first_difference(program, expected, actual):
    """Where the two runs first differ, as text, or None when they agree everywhere."""
    for number, (step, (error_t, state_t), (error_m, state_m)) in enumerate(
            zip(program.steps, expected[0], actual[0]), 1):
        if error_t != error_m:
            return f"line {number} `{step.code}`: torch raised {error_t}, minitorch raised {error_m}"
        problem = state_mismatch(state_t, state_m)
        if problem:
            return f"line {number} `{step.code}`: {problem}"
    for name, state in expected[1].items():
        problem = state_mismatch(state, actual[1][name])
        if problem:
            return f"{name} at the end: {problem}"
    if expected[2] != actual[2]:
        return f"memory (storage owner, positions reached): torch {expected[2]}, minitorch {actual[2]}"
    return None


@pytest.mark.parity
@pytest.mark.parametrize("engine", ENGINE_MODES, ids=lambda engine: "engine" if engine else "memory")
def test_alias_programs_behave_as_in_torch(torch, engine):
    """Every drawn program shows torch's values, flags, versions, errors and sharing of memory."""
    import minitorch

    failures = []
    for seed in range(FIRST_SEED, FIRST_SEED + PROGRAM_COUNT):
        program = draw_program(seed, engine=engine)
        problem = first_difference(program, run(program, torch), run(program, minitorch))
        if problem:
            failures.append(f"seed {seed}: {problem}\nprogram:{program!r}")
    shown = "\n\n".join(failures[:REPORTED])
    assert not failures, f"{len(failures)} of {PROGRAM_COUNT} programs differ; the first ones:\n\n{shown}"


@pytest.mark.parity
def test_a_missed_write_through_is_caught(torch):
    """The layout comparison is not vacuous: a copy where torch shares memory is told apart."""
    x = torch.zeros(2, 3)
    shared = layout({"x": x, "d": x[:, 0].detach()})
    assert shared == {"x": ("x", [0, 1, 2, 3, 4, 5]), "d": ("x", [0, 3])}
    assert layout({"x": x, "d": x[:, 0].clone()})["d"] == ("d", [0, 1])
