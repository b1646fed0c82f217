import torch

# The first page of the autograd tutorial and its neighbours: elementwise math with backward.
x = torch.tensor([0.25, 0.5, 1.25], requires_grad=True)
y = torch.sin(x) * torch.cos(x) + torch.log1p(x) - torch.atan2(x, x + 1)
print(y)
y.sum().backward()
print(x.grad)
print(torch.sin(x).grad_fn, torch.erf(x).grad_fn.name(), torch.log1p(x).grad_fn.name())
print(torch.exp2(x), torch.rsqrt(x), torch.sigmoid(x).logit())

a = torch.tensor([-2.7, -0.5, 0.5, 1.5, 2.5])
print(torch.floor(a), torch.ceil(a), torch.round(a), torch.trunc(a), torch.frac(a))
print(torch.round(torch.tensor([1.2345, 12.345]), decimals=2))
print(a.sign(), torch.tensor([3, -4]).abs(), torch.sin(torch.tensor([1, 2])))
print(torch.div(a, 2, rounding_mode="floor"), torch.div(torch.tensor([7, -7]), 2, rounding_mode="trunc"))
print(torch.fmod(a, 2), torch.remainder(a, 2), torch.clamp_min(a, 0.0))
print(torch.lerp(a, torch.zeros(5), 0.25), torch.addcmul(a, a, a, value=0.5))
print(torch.nan_to_num(torch.tensor([float("nan"), float("inf"), 1.5]), posinf=9.0))
out = torch.empty(5)
torch.cos(a, out=out)
print(out)
b = a.clone()
b.sin_()
print(b)
for f in (lambda: torch.frac(torch.tensor([1, 2])), lambda: torch.sin(1.0),
          lambda: torch.sin(x, out=torch.empty(3)), lambda: torch.atan2(a, 2)):
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e)
