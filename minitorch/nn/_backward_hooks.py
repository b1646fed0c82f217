"""Module backward hooks: ``register_full_backward_hook`` and ``register_full_backward_pre_hook``.

As torch does, a module with such hooks passes its tensor inputs, and then its outputs, through an identity
``BackwardHookFunction`` (so its outputs print ``grad_fn=<BackwardHookFunctionBackward>``). In backward, the
node at the outputs sees the gradients w.r.t. the outputs (pre-hooks run there and may replace them); the node
at the inputs sees the gradients w.r.t. the inputs, and the full hooks run there with both.
"""

from __future__ import annotations

import warnings
from collections import OrderedDict

from ..autograd.function import Function
from ..autograd.grad_mode import is_grad_enabled
from ..autograd.node import RemovableHandle, add_hook

NO_INPUT_GRAD_WARNING = ("Full backward hook is firing when gradients are computed with respect to module outputs "
                         "since no inputs require gradients. See https://docs.pytorch.org/docs/main/generated/"
                         "torch.nn.Module.html#torch.nn.Module.register_full_backward_hook for more details.")


class BackwardHookFunction(Function):
    """The identity, recorded: a place in the graph where the module's hooks can see gradients."""

    @staticmethod
    def forward(ctx, *args):
        """Return the inputs unchanged (those that don't require grad stay non-differentiable)."""
        ctx.mark_non_differentiable(*[arg for arg in args if not arg.requires_grad])
        return args

    @staticmethod
    def backward(ctx, *grads):
        """d(identity)/dx = 1: the gradients pass through."""
        return grads


def _hook_dict(module, name: str) -> OrderedDict:
    if name not in module.__dict__:
        object.__setattr__(module, name, OrderedDict())
    return module.__dict__[name]


class BackwardHooks:
    """The two registration methods of ``Module``."""

    def register_full_backward_hook(self, hook, prepend: bool = False) -> RemovableHandle:
        """Call ``hook(module, grad_input, grad_output)`` once the gradients w.r.t. the inputs are known.

        It may return a tuple replacing ``grad_input``; inputs that are not tensors get None.
        """
        return _register(_hook_dict(self, "_backward_hooks"), hook, prepend)

    def register_full_backward_pre_hook(self, hook, prepend: bool = False) -> RemovableHandle:
        """Call ``hook(module, grad_output)`` when the gradients w.r.t. the outputs are known; it may replace them."""
        return _register(_hook_dict(self, "_backward_pre_hooks"), hook, prepend)


def _register(hooks: OrderedDict, hook, prepend: bool) -> RemovableHandle:
    handle = add_hook(hooks, hook)
    if prepend:
        hooks.move_to_end(handle.id, last=False)
    return handle


def _pack(indices, values, size: int) -> tuple:
    """Values placed at ``indices`` of a tuple of ``size``, None elsewhere."""
    packed = [None] * size
    for index, value in zip(indices, values):
        packed[index] = value
    return tuple(packed)


class BackwardHook:
    """Wires one forward call of ``module`` to its backward hooks."""

    def __init__(self, module):
        self.module = module
        self.user_hooks = list(module.__dict__.get("_backward_hooks", {}).values())
        self.user_pre_hooks = list(module.__dict__.get("_backward_pre_hooks", {}).values())
        self.grad_outputs = None
        self.input_index = self.output_index = None
        self.n_inputs = self.n_outputs = 0

    def _through_identity(self, values: tuple, install):
        """Pass the tensors among ``values`` through BackwardHookFunction and hook its node (if recording)."""
        index = [i for i, v in enumerate(values) if hasattr(v, "_data")]
        if not (is_grad_enabled() and any(values[i].requires_grad for i in index)):
            return values, None
        wrapped = BackwardHookFunction.apply(*(values[i] for i in index))
        node = next(t.grad_fn for t in wrapped if t.grad_fn is not None)
        node.register_hook(install)
        replaced = list(values)
        for i, tensor in zip(index, wrapped):
            replaced[i] = tensor
        return tuple(replaced), index

    def setup_input_hook(self, args: tuple) -> tuple:
        """Wrap the forward inputs; the full hooks will run when their gradients arrive."""
        self.n_inputs = len(args)
        args, self.input_index = self._through_identity(args, self._on_input_gradients)
        return args

    def setup_output_hook(self, result):
        """Wrap the forward outputs; pre-hooks run when their gradients arrive."""
        single = not isinstance(result, tuple)
        outputs = (result,) if single else result
        self.n_outputs = len(outputs)
        outputs, self.output_index = self._through_identity(outputs, self._on_output_gradients)
        return outputs[0] if single else outputs

    def _on_output_gradients(self, _, grad_outputs):
        self.grad_outputs = _pack(self.output_index, grad_outputs, self.n_outputs)
        for pre_hook in self.user_pre_hooks:
            replaced = pre_hook(self.module, self.grad_outputs)
            if replaced is None:
                continue
            if len(replaced) != len(self.grad_outputs):
                raise RuntimeError("Backward pre hook returned an invalid number of grad_output, got "
                                   f"{len(replaced)}, but expected {len(self.grad_outputs)}")
            self.grad_outputs = replaced
        current = self.grad_outputs
        if self.input_index is None:
            self._run_hooks_without_input_gradients()
        return tuple(current[i] for i in self.output_index)

    def _run_hooks_without_input_gradients(self):
        warnings.warn(NO_INPUT_GRAD_WARNING, stacklevel=5)
        grad_inputs = _pack([], [], self.n_inputs)
        for hook in self.user_hooks:
            result = hook(self.module, grad_inputs, self.grad_outputs)
            if result is not None and not (isinstance(result, tuple) and all(r is None for r in result)):
                raise RuntimeError("Backward hook for Modules where no input requires gradient should always "
                                   "return None or None for all gradients.")
        self.grad_outputs = None

    def _on_input_gradients(self, grad_inputs, _):
        if self.grad_outputs is None:  # the gradient reached the inputs without passing through the outputs
            return None
        packed = _pack(self.input_index, grad_inputs, self.n_inputs)
        for hook in self.user_hooks:
            result = hook(self.module, packed, self.grad_outputs)
            if result is None:
                continue
            if len(result) != len(packed):
                raise RuntimeError(f"Backward hook returned an invalid number of grad_input, got {len(result)}, "
                                   f"but expected {len(packed)}")
            packed = result
        self.grad_outputs = None
        return tuple(packed[i] for i in self.input_index)


def backward_hook_for(module):
    """A BackwardHook for this call of ``module``, or None when it has no backward hooks."""
    if module.__dict__.get("_backward_hooks") or module.__dict__.get("_backward_pre_hooks"):
        return BackwardHook(module)
    return None
