"""F.scaled_dot_product_attention against real torch: the graph torch builds (the fused CPU kernel's one node,
or the math path's ops), outputs and gradients of q, k and v, torch's errors; gradcheck of both kernels.

Values are compared with a tolerance: float32 matrix products (BLAS) and torch's blocked online softmax in
the fused kernel round differently in the last bit."""

import numpy as np
import pytest
from live_compare import error_of

import minitorch
from minitorch.autograd import gradcheck

pytestmark = pytest.mark.parity


def _graph(fn, depth=0):
    """The node names of a graph, depth first (AccumulateGrad included)."""
    if fn is None:
        return []
    return [(depth, type(fn).__name__)] + [row for f, _ in fn.next_functions for row in _graph(f, depth + 1)]


def _inputs(lib, four_d, dtype):
    lib.manual_seed(0)
    shape_q, shape_kv = ((2, 2, 3, 4), (2, 2, 5, 4)) if four_d else ((2, 3, 4), (2, 5, 4))
    return [lib.randn(*shape, dtype=getattr(lib, dtype), requires_grad=True) for shape in (shape_q, shape_kv, shape_kv)]


def _masks(lib, dtype):
    lib.manual_seed(1)
    float_mask = lib.randn(3, 5, dtype=getattr(lib, dtype))
    return {"none": {}, "bool": {"attn_mask": lib.rand(3, 5) > 0.4}, "float": {"attn_mask": float_mask},
            "causal": {"is_causal": True}, "scale": {"scale": 0.3}, "negative_scale": {"scale": -0.3},
            "all_masked": {"attn_mask": lib.zeros(3, 5, dtype=lib.bool)}}


def _run(lib, four_d, dtype, case):
    q, k, v = _inputs(lib, four_d, dtype)
    out = lib.nn.functional.scaled_dot_product_attention(q, k, v, **_masks(lib, dtype)[case])
    (out * out).sum().backward()
    return out, [t.grad for t in (q, k, v)]


@pytest.mark.parametrize("four_d", [False, True])
@pytest.mark.parametrize("dtype", ["float32", "float64"])
@pytest.mark.parametrize("case", ["none", "bool", "float", "causal", "scale", "negative_scale", "all_masked"])
def test_values_gradients_and_graph(torch, four_d, dtype, case):
    mine, theirs = _run(minitorch, four_d, dtype, case), _run(torch, four_d, dtype, case)
    assert _graph(mine[0].grad_fn) == _graph(theirs[0].grad_fn)
    tolerance = 1e-5 if dtype == "float32" else 1e-12
    for a, b in zip([mine[0]] + mine[1], [theirs[0]] + theirs[1]):
        assert a.dtype.__repr__() == repr(b.dtype)
        np.testing.assert_allclose(a.detach().numpy(), b.detach().numpy(), rtol=tolerance, atol=tolerance)


def test_dropout_draws_torch_mask(torch):
    """Dropout takes the math path; after the same seed the kept weights are torch's."""
    def run(lib):
        q, k, v = _inputs(lib, True, "float64")
        lib.manual_seed(3)
        return lib.nn.functional.scaled_dot_product_attention(q, k, v, dropout_p=0.5)
    mine, theirs = run(minitorch), run(torch)
    assert mine.grad_fn.name() == theirs.grad_fn.name() == "UnsafeViewBackward0"
    np.testing.assert_allclose(mine.detach().numpy(), theirs.detach().numpy(), rtol=1e-12, atol=1e-12)


def test_float_mask_with_gradient_takes_math_path(torch):
    for lib in (minitorch, torch):
        q, k, v = _inputs(lib, True, "float64")
        mask = lib.zeros(3, 5, dtype=lib.float64, requires_grad=True)
        out = lib.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        assert out.grad_fn.name() == "UnsafeViewBackward0"
        out.sum().backward()
        assert mask.grad.shape == (3, 5)


@pytest.mark.parametrize("program", [
    lambda lib: lib.nn.functional.scaled_dot_product_attention(lib.randn(2, 3), lib.randn(2, 3).double(),
                                                               lib.randn(2, 3)),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(lib.randn(2, 3), lib.randn(2, 3), lib.randn(2, 3),
                                                               attn_mask=lib.ones(2, 2, dtype=lib.long)),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(lib.randn(2, 3), lib.randn(2, 3), lib.randn(2, 3),
                                                               attn_mask=lib.ones(2, 2).double()),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(lib.randn(2, 3), lib.randn(2, 3), lib.randn(2, 3),
                                                               attn_mask=lib.ones(2, 2, dtype=lib.bool),
                                                               is_causal=True),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(lib.randn(3), lib.randn(3), lib.randn(3)),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(lib.randn(2, 3), lib.randn(2, 3), lib.randn(2, 3),
                                                               dropout_p=1.5),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(*[lib.ones(2, 3, dtype=lib.long)] * 3),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(*[lib.ones(1, 1, 2, 3, dtype=lib.int32)] * 3),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(*[lib.ones(1, 1, 2, 3)] * 3,
                                                               attn_mask=lib.ones(3, 3, dtype=lib.bool)),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(*[lib.ones(2, 3)] * 3,
                                                               attn_mask=lib.ones(3, 3, dtype=lib.bool)),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(*[lib.ones(1, 1, 2, 3)] * 3, dropout_p=-0.1),
    lambda lib: lib.nn.functional.scaled_dot_product_attention(*[lib.ones(3, 1, dtype=lib.int16)] * 3,
                                                               attn_mask=lib.ones(3, 3, dtype=lib.bool)),
])

def test_errors(torch, program):
    assert error_of(minitorch, program) == error_of(torch, program)


@pytest.mark.parametrize("shapes", [((2, 0), (3, 0), (3, 4)), ((2, 0),) * 3, ((0, 3),) * 3, ((0, 3), (2, 3), (2, 3)),
                                    ((2, 1, 3), (2, 0, 3), (2, 0, 4)), ((1, 2, 3), (2, 1, 5, 3), (1, 5, 0)),
                                    ((0, 1, 1, 1), (2, 3, 1), (2, 3, 1)), ((1, 1, 0, 3),) * 3])
def test_empty_inputs(torch, shapes):
    """torch answers zeros plus ``(q.sum() + k.sum() + v.sum()) * 0`` when there is no query, key or value."""
    def run(lib):
        tensors = [lib.ones(*shape, requires_grad=True) for shape in shapes]
        out = lib.nn.functional.scaled_dot_product_attention(*tensors)
        out.sum().backward()
        return repr((out, out.stride(), _graph(out.grad_fn), [t.grad for t in tensors])).replace("minitorch", "torch")
    assert run(minitorch) == run(torch)


def _leaves(*shapes):
    rng = np.random.default_rng(0)
    return [minitorch.tensor(rng.normal(size=shape), dtype=minitorch.float64, requires_grad=True) for shape in shapes]


@pytest.mark.parametrize("kwargs", [{}, {"is_causal": True}, {"attn_mask": "bool"}])
@pytest.mark.parametrize("shapes", [((2, 3, 4), (2, 5, 4), (2, 5, 3)), ((1, 2, 3, 4), (1, 2, 5, 4), (1, 2, 5, 4))])
def test_gradcheck(shapes, kwargs):
    if kwargs.get("attn_mask") == "bool":
        kwargs = {"attn_mask": minitorch.tensor([[True, False, True, True, False]] * 3)}
    sdpa = minitorch.nn.functional.scaled_dot_product_attention
    assert gradcheck(lambda q, k, v: sdpa(q, k, v, **kwargs), tuple(_leaves(*shapes)))


def test_fused_kernel_has_no_second_derivative(torch):
    """As torch's: create_graph=True gives gradients from a NotImplemented node, which refuses a backward."""
    def run(lib):
        q, k, v = _inputs(lib, True, "float64")
        out = lib.nn.functional.scaled_dot_product_attention(q, k, v)
        grads = lib.autograd.grad((out * out).sum(), (q, k, v), create_graph=True)
        try:
            grads[0].sum().backward()
        except RuntimeError as error:
            return grads[0].grad_fn.name(), str(error), [g.detach().numpy().round(8).tolist() for g in grads]
        return None
    assert run(minitorch) == run(torch)


def test_fused_kernel_applies_mask_and_causal_together(torch):
    """The fused kernel accepts both an attn_mask and is_causal (the math path refuses them: test_errors)."""
    def run(lib):
        q, k, v = _inputs(lib, True, "float64")
        mask = lib.tensor([[True, False, True, True, True], [True, True, False, True, False], [False] + [True] * 4])
        out = lib.nn.functional.scaled_dot_product_attention(q, k, v, attn_mask=mask, is_causal=True)
        out.sum().backward()
        return [t.detach().numpy() for t in (out, q.grad, k.grad, v.grad)]
    for a, b in zip(run(minitorch), run(torch)):
        np.testing.assert_allclose(a, b, rtol=1e-12, atol=1e-12)


KERNEL_CHOICE = {
    "transposed_query": "q = torch.randn(2, 3, 5, 4).transpose(-1, -2)\nk = v = torch.randn(2, 3, 6, 5)\n"
                        "q.requires_grad_()\nout = F.scaled_dot_product_attention(q, k, v)\n"
                        "out = out.grad_fn.name(), out.stride()",
    "three_d_mask": "q = torch.randn(2, 3, 4, 5, requires_grad=True)\nk = v = torch.randn(2, 3, 6, 5)\n"
                    "out = F.scaled_dot_product_attention(q, k, v, attn_mask=torch.zeros(3, 4, 6)).grad_fn.name()",
    "scale_is_keyword_only": "o = torch.ones(1, 2)\n"
                             "out = F.scaled_dot_product_attention(o, o, o, None, 0.0, False, 1.0)",
}


@pytest.mark.parametrize("name", KERNEL_CHOICE)
def test_kernel_choice_as_in_torch(torch, name):
    """torch's CPU fused kernel only for rows of stride 1 and a 2-d or 4-d mask; ``scale`` by keyword."""
    from live_compare import mismatch

    assert mismatch(torch, "F = torch.nn.functional\n" + KERNEL_CHOICE[name]) is None
