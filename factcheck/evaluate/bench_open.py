"""`bench scale`: the memory of searching a large corpus, measured in a fresh process that opens it and runs hybrid
queries (so nothing the benchmark itself holds, such as the exact index it compares with, is counted).

Run as `python -m factcheck.evaluate.bench_open FOLDER QUERIES`: prints one JSON line (seconds to open, RSS after
opening); its peak RSS is read by the parent from `wait4`.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from factcheck.evaluate.bench_ingest import run_measured
from factcheck.evaluate.bench_scale import Figure


def _resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _main(folder: Path, queries: int) -> None:
    from factcheck.embed import SentenceTransformerEmbedder
    from factcheck.evaluate.benchmark import synthetic_passages
    from factcheck.search import SearchMode, batch_search
    from factcheck.store import Corpus

    embedder = SentenceTransformerEmbedder()
    embedder.warm_up()
    before = _resident_mb()
    started = time.perf_counter()
    corpus = Corpus.open(folder, embedder)
    seconds = time.perf_counter() - started
    opened = _resident_mb()
    for text in synthetic_passages(queries, seed=2):
        batch_search([corpus], embedder, [text], 10, mode=SearchMode.HYBRID)
    print(json.dumps({"open_seconds": seconds, "before_mb": before, "opened_mb": opened, "after_mb": _resident_mb()}))


def open_and_search(folder: Path, queries: int, size: int) -> list[Figure]:
    """Peak RSS and opening time of a fresh process that opens `folder` and runs `queries` hybrid queries."""
    command = [sys.executable, "-m", "factcheck.evaluate.bench_open", str(folder), str(queries)]
    run = run_measured(command, dict(os.environ))
    found = json.loads(run.output.strip().splitlines()[-1])
    label = f"{size:,} passages"
    note = (
        f"fresh process: model loaded {found['before_mb']:.0f} MB, corpus opened {found['opened_mb']:.0f} MB, "
        f"after {queries} hybrid queries {found['after_mb']:.0f} MB"
    )
    return [
        Figure(
            "memory", f"{label}: peak RSS MB, open + {queries} hybrid queries", None, run.peak_rss_mb, note, "<= 4096"
        ),
        Figure("memory", f"{label}: opening the corpus, s", None, found["open_seconds"], "fresh process"),
    ]


if __name__ == "__main__":
    _main(Path(sys.argv[1]), int(sys.argv[2]))
