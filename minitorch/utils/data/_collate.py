"""How a DataLoader turns a list of samples into one batch (``default_collate``)."""

from __future__ import annotations

import collections.abc

import numpy as np

from ...ops._util import is_tensor

ERROR_TYPES = "default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found {}"


def _collate_sequences(batch, elem):
    """Samples that are tuples or lists: collate position by position (a namedtuple stays one)."""
    if any(len(sample) != len(elem) for sample in batch):
        raise RuntimeError("each element in list of batch should be of equal size")
    columns = [default_collate(list(samples)) for samples in zip(*batch)]
    if isinstance(elem, tuple) and hasattr(elem, "_fields"):
        return type(elem)(*columns)
    return columns


def default_collate(batch):
    """Stack tensors (and numpy arrays) along a new first dimension; numbers become a tensor; recurse into
    dicts, tuples and lists. Strings stay a list."""
    from ... import stack, tensor
    from ..._dtype import float64

    elem = batch[0]
    if is_tensor(elem):
        return stack(batch, 0)
    if isinstance(elem, np.ndarray):
        return stack([tensor(a) for a in batch], 0)
    if isinstance(elem, float):
        return tensor(batch, dtype=float64)
    if isinstance(elem, int):
        return tensor(batch)
    if isinstance(elem, (str, bytes)):
        return batch
    if isinstance(elem, collections.abc.Mapping):
        return type(elem)({key: default_collate([d[key] for d in batch]) for key in elem})
    if isinstance(elem, collections.abc.Sequence):
        return _collate_sequences(batch, elem)
    raise TypeError(ERROR_TYPES.format(type(elem)))


def default_convert(data):
    """Without batching (``batch_size=None``): numpy arrays become tensors, containers are converted inside."""
    from ... import tensor

    if isinstance(data, np.ndarray) and data.dtype.kind in "biuf":
        return tensor(data)
    if isinstance(data, collections.abc.Mapping):
        return type(data)({key: default_convert(value) for key, value in data.items()})
    if isinstance(data, tuple) and hasattr(data, "_fields"):
        return type(data)(*(default_convert(d) for d in data))
    if isinstance(data, (tuple, list)):  # a plain tuple becomes a list, as in torch
        return [default_convert(d) for d in data]
    return data
