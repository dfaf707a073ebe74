"""Streaming ingest: files read and added in checkpoints of bounded size, each finished file journaled so an
interrupted run resumes without redoing it, progress with rate and time left."""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.documents import Document
from factcheck.embed import Embedder
from factcheck.errors import FactcheckError
from factcheck.progress import seconds_left, time_left_phrase
from factcheck.store.backends import CorpusLike

# Text held before it is embedded and committed: bounds memory (the documents in flight, their passages and
# vectors) whatever the size of the archive, and is what an interruption can lose.
DEFAULT_CHECKPOINT_CHARACTERS = 20_000_000
JOURNAL_NAME = ".ingest-journal.jsonl"


@dataclass(frozen=True, slots=True)
class IngestProgress:
    """Files and bytes done of the total, passages added, seconds so far; rate and time left follow."""

    files_done: int
    files_total: int
    bytes_done: int
    bytes_total: int
    passages: int
    seconds: float

    @property
    def passages_per_second(self) -> float:
        return self.passages / self.seconds if self.seconds > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        return seconds_left(self.bytes_done, self.bytes_total, self.seconds)

    def describe(self) -> str:
        eta = time_left_phrase(self.seconds_left)
        return (
            f"{self.files_done}/{self.files_total} files, {self.passages:,} passages, "
            f"{self.passages_per_second:.0f} passages/s{eta}"
        )


@dataclass(slots=True)
class IngestReport:
    added_documents: int = 0
    replaced_documents: int = 0
    added_passages: int = 0
    skipped_duplicates: int = 0
    resumed_files: int = 0
    problems: list[str] = field(default_factory=list)


class IngestJournal:
    """The files a run of `index add` has finished, in the corpus folder; a fresh run starts it empty, a finished
    run removes it, a resumed run skips what it lists (a file changed since, by size or time, is read again)."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / JOURNAL_NAME

    def finished(self) -> set[tuple[str, int, int]]:
        if not self.path.is_file():
            return set()
        done = set()
        for line in self.path.read_text(encoding="utf-8").splitlines():
            try:
                record = json.loads(line)
                done.add((record["path"], int(record["size"]), int(record["mtime_ns"])))
            except (ValueError, KeyError, TypeError):
                continue  # a line cut by the interruption: that file is simply read again
        return done

    def start(self) -> None:
        self.path.write_text("", encoding="utf-8")

    def record(self, paths: Sequence[Path]) -> None:
        with open(self.path, "a", encoding="utf-8") as handle:
            for path in paths:
                path_key, size, mtime = file_key(path)
                handle.write(json.dumps({"path": path_key, "size": size, "mtime_ns": mtime}) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def finish(self) -> None:
        self.path.unlink(missing_ok=True)


def file_key(path: Path) -> tuple[str, int, int]:
    stat = path.stat()
    return str(path.resolve()), stat.st_size, stat.st_mtime_ns


def ingest_paths(
    corpus: CorpusLike,
    embedder: Embedder,
    paths: Sequence[Path],
    read: Callable[[Path], list[Document]],
    *,
    journal_dir: Path | None = None,
    resume: bool = False,
    checkpoint_characters: int = DEFAULT_CHECKPOINT_CHARACTERS,
    progress: Callable[[IngestProgress], None] | None = None,
    stop_on_error: bool = False,
) -> IngestReport:
    """Add the documents of `paths` to `corpus`, committing every `checkpoint_characters` of text.

    A file `read` cannot read (a FactcheckError) is listed in the report's problems and the rest go on (raised
    instead with `stop_on_error`, before anything is committed when it is the only file). With
    `resume`, files finished by an interrupted earlier run are skipped. The journal of finished files is kept in
    `journal_dir`, by default the corpus folder (a Milvus corpus has none: the caller names a local folder).
    """
    if checkpoint_characters < 1:
        raise ValueError(f"checkpoint_characters must be at least 1, got {checkpoint_characters}")
    directory = journal_dir if journal_dir is not None else getattr(corpus, "directory", None)
    if directory is None:
        raise ValueError("ingest_paths needs journal_dir for a corpus that has no folder of its own")
    directory.mkdir(parents=True, exist_ok=True)
    journal = IngestJournal(directory)
    report = IngestReport()
    if resume:
        done = journal.finished()
        todo = [p for p in paths if file_key(p) not in done]
        report.resumed_files = len(paths) - len(todo)
    else:
        journal.start()
        todo = list(paths)
    sizes = {p: p.stat().st_size for p in todo}
    total_bytes, bytes_done, started = sum(sizes.values()), 0, time.perf_counter()
    pending: list[Document] = []
    pending_files: list[Path] = []
    characters = 0

    def tell(passages: int) -> None:
        if progress is not None:
            elapsed = time.perf_counter() - started
            progress(IngestProgress(files_read, len(todo), bytes_done, total_bytes, passages, elapsed))

    def embedding(stage: str, done: int, total: int) -> None:
        if stage == "embedding":
            tell(report.added_passages + done)

    def commit() -> None:
        nonlocal pending, pending_files, characters
        if pending:
            added = corpus.add_documents(pending, embedder, progress=embedding)
            report.added_documents += added.added_documents
            report.replaced_documents += added.replaced_documents
            report.added_passages += added.added_passages
            report.skipped_duplicates += len(added.skipped_duplicates)
        journal.record(pending_files)
        pending, pending_files, characters = [], [], 0

    files_read = 0
    for files_read, path in enumerate(todo, start=1):  # noqa: B007 - read by tell()
        try:
            documents = read(path)
            pending_files.append(path)  # an unreadable file is not journaled: a resumed run tries it again
        except FactcheckError as error:
            if stop_on_error:
                raise
            report.problems.append(f"{path}: {error}")
            documents = []
        pending.extend(documents)
        characters += sum(len(d.text) for d in documents)
        bytes_done += sizes[path]
        if characters >= checkpoint_characters or files_read == len(todo):
            commit()
            tell(report.added_passages)
    journal.finish()
    return report
