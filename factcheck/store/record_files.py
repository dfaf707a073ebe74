"""A corpus's JSONL data files read in place: one scan in blocks that notes each record's byte offset and hands each
record to the caller once, then single records read back by offset when asked for (a search hit, a document shown
in context), never the whole file held in memory.

The files keep the format they always had (one JSON object per line), so corpora written before need no migration.
"""

from __future__ import annotations

import errno
import json
import os
import weakref
from array import array
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import numpy as np

from factcheck.errors import CorruptIndexError
from factcheck.store.generations import require_regular

# Bytes read at a time while scanning: bounds the memory a scan holds (one block of lines and their records).
_BLOCK = 1 << 22


def repair_hint(path: Path) -> str:
    return f"Run `factcheck index rebuild {path.parent.name}` to write it again from the stored documents."


class RecordFile:
    """One JSONL data file held open, with the byte offset of every record (the open descriptor keeps the file
    readable after a writer deletes its superseded generation)."""

    __slots__ = ("__weakref__", "_descriptor", "_finalizer", "offsets", "path")

    def __init__(self, path: Path, descriptor: int, offsets: np.ndarray) -> None:
        self.path = path
        self._descriptor = descriptor
        self.offsets = offsets  # record i is bytes offsets[i]:offsets[i + 1] (blank lines after it included)
        self._finalizer = weakref.finalize(self, os.close, descriptor)

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def raw(self, number: int) -> bytes:
        """The bytes of record `number` (with the line end and any blank lines after it)."""
        start, end = int(self.offsets[number]), int(self.offsets[number + 1])
        return _read_at(self._descriptor, end - start, start)

    def record(self, number: int) -> dict:
        """Record `number`, parsed.

        Raises:
            CorruptIndexError: the bytes changed since the scan and no longer parse as a JSON object.
        """
        try:
            record = json.loads(self.raw(number))
        except (ValueError, RecursionError) as error:
            raise CorruptIndexError(
                f"{self.path} record {number + 1} is no longer valid JSON ({type(error).__name__}). "
                + repair_hint(self.path)
            ) from None
        if not isinstance(record, dict):
            raise CorruptIndexError(f"{self.path} record {number + 1} is not a JSON object. " + repair_hint(self.path))
        return record

    def raws(self, numbers: Sequence[int] | np.ndarray) -> Iterator[bytes]:
        """The bytes of several records, in the order given (each ending with its line end)."""
        for number in numbers:
            data = self.raw(int(number))
            yield data if data.endswith(b"\n") else data + b"\n"

    def close(self) -> None:
        self._finalizer()


def _read_at(descriptor: int, length: int, offset: int) -> bytes:
    if hasattr(os, "pread"):
        return os.pread(descriptor, length, offset)
    os.lseek(descriptor, offset, os.SEEK_SET)  # pragma: no cover - platforms without pread
    return os.read(descriptor, length)  # pragma: no cover


def scan_records(path: Path, required: frozenset[str], take: Callable[[dict], None]) -> RecordFile:
    """Open `path`, pass each record to `take` in file order, and return the file with its records' offsets.

    Raises:
        CorruptIndexError: the file is missing, a link, not UTF-8, not one JSON object per line, or a record lacks
            one of the `required` fields (the message names the line and the repair).
    """
    require_regular(path)
    if not path.is_file():
        raise CorruptIndexError(f"The data file {path} is missing. " + repair_hint(path))
    descriptor = _open_held(path)
    try:
        offsets = _scan(descriptor, path, required, take)
    except BaseException:
        os.close(descriptor)
        raise
    return RecordFile(path, descriptor, offsets)


def _open_held(path: Path) -> int:
    """A descriptor for `path`, kept open while the corpus is. An open corpus holds two per segment (up to 64
    segments) and the app keeps several corpora open: past the soft limit on open files (often 1,024), the limit is
    raised to the hard one once and the open tried again."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        return os.open(path, flags)
    except OSError as error:
        if error.errno != errno.EMFILE or not _raise_open_file_limit():
            raise
    return os.open(path, flags)


def _raise_open_file_limit() -> bool:
    """Raise the soft limit on open files to the hard limit; False if it already is there (or cannot be raised)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on POSIX
        return False
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and soft >= hard:
        return False
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    except (ValueError, OSError):
        return False
    return True


def _scan(descriptor: int, path: Path, required: frozenset[str], take: Callable[[dict], None]) -> np.ndarray:
    offsets = array("q")
    position = 0  # file offset of the first byte of `carry`
    line = 0  # lines before `carry`
    carry = b""
    while True:
        block = os.read(descriptor, _BLOCK)
        data = carry + block if carry else block
        if block:
            cut = data.rfind(b"\n") + 1
            if cut == 0:  # a line longer than a block: read on
                carry = data
                continue
        else:
            cut = len(data)
        starts, numbers, lines = _lines(data, cut, position)
        for record in _parse(lines, numbers, path, line):
            if not isinstance(record, dict) or not required.issubset(record):
                raise CorruptIndexError(
                    f"{path} has a record of the wrong shape (expected a JSON object with "
                    f"{', '.join(sorted(required))}). " + repair_hint(path)
                )
            take(record)
        offsets.extend(starts)
        line += data.count(b"\n", 0, cut)
        position += cut
        carry = data[cut:]
        if not block:
            break
    offsets.append(position)
    return np.frombuffer(offsets, dtype=np.int64).copy()


def _lines(data: bytes, cut: int, position: int) -> tuple[list[int], list[int], list[bytes]]:
    """The file offsets, line numbers (from 0 within the block) and bytes of the non-blank lines of `data[:cut]`,
    which starts at file offset `position`."""
    starts: list[int] = []
    numbers: list[int] = []
    lines: list[bytes] = []
    at = position
    for number, text in enumerate(data[:cut].split(b"\n")):
        if text.strip():
            starts.append(at)
            numbers.append(number)
            lines.append(text)
        at += len(text) + 1
    return starts, numbers, lines


def _parse(lines: list[bytes], numbers: list[int], path: Path, line_before: int) -> list:
    """The records of `lines`, parsed as one JSON array (one call into the parser instead of one per line); when
    that fails, line by line to name the damaged line."""
    if not lines:
        return []
    try:
        records = json.loads(b"[" + b",".join(lines) + b"]")
        # A line holding two records ("{..}, {..}") parses into the array as two: only one record per line is intact.
        if len(records) == len(lines):
            return records
    except (ValueError, RecursionError):
        pass
    records = []
    for text, within in zip(lines, numbers, strict=True):
        number = line_before + within + 1
        try:
            decoded = text.decode("utf-8")
        except UnicodeDecodeError as error:
            raise CorruptIndexError(
                f"{path} is not UTF-8 near line {number} (byte {text[error.start]:#04x}): the file is damaged. "
                + repair_hint(path)
            ) from None
        try:
            records.append(json.loads(decoded))
        except (ValueError, RecursionError) as error:
            raise CorruptIndexError(
                f"{path} line {number} is not valid JSON ({type(error).__name__}). " + repair_hint(path)
            ) from None
    return records
