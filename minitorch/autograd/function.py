"""``torch.autograd.Function``: an op whose forward and backward you write yourself.

Subclass ``Function`` with two staticmethods, ``forward(ctx, *args)`` and ``backward(ctx, *grads)``, and call
``MyOp.apply(*args)``. The ``ctx`` both receive is the node itself: every Function subclass gets a node
class named ``<Name>Backward`` (``MySigmoidBackward``), and ``apply`` makes one per call. ``forward`` runs
without recording (grad mode off); its outputs get the node as ``grad_fn``, with one edge per tensor input.
"""

from __future__ import annotations

import inspect
import warnings

import numpy as np

from ..ops._util import is_tensor
from ..ops.inplace import changed_in_place
from . import node as _node
from .grad_mode import enable_grad, is_grad_enabled, no_grad
from .hooks import wrap
from .node import FormulaMode, Node, connect, set_grad_fn, unbroadcast
from .saved_tensor import SavedTensor

LEAF_INPLACE_ERROR = "a leaf Variable that requires grad has been used in an in-place operation."


class FunctionCtx:
    """What ``forward`` can tell ``backward`` through ``ctx``: saved tensors, and which outputs are special."""

    def save_for_backward(self, *tensors) -> None:
        """Keep ``tensors`` (or None) for backward; ``ctx.saved_tensors`` checks they were not changed since."""
        for i, tensor in enumerate(tensors):
            if tensor is not None and not is_tensor(tensor):
                raise TypeError(f"save_for_backward can only save variables, but argument {i} is of type "
                                f"{type(tensor).__name__}")
        self.to_save = tensors

    def mark_dirty(self, *tensors) -> None:
        """Declare that ``forward`` modified these inputs in place (they must also be returned)."""
        self.dirty_tensors = tensors

    def mark_non_differentiable(self, *tensors) -> None:
        """Declare outputs that have no gradient: they don't require grad, backward gets zeros for them."""
        self.non_differentiable = tensors

    def set_materialize_grads(self, value: bool) -> None:
        """With False, backward receives None (not zeros) for outputs that got no gradient."""
        self.materialize_grads = bool(value)


class BackwardCFunction(Node, FunctionCtx):
    """The node of one ``apply`` call, and its ``ctx``: the gradients are what the Function's ``backward`` returns."""

    double_backward = True  # backward is the user's own code on Tensors: recorded with create_graph=True

    _forward_cls = None

    def __init__(self):
        super().__init__()
        self.to_save, self.dirty_tensors, self.non_differentiable = (), (), ()
        self.materialize_grads = True
        self.needs_input_grad: tuple = ()
        self._records_for_backward: list = []
        self._output_meta: dict = {}  # output_nr -> (shape, dtype), None for non-tensors
        self._tensor_positions: list = []  # which forward arguments were tensors (one edge each)

    def __repr__(self):
        return f"<torch.autograd.function.{type(self).__name__} object at {hex(id(self))}>"

    _repr_pretty_ = Node._repr_pretty_  # IPython looks for it before the repr of the nearest class

    @property
    def saved_tensors(self) -> tuple:
        """The tensors given to ``save_for_backward``, or torch's error if freed or modified in place since."""
        return tuple(None if record is None else record.unpack() for record in self._records_for_backward)

    saved_variables = saved_tensors

    def release_saved(self) -> None:
        """Free the saved tensors (after backward, unless retain_graph=True)."""
        for record in self._records_for_backward:
            if record is not None:
                record.release()

    def apply(self, *grads):
        """Run the Function's ``backward`` on the output gradients; check what it returns as torch does.

        As torch, ``backward`` runs in grad mode only with ``create_graph=True``: its operations are then
        recorded, and the gradients it returns can be differentiated again.
        """
        backward = type(self)._forward_cls.backward
        with enable_grad() if FormulaMode.on_tensors else no_grad():
            results = backward(self, *self._gradient_tensors(grads))
        return self._check_gradients(results)

    def _gradient_tensors(self, grads) -> list:
        """Wrap the incoming gradients; missing ones become zeros unless materialize_grads is off."""
        wrapped = []
        for grad, meta in zip(grads, self._output_meta.values()):
            if grad is None and meta is not None and self.materialize_grads:
                grad = np.zeros(*meta)
            wrapped.append(wrap(grad))
        return wrapped

    def _check_gradients(self, results) -> tuple:
        """One gradient per forward argument (trailing Nones allowed), as ndarrays for the tensor inputs."""
        results = results if isinstance(results, tuple) else (results,)
        expected = len(self.needs_input_grad)
        if len(results) > expected and all(r is None for r in results[expected:]):
            results = results[:expected]
        if len(results) != expected:
            raise RuntimeError(f"function {self.name()} returned an incorrect number of gradients "
                               f"(expected {expected}, got {len(results)})")
        for position, grad in enumerate(results):
            if grad is not None and position not in self._tensor_positions:
                raise RuntimeError(f"function {self.name()} returned a gradient different than None at position "
                                   f"{position + 1}, but the corresponding forward input was not a Variable")
        return tuple(self._shaped(results[p], i) for i, p in enumerate(self._tensor_positions))

    def _shaped(self, grad, index: int):
        """Sum a broadcast gradient back to its input's shape; refuse one that cannot be."""
        if grad is None:
            return None
        data = grad._data if is_tensor(grad) else np.asarray(grad)
        if FormulaMode.on_tensors and is_tensor(grad):
            data = grad  # create_graph=True: the gradient keeps its graph
        shape = self.input_shape(index)
        goes_somewhere = Node.needs_input_grad(self, index)  # the node's own; ctx.needs_input_grad is torch's tuple
        if tuple(data.shape) == tuple(shape) or not goes_somewhere:  # torch checks only where gradients go
            return data
        try:
            np.broadcast_shapes(shape, data.shape)
            if len(shape) > data.ndim or np.broadcast_shapes(shape, data.shape) != data.shape:
                raise ValueError
        except ValueError:
            raise RuntimeError(f"Function {self.name()} returned an invalid gradient at index {index} - got "
                               f"{list(data.shape)} but expected shape compatible with {list(shape)}") from None
        return unbroadcast(data, shape)


class FunctionMeta(type):
    """Gives every Function subclass its node class, ``<Name>Backward``."""

    def __init__(cls, name, bases, attrs):
        doc = f"d {name}.forward / d inputs = what {name}.backward(ctx, *grad_outputs) returns."
        backward_cls = type(f"{name}Backward", (BackwardCFunction,), {"_forward_cls": cls, "__doc__": doc})
        backward_cls.__module__ = "torch.autograd.function"
        backward_cls.__qualname__ = backward_cls.__name__
        cls._backward_cls = backward_cls
        super().__init__(name, bases, attrs)


class Function(metaclass=FunctionMeta):
    """Base class of custom ops: define ``forward(ctx, ...)`` and ``backward(ctx, ...)``, call ``apply``."""

    def __init__(self, *args, **kwargs):
        warnings.warn(f"{type(self)} should not be instantiated. Methods on autograd functions are all static, "
                      "so you should invoke them on the class itself. Instantiating an autograd function will "
                      "raise an error in a future version of PyTorch.", DeprecationWarning, stacklevel=2)

    def __call__(self, *args, **kwargs):
        raise RuntimeError("Legacy autograd function with non-static forward method is deprecated. Please use "
                           "new-style autograd function with static forward method. (Example: "
                           "https://pytorch.org/docs/stable/autograd.html#torch.autograd.Function)")

    @staticmethod
    def forward(ctx, *args, **kwargs):
        """Compute the outputs from the inputs (override this)."""
        raise NotImplementedError("You must implement the forward function for custom autograd.Function.")

    @staticmethod
    def backward(ctx, *grad_outputs):
        """Gradients w.r.t. the inputs from gradients w.r.t. the outputs (override this)."""
        raise NotImplementedError("You must implement either the backward or vjp method for your custom "
                                  "autograd.Function to use it with backward mode AD.")

    vjp = backward

    @staticmethod
    def setup_context(ctx, inputs, output):
        """Save what backward needs from ``inputs`` and ``output``, when ``forward`` takes no ctx (override this)."""
        raise NotImplementedError("setup_context is not implemented.")

    @classmethod
    def apply(cls, *args, **kwargs):
        """Run ``forward`` and, when an input requires grad, record the outputs with a ``<Name>Backward`` node."""
        ctx = cls._backward_cls()
        separate_setup = cls.setup_context is not Function.setup_context
        if separate_setup:  # forward(*args) then setup_context(ctx, inputs, output), inputs with defaults bound
            bound = inspect.signature(cls.forward).bind(*args, **kwargs)
            bound.apply_defaults()
            args, kwargs = tuple(bound.args), {}
        recording = is_grad_enabled() and any(is_tensor(a) and a.requires_grad for a in args)
        ctx.needs_input_grad = tuple(is_tensor(a) and a.requires_grad for a in args)
        with no_grad():
            if separate_setup:
                outputs = cls.forward(*args)
                cls.setup_context(ctx, args, outputs)
            else:
                outputs = cls.forward(ctx, *args, **kwargs)
        if not recording:
            return outputs
        return _record_outputs(ctx, args, outputs)


def _record_outputs(ctx: BackwardCFunction, args, outputs):
    """Make ``ctx`` the grad_fn of the differentiable outputs and save what forward asked to save."""
    single = not isinstance(outputs, tuple)
    outputs = (outputs,) if single else outputs
    positions = [i for i, a in enumerate(args) if is_tensor(a)]
    tensor_inputs = [args[i] for i in positions]
    connect(ctx, tensor_inputs, state={"tensor_positions": positions, "num_outputs": len(outputs)})
    wrapped = tuple(_record_output(ctx, out, nr, tensor_inputs) for nr, out in enumerate(outputs))
    ctx._records_for_backward = [_save(ctx, t, wrapped, outputs) for t in ctx.to_save]
    ctx.to_save = ()
    return wrapped[0] if single else wrapped


def _record_output(ctx: BackwardCFunction, out, output_nr: int, tensor_inputs):
    """One output: its grad_fn is ctx (unless it is non-differentiable); an unmodified input comes back a view."""
    if not is_tensor(out):
        ctx._output_meta[output_nr] = None
        return out
    ctx._output_meta[output_nr] = (out.shape, out._data.dtype)
    is_dirty = any(out is d for d in ctx.dirty_tensors)
    differentiable = out._data.dtype.kind in "fc" and not any(out is n for n in ctx.non_differentiable)
    if is_dirty and out.is_leaf and out.requires_grad:
        raise RuntimeError(LEAF_INPLACE_ERROR)
    if is_dirty:
        changed_in_place(out)
    elif any(out is t for t in tensor_inputs):
        out = _node.Tensor._view(out._data, out)
    if not differentiable:
        return out
    set_grad_fn(out, ctx, output_nr)
    return out


def _save(ctx: BackwardCFunction, tensor, wrapped, outputs):
    """A SavedTensor for ``tensor``; outputs are saved as outputs (they would otherwise keep ctx alive)."""
    if tensor is None:
        return None
    for original, out in zip(outputs, wrapped):
        if tensor is original or tensor is out:
            return SavedTensor(out, ctx, is_output=out.grad_fn is ctx)
    return SavedTensor(tensor, ctx)
