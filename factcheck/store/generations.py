"""The data files of a corpus folder by generation: which exist, their size, and removing superseded ones.

Nothing here follows a symbolic link: a link in a corpus folder is never read through, written through or counted.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import stat
from collections.abc import Collection
from pathlib import Path

from factcheck.errors import CorruptIndexError
from factcheck.store.manifest import MANIFEST_NAME

KINDS = ("index", "passages", "documents", "lexical")
_GENERATION_FILE = re.compile(r"(index|passages|documents|lexical)\.(\d+)(\.faiss|\.jsonl)?")


def generation_of(name: str) -> int | None:
    """The generation number in a data file's name, or None for any other name."""
    match = _GENERATION_FILE.fullmatch(name)
    return int(match.group(2)) if match else None


def generations_on_disk(directory: Path) -> dict[int, list[str]]:
    """Every generation that has data files in `directory`, with the names of its files."""
    found: dict[int, list[str]] = {}
    with contextlib.suppress(FileNotFoundError, NotADirectoryError):
        for entry in os.scandir(directory):
            generation = generation_of(entry.name)
            if generation is not None:
                found.setdefault(generation, []).append(entry.name)
    return found


def remove_entry(path: Path) -> None:
    """Remove a file, a link (not what it points to) or a real folder; nothing if absent."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISDIR(mode):
        shutil.rmtree(path)
    else:
        path.unlink()


def remove_generations_except(directory: Path, keep: int | Collection[int]) -> None:
    """Delete the data files of every generation but `keep` (one, or the segments of a corpus): superseded ones, and
    orphans of interrupted changes."""
    kept = {keep} if isinstance(keep, int) else set(keep)
    for generation, names in generations_on_disk(directory).items():
        if generation not in kept:
            for name in names:
                with contextlib.suppress(FileNotFoundError):
                    remove_entry(directory / name)


def generation_size(directory: Path, names: list[str]) -> int:
    """Bytes of the named files and folders (a folder's regular files, one level deep); missing ones count 0."""
    total = 0
    for name in names:
        path = directory / name
        try:
            status = os.lstat(path)
        except FileNotFoundError:
            continue
        if stat.S_ISREG(status.st_mode):
            total += status.st_size
        elif stat.S_ISDIR(status.st_mode):
            with contextlib.suppress(FileNotFoundError):
                for entry in os.scandir(path):
                    if entry.is_file(follow_symlinks=False):
                        with contextlib.suppress(FileNotFoundError):
                            total += entry.stat(follow_symlinks=False).st_size
    return total


def require_regular(path: Path, *, folder: bool = False) -> None:
    """Raise CorruptIndexError if `path` is a symbolic link (or not a file / folder as expected); absence is left
    to the reader, which names the missing file."""
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if stat.S_ISLNK(mode):
        raise CorruptIndexError(
            f"{path} is a symbolic link; factcheck never follows links inside a corpus folder. Remove the link "
            f"and run `factcheck index rebuild {path.parent.name}` to restore the file from the stored documents."
        )
    if folder != stat.S_ISDIR(mode):
        expected = "a folder" if folder else "a file"
        raise CorruptIndexError(
            f"{path} should be {expected}. Run `factcheck index rebuild {path.parent.name}` to write it again."
        )


def refuse_orphaned_data(directory: Path) -> None:
    """Raise CorruptIndexError if `directory` has no manifest but holds stored documents of a corpus.

    The data files of an interrupted creation (generation 0 with no documents) are not worth keeping and do not count.
    """
    on_disk = generations_on_disk(directory)
    worth_keeping = [g for g, names in on_disk.items() if g > 0 or any(_holds_documents(directory / n) for n in names)]
    if worth_keeping:
        raise CorruptIndexError(
            f"{directory} has no {MANIFEST_NAME} but holds the data files of generation {max(worth_keeping)} (the "
            f"manifest was deleted or lost). Nothing was changed. Run `factcheck index rebuild {directory.name}` "
            "to restore the corpus from its stored documents, or remove the folder to start over."
        )


def _holds_documents(path: Path) -> bool:
    return path.name.startswith("documents.") and path.is_file() and path.stat().st_size > 0
