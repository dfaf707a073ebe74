"""Checking many articles: claims of a group of articles retrieved in one batch, results per article as they come,
a journal of finished articles so an interrupted run resumes where it stopped, and the rate."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.check import CheckedClaim, check_claims
from factcheck.documents import Document
from factcheck.embed import Embedder
from factcheck.errors import FactcheckError
from factcheck.extract import extract_claims
from factcheck.progress import seconds_left, time_left_phrase
from factcheck.store import Corpus

# Articles whose claims are embedded and searched together: enough to fill the model's batches (a 1,000-word
# article has about 10-20 claims), few enough that the first results appear soon.
DEFAULT_GROUP = 16
JOURNAL_SUFFIX = ".done"


class ResumeError(FactcheckError):
    """A run cannot be resumed from the output file and its journal."""


@dataclass(frozen=True, slots=True)
class ArticleResult:
    """The checked claims of one article file (an unreadable file has `error` instead)."""

    path: Path
    checked: tuple[CheckedClaim, ...]
    error: str | None = None


@dataclass(frozen=True, slots=True)
class Rate:
    """How far a bulk run is: articles done of the total, claims, elapsed seconds, and what follows from them."""

    done: int
    total: int
    claims: int
    seconds: float

    @property
    def per_minute(self) -> float:
        return 60.0 * self.done / self.seconds if self.seconds > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        return seconds_left(self.done, self.total, self.seconds)

    def describe(self) -> str:
        eta = time_left_phrase(self.seconds_left)
        return f"{self.done}/{self.total} articles, {self.claims} claims, {self.per_minute:.1f} articles/minute{eta}"


def check_articles(
    paths: Sequence[Path],
    corpora: Sequence[Corpus],
    embedder: Embedder,
    read: Callable[[Path], list[Document]],
    top_k: int,
    *,
    group: int = DEFAULT_GROUP,
    stop_on_error: bool = False,
    **check_options,
) -> Iterator[ArticleResult]:
    """Check the articles in `paths` in order, `group` at a time, yielding each article's result when its group is
    done. `read` turns a path into documents; a FactcheckError there is reported in that article's result and the
    rest go on (raised instead with `stop_on_error`);
    `check_options` go to `check_claims` (mode, passage_filter, nli)."""
    if group < 1:
        raise ValueError(f"group must be at least 1, got {group}")
    for begin in range(0, len(paths), group):
        batch = paths[begin : begin + group]
        claims_of: list[list] = []
        failures: dict[int, str] = {}
        for position, path in enumerate(batch):
            try:
                documents = read(path)
            except FactcheckError as error:
                if stop_on_error:
                    raise
                failures[position] = str(error)
                documents = []
            claims_of.append([claim for document in documents for claim in extract_claims(document)])
        flat = [claim for claims in claims_of for claim in claims]
        checked = check_claims(flat, corpora, embedder, top_k, **check_options) if flat else []
        cursor = 0
        for position, path in enumerate(batch):
            count = len(claims_of[position])
            yield ArticleResult(path, tuple(checked[cursor : cursor + count]), failures.get(position))
            cursor += count


class Journal:
    """The finished articles of a run writing to `output`: one line per article, with the output's size after its
    records, kept in `output` + ".done". Resuming cuts the output back to the last recorded size (records of an
    article interrupted half-written are dropped and written again) and skips the recorded articles."""

    def __init__(self, output: Path) -> None:
        self.output = output
        self.path = output.with_name(output.name + JOURNAL_SUFFIX)

    def finished(self) -> set[str]:
        """Articles recorded as done; the output is cut back to where the last one ended.

        Raises:
            ResumeError: the output is shorter than the journal says (it was changed since).
        """
        if not self.path.is_file():
            if self.output.is_file() and self.output.stat().st_size:
                raise ResumeError(
                    f"{self.output} exists but has no journal {self.path.name}, so it is unknown which articles it "
                    "holds. Write to a new file, or run without --resume to start again."
                )
            self.output.write_bytes(b"")
            return set()
        done: dict[str, int] = {}
        for line in self.path.read_text(encoding="utf-8").splitlines():
            name, _, size = line.rpartition("\t")
            if name and size.isdigit():
                done[name] = int(size)
        end = max(done.values(), default=0)
        actual = self.output.stat().st_size if self.output.is_file() else 0
        if actual < end:
            raise ResumeError(
                f"{self.output} holds {actual} bytes but its journal says {end} were written: the file was changed "
                "since. Write to a new file, or run without --resume to start again."
            )
        with open(self.output, "r+b") as handle:
            handle.truncate(end)
        return set(done)

    def start(self) -> None:
        """A fresh run: no article is done yet."""
        self.path.write_text("", encoding="utf-8")

    def record(self, article: str, size: int) -> None:
        with open(self.path, "a", encoding="utf-8") as handle:
            handle.write(f"{article}\t{size}\n")
            handle.flush()
            os.fsync(handle.fileno())


def elapsed_since(started: float) -> float:
    return time.perf_counter() - started
