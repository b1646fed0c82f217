# SoftMarginLoss, MultiMarginLoss, MultiLabelSoftMarginLoss, MultiLabelMarginLoss, PoissonNLLLoss, GaussianNLLLoss.
import warnings

import torch
import torch.nn as nn
import torch.nn.functional as F

scores = torch.tensor([[0.1, 0.2, 0.4, 0.8], [0.5, -0.3, 0.9, 0.0], [-1.0, 2.0, 0.25, 0.75]], requires_grad=True)
classes = torch.tensor([3, 0, 1])
labels = torch.tensor([[1.0, -1.0, 1.0, 1.0], [-1.0, -1.0, 1.0, -1.0], [1.0, 1.0, -1.0, 1.0]])
multi_hot = (labels > 0).float()
class_weight = torch.tensor([1.0, 2.0, 0.5, 3.0])
padded = torch.tensor([[3, 0, -1, 1], [2, -1, 0, 0], [1, 2, 3, -1]])

for name, loss in [
    ("soft", lambda r: F.soft_margin_loss(scores, labels, reduction=r)),
    ("multi", lambda r: F.multi_margin_loss(scores, classes, reduction=r)),
    ("multi p2", lambda r: F.multi_margin_loss(scores, classes, p=2, margin=0.5, weight=class_weight, reduction=r)),
    ("multilabel soft", lambda r: F.multilabel_soft_margin_loss(scores, multi_hot, reduction=r)),
    ("multilabel soft weighted",
     lambda r: F.multilabel_soft_margin_loss(scores, multi_hot, torch.arange(4.0), reduction=r)),
    ("multilabel", lambda r: F.multilabel_margin_loss(scores, padded, reduction=r)),
    ("poisson", lambda r: F.poisson_nll_loss(scores, multi_hot * 3, reduction=r)),
    ("poisson rate full",
     lambda r: F.poisson_nll_loss(scores.abs(), multi_hot * 3, log_input=False, full=True, reduction=r)),
    ("gaussian", lambda r: F.gaussian_nll_loss(scores, labels, scores.detach().abs() + 0.5, reduction=r)),
    ("gaussian homoscedastic full",
     lambda r: F.gaussian_nll_loss(scores, labels, torch.tensor([0.5, 1.0, 2.0]), full=True, reduction=r)),
]:
    for reduction in ("none", "mean", "sum"):
        out = loss(reduction)
        print(name, reduction, out, out.grad_fn.name())
    scores.grad = None
    loss("mean").backward()
    print(scores.grad)

print(F.multi_margin_loss(torch.tensor([0.1, 0.9, 0.3]), torch.tensor(1)))
print(F.multilabel_margin_loss(torch.tensor([0.1, 0.2, 0.4, 0.8]), torch.tensor([3, 0, -1, 1])))
print(F.gaussian_nll_loss(scores, labels, 1.0), F.poisson_nll_loss(scores, multi_hot, eps=0.1, log_input=False))
node = F.multi_margin_loss(scores, classes, p=2, margin=0.5).grad_fn
print(node._saved_p, node._saved_margin, node._saved_reduction, node._saved_weight)
print(F.multilabel_margin_loss(scores, padded).grad_fn._saved_is_target)
print(nn.SoftMarginLoss(), nn.MultiMarginLoss(p=2, margin=0.5), nn.MultiLabelSoftMarginLoss(weight=torch.ones(2)))
print(nn.MultiLabelMarginLoss(), nn.PoissonNLLLoss(log_input=False, full=True), nn.GaussianNLLLoss(full=True, eps=1e-3))
weighted = nn.MultiMarginLoss(weight=torch.ones(4), margin=2.0)
print(list(weighted.state_dict()), weighted(scores, classes))
print(nn.PoissonNLLLoss(full=True)(scores, multi_hot * 4), nn.GaussianNLLLoss()(scores, labels, torch.ones(3, 4)))
print(nn.MultiLabelSoftMarginLoss(reduction="sum")(scores, multi_hot), nn.MultiLabelMarginLoss()(scores, padded))
print(nn.SoftMarginLoss(reduction="none")(scores, labels))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(nn.SoftMarginLoss(size_average=False)(scores, labels))
print([str(w.message) for w in caught])

x = torch.randn(3, 4)
bad = [
    lambda: F.soft_margin_loss(x, torch.ones(3)), lambda: F.soft_margin_loss(x, torch.ones(3, 4), reduction="x"),
    lambda: F.multi_margin_loss(x, torch.tensor([1, 2])), lambda: F.multi_margin_loss(x, torch.tensor([1, 2, 4])),
    lambda: F.multi_margin_loss(x, torch.tensor([1.0, 2, 3])), lambda: F.multi_margin_loss(x, classes, p=3),
    lambda: F.multi_margin_loss(x, classes, weight=torch.ones(3)),
    lambda: F.multi_margin_loss(x, classes, weight=torch.ones(2, 2)), lambda: F.multi_margin_loss(x[None], classes),
    lambda: nn.MultiMarginLoss(p=3), lambda: nn.MultiMarginLoss(weight=torch.ones(2, 2)),
    lambda: F.multilabel_margin_loss(x, torch.ones(3, 4)), lambda: F.multilabel_margin_loss(x, torch.ones(3, 3).long()),
    lambda: F.multilabel_margin_loss(x, torch.full((3, 4), 5)),
    lambda: F.multilabel_margin_loss(x[None], torch.ones(1, 3, 4).long()),
    lambda: F.multilabel_soft_margin_loss(x, torch.ones(3, 4), reduction="x"),
    lambda: F.poisson_nll_loss(x, x, reduction="x"), lambda: F.poisson_nll_loss(x, x[0:2]),
    lambda: F.gaussian_nll_loss(x, x, torch.ones(3, 4) * -1), lambda: F.gaussian_nll_loss(x, x, torch.ones(2, 4)),
    lambda: F.gaussian_nll_loss(x, x, torch.ones(3, 4), reduction="x"), lambda: F.gaussian_nll_loss(x, x, -1.0),
]
for f in bad:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
