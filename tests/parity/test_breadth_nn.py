"""nn and nn.functional additions against real torch: values, grad_fn names, gradients, errors, module printing."""

import pytest

from tests.parity.breadth_tools import assert_same, leaf_names

pytestmark = pytest.mark.parity

Y = "torch.tensor([1., -1, 1], dtype=torch.float64)"
FUNCTIONAL = [
    "F.normalize(m)", "F.normalize(m, p=1, dim=0)", "F.normalize(torch.tensor([[3, 4]]))",
    "F.cosine_similarity(m, m * 2 + 1)", "F.cosine_similarity(v, w, dim=0)", "F.cosine_similarity(m, v)",
    "F.cosine_similarity(torch.tensor([[1, 2]]), torch.tensor([[2, 1]]))",
    "F.pairwise_distance(m, m.flip(0))", "F.pairwise_distance(m, v, p=1, keepdim=True)",
    "F.kl_div(m, m.exp(), reduction='batchmean')", "F.kl_div(m, m.exp())", "F.kl_div(m, m.exp(), reduction='none')",
    "F.kl_div(m, m, log_target=True, reduction='sum')", "F.kl_div(m, m, reduction='max')",
    f"F.margin_ranking_loss(m[:, 0], m[:, 1], {Y})",
    f"F.margin_ranking_loss(v[:3], w[:3], {Y}, margin=0.5, reduction='sum')",
    "F.hinge_embedding_loss(m, torch.ones(3, 4, dtype=torch.float64))",
    f"F.hinge_embedding_loss(v[:3], {Y}, margin=0.5, reduction='none')",
    f"F.cosine_embedding_loss(m, m.flip(1), {Y})",
    f"F.cosine_embedding_loss(m, m * 2, {Y}, margin=0.2, reduction='none')",
    "F.triplet_margin_loss(m, m * 2, m.flip(0))", "F.triplet_margin_loss(m, m * 2, m.flip(0), swap=True, p=1)",
    "F.softshrink(m)", "F.softshrink(m, 0.8)", "F.softshrink(torch.tensor([1, 2]))", "F.softshrink(m, -1)",
    "F.hardshrink(m)", "F.hardshrink(m, 0.9)", "F.hardshrink(torch.tensor([1, 2]))",
    "F.glu(m)", "F.glu(m, 0)", "F.glu(torch.ones(3))",
    "F.relu_(m * 1)", "F.elu_(m * 1)", "F.leaky_relu_(m * 1, 0.2)", "F.hardtanh_(m * 1)",
    "F.threshold_(m * 1, 0.5, 2.)",
    "F.celu_(m * 1)", "F.selu_(m * 1)",
    "F.max_pool1d(seq, 2)", "F.max_pool1d(seq, 3, 1, 1)", "F.max_pool1d(seq, 2, return_indices=True)",
    "F.avg_pool1d(seq, 2)", "F.avg_pool1d(seq, 3, 2, 1)", "F.adaptive_avg_pool1d(seq, 3)",
    "F.adaptive_max_pool1d(seq, 3)", "F.adaptive_max_pool1d(seq, 2, return_indices=True)",
    "F.adaptive_max_pool2d(im, 2)", "F.adaptive_max_pool2d(im, (2, 3), return_indices=True)",
    "F.adaptive_max_pool2d(im[0], (None, 2))", "F.max_pool1d(torch.ones(2, 2, 2, 2), 2)",
    "F.group_norm(im, 2)", "F.group_norm(im, 4, m[0], m[1], eps=1e-3)", "F.group_norm(im, 3)",
    "F.interpolate(im, scale_factor=2)", "F.interpolate(im, scale_factor=1.5)", "F.interpolate(im, size=(2, 5))",
    "F.interpolate(seq, scale_factor=2)", "F.interpolate(seq, size=7, mode='linear')",
    "F.interpolate(seq, scale_factor=1.6, mode='linear', align_corners=True)",
    "F.interpolate(im, size=(5, 4), mode='bilinear')", "F.interpolate(im, scale_factor=0.5, mode='bilinear')",
    "F.interpolate(im, scale_factor=2, mode='bilinear', align_corners=True)",
    "F.interpolate(im, scale_factor=2, align_corners=True)", "F.interpolate(im)",
    "F.interpolate(im, size=2, scale_factor=2)", "F.interpolate(seq, scale_factor=2, mode='bilinear')",
]


@pytest.mark.parametrize("expression", FUNCTIONAL)
def test_functional(torch, expression):
    assert_same(torch, expression, leaf_names(expression))


MODULES = [
    "nn.CosineSimilarity()", "nn.CosineSimilarity(dim=0, eps=1e-6)(v, w)", "nn.PairwiseDistance()",
    "nn.PairwiseDistance(p=1)(m, m * 2)", "nn.KLDivLoss(reduction='batchmean', log_target=True)",
    "nn.KLDivLoss(reduction='batchmean')(m, m.exp())", "nn.MarginRankingLoss(margin=0.1)",
    f"nn.MarginRankingLoss()(v[:3], w[:3], {Y})", "nn.HingeEmbeddingLoss()", "nn.TripletMarginLoss(margin=0.5)",
    "nn.TripletMarginLoss()(m, m * 2, m.flip(0))", "nn.TripletMarginLoss(margin=0)", "nn.CosineEmbeddingLoss()",
    "nn.Softshrink()", "nn.Hardshrink(0.3)", "nn.Softshrink(0.2)(m)", "nn.Hardshrink()(m)", "nn.GLU()", "nn.GLU(0)(m)",
    "nn.Unflatten(1, (2, 2))", "nn.Unflatten(1, (2, 2))(m).shape", "nn.MaxPool1d(2)", "nn.MaxPool1d(3, 1, 1)(seq)",
    "nn.AvgPool1d(3, 2)", "nn.AvgPool1d(2)(seq)", "nn.AdaptiveMaxPool2d(2)", "nn.AdaptiveMaxPool2d(2)(im)",
    "nn.AdaptiveAvgPool1d(3)", "nn.AdaptiveAvgPool1d(2)(seq)", "nn.AdaptiveMaxPool1d(3)",
    "nn.AdaptiveMaxPool1d(2)(seq)",
    "nn.Upsample(scale_factor=2)", "nn.Upsample(size=(3, 4), mode='bilinear')", "nn.Upsample(scale_factor=2)(im)",
    "nn.UpsamplingNearest2d(scale_factor=2)", "nn.UpsamplingBilinear2d(size=4)(im)",
    "nn.GroupNorm(2, 4)", "nn.GroupNorm(2, 4, affine=False)", "nn.GroupNorm(2, 4)(im)", "nn.GroupNorm(3, 4)",
    "nn.ParameterList([nn.Parameter(torch.zeros(2, 3)), nn.Parameter(torch.ones(2))])",
    "nn.ParameterList([torch.zeros(2)])[0]", "len(nn.ParameterList([torch.zeros(2), torch.ones(3)]))",
    "[tuple(p.shape) for p in nn.ParameterList([torch.zeros(2), torch.ones(3)]).parameters()]",
    "list(nn.ParameterList([torch.zeros(2), torch.ones(3)]).state_dict())",
    "nn.ParameterList([torch.zeros(2), torch.ones(3)])[-1]", "nn.ParameterList([torch.zeros(2)])[3]",
    "nn.ParameterList([torch.zeros(2), torch.ones(3)])[1:]", "nn.ParameterList(5)",
    "nn.ParameterList().append(torch.ones(2)).extend([torch.zeros(1)])",
    "nn.ParameterDict({'a': nn.Parameter(torch.zeros(2)), 'b': torch.ones(2, 3)})",
    "list(nn.ParameterDict({'b': torch.zeros(2), 'a': torch.ones(2, 3)}).state_dict())",
    "list(nn.ParameterDict([('w', torch.zeros(2))]).keys())", "'w' in nn.ParameterDict({'w': torch.zeros(2)})",
    "nn.ParameterDict({'w': torch.zeros(2)})['w']", "len(nn.ParameterDict({'w': torch.zeros(2), 'b': torch.ones(1)}))",
    "nn.Sequential(nn.ParameterList([nn.Parameter(torch.zeros(2))]))",
]


@pytest.mark.parametrize("expression", MODULES)
def test_module(torch, expression):
    assert_same(torch, expression)
