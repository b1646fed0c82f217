"""``DataLoader``: iterate over a dataset in batches, in order or shuffled.

minitorch loads every batch in the main process: ``num_workers > 0`` is accepted and gives the same batches
(torch would load them in worker processes; only the speed differs).
"""

from __future__ import annotations

from ._collate import default_collate, default_convert
from ._seeds import draw_seed
from .dataset import IterableDataset
from .sampler import BatchSampler, RandomSampler, SequentialSampler

BATCH_SAMPLER_EXCLUSIVE = "batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last"


def get_worker_info():
    """None: minitorch loads data in the main process, where torch also returns None."""
    return None


class DataLoader:
    """Batches of a dataset: ``for x, y in DataLoader(TensorDataset(X, Y), batch_size=32, shuffle=True)``."""

    def __init__(self, dataset, batch_size=1, shuffle=None, sampler=None, batch_sampler=None, num_workers=0,
                 collate_fn=None, pin_memory=False, drop_last=False, timeout=0, worker_init_fn=None,
                 multiprocessing_context=None, generator=None, *, prefetch_factor=None,
                 persistent_workers=False, pin_memory_device="", in_order=True):
        if num_workers < 0:
            raise ValueError("num_workers option should be non-negative; use num_workers=0 to disable "
                             "multiprocessing.")
        self.dataset, self.num_workers, self.generator = dataset, num_workers, generator
        self.pin_memory, self.timeout, self.worker_init_fn = pin_memory, timeout, worker_init_fn
        self.prefetch_factor, self.persistent_workers = prefetch_factor, persistent_workers
        self._is_iterable = isinstance(dataset, IterableDataset)
        sampler = self._make_sampler(shuffle, sampler)
        if batch_sampler is not None:
            if batch_size != 1 or shuffle or sampler is not None and not self._default_sampler or drop_last:
                raise ValueError(BATCH_SAMPLER_EXCLUSIVE)
            batch_size, drop_last = None, False
        elif batch_size is not None and not self._is_iterable:
            batch_sampler = BatchSampler(sampler, batch_size, drop_last)
        self.batch_size, self.drop_last = batch_size, drop_last
        self.sampler, self.batch_sampler = sampler, batch_sampler
        auto_collate = batch_sampler is not None or (self._is_iterable and batch_size is not None)
        self.collate_fn = collate_fn or (default_collate if auto_collate else default_convert)

    def _make_sampler(self, shuffle, sampler):
        """The sampler given, or SequentialSampler / RandomSampler (shuffle=True); checks torch's rules."""
        self._default_sampler = sampler is None
        if self._is_iterable:
            if shuffle not in (None, False):
                raise ValueError(f"DataLoader with IterableDataset: expected unspecified shuffle option, but got "
                                 f"shuffle={shuffle}")
            return sampler
        if sampler is not None and shuffle:
            raise ValueError("sampler option is mutually exclusive with shuffle")
        if sampler is not None:
            return sampler
        if shuffle:
            return RandomSampler(self.dataset, generator=self.generator)
        return SequentialSampler(self.dataset)

    def __iter__(self):
        draw_seed(self.generator)  # torch draws a base seed for its workers each time iteration starts
        if self._is_iterable:
            return self._iterate_stream()
        if self.batch_sampler is None:
            return (self.collate_fn(self.dataset[i]) for i in self.sampler)
        return (self.collate_fn([self.dataset[i] for i in batch]) for batch in self.batch_sampler)

    def _iterate_stream(self):
        """An IterableDataset: samples in its own order, grouped into batches when batch_size is set."""
        if self.batch_size is None:
            yield from (self.collate_fn(sample) for sample in self.dataset)
            return
        batch = []
        for sample in self.dataset:
            batch.append(sample)
            if len(batch) == self.batch_size:
                yield self.collate_fn(batch)
                batch = []
        if batch and not self.drop_last:
            yield self.collate_fn(batch)

    def __len__(self):
        if self._is_iterable:
            length = len(self.dataset)
            if self.batch_size is None:
                return length
            full, rest = divmod(length, self.batch_size)
            return full + (1 if rest and not self.drop_last else 0)
        return len(self.batch_sampler if self.batch_sampler is not None else self.sampler)
