"""The folder of corpora (`indexes/` by default): naming, listing, opening, creating and removing corpora."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from pathlib import Path

from factcheck.embed import Embedder
from factcheck.errors import CorpusNotFoundError, FactcheckError, InvalidCorpusNameError
from factcheck.store.corpus import AddReport, Corpus, StoredDocument
from factcheck.store.files import directory_size, remove_corpus_directory
from factcheck.store.manifest import MANIFEST_NAME, read_manifest
from factcheck.store.passages import Passage, split_passages

__all__ = [
    "AddReport",
    "Corpus",
    "CorpusInfo",
    "IndexStore",
    "Passage",
    "StoredDocument",
    "split_passages",
    "validate_corpus_name",
]

_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")


def validate_corpus_name(name: str) -> str:
    """Return `name` if it can be a folder name on every system, else raise InvalidCorpusNameError saying what is
    allowed."""
    if not isinstance(name, str) or not _NAME.match(name) or name.endswith("."):
        raise InvalidCorpusNameError(
            f"Invalid corpus name {name!r}: use 1-64 unaccented Latin letters (a-z, A-Z), digits, '-', '_' or '.',"
            " starting with a letter or digit (for example 'council-notes')."
        )
    return name


@dataclass(frozen=True, slots=True)
class CorpusInfo:
    """One line of `factcheck index list`."""

    name: str
    documents: int
    passages: int
    size_bytes: int
    model: str
    updated: str
    problem: str | None = None

    def to_dict(self) -> dict:
        return asdict(self)


class IndexStore:
    """The corpora under one folder, each in a sub-folder named after it."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path(self, name: str) -> Path:
        return self.root / validate_corpus_name(name)

    def names(self) -> list[str]:
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / MANIFEST_NAME).is_file())

    def exists(self, name: str) -> bool:
        return (self.path(name) / MANIFEST_NAME).is_file()

    def list(self) -> list[CorpusInfo]:
        """Every corpus with its counts; a damaged one is listed with its problem instead of failing the list."""
        infos = []
        for name in self.names():
            try:
                manifest = read_manifest(self.root / name)
                size = directory_size(self.root / name)
                infos.append(
                    CorpusInfo(name, manifest.documents, manifest.passages, size, manifest.model, manifest.updated)
                )
            except FactcheckError as error:
                infos.append(CorpusInfo(name, 0, 0, 0, "?", "?", problem=str(error)))
        return infos

    def open(self, name: str, embedder: Embedder | None = None) -> Corpus:
        if not self.exists(name):
            known = ", ".join(self.names()) or "none yet"
            raise CorpusNotFoundError(
                f"No corpus named '{name}' in {self.root} (corpora there: {known}). "
                f"Create it with `factcheck index add {name} FILE_OR_FOLDER`."
            )
        return Corpus.open(self.path(name), embedder)

    def open_or_create(self, name: str, embedder: Embedder) -> Corpus:
        if self.exists(name):
            return Corpus.open(self.path(name), embedder)
        return Corpus.create(self.path(name), name, embedder)

    def remove(self, name: str) -> None:
        if not self.exists(name) and not self.path(name).is_dir():
            raise CorpusNotFoundError(f"No corpus named '{name}' in {self.root}; nothing was removed.")
        remove_corpus_directory(self.path(name))
