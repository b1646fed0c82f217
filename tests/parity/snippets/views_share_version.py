import torch

base = torch.tensor([[0.0, 1.0, 2.0], [3.0, 4.0, 5.0]])
print(base._is_view(), base._base is None)
views = {
    "base[0]": base[0],
    "base[:, 1:]": base[:, 1:],
    "base.t()": base.t(),
    "base.view(6)": base.view(6),
    "base.transpose(0, 1)": base.transpose(0, 1),
    "base.unsqueeze(0)": base.unsqueeze(0),
    "base.detach()": base.detach(),
}
for name, v in views.items():
    same_ptr = v.data_ptr() == base.data_ptr()
    print(f"{name:22} is_view={v._is_view()!s:5} base_is_base={v._base is base} same_ptr={same_ptr}")

row = base[1]
row.mul_(10)
print(base)
print(base._version, row._version, views["base.t()"]._version)
col = base[:, 0]
col[0] = -1.0
print(base, base._version, row._version)
print((base[0] * 1)._is_view(), base.reshape(6)._is_view(), base.t().reshape(6)._is_view())
print(base[[0, 1]]._is_view(), base.clone()._is_view())
