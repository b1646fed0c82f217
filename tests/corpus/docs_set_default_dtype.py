# Mirrors: PyTorch docs, "torch.set_default_dtype", "torch.get_default_dtype" and "torch.set_default_tensor_type" examples (https://pytorch.org/docs/stable/generated/torch.set_default_dtype.html), then a small model trained in double precision
import torch

# initial default for floating point is torch.float32: Python floats are interpreted as float32
print(torch.tensor([1.2, 3]).dtype)
torch.set_default_dtype(torch.float64)
# Python floats are now interpreted as float64
print(torch.tensor([1.2, 3]).dtype)
torch.set_default_dtype(torch.float16)
print(torch.tensor([1.2, 3]).dtype)
print(torch.tensor([1.2, 3]))

torch.set_default_dtype(torch.float32)
print(torch.get_default_dtype())
torch.set_default_dtype(torch.float64)
print(torch.get_default_dtype())
torch.set_default_tensor_type(torch.FloatTensor)  # the deprecated form
print(torch.get_default_dtype())
torch.set_default_tensor_type("torch.DoubleTensor")
print(torch.get_default_dtype())

try:
    torch.set_default_dtype(torch.int64)
except TypeError as error:
    print("TypeError:", error)

# With float64 as the default, float64 tensors print no dtype and float32 ones do.
print(torch.tensor([0.1, 0.2, 0.3]))
print(torch.tensor([0.1, 0.2, 0.3], dtype=torch.float32))
print(torch.arange(0, 1, 0.25), torch.linspace(0, 1, 3), torch.zeros(0))
print(torch.tensor([1, 2, 3]) / 2, torch.tensor([1, 2]).sqrt())

# A model trained in double precision.
torch.manual_seed(0)
x = torch.linspace(-1, 1, 20).unsqueeze(1)
y = 3 * x ** 2 - x + 0.1 * torch.randn(20, 1)
model = torch.nn.Sequential(torch.nn.Linear(1, 8), torch.nn.Tanh(), torch.nn.Linear(8, 1))
print(model[0].weight.dtype, model[0].bias[:3])
optimizer = torch.optim.Adam(model.parameters(), lr=0.05)
loss_fn = torch.nn.MSELoss()
for epoch in range(30):
    optimizer.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    optimizer.step()
    if epoch % 10 == 9:
        print(f"epoch {epoch + 1}: loss {loss.item():.10f}")
print(model(torch.tensor([[0.5]])))

# gradcheck wants double precision, now the default.
inputs = torch.randn(3, requires_grad=True)
print(inputs.dtype, torch.autograd.gradcheck(lambda t: (t.sin() * t).sum(), (inputs,)))
torch.set_default_dtype(torch.float32)
print(torch.randn(2).dtype)
