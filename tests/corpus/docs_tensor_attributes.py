# Mirrors: PyTorch docs, "Tensor Attributes" - torch.dtype promotion examples, torch.device, torch.layout (https://pytorch.org/docs/stable/tensor_attributes.html)
import torch

float_tensor = torch.ones(1, dtype=torch.float)
double_tensor = torch.ones(1, dtype=torch.double)
complex_float_tensor = torch.ones(1, dtype=torch.float)
int_tensor = torch.ones(1, dtype=torch.int)
long_tensor = torch.ones(1, dtype=torch.long)
uint_tensor = torch.ones(1, dtype=torch.uint8)
bool_tensor = torch.ones(1, dtype=torch.bool)
long_zerodim = torch.tensor(1, dtype=torch.long)
int_zerodim = torch.tensor(1, dtype=torch.int)
print(torch.add(5, 5).dtype)
print((int_tensor + 5).dtype)
print((int_tensor + long_zerodim).dtype)
print((long_tensor + int_tensor).dtype)
print((bool_tensor + long_tensor).dtype)
print((bool_tensor + uint_tensor).dtype)
print((float_tensor + double_tensor).dtype)
print((bool_tensor + int_tensor).dtype)
print(torch.add(long_tensor, float_tensor).dtype)

int_tensor += 5
try:
    int_tensor.add_(1.5)
except RuntimeError as err:
    print("RuntimeError:", err)
print(int_tensor)
float_tensor *= float_tensor
float_tensor *= int_tensor
float_tensor *= uint_tensor
float_tensor *= bool_tensor
float_tensor *= double_tensor
print(float_tensor)
try:
    int_tensor *= float_tensor
except RuntimeError as err:
    print("RuntimeError:", err)
try:
    bool_tensor *= int_tensor
except RuntimeError as err:
    print("RuntimeError:", err)

print(torch.device('cuda:0'))
print(torch.device('cpu'))
print(torch.device('cuda'))
print(torch.device('cuda', 0))
print(torch.device('cpu', 0))
print(torch.device(1) if False else torch.device('cpu').type)
x = torch.tensor([[1, 2, 3, 4, 5], [6, 7, 8, 9, 10]])
print(x.stride(), x.t().stride(), x.layout)
print(torch.promote_types(torch.int32, torch.float32), torch.can_cast(torch.double, torch.float))
print(torch.is_floating_point(x), torch.is_tensor(x), torch.numel(x))
print(torch.finfo(torch.float32).eps, torch.iinfo(torch.int8).max)
