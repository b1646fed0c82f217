"""The losses refuse what torch 2.13 refuses, with its texts: a ``weight`` or ``pos_weight`` that requires grad
(in grad mode only), probabilities and targets outside [0, 1] (NaN too; the first bad element in memory order
names which of the two)."""

import pytest

CASES = {
    "nll_weight_requires_grad": "F.nll_loss(x, torch.tensor([0, 1]), weight=w)",
    "nll_weight_requires_grad_input_does_not": "F.nll_loss(x.detach(), torch.tensor([0, 1]), weight=w)",
    "nll_weight_requires_grad_no_grad": "torch.no_grad().__enter__(); result = F.nll_loss(x, torch.tensor([0, 1]), "
                                        "weight=w).tolist()",
    "nll2d_weight_requires_grad": "F.nll_loss(torch.randn(2, 2, 3, 3), torch.zeros(2, 3, 3, dtype=torch.long), "
                                  "weight=w)",
    "nll3d_weight_requires_grad": "F.nll_loss(torch.randn(2, 2, 3), torch.zeros(2, 3, dtype=torch.long), weight=w)",
    "cross_entropy_weight_requires_grad": "F.cross_entropy(x, torch.tensor([0, 1]), weight=w)",
    "bce_weight_requires_grad": "F.binary_cross_entropy(x, torch.tensor([[0., 1.], [1., 0.]]), weight=w)",
    "bce_logits_weight_first": "F.binary_cross_entropy_with_logits(x, torch.ones(2, 2), weight=w, pos_weight=w)",
    "bce_logits_pos_weight": "F.binary_cross_entropy_with_logits(x, torch.ones(2, 2), pos_weight=w)",
    "bce_target_above_one": "F.binary_cross_entropy(x, torch.tensor([[0., 1.5], [1., 0.]]))",
    "bce_target_below_zero": "torch.nn.BCELoss()(x, torch.tensor([[0., -0.5], [1., 0.]]))",
    "bce_input_nan": "F.binary_cross_entropy(torch.tensor([float('nan'), 0.5]), torch.tensor([0.5, 0.5]))",
    "bce_target_nan": "F.binary_cross_entropy(torch.tensor([0.5, 0.5]), torch.tensor([0.5, float('nan')]))",
    "bce_input_first": "F.binary_cross_entropy(torch.tensor([0.5, 1.5, 0.5]), torch.tensor([0.5, 0.5, 2.]))",
    "bce_target_first": "F.binary_cross_entropy(torch.tensor([0.5, 0.5, 1.5]), torch.tensor([0.5, 2., 0.5]))",
    "bce_memory_order": "F.binary_cross_entropy(torch.tensor([[0.5, 0.5], [1.5, 0.5]]).t(), "
                        "torch.tensor([[0.5, 2.], [0.5, 0.5]]).t())",
    "bce_logits_target_not_checked": "result = F.binary_cross_entropy_with_logits(x, torch.full((2, 2), 1.5)).item()",
}


def outcome(module, line: str):
    """The error ``line`` raises as (type, text), or its ``result``."""
    namespace = {"torch": module, "F": module.nn.functional,
                 "x": module.tensor([[0.2, 0.7], [0.4, 0.1]], requires_grad=True),
                 "w": module.tensor([1.0, 2.0], requires_grad=True)}
    try:
        exec(line, namespace)
    except Exception as error:  # noqa: BLE001 - the error itself is compared
        return type(error).__name__, str(error)
    finally:
        module.set_grad_enabled(True)
    return namespace.get("result")


@pytest.mark.parity
@pytest.mark.parametrize("name", CASES)
def test_loss_argument_check_as_in_torch(torch, name):
    """The same error (or value) as torch."""
    import minitorch

    assert outcome(minitorch, CASES[name]) == outcome(torch, CASES[name])
