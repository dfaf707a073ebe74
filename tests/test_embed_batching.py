"""Batching helpers: duplicates once, token-length buckets, padding, tokenising ahead in chunks."""

import numpy as np
import pytest

from factcheck.embed_batching import length_buckets, pad_batch, side_by_side, tokenised_chunks, unique_texts


def test_unique_texts_keeps_first_seen_order_and_maps_every_input():
    distinct, positions = unique_texts(["b", "a", "b", "c", "a"])
    assert distinct == ["b", "a", "c"]
    assert positions.tolist() == [0, 1, 0, 2, 1]
    assert [distinct[p] for p in positions] == ["b", "a", "b", "c", "a"]


@pytest.mark.parametrize(
    ("lengths", "batch_size", "expected"),
    [
        ([3, 9, 1, 9, 5], 2, [[1, 3], [4], [0], [2]]),  # longest first, ties in input order; 5 is under 0.8 of 9
        ([4, 4, 4], 5, [[0, 1, 2]]),
        ([10, 9, 8, 7], 5, [[0, 1, 2], [3]]),  # 8 is 0.8 of 10 and joins; 7 starts the next batch
        ([], 3, []),
    ],
)
def test_length_buckets_group_similar_lengths(lengths, batch_size, expected):
    assert [b.tolist() for b in length_buckets(lengths, batch_size)] == expected


def test_without_a_fill_share_batches_are_cut_by_count_alone():
    assert [b.tolist() for b in length_buckets([3, 9, 1, 9, 5], 2, min_fill=0.0)] == [[1, 3], [4, 0], [2]]


def test_a_small_job_of_mixed_lengths_pads_little():
    """An article's claims (17 to 87 tokens): cut by count into one batch, 62% of the positions computed are
    padding; cut by length share, 7%."""
    lengths = [17, 17, 18, 18, 21, 22, 22, 24, 25, 25, 27, 28, 32, 32, 35, 36, 42, 52, 77, 87]

    def padding(min_fill: float) -> float:
        batches = length_buckets(lengths, 20, min_fill=min_fill)
        return 1 - sum(lengths) / sum(len(b) * max(lengths[i] for i in b) for b in batches)

    assert padding(0.0) > 0.6
    assert padding(0.8) < 0.1


def test_length_buckets_cover_every_row_once():
    lengths = np.random.default_rng(0).integers(1, 100, 1000)
    rows = np.concatenate(length_buckets(lengths, 64))
    assert sorted(rows.tolist()) == list(range(1000))


def test_pad_batch_pads_right_with_a_mask():
    ids, mask = pad_batch([[101, 7, 102], [101, 102]], pad_id=0)
    assert ids.tolist() == [[101, 7, 102], [101, 102, 0]]
    assert mask.tolist() == [[1, 1, 1], [1, 1, 0]]


def test_tokenised_chunks_are_in_order_and_complete():
    texts = [f"t{i}" for i in range(10)]
    seen = list(tokenised_chunks(texts, lambda chunk: [[len(t)] for t in chunk], chunk=4))
    assert [offset for offset, _ in seen] == [0, 4, 8]
    assert sum(len(ids) for _, ids in seen) == 10
    assert list(tokenised_chunks([], lambda chunk: [], chunk=4)) == []


def test_side_by_side_keeps_the_order_and_runs_calls_at_once():
    import threading

    with side_by_side(1) as run:
        assert run(lambda n: n * n, [3, 1, 2]) == [9, 1, 4]
    meeting = threading.Barrier(2, timeout=10)  # two calls must be running together to pass it

    def meet(n: int) -> int:
        meeting.wait()
        return n + 1

    with side_by_side(2) as run:
        assert run(meet, [5, 6, 7, 8]) == [6, 7, 8, 9]
