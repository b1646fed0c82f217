"""Tensor: numpy values plus what autograd needs (requires_grad, grad, grad_fn, a version counter).

Storage is shared the way torch shares it: views and ``detach()`` share the numpy memory *and* the version
counter, so autograd notices in-place edits made through either; ``.data`` shares the memory but gets a
counter of its own, so edits through it go unnoticed (torch keeps it for old code; prefer ``detach()``).
"""

from __future__ import annotations

import warnings
import weakref

import numpy as np

from . import _dtype
from ._numpy_names import add_numpy_names
from ._printing import format_tensor
from ._storage import UntypedStorage, VersionCounter
from ._strides import contiguous_strides, element_strides, is_non_overlapping_and_dense, restride, storage_start
from ._tensor_methods import TensorMethods
from .autograd import engine
from .autograd import inference_mode as _inference_mode
from .autograd import node as _node
from .autograd.accumulate_grad import AccumulateGrad, accumulate_grad
from .autograd.grad_mode import is_grad_enabled
from .autograd.node import _NO_HOOKS, add_hook
from .autograd.view_history import view_grad_fn

NON_LEAF_GRAD_WARNING = (
    "The .grad attribute of a Tensor that is not a leaf Tensor is being accessed. Its .grad attribute won't be "
    "populated during autograd.backward(). If you indeed want the .grad field to be populated for a non-leaf "
    "Tensor, use .retain_grad() on the non-leaf Tensor. If you access the non-leaf Tensor by mistake, make "
    "sure you access the leaf Tensor instead. See github.com/pytorch/pytorch/pull/30531 for more "
    "information. (Triggered internally at /__w/pytorch/pytorch/build/aten/src/ATen/core/TensorBody.h:493.)"
)

NON_LEAF_REQUIRES_GRAD_ERROR = "you can only change requires_grad flags of leaf variables."
NON_LEAF_NO_GRAD_HINT = (" If you want to use a computed variable in a subgraph that doesn't require "
                         "differentiation use var_no_grad = var.detach().")
_C_TYPE_NAMES = {"float32": "float", "float64": "double", "float16": "c10::Half", "int64": "long int",
                 "int32": "int", "int16": "short int", "int8": "signed char", "uint8": "unsigned char",
                 "bool": "bool"}


def _check_assigned_grad(tensor, grad) -> None:
    """torch's checks on ``tensor.grad = grad``: a tensor, not itself, of the same dtype and size."""
    if not isinstance(grad, Tensor):
        raise TypeError(f"assigned grad expected to be a Tensor or None but got grad of type {type(grad).__name__}")
    if grad is tensor:
        raise RuntimeError("can't assign Variable as its own grad")
    if grad.dtype != tensor.dtype:
        raise RuntimeError(
            f"attempting to assign a gradient with dtype '{_C_TYPE_NAMES.get(grad._data.dtype.name)}' to a tensor "
            f"with grad_dtype '{tensor.dtype.legacy_name}'. The gradient must match the tensor's grad_dtype "
            "(defaults to the tensor's dtype). You can set the tensor's grad_dtype attribute with a specific "
            "dtype, or None to allow any dtype. Set grad_dtype with caution. Diverging the dtypes of a tensor "
            "and its gradient may break downstream systems that assume they match.")
    if grad.shape != tensor.shape:
        raise RuntimeError(f"attempting to assign a gradient of size '{list(grad.shape)}' to a tensor of size "
                           f"'{list(tensor.shape)}'. Please ensure that the gradient and the tensor are the same "
                           "size")


class Tensor(TensorMethods):
    """A multi-dimensional array that can record the operations applied to it, as ``torch.Tensor``."""

    __hash__ = object.__hash__

    def __init__(self, *args):
        """``Tensor(data)`` (a nested list) or ``Tensor(*sizes)``: the default float dtype, as torch's legacy one."""
        default = _dtype.get_default_dtype().numpy
        if len(args) == 1 and not isinstance(args[0], (int, _dtype.Size)):
            data = np.array(args[0], dtype=default)
        elif len(args) == 1 and isinstance(args[0], _dtype.Size):
            data = np.zeros(tuple(args[0]), dtype=default)
        elif not args:
            data = np.zeros(0, dtype=default)
        else:
            data = np.zeros(args, dtype=default)
        self._init(data)

    # Every tensor starts with these; an instance sets its own value only when it differs (cheaper to create,
    # which the per-op figure of benchmarks/bench_small_ops.py measures).
    _requires_grad = False
    _grad_fn = None
    _output_nr = 0
    _grad = None
    _base = None
    _view_version = 0
    _hooks = _NO_HOOKS  # a leaf's own dict is made by its first register_hook
    _retains_grad = False
    _accumulator = None
    _detached_from = None
    _no_grad_view = False  # made under no_grad (torch's CreationMeta::NO_GRAD_MODE)
    _multi_output_view = False  # one of several views one op returned (CreationMeta::MULTI_OUTPUT_NODE)
    _is_inference = False
    _is_wrapped_number = False  # a Python number taking part in an op (``x * 3``)

    def _init(self, data: np.ndarray, version_counter: VersionCounter | None = None):
        self._data = data
        self._version_counter = version_counter or VersionCounter()
        if _inference_mode.enabled:
            self._is_inference = True

    @classmethod
    def _wrap(cls, data, version_counter=None) -> Tensor:
        """A tensor around ``data`` (no copy, unless numpy handed back a scalar or a layout with gaps)."""
        if type(data) is not np.ndarray:
            data = np.asarray(data)
        flags = data.flags
        if not (flags.c_contiguous or flags.f_contiguous) and not is_non_overlapping_and_dense(
                data.shape, element_strides(data)):
            data = np.ascontiguousarray(data)
        elif data.size == 0 and data.ndim:  # torch's strides of an empty tensor count each size as at least 1
            data = restride(data, data.shape, contiguous_strides(data.shape))
        tensor = object.__new__(cls)
        tensor._init(data, version_counter)
        return tensor

    @classmethod
    def _alias(cls, data: np.ndarray, version_counter=None) -> Tensor:
        """A tensor on exactly the memory (and strides) of ``data``: never a copy (``detach()``, ``.data``)."""
        tensor = object.__new__(cls)
        tensor._init(data, version_counter)
        return tensor

    @classmethod
    def _view(cls, data: np.ndarray, base: Tensor) -> Tensor:
        """A view of ``base``: ``data`` is a numpy view of its memory; the version counter is shared."""
        tensor = object.__new__(cls)
        tensor._init(data, base._version_counter)
        tensor._base = base if base._base is None else base._base
        tensor._view_version = base._version_counter.value
        if base._no_grad_view or not is_grad_enabled():
            tensor._no_grad_view = True  # changing it in place with grad mode on is refused
        elif base._multi_output_view:
            tensor._multi_output_view = True  # a view of an unbind() output cannot be changed in place either
        return tensor

    @classmethod
    def _from_saved_output(cls, data, counter, node, output_nr: int = 0) -> Tensor:
        """Rebuild a saved output (``grad_fn._saved_result``): same memory and version counter, same node."""
        tensor = cls._wrap(data, counter)
        tensor._grad_fn, tensor._output_nr = node, output_nr
        return tensor

    # -- what the tensor is -------------------------------------------------------------------------

    @property
    def dtype(self) -> _dtype.dtype:
        """The element type (``torch.float32`` by default for floating point values)."""
        return _dtype.from_numpy_dtype(self._data.dtype)

    @property
    def shape(self) -> _dtype.Size:
        """The size of each dimension, as a ``torch.Size``."""
        return _dtype.Size(self._data.shape)

    @property
    def device(self) -> _dtype.device:
        """Always the CPU."""
        return _dtype.device("cpu")

    @property
    def _version(self) -> int:
        """How many in-place changes the shared storage has seen."""
        return self._version_counter.value

    def untyped_storage(self) -> UntypedStorage:
        """The memory behind this tensor (shared with its views, ``detach()`` and ``.data``)."""
        return UntypedStorage(self._data)

    def data_ptr(self) -> int:
        """The address of the first element."""
        return self._data.__array_interface__["data"][0]

    def storage_offset(self) -> int:
        """Where the first element sits in the storage, counted in elements."""
        return (self.data_ptr() - storage_start(self._data)) // self._data.itemsize

    def _is_view(self) -> bool:
        return self._base is not None

    def is_inference(self) -> bool:
        """True for tensors made inside ``inference_mode()``: autograd will not save them for backward."""
        return self._is_inference

    # -- autograd state ------------------------------------------------------------------------------

    @property
    def grad_fn(self):
        """The node that made this tensor (None for leaves). A view's node is renewed after in-place edits."""
        if self._base is None:
            return self._grad_fn
        return view_grad_fn(self)

    @property
    def requires_grad(self) -> bool:
        """Whether gradients flow to (leaf) or through (non-leaf) this tensor; a view follows its base."""
        if self._requires_grad or self._grad_fn is not None:
            return True
        return self._base is not None and self._base.requires_grad

    @requires_grad.setter
    def requires_grad(self, value: bool):
        if self.grad_fn is not None:
            raise RuntimeError(NON_LEAF_REQUIRES_GRAD_ERROR + ("" if value else NON_LEAF_NO_GRAD_HINT))
        if value and not self.dtype.is_floating_point:
            raise RuntimeError("only Tensors of floating point and complex dtype can require gradients")
        if value and self._is_inference and not _inference_mode.enabled:
            raise RuntimeError(_inference_mode.REQUIRES_GRAD_ERROR)
        self._requires_grad = bool(value)

    def requires_grad_(self, requires_grad: bool = True) -> Tensor:
        """Set ``requires_grad`` in place (leaves only; ``True`` on a non-leaf is allowed) and return self."""
        if requires_grad and not self.dtype.is_floating_point:
            raise RuntimeError("only Tensors of floating point dtype can require gradients")
        if not (requires_grad and self.grad_fn is not None):
            self.requires_grad = requires_grad
        return self

    @property
    def is_leaf(self) -> bool:
        """True for tensors no recorded op produced: created by the user, or not requiring grad."""
        return self._grad_fn is None  # as torch's, a stale view's grad_fn is not regenerated to answer this

    @property
    def output_nr(self) -> int:
        """Which output of its grad_fn this tensor is."""
        return self._output_nr

    @property
    def grad(self):
        """The accumulated gradient: filled by backward for leaves (and for tensors that retain_grad())."""
        if not self.is_leaf and not self._retains_grad:
            warnings.warn(NON_LEAF_GRAD_WARNING, UserWarning, stacklevel=2)
        return self._grad

    @grad.setter
    def grad(self, value):
        if value is not None:
            _check_assigned_grad(self, value)
        self._grad = value

    @property
    def retains_grad(self) -> bool:
        """True for a non-leaf tensor whose ``.grad`` backward fills (after ``retain_grad()``)."""
        return self._retains_grad

    def _grad_accumulator(self) -> AccumulateGrad:
        accumulator = self._accumulator and self._accumulator()
        if accumulator is None:
            accumulator = AccumulateGrad(self)
            self._accumulator = weakref.ref(accumulator)
        return accumulator

    def retain_grad(self) -> None:
        """Ask backward to keep this non-leaf tensor's gradient in ``.grad`` (a no-op for leaves)."""
        if not self.requires_grad:
            raise RuntimeError("can't retain_grad on Tensor that has requires_grad=False")
        if self.is_leaf or self._retains_grad:
            return
        self._retains_grad = True

        def keep(grad):
            accumulate_grad(self, grad, in_place=False)
        self.grad_fn._own_hooks("_retains_grad_hooks")[self.output_nr] = keep

    def register_hook(self, hook):
        """Call ``hook(grad)`` when this tensor's gradient is computed; it may return a new gradient."""
        if not self.requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        if self.is_leaf:
            if self._hooks is _NO_HOOKS:
                self._hooks = {}
            return add_hook(self._hooks, hook)
        return add_hook(self.grad_fn._hooks_of_output(self.output_nr), hook)

    def register_post_accumulate_grad_hook(self, hook):
        """Call ``hook(tensor)`` on this leaf each time a gradient has been added into its ``.grad``."""
        if not self.requires_grad:
            raise RuntimeError("cannot register a hook on a tensor that doesn't require gradient")
        if not self.is_leaf:
            raise RuntimeError("post accumulate grad hooks cannot be registered on non-leaf tensors")
        if "_post_accumulate_hooks" not in self.__dict__:
            self._post_accumulate_hooks = {}
        return add_hook(self._post_accumulate_hooks, hook)

    def backward(self, gradient=None, retain_graph=None, create_graph=False, inputs=None) -> None:
        """Compute the gradient of this tensor w.r.t. the graph's leaves and add it into their ``.grad``."""
        engine.backward(self, gradient, retain_graph, create_graph, inputs=inputs)

    # -- sharing memory ------------------------------------------------------------------------------

    def detach(self) -> Tensor:
        """A new tensor on the same memory and version counter, cut from the graph (requires_grad=False)."""
        out = Tensor._alias(self._data, self._version_counter)
        out._detached_from = weakref.ref(self)
        return out

    def detach_(self) -> Tensor:
        """Cut this tensor itself from the graph: it becomes a leaf that does not require grad."""
        if self._base is not None:
            raise RuntimeError("Can't detach views in-place. Use detach() instead. If you are using "
                               "DistributedDataParallel (DDP) for training, and gradient_as_bucket_view is "
                               "set as True, gradients are views of DDP buckets, and hence detach_() cannot "
                               "be called on these gradients. To fix this error, please refer to the "
                               "Optimizer.zero_grad() function in torch/optim/optimizer.py as the solution.")
        self._grad_fn, self._requires_grad, self._output_nr = None, False, 0
        return self

    @property
    def data(self) -> Tensor:
        """The same memory as a tensor outside autograd, with its *own* version counter (unlike detach())."""
        out = Tensor._alias(self._data)
        out._detached_from = weakref.ref(self)
        return out

    @data.setter
    def data(self, other: Tensor):
        if not isinstance(other, Tensor):
            raise TypeError(f"Variable data has to be a tensor, but got {type(other).__name__}")
        if self.requires_grad and not other.dtype.is_floating_point:
            raise RuntimeError("data set to a tensor that requires gradients must be floating point or complex "
                               "dtype")
        self._data = other._data

    def numpy(self) -> np.ndarray:
        """The values as a numpy array sharing this tensor's memory."""
        if self.requires_grad:
            raise RuntimeError("Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() "
                               "instead.")
        return self._data

    def __array__(self, dtype=None, copy=None):
        array = self.numpy()
        return array if dtype is None else array.astype(dtype)

    def __repr__(self) -> str:
        if self.grad_fn is not None:
            suffix = f"grad_fn=<{type(self.grad_fn).__name__}>"
        elif self.requires_grad:
            suffix = "requires_grad=True"
        else:
            suffix = None
        return format_tensor(self._data, self.dtype.name, suffix)

    __str__ = __repr__

    def __format__(self, spec: str) -> str:
        if self.ndim == 0:
            return self.item().__format__(spec)
        if spec:
            raise TypeError("unsupported format string passed to Tensor.__format__")
        return repr(self)

    def __reduce_ex__(self, protocol):
        return (_rebuild, (self._data.copy(), self._requires_grad and self.is_leaf))

    def __deepcopy__(self, memo):
        if not self.is_leaf:
            raise RuntimeError("Only Tensors created explicitly by the user (graph leaves) support the "
                               "deepcopy protocol at the moment.  If you were attempting to deepcopy a module, "
                               "this may be because of a torch.nn.utils.weight_norm usage, see "
                               "https://github.com/pytorch/pytorch/pull/103001")
        out = type(self).__new__(type(self))
        out._init(self._data.copy())
        out._requires_grad = self._requires_grad
        out.__dict__.update({k: v for k, v in self.__dict__.items() if not k.startswith("_")})
        memo[id(self)] = out
        return out


_node.Tensor = Tensor  # the autograd nodes wrap results and gradients in this class


def _rebuild(data, requires_grad):
    tensor = Tensor._wrap(data)
    tensor._requires_grad = requires_grad
    return tensor


add_numpy_names(Tensor)
