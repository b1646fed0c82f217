"""minitorch's tensor printing compared character for character with torch 2.13's repr."""

import math

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from minitorch import _printing
from minitorch._printing import format_tensor, get_printoptions, printoptions, set_printoptions

torch = pytest.importorskip("torch")

pytestmark = pytest.mark.parity

SPECIALS = [math.nan, math.inf, -math.inf, -0.0, 0.0]
NUMPY_DTYPES = {"float32": np.float32, "float64": np.float64, "int64": np.int64, "bool": np.bool_}


@pytest.fixture(autouse=True)
def default_options():
    """Every test starts and ends with the default options, in both libraries."""
    set_printoptions(profile="default")
    torch.set_printoptions(profile="default")
    yield
    set_printoptions(profile="default")
    torch.set_printoptions(profile="default")


@st.composite
def shapes(draw):
    """0-d to 4-d shapes: small, empty, or large enough to be summarised at the default threshold."""
    shape = draw(st.lists(st.sampled_from([1, 2, 3, 4, 5, 7]), min_size=0, max_size=4))
    size_class = draw(st.sampled_from(["small", "small", "empty", "large"])) if shape else "small"
    axis = draw(st.integers(0, len(shape) - 1)) if shape else 0
    if size_class == "empty":
        shape[axis] = 0
    elif size_class == "large":
        shape[axis] *= draw(st.integers(1000 // math.prod(shape) + 1, 3000 // math.prod(shape) + 1))
    return tuple(shape)


@st.composite
def arrays(draw, dtype_name):
    """An array of mixed-magnitude values: randn-like, whole numbers, log-uniform, or a drawn pool."""
    shape = draw(shapes())
    size = math.prod(shape)
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    if dtype_name == "bool":
        return (rng.random(size) < 0.5).reshape(shape)
    if dtype_name == "int64":
        bound = draw(st.sampled_from([10, 1000, 2**40, 2**62]))
        return rng.integers(-bound, bound, size).reshape(shape)
    kind = draw(st.sampled_from(["normal", "whole", "log-uniform", "pool"]))
    scale = draw(st.sampled_from([1.0, 1e-5, 1e-3, 1e3, 1e5, 1e9, 1e-12, 1e30]))
    if kind == "normal":
        values = rng.standard_normal(size) * scale
    elif kind == "whole":
        values = rng.integers(-20, 21, size) * draw(st.sampled_from([1.0, 1e3, 1e9]))
    elif kind == "log-uniform":
        values = np.sign(rng.standard_normal(size)) * 10.0 ** rng.uniform(-12, 12, size)
    else:
        pool = draw(st.lists(st.floats(allow_nan=True, allow_infinity=True) | st.sampled_from(SPECIALS),
                             min_size=1, max_size=6))
        values = rng.choice(np.array(pool), size)
    for special in draw(st.lists(st.sampled_from(SPECIALS), max_size=3)):
        if size:
            values[rng.integers(size)] = special
    with np.errstate(over="ignore"):
        return values.astype(NUMPY_DTYPES[dtype_name]).reshape(shape)


def torch_and_minitorch(array, dtype_name, grad):
    """repr of the torch tensor built from `array`, and format_tensor of the same values and state."""
    tensor = torch.from_numpy(array.copy())
    suffix = None
    if grad == "requires_grad":
        tensor.requires_grad_(True)
        suffix = "requires_grad=True"
    elif grad == "grad_fn":
        tensor = tensor.requires_grad_(True) + 1
        suffix = f"grad_fn=<{type(tensor.grad_fn).__name__}>"
    return repr(tensor), format_tensor(tensor.detach().numpy(), dtype_name, suffix)


@st.composite
def tensor_cases(draw):
    """A dtype, an array of that dtype, and an autograd state (floating tensors only)."""
    dtype_name = draw(st.sampled_from(list(NUMPY_DTYPES)))
    grad = draw(st.sampled_from([None, "requires_grad", "grad_fn"])) if "float" in dtype_name else None
    return draw(arrays(dtype_name)), dtype_name, grad


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tensor_cases())
def test_repr_matches_torch(case):
    """Default options: every shape, dtype, value mix and autograd suffix prints as in torch."""
    expected, actual = torch_and_minitorch(*case)
    assert actual == expected


OPTION_CHOICES = {
    "precision": [None, 0, 1, 2, 6, 10],
    "threshold": [None, 0, 5, 20, 1000],
    "edgeitems": [None, 0, 1, 2, 5],
    "linewidth": [None, 10, 40, 120],
    "profile": [None, "default", "short", "full"],
    "sci_mode": [None, True, False],
}


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tensor_cases(), st.fixed_dictionaries({k: st.sampled_from(v) for k, v in OPTION_CHOICES.items()}))
def test_repr_matches_torch_under_any_print_options(case, options):
    """The same comparison after set_printoptions with the same drawn options in both libraries."""
    with printoptions(**options), torch._tensor_str.printoptions(**options):
        assert get_printoptions() == torch._tensor_str.get_printoptions()
        expected, actual = torch_and_minitorch(*case)
    assert actual == expected


def assert_prints_like_torch(tensor):
    """format_tensor on the tensor's values gives torch's repr (under the options now in force)."""
    dtype_name = str(tensor.dtype).removeprefix("torch.")
    assert format_tensor(tensor.numpy(), dtype_name) == repr(tensor)


EXAMPLES = [
    torch.tensor([1.123456789, 2.5, -3.0]),
    torch.tensor([[1e-6, 1.0], [3.0, 4.0]]),
    torch.tensor([123456.0, 0.5]),
    torch.arange(30.0).reshape(2, 3, 5),
    torch.arange(2000).reshape(40, 50),
    torch.linspace(-1, 1, 60, dtype=torch.float64),
]


@pytest.mark.parametrize(
    "options",
    [
        {"precision": 2}, {"precision": 8}, {"sci_mode": True}, {"sci_mode": False, "precision": 1},
        {"linewidth": 30}, {"linewidth": 200}, {"threshold": 10}, {"threshold": 10, "edgeitems": 1},
        {"threshold": 10, "edgeitems": 0}, {"edgeitems": 0}, {"profile": "short"}, {"profile": "full"},
        {"profile": "short", "precision": 5}, {"profile": "unknown"},
    ],
)
@pytest.mark.parametrize("tensor", EXAMPLES, ids=lambda t: f"{str(t.dtype)[6:]}{list(t.shape)}")
def test_set_printoptions_matches_torch(options, tensor):
    """Each option and profile changes the print exactly as in torch, and reads back the same."""
    set_printoptions(**options)
    torch.set_printoptions(**options)
    assert get_printoptions() == torch._tensor_str.get_printoptions()
    assert_prints_like_torch(tensor)


def test_default_options_match_torch():
    """The defaults, and the reset by profile="default", equal torch's."""
    assert get_printoptions() == torch._tensor_str.get_printoptions()
    set_printoptions(precision=9, sci_mode=True)
    set_printoptions(profile="default")
    assert get_printoptions() == torch._tensor_str.get_printoptions()


def test_set_printoptions_without_sci_mode_resets_it_like_torch():
    """Leaving sci_mode out of a later call turns it back to automatic, in both libraries."""
    for module in (_printing, torch):
        module.set_printoptions(sci_mode=True)
        module.set_printoptions(precision=3)
    assert get_printoptions() == torch._tensor_str.get_printoptions()
    assert get_printoptions()["sci_mode"] is None


def test_printoptions_context_manager_restores_options():
    """printoptions(...) applies inside the block only, as torch._tensor_str.printoptions."""
    set_printoptions(precision=3, sci_mode=False)
    before = get_printoptions()
    with printoptions(threshold=4, edgeitems=1), torch._tensor_str.printoptions(threshold=4, edgeitems=1):
        assert_prints_like_torch(torch.arange(10.0))
    assert get_printoptions() == before


@pytest.mark.parametrize("values", [[0.5, -1.25], [[1.0, 2.0]] * 30, 7.0])
def test_parameter_repr_uses_tensor_indentation(values):
    """A Parameter prints "Parameter containing:" then the tensor repr, indented as a plain tensor."""
    parameter = torch.nn.Parameter(torch.tensor(values))
    text = format_tensor(parameter.detach().numpy(), "float32", "requires_grad=True")
    assert "Parameter containing:\n" + text == repr(parameter)


@pytest.mark.parametrize(
    "tensor",
    [
        torch.tensor(3.0), torch.tensor(-0.0), torch.tensor(math.nan), torch.tensor(True), torch.tensor(-7),
        torch.tensor(2.5, dtype=torch.float64), torch.empty(0), torch.empty(0, dtype=torch.int64),
        torch.empty(2, 0, 3, dtype=torch.bool), torch.tensor([4.0, 7.0]),
        torch.tensor([4.0, 7.0], dtype=torch.float64), torch.tensor([math.inf, -math.inf, math.nan]),
        torch.tensor([1e20, -1e-20]), torch.tensor([True, False]), torch.tensor([10**15, -3]),
        torch.tensor([1.0, 1000.0]), torch.tensor([1.0, 1000.5]), torch.tensor([1e8, 1e6]),
        torch.tensor([1e-4, 0.01], dtype=torch.float64), torch.tensor([9.99e-5, 0.01], dtype=torch.float64),
    ],
    ids=repr,
)
def test_special_tensors_match_torch(tensor):
    """0-d, empty, whole-valued, non-finite, extreme, bool and int tensors print as in torch."""
    assert_prints_like_torch(tensor)


def test_grad_suffix_wraps_to_a_new_line_like_torch():
    """A suffix that would overflow the line starts a new one indented under the values."""
    tensor = torch.full((7,), 123.456789, requires_grad=True) * 2
    text = format_tensor(tensor.detach().numpy(), "float32", "grad_fn=<MulBackward0>")
    assert text == repr(tensor)
    assert "\n       grad_fn=<MulBackward0>)" in text


@pytest.mark.parametrize("length", range(1, 13))
def test_suffix_wrapping_at_every_line_width_matches_torch(length):
    """Around the exact widths where `dtype=` and `requires_grad=` stop fitting, torch's rule is kept."""
    tensor = torch.arange(length, dtype=torch.float64).mul(-1.5).requires_grad_(True)
    for linewidth in range(20, 100):
        set_printoptions(linewidth=linewidth)
        torch.set_printoptions(linewidth=linewidth)
        text = format_tensor(tensor.detach().numpy(), "float64", "requires_grad=True")
        assert text == repr(tensor), f"linewidth={linewidth}"
