import torch

f32 = torch.tensor([1.5, 2.0])
f64 = torch.tensor([0.25, 4.0], dtype=torch.float64)
i64 = torch.tensor([3, 4])
b = torch.tensor([True, False])

for name, result in [
    ("f32 + f64", f32 + f64),
    ("f32 * i64", f32 * i64),
    ("i64 + i64", i64 + i64),
    ("i64 / i64", i64 / i64),
    ("i64 * b", i64 * b),
    ("b + b", b + b),
    ("f64 - i64", f64 - i64),
    ("b * f32", b * f32),
]:
    print(name, "->", result.dtype, result)

# a 0-d tensor does not decide the dtype of a same-kind result
zero_d_f64 = torch.tensor(2.0, dtype=torch.float64)
print((f32 * zero_d_f64).dtype)
print((i64 * torch.tensor(2.5)).dtype)
print((zero_d_f64 * torch.tensor(3.0)).dtype)
