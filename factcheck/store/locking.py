"""Locks of a corpus folder: one writer at a time, and readers that keep the files they are loading from deletion.

Writers hold `.lock` exclusively for a whole change. A reader holds `.readers` shared while it reads the manifest and
loads that generation's files; a writer deletes superseded generations only when it can take `.readers` exclusively
without waiting, so no reader can be half-way through loading them (otherwise the next change deletes them).
Lock files are opened without following symbolic links: a link planted in the folder is refused, not followed.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
from collections.abc import Iterator
from pathlib import Path

from factcheck.errors import CorruptIndexError

WRITER_LOCK = ".lock"
READERS_LOCK = ".readers"


@contextlib.contextmanager
def writer_lock(directory: Path) -> Iterator[None]:
    """Hold the corpus's writer lock (waiting for another writer to finish)."""
    descriptor = _open_lock(directory / WRITER_LOCK)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


@contextlib.contextmanager
def reader_lock(directory: Path) -> Iterator[None]:
    """Keep the generation being read from deletion. On a read-only folder there is no lock (and no writer)."""
    try:
        descriptor = _open_lock(directory / READERS_LOCK)
    except OSError:
        yield
        return
    try:
        fcntl.flock(descriptor, fcntl.LOCK_SH)
        yield
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def no_readers(directory: Path) -> Iterator[bool]:
    """Yield True while no reader is loading files (they wait meanwhile); False, at once, if one is."""
    try:
        descriptor = _open_lock(directory / READERS_LOCK)
    except OSError:
        yield False
        return
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(descriptor)


def _open_lock(path: Path) -> int:
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise CorruptIndexError(
                f"{path} is a symbolic link; factcheck never follows links inside a corpus folder. Delete the "
                "link (it is only a lock file) and try again."
            ) from None
        raise
