"""`bench scale --ingest-stand-in N`: a streamed ingest of N news-like passages through `factcheck index add`, run
as its own process so its peak RSS and wall time are the whole command's, with the stand-in embedder.

The stand-in is factcheck's `hash` embedder (deterministic hashed bag-of-words vectors, `FACTCHECK_EMBEDDER=hash`):
the model would take hours for a million passages on this CPU. Everything else is the real pipeline: JSONL files
read and cut into passages, checkpoints every 20 MB of text, segments written to disk, the FAISS index (switching
to IVF-SQ8 past 200,000 passages), the BM25 term counts, the journal. There is no naive column: the
figure is the bound on memory, and a naive pipeline holding every vector in one flat index is not bounded.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.evaluate.bench_scale import Figure
from factcheck.evaluate.benchmark import _GROUPS, _HEDGES, _PLACES, _THINGS, _VERBS

SENTENCES_PER_ARTICLE = 10  # each synthetic sentence is one passage (about 25 words)
ARTICLES_PER_FILE = 1_000
_CHUNK = 20_000  # passages generated at a time


@dataclass(frozen=True, slots=True)
class ProcessRun:
    seconds: float
    peak_rss_mb: float
    output: str


def news_sentences(count: int, seed: int, first: int = 0) -> list[str]:
    """`count` sentences like `synthetic_passages` makes (same templates and words), numbered from `first`; the
    random choices are drawn all at once, since a million one by one take minutes."""
    rng = np.random.default_rng(seed)

    def pick(words: list[str]) -> list[str]:
        return [words[i] for i in rng.integers(len(words), size=count)]

    groups, verbs, hedges, things = pick(_GROUPS), pick(_VERBS), pick(_HEDGES), pick(_THINGS)
    places = rng.integers(len(_PLACES), size=count)
    others = (places + rng.integers(1, len(_PLACES), size=count)) % len(_PLACES)  # another place
    figures = rng.integers(2, 900, size=count) * np.array([1, 10, 100, 1000])[rng.integers(4, size=count)]
    hours = rng.integers(1, 96, size=count)
    return [
        " ".join(
            f"{groups[i].capitalize()} {verbs[i]} that {hedges[i]} {int(figures[i]):,} {things[i]} in "
            f"{_PLACES[places[i]]} were affected after a {int(hours[i])}-hour pause near {_PLACES[others[i]]}, in "
            f"report {first + i} of the series.".split()
        )
        for i in range(count)
    ]


def write_archive(folder: Path, passages: int) -> list[Path]:
    """JSONL files of news-like articles (`SENTENCES_PER_ARTICLE` sentences each) holding `passages` sentences."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    lines: list[str] = []
    article = written = 0
    while written < passages:
        count = min(_CHUNK, passages - written)
        sentences = news_sentences(count, seed=1_000 + written // _CHUNK, first=written)
        for begin in range(0, count, SENTENCES_PER_ARTICLE):
            part = sentences[begin : begin + SENTENCES_PER_ARTICLE]
            lines.append(json.dumps({"id": f"a{article}", "title": f"Report {article}", "text": " ".join(part)}))
            article += 1
            if len(lines) == ARTICLES_PER_FILE:
                paths.append(_write_lines(folder / f"archive-{len(paths):04d}.jsonl", lines))
                lines = []
        written += count
    if lines:
        paths.append(_write_lines(folder / f"archive-{len(paths):04d}.jsonl", lines))
    return paths


def _write_lines(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def run_measured(command: list[str], environment: dict[str, str]) -> ProcessRun:
    """Run `command`, returning its wall time and peak resident memory (of that process alone)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read() if process.stdout is not None else ""
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command[:4])} ... failed ({process.returncode}):\n{output[-2000:]}")
    return ProcessRun(seconds, usage.ru_maxrss / 1024, output)


def stand_in_ingest(passages: int, folder: Path, log: Callable[[str], None]) -> list[Figure]:
    """Naive, then factcheck's streamed `index add`, over `passages` passages with the stand-in embedder."""
    paths = write_archive(folder / "archive", passages)
    megabytes = sum(p.stat().st_size for p in paths) / 1e6
    log(f"stand-in ingest: {len(paths)} files, {megabytes:.0f} MB written")
    environment = {**os.environ, "FACTCHECK_EMBEDDER": "hash", "FACTCHECK_INDEX_DIR": str(folder / "indexes")}
    command = [sys.executable, "-m", "factcheck", "index", "add", "archive", str(folder / "archive")]
    ours = run_measured(command, environment)
    log(f"stand-in ingest: index add done in {ours.seconds:.0f} s")
    manifest = json.loads((folder / "indexes" / "archive" / "manifest.json").read_text())
    if manifest["passages"] != passages:
        raise RuntimeError(f"the ingest stored {manifest['passages']} passages, expected {passages}")
    label = f"{passages:,} passages, stand-in embedder"
    segments = len(manifest.get("segments") or [manifest["generation"]])
    note = (
        f"{len(paths)} JSONL files, {megabytes:.0f} MB; {segments} segments, {manifest['index_type']} index, BM25, "
        "journal"
    )
    return [
        Figure("stand-in ingest", f"{label}: peak RSS MB, whole process", None, ours.peak_rss_mb, note, "<= 4096"),
        Figure("stand-in ingest", f"{label}: wall time s, whole process", None, ours.seconds),
        Figure("stand-in ingest", f"{label}: passages/s", None, passages / ours.seconds),
    ]
