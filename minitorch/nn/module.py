"""``Module``: the base class of every layer and network, as ``torch.nn.Module``.

A module keeps three ordered registries, filled by plain attribute assignment (``__setattr__``):

- ``_parameters``: the ``Parameter`` objects the optimizer will train;
- ``_buffers``: tensors that belong to the state but are not trained (``register_buffer``);
- ``_modules``: the sub-modules, so parameters are found recursively (``'body.0.weight'``).

Only a ``Parameter`` becomes a parameter: ``self.w = torch.randn(3)`` stays a plain attribute.
"""

from collections import OrderedDict

from .. import _dtype
from .._device import raise_no_cuda
from ..autograd.node import RemovableHandle, add_hook
from . import _module_state
from ._backward_hooks import BackwardHooks, backward_hook_for
from ._module_repr import module_repr
from ._module_state import check_name as _check_name
from ._module_tree import ModuleTree
from .parameter import Parameter, clear_grads, is_tensor, legacy_type_name


class Module(ModuleTree, BackwardHooks):
    """Base class for all neural network modules; subclasses define ``forward``.

    Walking the tree (``parameters()``, ``named_modules()``, ``children()``...) is in ``_module_tree.py``.
    """

    training: bool

    def __init__(self):
        """Create the empty registries; a subclass must call this before assigning parameters."""
        object.__setattr__(self, "training", True)
        object.__setattr__(self, "_parameters", OrderedDict())
        object.__setattr__(self, "_buffers", OrderedDict())
        object.__setattr__(self, "_non_persistent_buffers_set", set())
        object.__setattr__(self, "_modules", OrderedDict())
        object.__setattr__(self, "_forward_hooks", OrderedDict())
        object.__setattr__(self, "_forward_pre_hooks", OrderedDict())
        object.__setattr__(self, "_backward_pre_hooks", OrderedDict())
        object.__setattr__(self, "_backward_hooks", OrderedDict())

    # -- registration ---------------------------------------------------------------------------------

    def register_parameter(self, name, param):
        """Add ``param`` (a Parameter, or None) under ``name``."""
        if "_parameters" not in self.__dict__:
            raise AttributeError("cannot assign parameter before Module.__init__() call")
        _check_name("parameter", name, self, self._parameters)
        if param is not None and not isinstance(param, Parameter):
            raise TypeError(f"cannot assign '{legacy_type_name(param)}' object to parameter '{name}' "
                            "(torch.nn.Parameter or None required)")
        self._parameters[name] = param

    def register_buffer(self, name, tensor, persistent=True):
        """Add a tensor that is part of the state (saved in ``state_dict`` if persistent) but not trained."""
        if "_buffers" not in self.__dict__:
            raise AttributeError("cannot assign buffer before Module.__init__() call")
        _check_name("buffer", name, self, self._buffers)
        if tensor is not None and not is_tensor(tensor):
            raise TypeError(f"cannot assign '{legacy_type_name(tensor)}' object to buffer '{name}' "
                            "(torch Tensor or None required)")
        self._buffers[name] = tensor
        if persistent:
            self._non_persistent_buffers_set.discard(name)
        else:
            self._non_persistent_buffers_set.add(name)

    def add_module(self, name, module):
        """Add a child module under ``name``; its parameters then belong to this module too."""
        if module is not None and not isinstance(module, Module):
            raise TypeError(f"{legacy_type_name(module)} is not a Module subclass")
        _check_name("module", name, self, self._modules)
        self._modules[name] = module

    register_module = add_module

    def __setattr__(self, name, value):
        if isinstance(value, Parameter):
            self._set_parameter(name, value)
        elif isinstance(value, Module):
            self._set_module(name, value)
        elif not self._set_registered(name, value):
            object.__setattr__(self, name, value)

    def _set_parameter(self, name, value):
        if self.__dict__.get("_parameters") is None:
            raise AttributeError("cannot assign parameters before Module.__init__() call")
        self._forget(name)
        self.register_parameter(name, value)

    def _set_module(self, name, value):
        params = self.__dict__.get("_parameters")
        if params is not None and name in params:
            self._set_registered(name, value)
            return
        modules = self.__dict__.get("_modules")
        if modules is None:
            raise AttributeError("cannot assign module before Module.__init__() call")
        self._forget(name)
        modules[name] = value

    def _set_registered(self, name, value) -> bool:
        """Assign to an already registered parameter, child module or buffer; False if ``name`` is none."""
        registries = [(self.__dict__.get("_parameters"), "parameter", "torch.nn.Parameter or None"),
                      (self.__dict__.get("_modules"), "child module", "torch.nn.Module or None"),
                      (self.__dict__.get("_buffers"), "buffer", "torch.nn.Buffer, torch.Tensor or None")]
        for registry, kind, expected in registries:
            if registry is None or name not in registry:
                continue
            allowed = value is None or (kind == "buffer" and is_tensor(value))
            if not allowed:
                raise TypeError(f"cannot assign '{legacy_type_name(value)}' as {kind} '{name}' ({expected} expected)")
            registry[name] = value
            return True
        return False

    def _forget(self, name):
        """Remove ``name`` from the instance dict and every registry (before re-registering it)."""
        self.__dict__.pop(name, None)
        for registry in ("_parameters", "_buffers", "_modules"):
            self.__dict__[registry].pop(name, None)
        self._non_persistent_buffers_set.discard(name)

    def __getattr__(self, name):
        # Only called when normal lookup fails: look in the registries.
        for registry in ("_parameters", "_buffers", "_modules"):
            found = self.__dict__.get(registry)
            if found is not None and name in found:
                return found[name]
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    def __delattr__(self, name):
        for registry in ("_parameters", "_buffers", "_modules"):
            if name in self.__dict__.get(registry, {}):
                del self.__dict__[registry][name]
                self._non_persistent_buffers_set.discard(name)
                return
        object.__delattr__(self, name)

    def __dir__(self):
        names = set(super().__dir__())
        for registry in ("_parameters", "_buffers", "_modules"):
            names |= set(self.__dict__.get(registry, {}))
        return sorted(names)

    # -- calling --------------------------------------------------------------------------------------

    def forward(self, *args, **kwargs):
        """The computation; every subclass defines it."""
        raise NotImplementedError(f'Module [{type(self).__name__}] is missing the required "forward" function')

    def __call__(self, *args, **kwargs):
        for hook in list(self._forward_pre_hooks.values()):
            replaced = hook(self, args)
            if replaced is not None:
                args = replaced if isinstance(replaced, tuple) else (replaced,)
        backward_hook = backward_hook_for(self)  # register_full_backward_hook: see _backward_hooks.py
        if backward_hook:
            args = backward_hook.setup_input_hook(args)
        result = self.forward(*args, **kwargs)
        for hook in list(self._forward_hooks.values()):
            replaced = hook(self, args, result)
            if replaced is not None:
                result = replaced
        return backward_hook.setup_output_hook(result) if backward_hook else result

    def register_forward_hook(self, hook) -> RemovableHandle:
        """Call ``hook(module, inputs, output)`` after each forward; a non-None return replaces the output."""
        return add_hook(self._forward_hooks, hook)

    def register_forward_pre_hook(self, hook) -> RemovableHandle:
        """Call ``hook(module, inputs)`` before each forward; a non-None return replaces the inputs."""
        return add_hook(self._forward_pre_hooks, hook)

    # -- modes and gradients --------------------------------------------------------------------------

    def train(self, mode=True):
        """Set training mode on this module and all below it (it changes Dropout, not autograd)."""
        if not isinstance(mode, bool):
            raise ValueError("training mode is expected to be boolean")
        self.training = mode
        for child in self.children():
            child.train(mode)
        return self

    def eval(self):
        """Evaluation mode: ``train(False)``. Gradients are still recorded; use ``no_grad`` for that."""
        return self.train(False)

    def requires_grad_(self, requires_grad=True):
        """Set ``requires_grad`` on every parameter; return self."""
        for param in self.parameters():
            param.requires_grad_(requires_grad)
        return self

    def zero_grad(self, set_to_none=True):
        """Forget the gradients: set them to None (default), or fill them with zeros in place."""
        clear_grads(self.parameters(), set_to_none)

    # -- dtype and device -------------------------------------------------------------------------------

    def to(self, *args, **kwargs):
        """Convert floating point parameters and buffers to a dtype, in place; devices other than the CPU raise."""
        dtype = _dtype_of_to_arguments(args, kwargs)
        if dtype is not None:
            for module in self.modules():
                for tensor in (*module._parameters.values(), *module._buffers.values()):
                    if tensor is not None and tensor.is_floating_point():
                        # Same Parameter object, new values: optimizers holding it still see it.
                        tensor.data = tensor.data.to(dtype)
                        if tensor.grad is not None:
                            tensor.grad.data = tensor.grad.data.to(dtype)
        return self

    def float(self):
        """Convert floating point parameters and buffers to float32."""
        return self.to(dtype=_dtype.float32)

    def double(self):
        """Convert floating point parameters and buffers to float64."""
        return self.to(dtype=_dtype.float64)

    def cpu(self):
        """The module itself: minitorch lives on the CPU."""
        return self

    def cuda(self, device=None):
        """minitorch has no GPU: raises as a CPU-only torch does (a device number asks for the accelerator)."""
        raise_no_cuda(device)

    # -- state ----------------------------------------------------------------------------------------

    def state_dict(self, destination=None, prefix="", keep_vars=False):
        """An ``OrderedDict`` of every parameter and persistent buffer, by dotted name (detached)."""
        return _module_state.state_dict(self, destination, prefix, keep_vars)

    def load_state_dict(self, state_dict, strict=True):
        """Copy values from ``state_dict`` into the parameters and buffers (in place, under no_grad)."""
        return _module_state.load_state_dict(self, state_dict, strict)

    # -- printing -------------------------------------------------------------------------------------

    def _get_name(self):
        return type(self).__name__

    def extra_repr(self):
        """The text between the parentheses of this module's repr (its settings); subclasses override it."""
        return ""

    def __repr__(self):
        return module_repr(self)


def _dtype_of_to_arguments(args, kwargs):
    """The dtype ``Module.to(...)`` asks for (None if none); a device other than the CPU raises."""
    dtype = kwargs.get("dtype")
    for arg in (*args, kwargs.get("device")):
        if isinstance(arg, str) or type(arg).__name__ == "device":
            if str(arg).split(":")[0] != "cpu":
                raise AssertionError("Torch not compiled with CUDA enabled")
        elif is_tensor(arg):
            dtype = arg.dtype
        elif arg is not None:
            dtype = arg
    return dtype
