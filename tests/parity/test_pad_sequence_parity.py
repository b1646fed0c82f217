"""``torch.nn.utils.rnn``: pad_sequence and unpad_sequence print, chain and differentiate as torch's."""

import pytest

import minitorch


def _run(lib):
    from importlib import import_module

    rnn_utils = import_module(f"{lib.__name__}.nn.utils.rnn")
    a = lib.arange(6.0).reshape(3, 2).requires_grad_()
    b = lib.ones(1, 2, requires_grad=True)
    padded = rnn_utils.pad_sequence([a, b])
    shown = [repr(padded), type(padded.grad_fn.next_functions[0][0]).__name__,
             repr(rnn_utils.pad_sequence([a, b], batch_first=True, padding_value=-1.0)),
             repr(rnn_utils.pad_sequence([a, b], batch_first=True, padding_side="left")),
             repr(rnn_utils.pad_sequence([lib.tensor([1, 2]), lib.tensor([3])])),
             repr(rnn_utils.pad_sequence(lib.ones(2, 3)).shape)]
    padded.sum().backward()
    shown += [repr(a.grad), repr(b.grad), repr(rnn_utils.unpad_sequence(rnn_utils.pad_sequence([a, b]),
                                                                         lib.tensor([3, 1])))]
    for bad in ([], [a, lib.ones(2, 3)]):
        with pytest.raises(RuntimeError) as error:
            rnn_utils.pad_sequence(bad)
        shown.append(str(error.value))
    with pytest.raises(RuntimeError) as error:
        rnn_utils.pad_sequence([a], padding_side="middle")
    shown.append(str(error.value))
    return shown


@pytest.mark.parity
def test_pad_sequence_as_torch(torch):
    assert _run(minitorch) == _run(torch)

