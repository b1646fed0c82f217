import torch
import torch.nn as nn
import torch.nn.functional as F

images = (torch.arange(32.0).view(1, 2, 4, 4) / 4).requires_grad_()
pool = nn.AvgPool2d(2)
out = pool(images)
print(pool, out, out.grad_fn.name())
out.sum().backward()
print(images.grad[0, 0])
padded = nn.AvgPool2d(3, stride=1, padding=1)
print(padded, padded(images)[0, 0])
print(F.avg_pool2d(images, 3, stride=1, padding=1, count_include_pad=False)[0, 0])
print(F.avg_pool2d(images, (2, 4)), F.avg_pool2d(images[0], 2).shape)
try:
    F.avg_pool2d(images, 3, padding=2)
except RuntimeError as error:
    print("RuntimeError:", error)
drop = nn.Dropout2d()
print(drop, nn.Dropout2d(0.3, inplace=True))
drop.eval()
print(drop(images) is images)
print(F.dropout2d(images, 0.0, training=True) is images)
masked = F.dropout2d(torch.ones(4, 8, 3, 3), 0.5)
print(masked.shape, sorted(set(masked.flatten().tolist())), masked.grad_fn)
per_channel = masked.view(4, 8, 9)
print(bool((per_channel == per_channel[:, :, :1]).all()))
prediction = torch.tensor([0.5, 2.0, -1.0, 4.0], requires_grad=True)
target = torch.tensor([0.0, 1.5, 1.0, 0.0])
for name, loss in [
    ("l1", F.l1_loss(prediction, target)),
    ("l1 sum", F.l1_loss(prediction, target, reduction="sum")),
    ("l1 none", F.l1_loss(prediction, target, reduction="none")),
    ("smooth l1", F.smooth_l1_loss(prediction, target)),
    ("smooth l1 beta", F.smooth_l1_loss(prediction, target, beta=0.5, reduction="none")),
    ("smooth l1 beta 0", F.smooth_l1_loss(prediction, target, beta=0.0)),
    ("huber", F.huber_loss(prediction, target)),
    ("huber delta", F.huber_loss(prediction, target, delta=2.0, reduction="sum")),
    ("L1Loss", nn.L1Loss()(prediction, target)),
    ("SmoothL1Loss", nn.SmoothL1Loss(beta=0.5)(prediction, target)),
    ("HuberLoss", nn.HuberLoss(delta=2.0)(prediction, target)),
]:
    (grad,) = torch.autograd.grad(loss.sum(), prediction)
    print(name, loss, loss.grad_fn.name(), grad)
print(nn.L1Loss(), nn.SmoothL1Loss(beta=0.5), nn.HuberLoss(delta=2.0), nn.L1Loss(reduction="sum").reduction)
try:
    F.smooth_l1_loss(prediction, target, beta=-1)
except RuntimeError as error:
    print("RuntimeError:", error)
print(F.one_hot(torch.tensor([0, 2, 1])), F.one_hot(torch.tensor([0, 2]), 4), F.one_hot(torch.tensor([[1], [0]])).shape)
print(F.one_hot(torch.arange(0, 5) % 3, num_classes=5).dtype)
for bad in (
    lambda: F.one_hot(torch.tensor([0.0, 1.0])),
    lambda: F.one_hot(torch.tensor([0, 3]), 3),
    lambda: F.one_hot(torch.tensor([-1])),
):
    try:
        bad()
    except RuntimeError as error:
        print("RuntimeError:", error)
grid = torch.arange(50.0).view(1, 2, 5, 5).requires_grad_()
for size in [(1, 1), 1, (2, 3), (3, None), 5, (None, 2)]:
    pooled = F.adaptive_avg_pool2d(grid, size)
    print(size, pooled.shape, pooled.grad_fn.name(), pooled[0, 0])
adaptive = nn.AdaptiveAvgPool2d((2, 3))
print(adaptive, nn.AdaptiveAvgPool2d(3), nn.AdaptiveAvgPool2d((None, 2)), adaptive(grid[0]).shape)
adaptive(grid).sum().backward()
print(grid.grad[0, 0])
try:
    F.adaptive_avg_pool2d(torch.ones(5, 5), 2)
except RuntimeError as error:
    print("RuntimeError:", error)
torch.manual_seed(0)
print(F.dropout2d(torch.ones(2, 4, 2, 2), 0.5)[:, :, 0, 0], F.dropout2d(torch.ones(3, 2, 2), 0.25)[:, 0, 0])
print(nn.Dropout2d(0.4)(torch.ones(1, 6, 1, 1)).flatten(), torch.rand(2))
