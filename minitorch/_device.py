"""Devices and layouts. minitorch lives on the CPU: other devices can be *named*, as in a CPU-only torch,
but putting a tensor on one raises torch's own error."""

from __future__ import annotations

_DEVICE_TYPES = ("cpu", "cuda", "ipu", "xpu", "mkldnn", "opengl", "opencl", "ideep", "hip", "ve", "fpga", "maia",
                 "xla", "lazy", "vulkan", "mps", "meta", "hpu", "mtia", "privateuseone")
CUDA_MISSING = "Torch not compiled with CUDA enabled"


def raise_no_cuda(index=None):
    """``.cuda()``'s error: torch's CUDA-missing assertion, or with a device number, that no accelerator exists."""
    if isinstance(index, int) and not isinstance(index, bool):
        raise RuntimeError("Cannot access accelerator device when none is available.")
    raise AssertionError(CUDA_MISSING)


class device:  # noqa: N801 (torch spells it in lower case)
    """A device name such as ``torch.device('cpu')`` or ``torch.device('cuda', 0)``."""

    def __init__(self, type, index=None):  # noqa: A002 (torch's argument name)
        if isinstance(type, device):
            type, index = type.type, type.index
        if isinstance(type, int):
            raise AssertionError(CUDA_MISSING)  # torch.device(0) means the first GPU
        kind, _, number = str(type).partition(":")
        if kind not in _DEVICE_TYPES:
            raise RuntimeError(f"Expected one of {', '.join(_DEVICE_TYPES)} device type at start of device "
                               f"string: {type}")
        self.type, self.index = kind, int(number) if number else index

    def __repr__(self):
        suffix = "" if self.index is None else f", index={self.index}"
        return f"device(type='{self.type}'{suffix})"

    def __str__(self):
        return self.type if self.index is None else f"{self.type}:{self.index}"

    def __eq__(self, other):
        return isinstance(other, device) and (self.type, self.index) == (other.type, other.index)

    def __hash__(self):
        return hash((self.type, self.index))


CPU = device("cpu")


def check_device(where) -> None:
    """Nothing for the CPU (or None); torch's error of a CPU-only build for any other device."""
    if where is None:
        return
    kind = device(where).type
    if kind == "cpu":
        return
    if kind == "cuda":
        raise AssertionError(CUDA_MISSING)
    if kind == "mps":
        raise RuntimeError("PyTorch is not linked with support for mps devices")
    raise NotImplementedError(f"minitorch runs on the CPU only; the '{kind}' device is not implemented")


def is_device(value) -> bool:
    """Whether ``value`` names a device (a ``torch.device``, a string such as ``'cpu'``, or a GPU number)."""
    return isinstance(value, (device, str))


class layout:  # noqa: N801
    """How a tensor's values are laid out: minitorch has only ``torch.strided`` (dense) tensors."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self):
        return f"torch.{self.name}"


strided, sparse_coo, sparse_csr = layout("strided"), layout("sparse_coo"), layout("sparse_csr")


def check_layout(value) -> None:
    """Nothing for dense tensors; a NotImplementedError naming sparse layouts, which minitorch leaves out."""
    if value is not None and value is not strided:
        raise NotImplementedError(f"minitorch does not implement sparse tensors (layout={value})")
