import torch

print(torch.cuda.is_available(), torch.cuda.device_count(), torch.backends.mps.is_available())
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
print(device, repr(device), device.type, device.index)
x = torch.ones(2, 3, device=device)
print(x.device, x.is_cuda, x.to(device) is x, x.cpu() is x, x.to("cpu") is x, x.get_device())
print(x.to("cpu", torch.float64).dtype, x.to(device="cpu", dtype=torch.int32))
print(torch.device("cuda:0"), repr(torch.device("cuda", 1)), torch.device("cpu") == x.device)
print(repr(torch.device("cpu", 0)), torch.device("cuda:0") == torch.device("cuda", 0))
print(x.layout, torch.strided, torch.zeros(1, layout=torch.strided, device="cpu"))
print(torch.tensor([1.0], device="cpu"), torch.arange(2, device=device), torch.eye(2, device=torch.device("cpu")))
for attempt in (
    lambda: x.cuda(),
    lambda: x.to("cuda"),
    lambda: torch.zeros(2, device="cuda"),
    lambda: torch.tensor([1.0], device="cuda:0"),
    lambda: x.to(torch.device("cuda")),
    lambda: torch.nn.Linear(2, 2).cuda(),
    lambda: torch.nn.Linear(2, 2).to("cuda"),
):
    try:
        attempt()
    except AssertionError as error:
        print("AssertionError:", error)
try:
    torch.device("gpu")
except RuntimeError as error:
    print("RuntimeError:", error)
