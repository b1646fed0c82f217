import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
w = torch.tensor([0.5, -1.0], requires_grad=True)

loss = (x * w).sum()
torch.autograd.backward(loss)
print(x.grad, w.grad)

x.grad = w.grad = None
y1 = x * 2
y2 = w * 3
torch.autograd.backward([y1, y2], [torch.ones(2), torch.tensor([1.0, 10.0])])
print(x.grad, w.grad)

x.grad = w.grad = None
loss = (x * w).sum()
loss.backward(inputs=[w])
print(x.grad, w.grad)

x.grad = w.grad = None
torch.autograd.backward((x * w).sum(), inputs=[x])
print(x.grad, w.grad)

try:
    torch.autograd.backward(torch.ones(2).sum())
except Exception as e:
    print(type(e).__name__, e)
