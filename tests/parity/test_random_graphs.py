"""Random autograd programs give the same results on minitorch as on PyTorch 2.13.

Hypothesis draws 1,000 small programs (see ``random_programs.py``): leaves with shapes, dtypes and
``requires_grad`` flags; arithmetic with broadcasting and Python scalars, pointwise ops, reductions,
views, indexing, ``detach``/``clone``/``.data``, in-place ops and ``no_grad`` blocks; then backward.
Each program runs line by line with ``torch`` bound to real PyTorch and then to minitorch. After every
line the tensor it bound must agree in dtype, shape, values (rtol 1e-5), ``requires_grad``, ``is_leaf``,
``grad_fn`` name, ``_version`` and ``.grad``; a line that raises must raise the same exception type
with the same message. At the end every tensor is compared again (views and in-place ops change earlier
tensors), with leaves' gradients, and which names are bound to the same object.
"""

import functools
import warnings
from dataclasses import dataclass

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from random_programs import Program, Step, programs

import minitorch

RTOL, ATOL = 1e-5, 1e-6


@dataclass
class TensorState:
    """What a learner can observe about one tensor."""

    dtype: str
    shape: tuple
    values: np.ndarray
    requires_grad: bool
    is_leaf: bool
    grad_fn: str | None
    version: int
    grad: "TensorState | None" = None


@dataclass
class StepResult:
    """The outcome of one line: the error it raised (type name, message) and the tensor it bound."""

    error: tuple[str, str] | None
    bound: "TensorState | str | None"


def describe(value, with_grad=True):
    """The observable state of a tensor (or the type name of anything else)."""
    if not hasattr(value, "grad_fn"):
        return type(value).__name__
    return TensorState(
        dtype=str(value.dtype),
        shape=tuple(value.shape),
        values=np.array(value.detach().numpy(), copy=True),
        requires_grad=value.requires_grad,
        is_leaf=value.is_leaf,
        grad_fn=value.grad_fn.name() if value.grad_fn is not None else None,
        version=value._version,
        grad=describe(value.grad, with_grad=False) if with_grad and value.grad is not None else None,
    )


@functools.lru_cache(maxsize=4096)
def _compiled(code):
    return compile(code, "<program>", "exec")


def run_program(program, module):
    """Run ``program`` with ``torch`` bound to ``module``; return per-line results and final states."""
    namespace = {"torch": module}
    results = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # reading a non-leaf's .grad warns; that warning has its snippet
        for step in program.steps:
            error = None
            try:
                exec(_compiled(step.code), namespace)
            except Exception as exception:
                error = (type(exception).__name__, str(exception))
                if step.target is not None:
                    namespace[step.target] = namespace[step.fallback]
            bound = describe(namespace[step.target]) if step.target is not None else None
            results.append(StepResult(error, bound))
        names = [step.target for step in program.steps if step.target is not None]
        final = {name: describe(namespace[name]) for name in names}
        same_object = {name: next(n for n in names if namespace[n] is namespace[name]) for name in names}
    return results, final, same_object


def state_mismatch(expected, actual):
    """The first difference between two observed states, as text, or None when they agree."""
    if isinstance(expected, str) or isinstance(actual, str) or expected is None or actual is None:
        return None if expected == actual else f"torch gives {expected!r}, minitorch {actual!r}"
    for name in ("dtype", "shape", "requires_grad", "is_leaf", "grad_fn", "version"):
        if getattr(expected, name) != getattr(actual, name):
            return f"{name}: torch {getattr(expected, name)!r}, minitorch {getattr(actual, name)!r}"
    if not _values_agree(expected.values, actual.values):
        return f"values:\ntorch     {expected.values!r}\nminitorch {actual.values!r}"
    if (expected.grad is None) != (actual.grad is None):
        return f"grad: torch {expected.grad}, minitorch {actual.grad}"
    if expected.grad is not None:
        mismatch = _grad_mismatch(expected.grad, actual.grad)
        return f"grad {mismatch}" if mismatch else None
    return None


def _grad_mismatch(expected, actual):
    """Differences between two ``.grad`` tensors that a learner sees: dtype, shape and values.

    (A gradient's own ``_version`` and ``grad_fn`` depend on how the engine accumulates it.)
    """
    for name in ("dtype", "shape", "requires_grad"):
        if getattr(expected, name) != getattr(actual, name):
            return f"{name}: torch {getattr(expected, name)!r}, minitorch {getattr(actual, name)!r}"
    if not _values_agree(expected.values, actual.values):
        return f"values:\ntorch     {expected.values!r}\nminitorch {actual.values!r}"
    return None


def _values_agree(expected, actual):
    """Exact for integers and booleans; within RTOL/ATOL for floats, with nan == nan and signed infs."""
    expected, actual = np.asarray(expected), np.asarray(actual)
    if expected.shape != actual.shape:
        return False
    if expected.dtype.kind != "f":
        return np.array_equal(expected, actual)
    return np.allclose(actual.astype(np.float64), expected.astype(np.float64), RTOL, ATOL, equal_nan=True)


def assert_same_behaviour(program, torch_run, minitorch_run):
    """Fail at the first line, or final tensor, where the two runs differ, showing the program."""
    (torch_steps, torch_final, torch_same), (mini_steps, mini_final, mini_same) = torch_run, minitorch_run

    def fail(where, what):
        pytest.fail(f"{where}: {what}\nprogram:{program!r}", pytrace=False)

    for number, (step, expected, actual) in enumerate(zip(program.steps, torch_steps, mini_steps), 1):
        where = f"line {number} `{step.code}`"
        if expected.error != actual.error:
            fail(where, f"torch raised {expected.error}, minitorch raised {actual.error}")
        mismatch = state_mismatch(expected.bound, actual.bound)
        if mismatch:
            fail(where, mismatch)
    for name, expected in torch_final.items():
        mismatch = state_mismatch(expected, mini_final[name])
        if mismatch:
            fail(f"{name} at the end", mismatch)
    if torch_same != mini_same:
        fail("object identity", f"torch {torch_same}, minitorch {mini_same}")


@pytest.mark.parity
@settings(
    max_examples=1000,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(program=programs())
def test_random_program_behaves_as_in_torch(program, torch):
    """A drawn program shows the same values, flags, grad_fns, versions, grads and errors."""
    assert_same_behaviour(program, run_program(program, torch), run_program(program, minitorch))


@pytest.mark.parity
def test_a_wrong_gradient_is_caught(torch):
    """The comparison is not vacuous: two programs whose gradients differ are told apart."""
    leaf = Step("t0 = torch.tensor([1.0, 2.0], requires_grad=True)", target="t0")
    doubled = Program([leaf, Step("t1 = t0 * 2", "t1", "t0"), Step("t1.sum().backward()")])
    tripled = Program([leaf, Step("t1 = t0 * 3", "t1", "t0"), Step("t1.sum().backward()")])
    with pytest.raises(pytest.fail.Exception, match="values"):
        assert_same_behaviour(doubled, run_program(doubled, torch), run_program(tripled, torch))


@pytest.mark.parity
def test_a_different_error_is_caught(torch):
    """A line that raises in one run and not in the other is reported with both outcomes."""
    leaf = Step("t0 = torch.tensor([1.0, 2.0], requires_grad=True)", target="t0")
    failing = Program([leaf, Step("t1 = t0.add_(1)", "t1", "t0")])
    passing = Program([leaf, Step("t1 = t0.add(1)", "t1", "t0")])
    with pytest.raises(pytest.fail.Exception, match="a leaf Variable that requires grad"):
        assert_same_behaviour(failing, run_program(failing, torch), run_program(passing, torch))
