"""Which `nn.Module` made which backward node: recorded by forward hooks, for minitorch and torch alike.

Autograd itself does not know about modules. `track_modules(model)` adds two hooks to every submodule:
before its forward, the module notes the `grad_fn`s of its inputs (where its own part of the graph will
stop); after its forward, it walks back from its output's `grad_fn` and claims every node not claimed yet,
up to those inputs. Inner modules finish first, so each node ends up with the deepest module that made it.
A leaf parameter's `AccumulateGrad` belongs to the module that holds the parameter.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field

from . import introspect as ins

_TRACKERS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


@dataclass
class ModuleTracker:
    """What the hooks recorded: each node's module path ("" for the model itself), and the modules."""

    model: object
    owners: dict = field(default_factory=dict)  # id(node) -> (node, path); the node is kept so its id stays unique
    modules: dict = field(default_factory=dict)  # path -> module, in named_modules() order
    stops: dict = field(default_factory=dict)  # path -> ids of its inputs' grad_fns, during its forward
    handles: list = field(default_factory=list)
    holders: dict = field(default_factory=dict)  # id(parameter) -> path of the module that holds it
    inputs: dict = field(default_factory=dict)  # path -> the tensors its last forward received
    outputs: dict = field(default_factory=dict)  # path -> the tensors its last forward returned
    # path -> (grad_fn, output_nr, tensor) of each tensor with history that entered or left its last forward,
    # as it was then (an in-place op after the forward gives the tensor a new grad_fn)
    crossed: dict = field(default_factory=dict)
    # path -> (start, end) of its last forward on one clock that every hook of the tracker advances, so the
    # order in which modules ran can be read (which ran before which, which ran inside which)
    ran: dict = field(default_factory=dict)
    clock: int = 0

    def tick(self) -> int:
        """The next reading of the tracker's clock."""
        self.clock += 1
        return self.clock

    def owner(self, node) -> str | None:
        """The path of the module that made `node`, or None when no tracked module did."""
        found = self.owners.get(id(node))
        return found[1] if found is not None and found[0] is node else None

    def parameter_owner(self, tensor) -> str | None:
        """The path of the module that holds `tensor` as one of its own parameters, if any."""
        return self.holders.get(id(tensor))

    def snapshot(self) -> ModuleTracker:
        """A copy of what is recorded now, without hooks: later forward passes (training, validation) do not
        change it, so a widget made now keeps drawing this pass's modules and tensors."""
        return ModuleTracker(self.model, dict(self.owners), dict(self.modules), {}, [], dict(self.holders),
                             dict(self.inputs), dict(self.outputs), dict(self.crossed), dict(self.ran), self.clock)

    def remove(self) -> None:
        """Take the hooks off the model (what was recorded stays)."""
        for handle in self.handles:
            handle.remove()
        self.handles.clear()


def track_modules(model) -> ModuleTracker:
    """Record, from the next forward pass on, which submodule of `model` makes which backward node, so that
    `draw_graph(..., model=model)` can group the graph by module. Call it before the forward pass."""
    if not hasattr(model, "named_modules"):
        raise TypeError(f"track_modules() expects an nn.Module, got {type(model).__name__}")
    old = _TRACKERS.get(model)
    if old is not None:
        old.remove()
    tracker = ModuleTracker(model)
    for path, module in model.named_modules():
        tracker.modules[path] = module
        for param in module.parameters(recurse=False):
            tracker.holders.setdefault(id(param), path)
        tracker.handles.append(module.register_forward_pre_hook(_before(tracker, path)))
        tracker.handles.append(module.register_forward_hook(_after(tracker, path)))
    _TRACKERS[model] = tracker
    return tracker


def tracker_of(model) -> ModuleTracker:
    """The tracker `track_modules(model)` set up; a clear error when there is none."""
    tracker = _TRACKERS.get(model)
    if tracker is None:
        raise ValueError("draw_graph(model=...) needs to know which module made which node: call "
                         "minitorch.viz.track_modules(model) before the forward pass")
    return tracker


def _tensors_in(value) -> list:
    if ins.is_any_tensor(value):
        return [value]
    if isinstance(value, (list, tuple)):
        return [tensor for item in value for tensor in _tensors_in(item)]
    if isinstance(value, dict):
        return [tensor for item in value.values() for tensor in _tensors_in(item)]
    return []


def _with_history(tensors: list) -> list:
    return [(t.grad_fn, t.output_nr, t) for t in tensors if t.grad_fn is not None]


def _before(tracker: ModuleTracker, path: str):
    def hook(module, args):
        tracker.inputs[path] = _tensors_in(args)
        tracker.stops[path] = {id(t.grad_fn) for t in tracker.inputs[path] if t.grad_fn is not None}
        tracker.crossed[path] = _with_history(tracker.inputs[path])
        tracker.ran[path] = (tracker.tick(), None)

    return hook


def _after(tracker: ModuleTracker, path: str):
    def hook(module, args, output):
        stops = tracker.stops.pop(path, set())
        tracker.outputs[path] = _tensors_in(output)
        tracker.crossed[path] = tracker.crossed.get(path, []) + _with_history(tracker.outputs[path])
        tracker.ran[path] = (tracker.ran.get(path, (0, None))[0], tracker.tick())
        pending = [t.grad_fn for t in tracker.outputs[path] if t.grad_fn is not None]
        seen = set()
        while pending:
            node = pending.pop()
            if node is None or id(node) in seen or id(node) in stops:
                continue
            seen.add(id(node))
            _claim(tracker, node, path)
            pending.extend(next_node for next_node, _ in node.next_functions)

    return hook


def _claim(tracker: ModuleTracker, node, path: str) -> None:
    """Give `node` to the module at `path` unless a module already has it (inner modules finish first)."""
    if tracker.owner(node) is not None:
        return
    if ins.is_accumulate_grad(node):
        holder = tracker.parameter_owner(node.variable)
        if holder is None:
            return  # a leaf from outside the module (an input): it belongs to no module
        path = holder
    tracker.owners[id(node)] = (node, path)
