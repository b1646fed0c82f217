"""nn.TransformerEncoderLayer / TransformerEncoder / TransformerDecoderLayer / TransformerDecoder / Transformer
against real torch: printing, state_dict, initial values after the same seed (exact), training-mode outputs
and gradients (same dropout draws), eval-mode outputs (torch's fused kernels: equal up to rounding), masks,
torch's warnings and errors.

Values are compared with a tolerance: float32 matrix products may round differently between BLAS builds,
and torch's eval fast path is another kernel."""

import warnings

import numpy as np
import pytest
from live_compare import error_of

import minitorch

pytestmark = [pytest.mark.parity, pytest.mark.filterwarnings("ignore:enable_nested_tensor is True"),
              pytest.mark.filterwarnings("ignore:Support for mismatched")]


def _encoder_layer(lib, **kwargs):
    return lib.nn.TransformerEncoderLayer(d_model=4, nhead=2, dim_feedforward=6, **kwargs)


def _decoder_layer(lib, **kwargs):
    return lib.nn.TransformerDecoderLayer(d_model=4, nhead=2, dim_feedforward=6, **kwargs)


BUILDERS = {
    "encoder_layer": lambda lib: _encoder_layer(lib),
    "encoder_layer_gelu_norm_first": lambda lib: _encoder_layer(lib, activation="gelu", norm_first=True,
                                                                batch_first=True),
    "encoder_layer_module_activation": lambda lib: _encoder_layer(lib, activation=lib.nn.GELU(), bias=False),
    "encoder": lambda lib: lib.nn.TransformerEncoder(_encoder_layer(lib), 2, norm=lib.nn.LayerNorm(4)),
    "encoder_batch_first": lambda lib: lib.nn.TransformerEncoder(_encoder_layer(lib, batch_first=True), 2),
    "decoder_layer": lambda lib: _decoder_layer(lib),
    "decoder_norm_first": lambda lib: lib.nn.TransformerDecoder(_decoder_layer(lib, norm_first=True), 2),
    "transformer": lambda lib: lib.nn.Transformer(d_model=4, nhead=2, num_encoder_layers=2, num_decoder_layers=1,
                                                  dim_feedforward=6),
}


def _call(lib, name, model, masked):
    layer = model.encoder.layers[0] if name == "transformer" else getattr(model, "layers", [model])[0]
    batch_first = layer.self_attn.batch_first
    shape = (lambda length: (2, length, 4)) if batch_first else (lambda length: (length, 2, 4))
    src = lib.randn(*shape(5), requires_grad=True)
    padding = lib.tensor([[False, False, False, True, True], [False, False, False, False, False]])
    causal = lib.nn.Transformer.generate_square_subsequent_mask(5)
    if name.startswith("transformer"):
        tgt = lib.randn(3, 2, 4, requires_grad=True)
        masks = {"src_key_padding_mask": padding, "memory_key_padding_mask": padding,
                 "tgt_mask": lib.nn.Transformer.generate_square_subsequent_mask(3)} if masked else {}
        return model(src, tgt, **masks), src
    if name.startswith("decoder"):
        memory = lib.randn(*shape(3), requires_grad=True)
        masks = {"tgt_mask": causal, "memory_key_padding_mask": padding[:, :3]} if masked else {}
        return model(src, memory, **masks), src
    key = "mask" if name.startswith("encoder") and "layer" not in name else "src_mask"
    return model(src, **({key: causal, "src_key_padding_mask": padding} if masked else {})), src


def _run(lib, name, masked):
    lib.manual_seed(0)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = BUILDERS[name](lib)
    out, src = _call(lib, name, model, masked)
    lib.manual_seed(1)
    (out * lib.randn(*out.shape)).sum().backward()
    values = [out, src.grad] + [p.grad for p in model.parameters()]
    layout = [repr(model), [str(w.message) for w in caught], [(k, tuple(v.shape)) for k, v in
                                                              model.state_dict().items()], out.grad_fn.name()]
    return repr(layout).replace("minitorch", "torch"), [v.detach().numpy() for v in values], model.state_dict()


@pytest.mark.parametrize("masked", [False, True])
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_training_mode(torch, name, masked):
    mine, theirs = _run(minitorch, name, masked), _run(torch, name, masked)
    assert mine[0] == theirs[0]
    for key in theirs[2]:
        np.testing.assert_array_equal(mine[2][key].numpy(), theirs[2][key].numpy())
    for a, b in zip(mine[1], theirs[1]):
        np.testing.assert_allclose(a, b, rtol=2e-4, atol=2e-5)


def _eval(lib, name, masked):
    lib.manual_seed(0)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        model = BUILDERS[name](lib).eval()
        with lib.no_grad():
            return _call(lib, name, model, masked)[0].numpy()


@pytest.mark.parametrize("masked", [False, True])
@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_eval_mode(torch, name, masked):
    np.testing.assert_allclose(_eval(minitorch, name, masked), _eval(torch, name, masked), rtol=1e-4, atol=1e-5)


def test_nested_tensor_fast_path_zeros_padding(torch):
    """An eval-mode batch_first encoder without gradients gives zeros at padded positions, as torch's."""
    def run(lib):
        lib.manual_seed(0)
        model = lib.nn.TransformerEncoder(_encoder_layer(lib, batch_first=True), 2).eval()
        x = lib.randn(2, 4, 4)
        padding = lib.tensor([[False, False, True, True], [False, False, False, False]])
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            with lib.no_grad():
                out = model(x, src_key_padding_mask=padding)
        return out.numpy(), [str(w.message) for w in caught]
    mine, theirs = run(minitorch), run(torch)
    assert mine[1] == theirs[1]
    assert (mine[0][0, 2:] == 0).all()
    np.testing.assert_allclose(mine[0], theirs[0], rtol=1e-4, atol=1e-5)


@pytest.mark.parametrize("program", [
    lambda lib: _encoder_layer(lib, activation="tanh"),
    lambda lib: lib.nn.Transformer(4, 2, 1, 1, 6)(lib.randn(5, 2, 4), lib.randn(3, 3, 4)),
    lambda lib: lib.nn.Transformer(4, 2, 1, 1, 6)(lib.randn(5, 2, 4), lib.randn(3, 2, 5)),
])
def test_errors(torch, program):
    assert error_of(minitorch, program) == error_of(torch, program)


def test_square_subsequent_mask(torch):
    def printed(lib):
        return repr([lib.nn.Transformer.generate_square_subsequent_mask(4),
                     lib.nn.Transformer.generate_square_subsequent_mask(2, dtype=lib.float64)])
    assert printed(minitorch) == printed(torch)
