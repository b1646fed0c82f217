"""``minitorch.utils``: helpers beside the core (``utils.data`` loads datasets in batches)."""

from . import data
