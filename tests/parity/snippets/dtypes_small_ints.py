import torch

a = torch.tensor([1, 2, 3], dtype=torch.int32)
b = torch.tensor([250, 5, 6], dtype=torch.uint8)
c = torch.tensor([-1, 2, 100], dtype=torch.int8)
print(a, b, c, torch.tensor([7, 8], dtype=torch.int16))
print(a + b, (a + b).dtype, b + c, (b + c).dtype, c * 2, (c + 1.5).dtype)
print(b + 10, b - 251, a / 2, a // 2, (a * 2.5).dtype, (a + torch.tensor(2)).dtype)
print((a + torch.tensor([1.0])).dtype, (b + torch.tensor(True)).dtype, (c + torch.tensor(1, dtype=torch.int64)).dtype)
print(torch.result_type(a, b), torch.result_type(b, c), torch.result_type(c, 1.0))
h = torch.tensor([1.5, -2.25], dtype=torch.float16)
print(h, h * 2, (h + 1).dtype, (h + torch.tensor([1.0])).dtype, (h + torch.tensor([1], dtype=torch.int64)).dtype)
x = torch.tensor([1.7, -2.2, 3.0])
print(x.int(), x.short(), x.char(), x.byte().dtype, x.long(), x.half(), x.int().float())
print(x.int().type(), x.short().type(), x.char().type(), x.byte().type(), x.half().type())
print(x.type(torch.int32), x.type("torch.ShortTensor"), x.to(torch.uint8).dtype)
print(torch.zeros(2, dtype=torch.int16), torch.ones(2, 2, dtype=torch.uint8), torch.arange(3, dtype=torch.int8))
print(torch.int32.is_signed, torch.uint8.is_signed, torch.float16.is_floating_point, torch.int8.itemsize)
print(torch.half, torch.short, torch.int, torch.cfloat, torch.cdouble, torch.bfloat16)
print(torch.iinfo(torch.int32), torch.iinfo(torch.uint8))
print(torch.iinfo(torch.int8).min, torch.iinfo(torch.int16).max, torch.iinfo(torch.int64).bits)
print(torch.finfo(torch.float32))
print(torch.finfo(torch.float16))
print(torch.finfo(torch.float64).eps, torch.finfo().tiny, torch.finfo(torch.bfloat16).eps)
print(torch.nan, torch.inf, -torch.inf, torch.pi, torch.e)
print(torch.tensor([torch.nan, torch.inf, 1.0]))
try:
    torch.iinfo(torch.float32)
except TypeError as error:
    print("TypeError:", error)
try:
    torch.finfo(torch.int64)
except TypeError as error:
    print("TypeError:", error)
try:
    torch.tensor([1, 2], dtype=torch.int32, requires_grad=True)
except RuntimeError as error:
    print("RuntimeError:", error)
