# nn.ConvTranspose1d/2d and F.conv_transpose1d/2d: init after manual_seed, reprs, values, graph, errors.
import torch
import torch.nn.functional as F

torch.manual_seed(0)
m = torch.nn.ConvTranspose2d(2, 4, 3, stride=2, padding=1, output_padding=1, groups=2)
print(m)
print(m.weight.shape, m.weight[0, 0], m.bias)
x = torch.randn(2, 2, 3, 3, requires_grad=True)
y = m(x)
print(y.shape, y.grad_fn.name(), y.grad_fn._saved_transposed, y.grad_fn._saved_output_padding)
print(y.grad_fn._saved_stride, y.grad_fn._saved_padding, y.grad_fn._saved_groups)
y.sum().backward()
print(x.grad[0, 0], m.weight.grad[1, 1], m.bias.grad)
print(m(x, output_size=[5, 5]).shape, m(x, output_size=(2, 4, 6, 6)).shape)
m1 = torch.nn.ConvTranspose1d(3, 2, 4, dilation=2, bias=False)
print(m1)
print(m1(torch.randn(3, 5)))
print(torch.nn.ConvTranspose2d(16, 33, (3, 5), stride=(2, 1), padding=(4, 2), dilation=(1, 2)))
print(torch.nn.ConvTranspose1d(4, 4, 3, output_padding=1, stride=2, groups=4))
noise = torch.randn(1, 100, 1, 1)
generator_head = torch.nn.ConvTranspose2d(100, 8, 4, 1, 0, bias=False)
print(generator_head(noise).shape, generator_head(noise)[0, 0, 0])
print(F.conv_transpose2d(torch.ones(1, 1, 2, 2), torch.ones(1, 1, 2, 2), stride=2))
print(F.conv_transpose1d(torch.arange(3.0).view(1, 1, 3), torch.tensor([[[1.0, 10.0]]]), padding=1))

x, w = torch.randn(1, 2, 3, 3), torch.randn(2, 2, 3, 3)
bad = [
    lambda: m(x, output_size=[9, 9]),
    lambda: torch.nn.ConvTranspose2d(2, 2, 3, padding_mode="reflect"),
    lambda: F.conv_transpose2d(x, w, output_padding=2, stride=2),
    lambda: F.conv_transpose2d(x, torch.randn(3, 2, 3, 3)),
    lambda: F.conv_transpose2d(x[0, 0], w),
    lambda: F.conv_transpose2d(x, w, stride=0),
    lambda: F.conv_transpose2d(x, w, padding=-1),
    lambda: F.conv_transpose2d(x, w, groups=0),
    lambda: F.conv_transpose2d(x, torch.randn(3, 2, 3, 3), groups=2),
    lambda: F.conv_transpose2d(x, w, bias=torch.randn(3)),
    lambda: F.conv_transpose2d(x, w.double()),
    lambda: F.conv_transpose2d(x, w, stride=(1, 2, 3)),
    lambda: F.conv_transpose2d(x, w, padding=3),
    lambda: F.conv_transpose2d(x, w, dilation=0),
    lambda: F.conv_transpose2d(x, w[0]),
    lambda: F.conv_transpose2d(x, w, output_padding=-1),
    lambda: F.conv_transpose1d(x[0], w[:, :, 0]),
    lambda: F.conv_transpose1d(x[0, 0], w[:, :, 0]),
    lambda: F.conv_transpose1d(x, w[:, :, 0]),
    lambda: F.conv_transpose1d(x[0, :, :1], w[:, :, 0], output_padding=1),
    lambda: F.conv_transpose1d(x[0, :, :1], w[:, :, 0], padding=3),
    lambda: F.conv_transpose1d(x[0, :, :1], w[:, :, 0], dilation=0),
]
for f in bad:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
