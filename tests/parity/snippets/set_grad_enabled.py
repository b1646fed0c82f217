import torch

x = torch.tensor([1.0], requires_grad=True)
torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), (x * 2).requires_grad)
torch.set_grad_enabled(True)
print(torch.is_grad_enabled(), (x * 2).requires_grad)

for mode in (False, True):
    with torch.set_grad_enabled(mode):
        y = x * 2
    print(mode, y.requires_grad, torch.is_grad_enabled())

is_train = False
with torch.set_grad_enabled(is_train):
    with torch.no_grad():
        pass
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled())
with torch.enable_grad():
    print(torch.is_grad_enabled())
