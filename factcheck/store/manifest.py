"""The manifest: the JSON file that names an index's model, dimension, counts and data files, and is checked on load."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from factcheck.errors import CorruptIndexError, IndexMismatchError

FORMAT_VERSION = 2  # 2: a BM25 index beside the vectors
MANIFEST_NAME = "manifest.json"


@dataclass(frozen=True, slots=True)
class Manifest:
    """What an index directory holds. Writing a new manifest is the commit point of every change to a corpus.

    `generation` grows with each change; the data files of a generation carry its number in their names, so a change
    interrupted before its manifest is written leaves the previous generation whole and loadable.
    """

    name: str
    model: str
    dimension: int
    generation: int = 0
    documents: int = 0
    passages: int = 0
    normalized: bool = True
    metric: str = "inner_product"
    index_type: str = "flat"
    format_version: int = FORMAT_VERSION
    created: str = field(default_factory=lambda: _now())
    updated: str = field(default_factory=lambda: _now())

    def file(self, kind: str, generation: int | None = None) -> str:
        """The name of one of the generation's data files: `index`, `passages`, `documents` or `lexical` (a folder)."""
        number = self.generation if generation is None else generation
        suffix = {"index": ".faiss", "passages": ".jsonl", "documents": ".jsonl", "lexical": ""}[kind]
        return f"{kind}.{number}{suffix}"

    def next(
        self, *, documents: int, passages: int, index_type: str, model: str | None = None, dimension: int | None = None
    ) -> Manifest:
        return replace(
            self,
            generation=self.generation + 1,
            documents=documents,
            passages=passages,
            index_type=index_type,
            model=model or self.model,
            dimension=dimension or self.dimension,
            updated=_now(),
        )

    def check_model(self, model: str, dimension: int) -> None:
        """Refuse to mix embeddings: raise IndexMismatchError unless the running model is the one the index holds."""
        if self.model != model or self.dimension != dimension:
            raise IndexMismatchError(
                f"Corpus '{self.name}' was built with {self.model} ({self.dimension} dimensions) but the running "
                f"embedder is {model} ({dimension} dimensions). Use the same model, or rebuild the corpus with "
                f"`factcheck index rebuild {self.name}`."
            )

    def to_dict(self) -> dict:
        return asdict(self)


def read_manifest(directory: Path) -> Manifest:
    path = directory / MANIFEST_NAME
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise CorruptIndexError(
            f"{directory} has no {MANIFEST_NAME}: it is not a factcheck index or its creation was interrupted. "
            f"Remove the folder and add the files again."
        ) from error
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise CorruptIndexError(
            f"{path} is not readable JSON ({error}). Remove the corpus and add its files again."
        ) from error
    if not isinstance(record, dict):
        raise CorruptIndexError(f"{path} should hold a JSON object; found {type(record).__name__}.")
    version = record.get("format_version")
    if version != FORMAT_VERSION:
        raise CorruptIndexError(
            f"{path} has format version {version!r}; this factcheck reads version {FORMAT_VERSION}. "
            "Rebuild the corpus from its files."
        )
    known = set(Manifest.__slots__)
    try:
        return Manifest(**{key: value for key, value in record.items() if key in known})
    except TypeError as error:
        raise CorruptIndexError(f"{path} is missing fields ({error}). Rebuild the corpus from its files.") from error


def write_manifest(directory: Path, manifest: Manifest) -> None:
    """Write atomically: a reader sees the old manifest or the new one, never half of one."""
    temporary = directory / (MANIFEST_NAME + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(manifest.to_dict(), handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, directory / MANIFEST_NAME)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
