"""`bench scale`: the memory of searching a large corpus, measured in a fresh process that opens it and runs hybrid
queries (so nothing the benchmark itself holds, such as the exact index it compares with, is counted).

Run as `python -m factcheck.evaluate.bench_open FOLDER QUERIES`: prints one JSON line (seconds to open, resident
memory after loading the model, after opening, after the queries, and the peak). The peak is the process's own
high-water mark (`VmHWM`): the `ru_maxrss` that `wait4` reports for a child on Linux starts from the parent's
resident size when the child is spawned, so it would count the benchmark's own arrays.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from factcheck.evaluate.bench_ingest import run_measured
from factcheck.evaluate.bench_scale import Figure


def _status_mb(field: str = "VmRSS") -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _main(folder: Path, queries: int) -> None:
    from factcheck.embed import SentenceTransformerEmbedder
    from factcheck.evaluate.benchmark import synthetic_passages
    from factcheck.search import SearchMode, batch_search
    from factcheck.store import Corpus

    embedder = SentenceTransformerEmbedder()
    embedder.warm_up()
    before = _status_mb()
    started = time.perf_counter()
    corpus = Corpus.open(folder, embedder)
    seconds = time.perf_counter() - started
    opened = _status_mb()
    for text in synthetic_passages(queries, seed=2):
        batch_search([corpus], embedder, [text], 10, mode=SearchMode.HYBRID)
    found = {"open_seconds": seconds, "before_mb": before, "opened_mb": opened, "after_mb": _status_mb()}
    print(json.dumps({**found, "peak_mb": _status_mb("VmHWM")}))


def open_and_search(folder: Path, queries: int, size: int) -> list[Figure]:
    """Peak RSS and opening time of a fresh process that opens `folder` and runs `queries` hybrid queries."""
    command = [sys.executable, "-m", "factcheck.evaluate.bench_open", str(folder), str(queries)]
    run = run_measured(command, dict(os.environ))  # its ru_maxrss is not the child's own: see the docstring
    found = json.loads(run.output.strip().splitlines()[-1])
    label = f"{size:,} passages"
    note = (
        f"fresh process: model loaded {found['before_mb']:.0f} MB, corpus opened {found['opened_mb']:.0f} MB, "
        f"after {queries} hybrid queries {found['after_mb']:.0f} MB"
    )
    return [
        Figure(
            "memory", f"{label}: peak RSS MB, open + {queries} hybrid queries", None, found["peak_mb"], note, "<= 4096"
        ),
        Figure("memory", f"{label}: opening the corpus, s", None, found["open_seconds"], "fresh process"),
    ]


if __name__ == "__main__":
    _main(Path(sys.argv[1]), int(sys.argv[2]))
