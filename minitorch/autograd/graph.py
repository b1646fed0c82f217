"""``torch.autograd.graph``: hooks that decide how tensors saved for backward are stored.

Inside ``with saved_tensors_hooks(pack_hook, unpack_hook):`` every tensor an op saves for backward is handed
to ``pack_hook``, and only what it returns is kept; when backward needs the tensor, ``unpack_hook`` gets that
back and must return a tensor with the same values. ``save_on_cpu`` packs a copy (in torch, a copy in CPU
memory, so that GPU memory is freed; minitorch has only the CPU).
"""

from __future__ import annotations

_stack: list[tuple] = []  # (pack_hook, unpack_hook) of the active blocks, innermost last


def current_hooks():
    """The innermost active ``(pack_hook, unpack_hook)``, or None."""
    return _stack[-1] if _stack else None


class saved_tensors_hooks:  # noqa: N801 (torch's name)
    """Context manager: tensors saved for backward inside go through ``pack_hook`` and ``unpack_hook``."""

    def __init__(self, pack_hook, unpack_hook):
        self.pack_hook, self.unpack_hook = pack_hook, unpack_hook

    def __enter__(self):
        _stack.append((self.pack_hook, self.unpack_hook))
        return self

    def __exit__(self, *exc):
        _stack.pop()
        return False


class save_on_cpu(saved_tensors_hooks):  # noqa: N801
    """Saved tensors are kept as copies in CPU memory (where minitorch keeps everything anyway)."""

    def __init__(self, pin_memory=False, device_type="cuda"):
        def pack_to_cpu(tensor):
            return tensor.device, tensor.detach().clone()

        def unpack_from_cpu(packed):
            device, tensor = packed
            return tensor

        super().__init__(pack_to_cpu, unpack_from_cpu)


__all__ = ["Node", "saved_tensors_hooks", "save_on_cpu"]  # noqa: F822 (Node comes from __getattr__)


def __getattr__(name):
    if name == "Node":
        from .node import Node  # cycle: node.py imports saved_tensor.py, which imports this module

        return Node
    raise AttributeError(f"module 'minitorch.autograd.graph' has no attribute '{name}'")
