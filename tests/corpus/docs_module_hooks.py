# Mirrors: PyTorch docs, "nn.Module.register_forward_hook", "register_forward_pre_hook" and "register_full_backward_hook" (https://pytorch.org/docs/stable/generated/torch.nn.Module.html)
import torch
import torch.nn as nn

model = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1))
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([[1.0, 0.0], [0.0, 1.0], [1.0, -1.0]]))
    model[0].bias.zero_()
    model[2].weight.fill_(0.5)
    model[2].bias.fill_(0.1)

activations = {}


def save_activation(name):
    def hook(module, input, output):
        activations[name] = output.detach()
    return hook


handles = [model[0].register_forward_hook(save_activation("fc1")),
           model[1].register_forward_hook(save_activation("relu"))]
x = torch.tensor([[1.0, 2.0]], requires_grad=True)
y = model(x)
print(activations)
for h in handles:
    h.remove()


def scale_input(module, args):
    return (args[0] * 2,)


h = model.register_forward_pre_hook(scale_input)
print(model(x))
h.remove()


def print_grads(module, grad_input, grad_output):
    print(type(module).__name__, grad_input, grad_output)


h = model[2].register_full_backward_hook(print_grads)
model(x).sum().backward()
h.remove()
print(x.grad)
