# pixel_shuffle / pixel_unshuffle, unfold / fold and their modules: values, graphs, reprs, errors.
import torch
import torch.nn.functional as F

x = torch.arange(16.0).view(1, 4, 2, 2).requires_grad_()
y = F.pixel_shuffle(x, 2)
print(y, y.is_contiguous(), y.grad_fn._saved_upscale_factor)
back = F.pixel_unshuffle(y, 2)
print(torch.equal(back, x), back.grad_fn.name(), back.grad_fn.next_functions[0][0].name())
(y * torch.arange(16.0).view(1, 1, 4, 4)).sum().backward()
print(x.grad)
print(torch.nn.PixelShuffle(3), torch.nn.PixelUnshuffle(2), torch.pixel_shuffle(torch.ones(2, 9, 1, 1), 3).shape)
print(torch.nn.PixelShuffle(2)(torch.ones(5, 3, 8, 2, 2)).shape, torch.nn.PixelUnshuffle(2)(torch.ones(8, 4, 6)).shape)

image = torch.arange(24.0).view(1, 2, 3, 4).requires_grad_()
columns = F.unfold(image, (2, 3), padding=(1, 0), stride=(2, 1))
print(columns, columns.grad_fn._saved_kernel_size, columns.grad_fn._saved_stride)
columns.sum().backward()
print(image.grad)
print(F.unfold(image[0], 2, dilation=2).shape)
blocks = torch.arange(36.0).view(1, 6, 6).requires_grad_()
folded = F.fold(blocks, (4, 5), (2, 3), stride=(2, 1))
print(folded, folded.grad_fn.name(), folded.grad_fn._saved_padding)
(folded * folded).sum().backward()
print(blocks.grad)
print(torch.nn.Unfold((2, 3), dilation=2, padding=(1, 0), stride=2), torch.nn.Fold((4, 5), (2, 2), padding=1))
print(torch.nn.Fold(3, 2)(torch.ones(8, 4)))

# double backward: the gradient's own graph
for f, x in [(lambda x: F.pixel_shuffle(x, 2), torch.arange(16.0).view(1, 4, 2, 2)),
             (lambda x: F.pixel_unshuffle(x, 2), torch.arange(16.0).view(1, 1, 4, 4)),
             (lambda x: F.unfold(x, 2), torch.arange(18.0).view(1, 2, 3, 3)),
             (lambda x: F.fold(x, (3, 3), 2), torch.arange(32.0).view(1, 8, 4))]:
    x.requires_grad_()
    (g,) = torch.autograd.grad((f(x) ** 2).sum(), x, create_graph=True)
    (h,) = torch.autograd.grad((g * g).sum(), x)
    print(g.grad_fn.name(), g.grad_fn.next_functions[0][0].name(), h.flatten()[:6])

x = torch.randn(1, 8, 2, 3)
bad = [
    lambda: F.pixel_shuffle(x, 3), lambda: F.pixel_shuffle(x[0, 0], 2), lambda: F.pixel_shuffle(x, 0),
    lambda: F.pixel_unshuffle(x, 2), lambda: F.pixel_unshuffle(x[0, 0], 2), lambda: F.pixel_unshuffle(x, 0),
    lambda: F.pixel_shuffle(x, 2.0),
    lambda: F.unfold(x[0, 0], 2), lambda: F.unfold(x, 3), lambda: F.unfold(x, (2, 2, 2)), lambda: F.unfold(x, 0),
    lambda: F.unfold(x, 2, stride=0), lambda: F.unfold(x, 2, padding=-1), lambda: F.unfold(x, 2, dilation=0),
    lambda: F.unfold(torch.zeros(2, 0, 3, 3), 2), lambda: F.unfold(x, 2, padding=(1, 2, 3)),
    lambda: F.fold(torch.randn(1, 12, 5), (3, 3), 2), lambda: F.fold(torch.randn(1, 13, 4), (3, 3), 2),
    lambda: F.fold(torch.randn(12), (3, 3), 2), lambda: F.fold(torch.randn(1, 12, 4), (1, 1), 2),
    lambda: F.fold(torch.randn(1, 12, 4), (3, 3, 3), 2),
]
for f in bad:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
