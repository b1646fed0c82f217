"""``torch.save`` and ``torch.load``: any picklable object holding tensors (a tensor, a list, a ``state_dict``,
a checkpoint dict), written to a path or a file object.

minitorch writes a plain pickle, not torch's zip archive: a file saved by one library is read back by the same
library. ``map_location`` and ``weights_only`` are accepted as torch accepts them (everything lives on the CPU).
"""

from __future__ import annotations

import os
import pickle


def _is_path(f) -> bool:
    return isinstance(f, (str, os.PathLike))


def save(obj, f, pickle_module=pickle, pickle_protocol=2, _use_new_zipfile_serialization=True,
         _disable_byteorder_record=False) -> None:
    """Write ``obj`` (tensors, modules' state dicts, containers of them) to the path or file object ``f``."""
    if _is_path(f):
        with open(f, "wb") as file:
            pickle_module.dump(obj, file, protocol=pickle_protocol)
    else:
        pickle_module.dump(obj, f, protocol=pickle_protocol)


def load(f, map_location=None, pickle_module=None, *, weights_only=None, mmap=None, **pickle_load_args):
    """Read back what ``save`` wrote to the path or file object ``f``."""
    module = pickle_module or pickle
    if _is_path(f):
        with open(f, "rb") as file:  # a missing file raises Python's own FileNotFoundError, as in torch
            return module.load(file, **pickle_load_args)
    return module.load(f, **pickle_load_args)
