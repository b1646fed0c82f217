"""F.cross_entropy / nn.CrossEntropyLoss with label_smoothing against real torch: class-index targets (with
weights, ignore_index, each reduction) and class-probability targets; values, gradients, grad_fn."""

import pytest

import minitorch

pytestmark = pytest.mark.parity

CASES = {
    "mean": {},
    "sum": {"reduction": "sum"},
    "none": {"reduction": "none"},
    "weight": {"weight": [0.2, 1.0, 3.0, 0.5]},
    "weight_sum": {"weight": [0.2, 1.0, 3.0, 0.5], "reduction": "sum"},
    "ignore": {"ignore_index": 2},
    "weight_ignore": {"weight": [0.2, 1.0, 3.0, 0.5], "ignore_index": 2},
    "probabilities": {"probabilities": True},
}


def _loss(lib, options):
    options = dict(options)
    x = lib.tensor([[0.5, -1.0, 2.0, 0.1], [1.5, 0.3, -0.7, 0.0], [-0.2, 0.8, 0.4, 1.1]], dtype=lib.float64,
                   requires_grad=True)
    if options.pop("probabilities", False):
        target = lib.tensor([[0.1, 0.2, 0.3, 0.4], [1.0, 0.0, 0.0, 0.0], [0.25, 0.25, 0.25, 0.25]],
                            dtype=lib.float64)
    else:
        target = lib.tensor([2, 0, 3])
    if "weight" in options:
        options["weight"] = lib.tensor(options["weight"], dtype=lib.float64)
    loss = lib.nn.functional.cross_entropy(x, target, label_smoothing=0.15, **options)
    loss.sum().backward()
    return repr(loss).replace("minitorch", "torch"), repr(x.grad)


@pytest.mark.parametrize("name", sorted(CASES))
def test_label_smoothing(torch, name):
    assert _loss(minitorch, CASES[name]) == _loss(torch, CASES[name])
