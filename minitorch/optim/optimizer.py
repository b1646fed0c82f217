"""``Optimizer``: parameter groups, per-parameter state, ``zero_grad`` and ``step``, as ``torch.optim``.

Parameters are organised in *groups*, each a dict with ``'params'`` and its own options (``lr``...),
so part of a network can train with a smaller learning rate, or not at all. ``step()`` updates every
parameter that has a gradient *in place* under ``no_grad``: like any in-place write it bumps the
parameter's version, which is why calling ``step()`` between two ``backward()`` calls that share a
graph raises autograd's "modified by an inplace operation" error.
"""

import warnings
from collections import defaultdict

import numpy as np

from .._dtype import float64, get_default_dtype
from ..autograd.grad_mode import enable_grad, no_grad
from ..nn.parameter import clear_grads, legacy_type_name
from ..tensor import Tensor


def zero_step():
    """A new ``state["step"]``: a 0-d float64 tensor when float64 is the default dtype, else float32 (as torch)."""
    return Tensor._wrap(np.zeros((), dtype=np.float64 if get_default_dtype() is float64 else np.float32))


def write_in_place(tensor, values):
    """Overwrite ``tensor`` with ``values`` as one in-place write (its version goes up by one)."""
    tensor.copy_(Tensor._wrap(np.asarray(values, dtype=tensor._data.dtype)))
    return tensor


class Optimizer:
    """Base class: subclasses give ``defaults`` and implement ``_update(group, param)``.

    ``state[param]`` holds what an optimizer remembers per parameter between steps (momentum...).
    """

    def __init__(self, params, defaults):
        """Collect ``params`` (tensors, or dicts that define groups) into ``param_groups``."""
        self.defaults = defaults
        self.state = defaultdict(dict)
        self.param_groups = []
        if isinstance(params, Tensor):
            raise TypeError("params argument given to the optimizer should be an iterable of Tensors or dicts, "
                            f"but got {legacy_type_name(params)}")
        groups = list(params)
        if not groups:
            raise ValueError("optimizer got an empty parameter list")
        if not isinstance(groups[0], dict):
            groups = [{"params": groups}]
        for group in groups:
            self.add_param_group(group)

    def add_param_group(self, param_group):
        """Add a group of parameters with its own options (missing options take the defaults)."""
        params = param_group["params"]
        param_group["params"] = [params] if isinstance(params, Tensor) else list(params)
        for param in param_group["params"]:
            if not isinstance(param, Tensor):
                raise TypeError(f"optimizer can only optimize Tensors, but one of the params is "
                                f"{legacy_type_name(param)}")
            if not param.is_leaf:
                raise ValueError("can't optimize a non-leaf Tensor")
        for name, default in self.defaults.items():
            param_group.setdefault(name, default)
        ids = [id(p) for p in param_group["params"]]
        if len(ids) != len(set(ids)):
            warnings.warn("optimizer contains a parameter group with duplicate parameters; in future, this will "
                          "cause an error; see github.com/pytorch/pytorch/issues/40967 for more information",
                          UserWarning, stacklevel=3)
        taken = {id(p) for group in self.param_groups for p in group["params"]}
        if taken & set(ids):
            raise ValueError("some parameters appear in more than one parameter group")
        self.param_groups.append(param_group)

    def zero_grad(self, set_to_none=True):
        """Forget the gradients: set them to None (default), or fill them with zeros in place."""
        clear_grads((param for group in self.param_groups for param in group["params"]), set_to_none)

    def step(self, closure=None):
        """Update every parameter that has a gradient; ``closure`` (optional) recomputes the loss first."""
        loss = None
        if closure is not None:
            with enable_grad():
                loss = closure()
        with no_grad():
            for group in self.param_groups:
                for param in group["params"]:
                    if param.grad is not None:
                        self._update(group, param)
        return loss

    def _update(self, group, param):
        """Update one parameter in place from its ``.grad`` and the options of its ``group``."""
        raise NotImplementedError

    def state_dict(self):
        """``{'state': {index: state}, 'param_groups': [options with 'params' as indices]}``."""
        index_of, packed_groups = {}, []
        for group in self.param_groups:
            for param in group["params"]:
                index_of.setdefault(id(param), len(index_of))
            packed = {key: value for key, value in group.items() if key != "params"}
            packed["params"] = [index_of[id(param)] for param in group["params"]]
            packed_groups.append(packed)
        packed_state = {index_of[id(param)]: state for param, state in self.state.items()}
        return {"state": packed_state, "param_groups": packed_groups}

    def load_state_dict(self, state_dict):
        """Take options and state from ``state_dict`` (as ``state_dict()`` made it) for the same layout."""
        groups, saved_groups = self.param_groups, state_dict["param_groups"]
        if len(groups) != len(saved_groups):
            raise ValueError("loaded state dict has a different number of parameter groups")
        if any(len(g["params"]) != len(s["params"]) for g, s in zip(groups, saved_groups)):
            raise ValueError("loaded state dict contains a parameter group that doesn't match the size of "
                             "optimizer's group")
        param_of = {index: param for group, saved in zip(groups, saved_groups)
                    for index, param in zip(saved["params"], group["params"])}
        self.state = defaultdict(dict)
        for index, state in state_dict["state"].items():
            self.state[param_of[index]] = {key: value.clone() if isinstance(value, Tensor) else value
                                         for key, value in state.items()}
        self.param_groups = [{**saved, "params": group["params"]} for group, saved in zip(groups, saved_groups)]

    def __repr__(self):
        text = type(self).__name__ + " ("
        for index, group in enumerate(self.param_groups):
            text += f"\nParameter Group {index}\n"
            for key in sorted(group):
                if key != "params":
                    text += f"    {key}: {group[key]}\n"
        return text + ")"
