"""One segment of the BM25 index: raw term counts of a run of passages, saved once and never rewritten.

BM25 weights depend on the whole corpus (how many passages hold a term, the average passage length), so a segment
keeps only what does not change when passages are added after it: each passage's length in tokens and, per term,
the passages holding it with their counts. `LexicalIndex` turns the segments of a corpus into BM25 postings when it
is first searched. Appending passages writes one new segment; nothing written before is touched.

Files of a segment folder: `terms.json` (the segment's terms), `starts.npy` (term t's postings are
`rows[starts[t]:starts[t+1]]`), `rows.npy` (passage row within the segment, ascending per term), `counts.npy`
(occurrences of the term in that passage), `lengths.npy` (tokens per passage) and `size` (passages).
"""

from __future__ import annotations

import json
import os
from array import array
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.store.tokens import tokenize

_ARRAYS = ("starts", "rows", "counts", "lengths")
# Passages tokenised and counted at a time: bounds the Python objects held while building a large segment.
_BUILD_CHUNK = 50_000


@dataclass(frozen=True, slots=True)
class LexicalSegment:
    """Term counts of `size` consecutive passages (rows 0..size-1 within the segment)."""

    terms: tuple[str, ...]
    starts: np.ndarray
    rows: np.ndarray
    counts: np.ndarray
    lengths: np.ndarray

    @property
    def size(self) -> int:
        return len(self.lengths)

    @classmethod
    def build(cls, texts: Sequence[str]) -> LexicalSegment:
        """Tokenise `texts` (one passage each) and count their terms (in chunks, so memory stays bounded)."""
        if len(texts) > _BUILD_CHUNK:
            chunks = [texts[i : i + _BUILD_CHUNK] for i in range(0, len(texts), _BUILD_CHUNK)]
            return cls.concatenate([cls._build(chunk) for chunk in chunks])
        return cls._build(texts)

    @classmethod
    def _build(cls, texts: Sequence[str]) -> LexicalSegment:
        ids: dict[str, int] = {}
        term_ids = array("q")
        tokens_per_row = np.zeros(len(texts), dtype=np.int64)
        for row, text in enumerate(texts):
            tokens = tokenize(text)
            tokens_per_row[row] = len(tokens)
            term_ids.extend([ids.setdefault(token, len(ids)) for token in tokens])
        # A passage without a word still counts one token, as bm25s's placeholder made it before segments.
        lengths = np.maximum(tokens_per_row, 1).astype(np.int32)
        terms = tuple(ids)
        if not term_ids:
            empty = np.zeros(0, dtype=np.int32)
            return cls(terms, np.zeros(len(terms) + 1, dtype=np.int64), empty, empty, lengths)
        # One key per (term, passage): sorting the keys groups postings by term with rows ascending, and equal keys
        # are the repeats of a term in a passage.
        rows = np.repeat(np.arange(len(texts), dtype=np.int64), tokens_per_row)
        keys = np.frombuffer(term_ids, dtype=np.int64) * len(texts) + rows
        unique, counts = np.unique(keys, return_counts=True)
        posting_terms, posting_rows = np.divmod(unique, len(texts))
        starts = np.zeros(len(terms) + 1, dtype=np.int64)
        starts[1:] = np.cumsum(np.bincount(posting_terms, minlength=len(terms)))
        return cls(terms, starts, posting_rows.astype(np.int32), counts.astype(np.int32), lengths)

    @classmethod
    def concatenate(cls, segments: Sequence[LexicalSegment]) -> LexicalSegment:
        """One segment holding the passages of `segments` in order (for a compaction; no text is tokenised again)."""
        if len(segments) == 1:
            return segments[0]
        vocabulary: dict[str, int] = {}
        term_parts, row_parts, count_parts = [], [], []
        offset = 0
        for segment in segments:
            mapped = np.array([vocabulary.setdefault(t, len(vocabulary)) for t in segment.terms], dtype=np.int64)
            term_parts.append(np.repeat(mapped, np.diff(segment.starts)))
            row_parts.append(segment.rows.astype(np.int64) + offset)
            count_parts.append(segment.counts)
            offset += segment.size
        terms, rows, counts = _grouped_by_term(term_parts, row_parts, count_parts)
        starts = np.zeros(len(vocabulary) + 1, dtype=np.int64)
        starts[1:] = np.cumsum(np.bincount(terms, minlength=len(vocabulary)))
        lengths = np.concatenate([s.lengths for s in segments]) if segments else np.zeros(0, np.int32)
        return cls(tuple(vocabulary), starts, rows.astype(np.int32), counts, lengths)

    def selected(self, keep: np.ndarray) -> LexicalSegment:
        """The segment without the passages `keep` (one boolean per passage) leaves out, rows renumbered; terms left
        with no passage stay in the vocabulary with empty postings."""
        if len(keep) != self.size:
            raise ValueError(f"{len(keep)} flags for {self.size} passages")
        new_row = np.cumsum(keep) - 1
        kept = keep[self.rows]
        term_of = np.repeat(np.arange(len(self.terms)), np.diff(self.starts))[kept]
        starts = np.zeros(len(self.terms) + 1, dtype=np.int64)
        starts[1:] = np.cumsum(np.bincount(term_of, minlength=len(self.terms)))
        rows = new_row[self.rows[kept]].astype(np.int32)
        return LexicalSegment(self.terms, starts, rows, self.counts[kept], self.lengths[keep])

    def save(self, directory: Path) -> None:
        """Write the segment's files into the new folder `directory` (an entry already there is an error)."""
        directory.mkdir()
        _write_new(directory / "terms.json", json.dumps(list(self.terms), ensure_ascii=False).encode("utf-8"))
        for name in _ARRAYS:
            path = directory / f"{name}.npy"
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
            with os.fdopen(descriptor, "wb") as handle:
                np.save(handle, getattr(self, name), allow_pickle=False)
        _write_new(directory / "size", str(self.size).encode("ascii"))

    @classmethod
    def load(cls, directory: Path) -> LexicalSegment:
        """Read a segment folder; damaged files raise the loaders' own errors (the caller names the repair)."""
        size = int((directory / "size").read_text())
        terms = json.loads((directory / "terms.json").read_text(encoding="utf-8"))
        if not isinstance(terms, list) or not all(isinstance(t, str) for t in terms):
            raise ValueError("terms.json should hold a list of strings")
        arrays = {name: np.load(directory / f"{name}.npy", allow_pickle=False) for name in _ARRAYS}
        segment = cls(tuple(terms), **arrays)
        segment.check(size)
        return segment

    def check(self, size: int) -> None:
        """Raise ValueError unless the arrays fit together (a damaged file that still loads)."""
        starts, rows = self.starts, self.rows
        problems = []
        if len(self.lengths) != size:
            problems.append(f"{len(self.lengths)} passage lengths for {size} passages")
        if len(starts) != len(self.terms) + 1 or (len(starts) and (starts[0] != 0 or starts[-1] != len(rows))):
            problems.append("term offsets do not match the postings")
        elif len(starts) > 1 and np.any(np.diff(starts) < 0):
            problems.append("term offsets go backwards")
        if len(self.counts) != len(rows):
            problems.append("postings and counts differ in length")
        if len(rows) and (rows.min() < 0 or rows.max() >= size):
            problems.append("a posting names a passage outside the segment")
        if len(self.counts) and self.counts.min() < 1:
            problems.append("a term count below one")
        if problems:
            raise ValueError("; ".join(problems))


def _grouped_by_term(term_parts, row_parts, count_parts) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Postings concatenated in segment order and regrouped by term; a stable sort keeps rows ascending per term."""
    terms = np.concatenate(term_parts) if term_parts else np.zeros(0, np.int64)
    rows = np.concatenate(row_parts) if row_parts else np.zeros(0, np.int64)
    counts = np.concatenate(count_parts) if count_parts else np.zeros(0, np.int32)
    order = np.argsort(terms, kind="stable")
    return terms[order], rows[order], counts[order]


def _write_new(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
