import warnings

import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
y.sum().backward()

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    print(y.grad)
    print(x.grad)
for warning in caught:
    print(warning.category.__name__)
    print(warning.message)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    _ = torch.tensor([1.0]).grad
print(len(caught))
