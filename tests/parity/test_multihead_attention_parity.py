"""nn.MultiheadAttention and F.multi_head_attention_forward against real torch: printing, state_dict keys and
shapes, initial values after the same seed, outputs, attention weights and gradients for every option, the
graph torch builds, torch's errors; gradcheck.

Values are compared with a tolerance (float32 matrix products may round differently between BLAS builds);
everything else exactly."""

import numpy as np
import pytest
from live_compare import error_of

import minitorch
from minitorch.autograd import gradcheck

pytestmark = pytest.mark.parity


def _names(fn, depth=0):
    if fn is None or depth > 14:
        return []
    return [(depth, type(fn).__name__)] + [row for f, _ in fn.next_functions for row in _names(f, depth + 1)]


def _inputs(lib, batch_first, kdim=4, vdim=4):
    shape = (lambda length, size: (2, length, size)) if batch_first else (lambda length, size: (length, 2, size))
    return (lib.randn(*shape(3, 4), requires_grad=True), lib.randn(*shape(5, kdim), requires_grad=True),
            lib.randn(*shape(5, vdim), requires_grad=True))


CASES = {
    "self": ({}, {}, True),
    "self_no_weights": ({}, {"need_weights": False}, True),
    "cross": ({}, {}, False),
    "cross_no_weights_per_head": ({}, {"need_weights": False, "average_attn_weights": False}, False),
    "per_head": ({}, {"average_attn_weights": False}, False),
    "batch_first": ({"batch_first": True}, {}, False),
    "batch_first_self_no_weights": ({"batch_first": True}, {"need_weights": False}, True),
    "kdim_vdim": ({"kdim": 3, "vdim": 6}, {}, False),
    "no_bias": ({"bias": False}, {}, False),
    "bias_kv_zero_attn": ({"add_bias_kv": True, "add_zero_attn": True}, {}, False),
    "padding_mask": ({}, {"key_padding_mask": "padding"}, False),
    "padding_mask_no_weights": ({}, {"key_padding_mask": "padding", "need_weights": False}, False),
    "bool_attn_mask": ({}, {"attn_mask": "bool"}, False),
    "float_attn_mask_no_weights": ({}, {"attn_mask": "float", "need_weights": False}, False),
    "both_masks": ({"add_bias_kv": True}, {"attn_mask": "bool", "key_padding_mask": "padding"}, False),
    "dropout": ({"dropout": 0.5}, {}, False),
    "four_heads": ({"num_heads": 4, "embed_dim": 4}, {"need_weights": False}, False),
}


def _masks(lib, call):
    masks = {"padding": lib.tensor([[False, False, False, True, True], [False, True, False, False, False]]),
             "bool": lib.tensor([[False, True, False, False, True]] * 3), "float": lib.randn(3, 5)}
    return {key: masks[value] if isinstance(value, str) else value for key, value in call.items()}


def _run(lib, case):
    settings, call, self_attention = CASES[case]
    settings = {"embed_dim": 4, "num_heads": 2, **settings}
    lib.manual_seed(0)
    m = lib.nn.MultiheadAttention(**settings)
    q, k, v = _inputs(lib, settings.get("batch_first", False), settings.get("kdim", 4), settings.get("vdim", 4))
    if self_attention:
        k = v = q
    out, weights = m(q, k, v, **_masks(lib, call))
    (out * out).sum().backward()
    tensors = [out] + ([] if weights is None else [weights]) + [q.grad] + [p.grad for p in m.parameters()]
    layout = [repr(m), [(name, tuple(p.shape)) for name, p in m.state_dict().items()], weights is None,
              _names(out.grad_fn), None if weights is None else _names(weights.grad_fn)]
    return repr(layout).replace("minitorch", "torch"), [t.detach().numpy() for t in tensors], m.state_dict()


@pytest.mark.parametrize("case", sorted(CASES))
def test_against_torch(torch, case):
    mine, theirs = _run(minitorch, case), _run(torch, case)
    assert mine[0] == theirs[0]
    for name in theirs[2]:
        np.testing.assert_array_equal(mine[2][name].numpy(), theirs[2][name].numpy())  # initial values: exact
    assert len(mine[1]) == len(theirs[1])
    for a, b in zip(mine[1], theirs[1]):
        np.testing.assert_allclose(a, b, rtol=1e-4, atol=1e-5)


def test_eval_mode_fast_path_values(torch):
    """torch answers with its fused kernel here; the numbers agree up to rounding."""
    def run(lib):
        lib.manual_seed(0)
        m = lib.nn.MultiheadAttention(4, 2, batch_first=True).eval()
        x = lib.randn(2, 3, 4)
        with lib.no_grad():
            out, weights = m(x, x, x, key_padding_mask=lib.tensor([[False, False, True], [False, False, False]]))
        return out.numpy(), weights.numpy()
    for a, b in zip(run(minitorch), run(torch)):
        np.testing.assert_allclose(a, b, rtol=1e-5, atol=1e-6)


@pytest.mark.parametrize("program", [
    lambda lib: lib.nn.MultiheadAttention(5, 2),
    lambda lib: lib.nn.MultiheadAttention(0, 2),
    lambda lib: lib.nn.MultiheadAttention(4, 2)(lib.randn(3, 2, 5), lib.randn(3, 2, 5), lib.randn(3, 2, 5)),
    lambda lib: lib.nn.MultiheadAttention(4, 2)(lib.randn(3, 2, 4), lib.randn(3, 4), lib.randn(3, 4)),
    lambda lib: lib.nn.MultiheadAttention(4, 2)(lib.randn(3, 2, 4), lib.randn(5, 2, 4), lib.randn(5, 2, 4),
                                                attn_mask=lib.zeros(3, 3, dtype=lib.bool)),
    lambda lib: lib.nn.MultiheadAttention(4, 2)(lib.randn(3, 2, 4), lib.randn(5, 2, 4), lib.randn(5, 2, 4),
                                                attn_mask=lib.zeros(3, 5, dtype=lib.long)),
    lambda lib: lib.nn.MultiheadAttention(4, 2)(lib.randn(3, 2, 4), lib.randn(5, 2, 4), lib.randn(5, 2, 4),
                                                key_padding_mask=lib.zeros(2, 4, dtype=lib.bool)),
    lambda lib: lib.nn.MultiheadAttention(4, 2)(lib.randn(3, 2, 4), lib.randn(5, 2, 4), lib.randn(5, 2, 4),
                                                is_causal=True),
    lambda lib: lib.nn.MultiheadAttention(4, 2)(lib.randn(4), lib.randn(4), lib.randn(4)),
])
def test_errors(torch, program):
    assert error_of(minitorch, program) == error_of(torch, program)


def test_mismatched_mask_types_warn_as_torch(torch):
    import warnings

    def run(lib):
        m = lib.nn.MultiheadAttention(4, 2)
        x = lib.randn(3, 2, 4)
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            m(x, x, x, key_padding_mask=lib.zeros(2, 3, dtype=lib.bool), attn_mask=lib.zeros(3, 3))
        return [str(w.message) for w in caught]
    assert run(minitorch) == run(torch)


def test_gradcheck_functional():
    rng = np.random.default_rng(0)

    def leaf(*shape):
        return minitorch.tensor(rng.normal(size=shape), dtype=minitorch.float64, requires_grad=True)
    w_in, b_in, w_out, b_out = leaf(12, 4), leaf(12), leaf(4, 4), leaf(4)
    mask = minitorch.tensor([[False, False, True], [False, False, False]])
    for need_weights in (True, False):
        def attend(q, k, w_in, b_in, w_out, b_out, need_weights=need_weights):
            return minitorch.nn.functional.multi_head_attention_forward(
                q, k, k, 4, 2, w_in, b_in, None, None, False, 0.0, w_out, b_out, key_padding_mask=mask,
                need_weights=need_weights)[0]
        assert gradcheck(attend, (leaf(2, 2, 4), leaf(3, 2, 4), w_in, b_in, w_out, b_out))


def test_merge_masks(torch):
    def run(lib):
        m = lib.nn.MultiheadAttention(4, 2, batch_first=True)
        x = lib.zeros(2, 3, 4)
        padding = lib.tensor([[0.0, 0.0, float("-inf")], [0.0, 0.0, 0.0]])
        causal = lib.nn.Transformer.generate_square_subsequent_mask(3)
        return repr([m.merge_masks(causal, padding, x), m.merge_masks(None, padding, x), m.merge_masks(None, None, x),
                     m.merge_masks(causal.expand(4, 3, 3), None, x)[0].shape])
    assert run(minitorch) == run(torch)
