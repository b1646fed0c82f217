"""Module helpers: name checks for registration, and ``state_dict`` / ``load_state_dict``."""

from collections import OrderedDict, namedtuple

from ..autograd.grad_mode import no_grad


def check_name(kind, name, module, registry):
    """Raise torch's errors for a bad parameter, buffer or module name."""
    if not isinstance(name, str):
        raise TypeError(f"{kind} name should be a string. Got {type(name).__name__}")
    if "." in name:
        suffix = f", got: {name}" if kind == "module" else ""
        raise KeyError(f"{kind} name can't contain \".\"{suffix}")
    if name == "":
        raise KeyError(f'{kind} name can\'t be empty string ""')
    if hasattr(module, name) and name not in registry:
        raise KeyError(f"attribute '{name}' already exists")


class _IncompatibleKeys(namedtuple("IncompatibleKeys", ["missing_keys", "unexpected_keys"])):
    """What ``load_state_dict`` returns: the keys it missed and the keys it did not expect."""

    def __repr__(self):
        if not self.missing_keys and not self.unexpected_keys:
            return "<All keys matched successfully>"
        return super().__repr__()

    __str__ = __repr__


def state_dict(module, destination=None, prefix="", keep_vars=False):
    """Parameters, then persistent buffers, then each child's entries under ``'child.'``."""
    destination = OrderedDict() if destination is None else destination
    for name, param in module._parameters.items():
        if param is not None:
            destination[prefix + name] = param if keep_vars else param.detach()
    for name, buffer in module._buffers.items():
        if buffer is not None and name not in module._non_persistent_buffers_set:
            destination[prefix + name] = buffer if keep_vars else buffer.detach()
    for name, child in module._modules.items():
        if child is not None:
            state_dict(child, destination, prefix + name + ".", keep_vars)
    return destination


def load_state_dict(module, saved, strict=True):
    """Check keys and shapes (torch's error lists every problem), then copy under ``no_grad``."""
    own = state_dict(module, keep_vars=True)
    missing = [key for key in own if key not in saved]
    unexpected = [key for key in saved if key not in own]
    errors = []
    if strict and missing:
        errors.append("Missing key(s) in state_dict: " + ", ".join(f'"{k}"' for k in missing) + ". ")
    if strict and unexpected:
        errors.append("Unexpected key(s) in state_dict: " + ", ".join(f'"{k}"' for k in unexpected) + ". ")
    for key, target in own.items():
        if key in saved and tuple(saved[key].shape) != tuple(target.shape):
            errors.append(f"size mismatch for {key}: copying a param with shape {saved[key].shape} "
                          f"from checkpoint, the shape in current model is {target.shape}.")
    if errors:
        raise RuntimeError(f"Error(s) in loading state_dict for {type(module).__name__}:\n\t" + "\n\t".join(errors))
    with no_grad():
        for key, target in own.items():
            if key in saved:
                target.copy_(saved[key])
    return _IncompatibleKeys(missing, unexpected)
