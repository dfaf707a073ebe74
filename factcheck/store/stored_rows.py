"""A corpus's passages and stored documents as it holds them when open: the records stay in their segment files and
are read per hit; in memory are only the columns that searching with filters and changing the corpus need (each
passage's document, source and date as small codes; each document's id, row and content hash).

A million passages and a million stored documents cost about a hundred megabytes this way, against gigabytes
parsed into objects.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import overload

import numpy as np

from factcheck.errors import CorruptIndexError
from factcheck.store.passages import Passage, PassageFilter
from factcheck.store.record_files import RecordFile, repair_hint, scan_records
from factcheck.store.records import StoredDocument

_PASSAGE_FIELDS = frozenset({"passage_id", "doc_id", "text", "start", "end"})
_DOCUMENT_FIELDS = frozenset({"doc_id", "content_hash", "text"})


class _Segments:
    """Record files one after another: a row number of the whole corpus -> (file, record within it)."""

    def __init__(self) -> None:
        self.files: list[RecordFile] = []
        self.bounds: list[int] = [0]  # first row of each file, then the total

    def add(self, file: RecordFile) -> None:
        self.files.append(file)
        self.bounds.append(self.bounds[-1] + len(file))

    def __len__(self) -> int:
        return self.bounds[-1]

    def locate(self, row: int) -> tuple[RecordFile, int]:
        segment = bisect.bisect_right(self.bounds, row) - 1
        return self.files[segment], row - self.bounds[segment]

    def record(self, row: int) -> dict:
        file, number = self.locate(row)
        return file.record(number)

    def raws(self, rows: np.ndarray) -> Iterator[bytes]:
        """The raw records of `rows` (ascending), file by file."""
        for segment, file in enumerate(self.files):
            begin, end = np.searchsorted(rows, [self.bounds[segment], self.bounds[segment + 1]])
            yield from file.raws(rows[begin:end] - self.bounds[segment])

    def close(self) -> None:
        for file in self.files:
            file.close()


def _wrong_shape(file: RecordFile, error: Exception) -> CorruptIndexError:
    return CorruptIndexError(f"{file.path} has records of the wrong shape ({error}). " + repair_hint(file.path))


class StoredDocuments(Mapping[str, StoredDocument]):
    """doc id -> StoredDocument, read from the documents files when asked (the later segment's record of an id wins,
    in the order documents were first stored)."""

    def __init__(self) -> None:
        self._segments = _Segments()
        self._key_of: dict[str, int] = {}  # doc id -> its number, in the order first stored
        self._row_of_key = array("q")  # number -> row of the record in force
        self._hashes: list[np.ndarray] = []  # per segment, by row: UTF-8 bytes (16 bytes each, not a str object)
        self._known: set[str] | None = None

    def add_segment(self, path: Path) -> None:
        """Scan a segment's documents file and take its documents after those already held."""
        base = len(self._segments)
        ids: list[str] = []
        hashes: list[bytes] = []

        def take(record: dict) -> None:
            ids.append(record["doc_id"])
            hashes.append(str(record["content_hash"]).encode("utf-8"))

        file = scan_records(path, _DOCUMENT_FIELDS, take)
        self._segments.add(file)
        self._hashes.append(np.array(hashes, dtype=bytes) if hashes else np.zeros(0, dtype="S1"))
        try:
            for number, doc_id in enumerate(ids):
                key = self._key_of.setdefault(doc_id, len(self._key_of))
                if key == len(self._row_of_key):
                    self._row_of_key.append(base + number)
                else:
                    self._row_of_key[key] = base + number
        except TypeError as error:  # an id that is no dictionary key (a list, an object)
            raise _wrong_shape(file, error) from None
        if self._known is not None:
            self._known.update(h.decode("utf-8") for h in self._hashes[-1])

    def __getitem__(self, doc_id: str) -> StoredDocument:
        row = self._row_of_key[self._key_of[doc_id]]
        file, number = self._segments.locate(row)
        try:
            return StoredDocument.from_dict(file.record(number))
        except (TypeError, KeyError, AttributeError) as error:
            raise _wrong_shape(file, error) from None

    def __iter__(self) -> Iterator[str]:
        return iter(self._key_of)

    def __len__(self) -> int:
        return len(self._key_of)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._key_of

    def key_of(self, doc_id: str) -> int:
        """A number for `doc_id` that stays the same while the corpus is open (-1 if it is not stored)."""
        return self._key_of.get(doc_id, -1)

    def content_hashes(self) -> set[str]:
        """The content hashes of the stored documents (computed on first use, kept up to date by appends)."""
        if self._known is None:
            hashes = np.concatenate(self._hashes) if self._hashes else np.zeros(0, dtype="S1")
            self._known = {h.decode("utf-8") for h in hashes[np.frombuffer(self._row_of_key, dtype=np.int64)]}
        return self._known

    def raws(self, doc_ids: Iterable[str]) -> Iterator[bytes]:
        """The stored records of `doc_ids` as written (for a rewrite that keeps them), in row order."""
        rows = np.sort(np.fromiter((self._row_of_key[self._key_of[d]] for d in doc_ids), dtype=np.int64))
        return self._segments.raws(rows)

    def close(self) -> None:
        self._segments.close()


class StoredPassages(Sequence[Passage]):
    """The passages of a corpus in row order (row i is vector i), each read from its file when asked."""

    def __init__(self) -> None:
        self._segments = _Segments()
        self.document_keys = np.zeros(0, dtype=np.int64)  # each passage's document (`StoredDocuments.key_of`)
        self._source_codes = np.zeros(0, dtype=np.int32)
        self._date_codes = np.zeros(0, dtype=np.int32)
        self._sources: dict[str | None, int] = {}
        self._dates: dict[str | None, int] = {}

    def add_segment(self, path: Path, documents: StoredDocuments) -> None:
        """Scan a segment's passages file and take its passages after those already held."""
        document_keys: list[int] = []
        sources: list[int] = []
        dates: list[int] = []

        def take(record: dict) -> None:
            document_keys.append(documents.key_of(record["doc_id"]))
            sources.append(self._sources.setdefault(record.get("source"), len(self._sources)))
            dates.append(self._dates.setdefault(record.get("date"), len(self._dates)))

        try:
            file = scan_records(path, _PASSAGE_FIELDS, take)
        except TypeError as error:  # a doc id, source or date that is no dictionary key
            raise CorruptIndexError(f"{path} has records of the wrong shape ({error}). " + repair_hint(path)) from None
        self._segments.add(file)
        self.document_keys = np.concatenate([self.document_keys, np.asarray(document_keys, dtype=np.int64)])
        self._source_codes = np.concatenate([self._source_codes, np.asarray(sources, dtype=np.int32)])
        self._date_codes = np.concatenate([self._date_codes, np.asarray(dates, dtype=np.int32)])

    def __len__(self) -> int:
        return len(self._segments)

    @overload
    def __getitem__(self, index: int) -> Passage: ...

    @overload
    def __getitem__(self, index: slice) -> list[Passage]: ...

    def __getitem__(self, index: int | slice) -> Passage | list[Passage]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        row = int(index)
        if row < 0:
            row += len(self)
        if not 0 <= row < len(self):
            raise IndexError(f"passage row {index} of {len(self)}")
        file, number = self._segments.locate(row)
        try:
            return Passage.from_dict(file.record(number))
        except (TypeError, KeyError, AttributeError) as error:
            raise _wrong_shape(file, error) from None

    def __iter__(self) -> Iterator[Passage]:
        for row in range(len(self)):
            yield self[row]

    def allowed(self, passage_filter: PassageFilter) -> np.ndarray:
        """The rows `passage_filter` lets through, ascending: decided once per distinct source and date."""
        source_ok = np.array([passage_filter.allows_source(s) for s in self._sources], dtype=bool)
        date_ok = np.array([passage_filter.allows_date(d) for d in self._dates], dtype=bool)
        if not len(self):
            return np.zeros(0, dtype=np.int64)
        return np.flatnonzero(source_ok[self._source_codes] & date_ok[self._date_codes]).astype(np.int64)

    def rows_of_documents(self, doc_ids: Iterable[str], documents: StoredDocuments) -> np.ndarray:
        """Whether each row belongs to one of `doc_ids` (a boolean mask)."""
        wanted = np.array([documents.key_of(d) for d in doc_ids], dtype=np.int64)
        return np.isin(self.document_keys, wanted[wanted >= 0])

    def raws(self, rows: np.ndarray) -> Iterator[bytes]:
        """The records of `rows` (ascending) as written, for a rewrite that keeps them."""
        return self._segments.raws(np.asarray(rows, dtype=np.int64))

    def close(self) -> None:
        self._segments.close()


def open_rows(directory: Path, segment_files: Sequence[dict[str, str]]) -> tuple[StoredPassages, StoredDocuments]:
    """The passages and documents of the segments named (role -> file name, oldest first), scanned once."""
    passages, documents = StoredPassages(), StoredDocuments()
    try:
        for files in segment_files:
            documents.add_segment(directory / files["documents"])
            passages.add_segment(directory / files["passages"], documents)
    except BaseException:
        passages.close()
        documents.close()
        raise
    return passages, documents
