"""Feeding a transformer efficiently on CPU: token-length buckets, tokenising ahead in a thread, duplicates once."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

import numpy as np

# Texts are tokenised in chunks this large, one chunk ahead of the model, so the tokeniser (Rust, releases the
# GIL) works while the model multiplies; each chunk is then sorted by token count and cut into batches.
TOKENISE_CHUNK = 2048


def unique_texts(texts: Sequence[str]) -> tuple[list[str], np.ndarray]:
    """The distinct texts in first-seen order and, for each input, its position among them (so a text repeated in
    an archive, a boilerplate line or a reprint, is embedded once)."""
    positions: dict[str, int] = {}
    inverse = np.empty(len(texts), dtype=np.int64)
    for i, text in enumerate(texts):
        inverse[i] = positions.setdefault(text, len(positions))
    return list(positions), inverse


# A text joins a batch only while it is at least this share of the batch's longest text: the model computes every
# padded position, and a small job (an article's claims, 17 to 87 tokens) cut only by count spent more than half of
# its time on padding (docs/benchmarks.md, session 7). In a large job neighbouring lengths are close, so this
# rarely cuts a batch short.
MIN_FILL = 0.8


def length_buckets(lengths: Sequence[int], batch_size: int, min_fill: float = MIN_FILL) -> list[np.ndarray]:
    """Row numbers cut into batches of similar token count (longest first): at most `batch_size` rows, each at least
    `min_fill` of its batch's longest, so little of each batch is padding."""
    if batch_size < 1:
        raise ValueError(f"batch_size must be at least 1, got {batch_size}")
    sizes = np.asarray(lengths, dtype=np.int64)
    order = np.argsort(-sizes, kind="stable")
    batches: list[np.ndarray] = []
    begin = 0
    for end in range(1, len(order) + 1):
        full = end - begin == batch_size
        if end == len(order) or full or sizes[order[end]] < min_fill * sizes[order[begin]]:
            batches.append(order[begin:end])
            begin = end
    return batches


def tokenise_texts(tokenizer, texts: Sequence[str], max_length: int) -> list[list[int]]:
    """The model's token ids of each text (stripped, truncated to `max_length`, not padded: batches pad later)."""
    encoded = tokenizer(
        [text.strip() for text in texts],
        truncation=True,
        max_length=max_length,
        padding=False,
        return_attention_mask=False,
        return_token_type_ids=False,
    )
    return encoded["input_ids"]


def pad_batch(token_ids: Sequence[Sequence[int]], pad_id: int) -> tuple[np.ndarray, np.ndarray]:
    """(input ids, attention mask) as int64 arrays padded on the right to the longest sequence of the batch."""
    width = max((len(ids) for ids in token_ids), default=0)
    ids = np.full((len(token_ids), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(token_ids), width), dtype=np.int64)
    for row, sequence in enumerate(token_ids):
        ids[row, : len(sequence)] = sequence
        mask[row, : len(sequence)] = 1
    return ids, mask


def tokenised_chunks(
    texts: Sequence[str], tokenise: Callable[[list[str]], list[list[int]]], chunk: int = TOKENISE_CHUNK
) -> Iterator[tuple[int, list[list[int]]]]:
    """(offset, token ids) of consecutive chunks of `texts`, the next chunk tokenised in a thread meanwhile."""
    starts = list(range(0, len(texts), chunk))
    if not starts:
        return
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="tokenise") as pool:
        pending = pool.submit(tokenise, list(texts[0:chunk]))
        for number, start in enumerate(starts):
            ready = pending.result()
            if number + 1 < len(starts):
                following = starts[number + 1]
                pending = pool.submit(tokenise, list(texts[following : following + chunk]))
            yield start, ready


_In = TypeVar("_In")
_Out = TypeVar("_Out")


@contextlib.contextmanager
def side_by_side(streams: int) -> Iterator[Callable[[Callable[[_In], _Out], Sequence[_In]], list[_Out]]]:
    """A `map` that runs up to `streams` calls at once in threads (the model's matrix products release the GIL, so
    each call keeps a core busy), results in input order; with one stream, calls run one after another here."""
    if streams <= 1:
        yield lambda call, items: [call(item) for item in items]
        return
    with ThreadPoolExecutor(max_workers=streams, thread_name_prefix="embed") as pool:
        yield lambda call, items: list(pool.map(call, items))


def available_cores() -> int:
    """The CPU cores this process may run on (a container's limit, not the host's count)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)
