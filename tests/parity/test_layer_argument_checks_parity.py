"""The newer layers refuse what torch 2.13 refuses, with its texts, and pdist's float32 gradient is torch's
bit for bit (it divides in torch's order)."""

import pytest
from live_compare import mismatch

CASES = {
    "conv_transpose_output_size_length": "m = torch.nn.ConvTranspose2d(2, 3, 3, stride=2)\n"
                                         "out = m(torch.ones(1, 2, 5, 5), output_size=[1, 11, 11]).shape",
    "conv_transpose_output_size_full": "m = torch.nn.ConvTranspose2d(2, 3, 3, stride=2)\n"
                                       "out = m(torch.ones(1, 2, 5, 5), output_size=[1, 3, 12, 12]).shape",
    "conv_transpose_unbatched_output_size": "m = torch.nn.ConvTranspose2d(2, 3, 3, stride=2)\n"
                                            "out = m(torch.ones(2, 5, 5), output_size=[3, 12, 12]).shape",
    "norm_ord_without_dim_on_3d": "out = torch.linalg.norm(torch.ones(2, 2, 2), 'fro')",
    "norm_numeric_ord_without_dim_on_3d": "out = torch.linalg.norm(torch.ones(2, 2, 2), 2)",
    "fold_long": "out = F.fold(torch.ones(1, 4, 4, dtype=torch.long), (3, 3), 2)",
    "multilabel_margin_long": "out = F.multilabel_margin_loss(torch.ones(2, 3, dtype=torch.long), "
                              "torch.zeros(2, 3, dtype=torch.long))",
    "soft_margin_long": "i = torch.ones(2, 3, dtype=torch.long)\nout = F.soft_margin_loss(i, i)",
    "embedding_bag_long_weight": "out = F.embedding_bag(torch.tensor([0]), torch.ones(2, 2, dtype=torch.long), "
                                 "torch.tensor([0]))",
    "pdist_float32_gradient": "torch.manual_seed(0)\nx = torch.randn(6, 5, requires_grad=True)\n"
                              "torch.pdist(x).backward(torch.linspace(0.1, 2.0, 15))\nout = x.grad.tolist()",
}


@pytest.mark.parity
@pytest.mark.parametrize("name", CASES)
def test_as_in_torch(torch, name):
    """The same error, or the same values, as torch."""
    assert mismatch(torch, "F = torch.nn.functional\n" + CASES[name]) is None


def test_embedding_bag_says_what_it_does_not_implement():
    """Options whose gradient minitorch would get wrong are refused by name, not computed differently."""
    import minitorch

    for options in ({"scale_grad_by_freq": True}, {"sparse": True}):
        with pytest.raises(NotImplementedError, match="scale_grad_by_freq=True or sparse=True"):
            minitorch.nn.EmbeddingBag(4, 2, mode="sum", **options)(minitorch.tensor([0, 1]), minitorch.tensor([0]))
