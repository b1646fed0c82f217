# Mirrors: a well-known Q&A, "Why do we need to call zero_grad() in PyTorch?" (https://stackoverflow.com/questions/48001598), gradient accumulation
import torch
import torch.nn as nn

model = nn.Linear(2, 1)
with torch.no_grad():
    model.weight.copy_(torch.tensor([[0.5, -0.5]]))
    model.bias.fill_(0.25)
x = torch.tensor([[1.0, 2.0], [3.0, 4.0]])
target = torch.tensor([[1.0], [0.0]])
loss_fn = nn.MSELoss()

for i in range(2):
    loss = loss_fn(model(x), target)
    loss.backward()
    print(i, model.weight.grad, model.bias.grad)

model.zero_grad()
print(model.weight.grad)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
accumulation_steps = 2
for i in range(4):
    loss = loss_fn(model(x[i % 2:i % 2 + 1]), target[i % 2:i % 2 + 1]) / accumulation_steps
    loss.backward()
    if (i + 1) % accumulation_steps == 0:
        opt.step()
        opt.zero_grad(set_to_none=False)
        print(model.weight.data, model.weight.grad)
