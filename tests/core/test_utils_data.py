"""``minitorch.utils.data``: batching, collation, shuffling and splitting (expected values derived by hand)."""

import pytest

import minitorch
from minitorch.utils.data import BatchSampler, DataLoader, RandomSampler, TensorDataset, default_collate, random_split


def _dataset(n=10):
    return TensorDataset(minitorch.arange(2 * n).reshape(n, 2), minitorch.arange(n))


def test_batches_in_order_with_a_shorter_last_batch():
    batches = [y.tolist() for _, y in DataLoader(_dataset(), batch_size=4)]
    assert batches == [[0, 1, 2, 3], [4, 5, 6, 7], [8, 9]]


def test_drop_last_drops_the_short_batch_and_len_counts_batches():
    loader = DataLoader(_dataset(), batch_size=4, drop_last=True)
    assert len(loader) == 2 and [y.tolist() for _, y in loader] == [[0, 1, 2, 3], [4, 5, 6, 7]]
    assert len(DataLoader(_dataset(), batch_size=4)) == 3


def test_features_are_stacked_along_a_new_first_dimension():
    x, _ = next(iter(DataLoader(_dataset(), batch_size=3)))
    assert x.shape == (3, 2) and x.tolist() == [[0, 1], [2, 3], [4, 5]]


def test_shuffle_visits_every_sample_once_and_repeats_under_the_same_seed():
    def epoch():
        return [i for _, y in DataLoader(_dataset(), batch_size=3, shuffle=True) for i in y.tolist()]

    minitorch.manual_seed(3)
    first = epoch()
    minitorch.manual_seed(3)
    assert epoch() == first and sorted(first) == list(range(10))


def test_collate_numbers_dicts_and_strings():
    batch = default_collate([{"a": 1.5, "b": 2, "s": "x"}, {"a": 2.5, "b": 3, "s": "y"}])
    assert batch["a"].dtype == minitorch.float64 and batch["a"].tolist() == [1.5, 2.5]
    assert batch["b"].dtype == minitorch.int64 and batch["s"] == ["x", "y"]
    with pytest.raises(RuntimeError, match="each element in list of batch should be of equal size"):
        default_collate([(1, 2), (3,)])


def test_batch_sampler_and_random_sampler_lengths():
    assert list(BatchSampler(range(7), 3, drop_last=True)) == [[0, 1, 2], [3, 4, 5]]
    assert len(BatchSampler(range(7), 3, drop_last=False)) == 3
    assert len(list(RandomSampler(range(5), replacement=True, num_samples=40))) == 40


def test_random_split_partitions_the_indices():
    a, b = random_split(range(10), [0.7, 0.3], generator=minitorch.Generator().manual_seed(0))
    assert (len(a), len(b)) == (7, 3) and sorted(list(a) + list(b)) == list(range(10))
    with pytest.raises(ValueError, match="Sum of input lengths does not equal"):
        random_split(range(10), [3, 3])
