"""The manifest: the JSON file that names an index's model, dimension, counts and data files, and is checked on load."""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from factcheck.errors import CorruptIndexError, IndexMismatchError
from factcheck.factchecks import CorpusKind
from factcheck.serialise import Record

FORMAT_VERSION = 3  # 2: a BM25 index beside the vectors; 3: data files in append-only segments, BM25 as term counts
READABLE_VERSIONS = (2, 3)  # a format-2 corpus is read as one segment; its next change writes format 3
ROLES = ("index", "passages", "documents", "lexical")
MANIFEST_NAME = "manifest.json"
_MAX_MANIFEST_BYTES = 1 << 20  # a manifest is a few hundred bytes plus checksums; more is not a manifest


@dataclass(frozen=True, slots=True)
class Manifest(Record):
    """What an index directory holds. Writing a new manifest is the commit point of every change to a corpus.

    `generation` grows with each change; the data files of a generation carry its number in their names, so a change
    interrupted before its manifest is written leaves the previous generation whole and loadable. `segments` lists
    the generations whose data files together make the corpus, oldest first (the last is `generation`): an append
    writes only its own passages as a new segment; a removal, a replacement or a compaction writes one segment of
    everything. Empty means `generation` alone (format 2).
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
    kind: str = "evidence"  # a CorpusKind value: "fact-check" for a corpus of earlier fact-checks
    format_version: int = FORMAT_VERSION
    created: str = field(default_factory=lambda: _now())
    updated: str = field(default_factory=lambda: _now())
    # role ("index", "passages", "documents", "lexical/<file>") -> "crc32:<hex>" of the newest segment's files;
    # "<role>@<generation>" and "lexical@<generation>/<file>" for the files of earlier segments
    checksums: dict[str, str] = field(default_factory=dict)
    segments: list[int] = field(default_factory=list)

    def file(self, kind: str, generation: int | None = None) -> str:
        """The name of one of the generation's data files: `index`, `passages`, `documents` or `lexical` (a folder)."""
        number = self.generation if generation is None else generation
        suffix = {"index": ".faiss", "passages": ".jsonl", "documents": ".jsonl", "lexical": ""}[kind]
        return f"{kind}.{number}{suffix}"

    def next(
        self,
        *,
        documents: int,
        passages: int,
        index_type: str,
        model: str | None = None,
        dimension: int | None = None,
        kind: CorpusKind | None = None,
        append: bool = False,
    ) -> Manifest:
        """The manifest of the next generation: one more segment after this one's (`append`), else one segment of
        everything. Checksums of the segments kept are carried over; the new segment's are added when written."""
        generation = self.generation + 1
        return replace(
            self,
            generation=generation,
            segments=[*self.chain, generation] if append else [generation],
            format_version=FORMAT_VERSION,
            documents=documents,
            passages=passages,
            index_type=index_type,
            model=model or self.model,
            dimension=dimension or self.dimension,
            kind=kind.value if kind is not None else self.kind,
            updated=_now(),
            checksums=_older_checksums(self) if append else {},
        )

    @property
    def chain(self) -> list[int]:
        """The generations whose segments make the corpus, oldest first."""
        return list(self.segments) or [self.generation]

    def files(self) -> dict[str, str]:
        """Role -> file name of every data file: plain roles for the newest segment, `<role>@<g>` for earlier ones."""
        files = {}
        for generation in self.chain[:-1]:
            files.update({f"{kind}@{generation}": self.file(kind, generation) for kind in ROLES})
        files.update(self.newest_files())
        return files

    def newest_files(self) -> dict[str, str]:
        """Role -> file name of the newest segment's data files (those a change writes)."""
        return {kind: self.file(kind) for kind in ROLES}

    def segment_files(self) -> list[dict[str, str]]:
        """For each segment, oldest first: role (`index`, `passages`, `documents`, `lexical`) -> file name."""
        return [{kind: self.file(kind, generation) for kind in ROLES} for generation in self.chain]

    def check_model(self, model: str, dimension: int) -> None:
        """Refuse to mix embeddings: raise IndexMismatchError unless the running model is the one the index holds."""
        if self.model != model or self.dimension != dimension:
            raise IndexMismatchError(
                f"Corpus '{self.name}' was built with {self.model} ({self.dimension} dimensions) but the running "
                f"embedder is {model} ({dimension} dimensions). Use the same model, or rebuild the corpus with "
                f"`factcheck index rebuild {self.name}`."
            )

    @property
    def corpus_kind(self) -> CorpusKind:
        """What the corpus holds; a kind this version does not know is read as evidence."""
        try:
            return CorpusKind(self.kind)
        except ValueError:
            return CorpusKind.EVIDENCE


# The type each manifest field must have; a manifest edited by hand or damaged is refused field by field.
_FIELD_TYPES = {
    "name": str,
    "model": str,
    "dimension": int,
    "generation": int,
    "documents": int,
    "passages": int,
    "normalized": bool,
    "metric": str,
    "index_type": str,
    "kind": str,
    "format_version": int,
    "created": str,
    "updated": str,
    "checksums": dict,
    "segments": list,
}


def read_manifest(directory: Path) -> Manifest:
    path = directory / MANIFEST_NAME
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        with os.fdopen(descriptor, "rb") as handle:
            data = handle.read(_MAX_MANIFEST_BYTES + 1)
        if len(data) > _MAX_MANIFEST_BYTES:
            raise ValueError(f"over {_MAX_MANIFEST_BYTES} bytes")
        record = json.loads(data.decode("utf-8"))
    except FileNotFoundError as error:
        raise CorruptIndexError(
            f"{directory} has no {MANIFEST_NAME}: it is not a factcheck index, its creation was interrupted or the "
            f"manifest was deleted. If it holds documents.<n>.jsonl files, run `factcheck index rebuild "
            f"{directory.name}` to restore it from them; otherwise remove the folder and add the files again."
        ) from error
    except (OSError, ValueError, RecursionError) as error:  # ValueError covers bad UTF-8 and bad JSON
        raise CorruptIndexError(
            f"{path} is not readable JSON ({type(error).__name__}: {str(error)[:200]}). Run `factcheck index rebuild "
            f"{directory.name}` to write a new manifest from the stored documents."
        ) from error
    if not isinstance(record, dict):
        raise CorruptIndexError(
            f"{path} should hold a JSON object; found {type(record).__name__}. Run `factcheck index rebuild "
            f"{directory.name}` to write a new manifest from the stored documents."
        )
    version = record.get("format_version")
    if version not in READABLE_VERSIONS:
        raise CorruptIndexError(
            f"{path} has format version {version!r}; this factcheck reads versions 2 and {FORMAT_VERSION}. "
            f"Run `factcheck index rebuild {directory.name}` to rebuild it from its stored documents."
        )
    known = {key: value for key, value in record.items() if key in _FIELD_TYPES}
    wrong = [
        key
        for key, value in known.items()
        if not isinstance(value, _FIELD_TYPES[key]) or (_FIELD_TYPES[key] is int and isinstance(value, bool))
    ]
    checksums = known.get("checksums", {})
    if isinstance(checksums, dict) and not all(isinstance(v, str) for v in checksums.values()):
        wrong.append("checksums")
    numbers = ("dimension", "generation", "documents", "passages")
    wrong += [key for key in numbers if key not in wrong and isinstance(known.get(key), int) and known[key] < 0]
    if "segments" not in wrong and not _valid_segments(known.get("segments", []), known.get("generation")):
        wrong.append("segments")
    if wrong:
        raise CorruptIndexError(
            f"{path} has fields of the wrong type or value ({', '.join(wrong)}). Run `factcheck index rebuild "
            f"{directory.name}` to write a new manifest from the stored documents."
        )
    try:
        return Manifest(**known)
    except TypeError as error:
        raise CorruptIndexError(
            f"{path} is missing fields ({error}). Run `factcheck index rebuild {directory.name}` to write a new "
            "manifest from the stored documents."
        ) from error


def _valid_segments(segments: list, generation: object) -> bool:
    """Segments are increasing generation numbers ending with the manifest's own (or none, format 2)."""
    if not segments:
        return True
    if not all(isinstance(g, int) and not isinstance(g, bool) and g >= 0 for g in segments):
        return False
    return all(a < b for a, b in zip(segments, segments[1:], strict=False)) and segments[-1] == generation


def _older_checksums(manifest: Manifest) -> dict[str, str]:
    """`manifest`'s checksums with its newest segment's roles renamed `<role>@<generation>`, for the next one."""
    carried = {}
    for role, checksum in manifest.checksums.items():
        kind, slash, member = role.partition("/")
        if "@" not in kind:
            kind = f"{kind}@{manifest.generation}"
        carried[f"{kind}{slash}{member}"] = checksum
    return carried


def write_manifest(directory: Path, manifest: Manifest) -> None:
    """Write atomically: a reader sees the old manifest or the new one, never half of one."""
    temporary = directory / (MANIFEST_NAME + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        temporary.unlink()  # left by an interrupted write, or a planted link: never written through
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    with open(descriptor, "w", encoding="utf-8") as handle:
        json.dump(manifest.to_dict(), handle, indent=2)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, directory / MANIFEST_NAME)
    sync_directory(directory)


def sync_directory(directory: Path) -> None:
    """Make a rename or a new file in `directory` durable (a no-op where folders cannot be opened)."""
    try:
        descriptor = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
