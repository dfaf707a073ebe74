"""The folder of corpora (`indexes/` by default): naming, listing, opening, creating and removing corpora."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from factcheck.embed import Embedder
from factcheck.errors import CorpusNotFoundError, CorruptIndexError, FactcheckError, InvalidCorpusNameError
from factcheck.serialise import Record
from factcheck.store.corpus import AddReport, Corpus, StoredDocument, refuse_orphaned_data
from factcheck.store.corpus_files import remove_corpus_directory
from factcheck.store.generations import generation_size
from factcheck.store.manifest import MANIFEST_NAME, Manifest, read_manifest
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
    if not isinstance(name, str) or not _NAME.fullmatch(name) or name.endswith("."):
        raise InvalidCorpusNameError(
            f"Invalid corpus name {name!r}: use 1-64 unaccented Latin letters (a-z, A-Z), digits, '-', '_' or '.',"
            " starting with a letter or digit (for example 'council-notes')."
        )
    return name


@dataclass(frozen=True, slots=True)
class CorpusInfo(Record):
    """One line of `factcheck index list`."""

    name: str
    documents: int
    passages: int
    size_bytes: int
    model: str
    updated: str
    problem: str | None = None
    kind: str = "evidence"  # "fact-check" for a corpus of earlier fact-checks

    @classmethod
    def of(cls, name: str, manifest: Manifest, size_bytes: int) -> CorpusInfo:
        """The line of a readable corpus, from its manifest, whichever store holds it."""
        return cls(
            name,
            manifest.documents,
            manifest.passages,
            size_bytes,
            manifest.model,
            manifest.updated,
            kind=manifest.corpus_kind.value,
        )

    @classmethod
    def damaged(cls, name: str, problem: str) -> CorpusInfo:
        return cls(name, 0, 0, 0, "?", "?", problem=problem)


class IndexStore:
    """The corpora under one folder, each in a sub-folder named after it."""

    def __init__(self, root: str | Path) -> None:
        self.root = Path(root)

    def path(self, name: str) -> Path:
        return self.root / validate_corpus_name(name)

    def names(self) -> list[str]:
        """Corpora that have a manifest (links to folders elsewhere are not corpora here)."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if not p.is_symlink() and (p / MANIFEST_NAME).is_file())

    def _damaged_folders(self) -> list[tuple[str, str]]:
        """(name, problem) of folders that look like corpora but cannot be opened as one: links, lost manifests."""
        if not self.root.is_dir():
            return []
        found = []
        for path in sorted(self.root.iterdir()):
            if path.name.startswith("."):
                continue
            if path.is_symlink() and path.is_dir():
                found.append((path.name, _link_problem(path)))
            elif path.is_dir() and not (path / MANIFEST_NAME).exists():
                try:
                    refuse_orphaned_data(path)
                except CorruptIndexError as error:
                    found.append((path.name, str(error)))
        return found

    def exists(self, name: str) -> bool:
        return (self.path(name) / MANIFEST_NAME).is_file()

    def list(self) -> list[CorpusInfo]:
        """Every corpus with its counts; a damaged one is listed with its problem instead of failing the list."""
        infos = []
        for name in self.names():
            try:
                manifest = read_manifest(self.root / name)
                # Only the current generation counts: a superseded one kept for a reader, or an orphan of an
                # interrupted change, is deleted by the next change.
                size = generation_size(self.root / name, [MANIFEST_NAME, *manifest.files().values()])
                infos.append(CorpusInfo.of(name, manifest, size))
            except FactcheckError as error:
                infos.append(CorpusInfo.damaged(name, str(error)))
        infos.extend(CorpusInfo.damaged(name, problem) for name, problem in self._damaged_folders())
        return sorted(infos, key=lambda info: info.name)

    def open(self, name: str, embedder: Embedder | None = None) -> Corpus:
        self._refuse_link(name)
        if not self.exists(name):
            if self.path(name).is_dir():
                refuse_orphaned_data(self.path(name))  # a corpus whose manifest was lost: say how to restore it
            known = ", ".join(self.names()) or "none yet"
            raise CorpusNotFoundError(
                f"No corpus named '{name}' in {self.root} (corpora there: {known}). "
                f"Create it with `factcheck index add {name} FILE_OR_FOLDER`."
            )
        return Corpus.open(self.path(name), embedder)

    def open_or_create(self, name: str, embedder: Embedder) -> Corpus:
        self._refuse_link(name)
        if self.exists(name):
            return Corpus.open(self.path(name), embedder)
        return Corpus.create(self.path(name), name, embedder)

    def remove(self, name: str) -> None:
        """Delete a corpus folder; a symbolic link in its place is removed itself, never the folder it points to."""
        path = self.path(name)
        if not self.exists(name) and not path.is_dir() and not path.is_symlink():
            raise CorpusNotFoundError(f"No corpus named '{name}' in {self.root}; nothing was removed.")
        remove_corpus_directory(path)

    def _refuse_link(self, name: str) -> None:
        path = self.path(name)
        if path.is_symlink():
            raise CorruptIndexError(_link_problem(path))


def _link_problem(path: Path) -> str:
    return (
        f"{path} is a symbolic link; factcheck does not follow links inside the index folder. Move the corpus folder "
        f"into {path.parent} instead of linking it, or point --index-dir (FACTCHECK_INDEX_DIR) at the folder that "
        f"holds it. `factcheck index remove {path.name}` removes only the link."
    )
