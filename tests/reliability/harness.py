"""Running the command line as a user would, one case at a time: exit status, traceback, wall time and peak memory.

Each case is a fresh `python -m factcheck` process; its peak resident memory is its VmHWM, sampled every 20 ms, its
time comes from the clock, and a case over `timeout` seconds is killed and counted as a hang.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
HANG_SECONDS = 60
MEMORY_LIMIT_MB = 4096


@dataclass(slots=True)
class Run:
    """One finished command."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_mb: float
    hung: bool

    @property
    def traceback(self) -> bool:
        return "Traceback (most recent call last)" in self.stderr


def start(arguments: Sequence[str], index_dir: Path, **environment: str) -> subprocess.Popen:
    """Start `factcheck --embedder hash --index-dir DIR ARGUMENTS...` (not waited for)."""
    env = {**os.environ, "PYTHONPATH": str(PROJECT_ROOT), **environment}
    command = [sys.executable, "-m", "factcheck", "--embedder", "hash", "--index-dir", str(index_dir), *arguments]
    return subprocess.Popen(
        command, cwd=PROJECT_ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


def finish(process: subprocess.Popen, timeout: float = HANG_SECONDS, started: float | None = None) -> Run:
    """Wait for a started command (killing it after `timeout` seconds) and measure it."""
    started = time.perf_counter() if started is None else started
    output: dict[str, bytes] = {}
    readers = [
        threading.Thread(target=lambda name=name, stream=stream: output.__setitem__(name, stream.read()))
        for name, stream in (("stdout", process.stdout), ("stderr", process.stderr))
    ]
    for reader in readers:
        reader.start()
    hung = threading.Event()

    def kill() -> None:
        hung.set()
        os.killpg(process.pid, signal.SIGKILL)

    timer = threading.Timer(max(0.0, timeout - (time.perf_counter() - started)), kill)
    timer.start()
    # The child's own peak (VmHWM of its memory after exec), sampled until it exits: the rusage of wait4 would also
    # count the parent's memory at the moment of the fork.
    peak_kb = [0]
    done = threading.Event()
    sampler = threading.Thread(target=_sample_peak, args=(process.pid, peak_kb, done))
    sampler.start()
    _, status, _ = os.wait4(process.pid, 0)
    done.set()
    sampler.join()
    timer.cancel()
    seconds = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    for reader in readers:
        reader.join()
    return Run(
        process.returncode,
        output.get("stdout", b"").decode("utf-8", "replace"),
        output.get("stderr", b"").decode("utf-8", "replace"),
        seconds,
        peak_kb[0] / 1024,
        hung.is_set(),
    )


def _sample_peak(pid: int, peak_kb: list[int], done: threading.Event) -> None:
    while not done.is_set():
        try:
            with open(f"/proc/{pid}/status") as status:
                for line in status:
                    if line.startswith("VmHWM:"):
                        peak_kb[0] = max(peak_kb[0], int(line.split()[1]))
        except (OSError, ValueError):
            pass
        done.wait(0.02)


def run(arguments: Sequence[str], index_dir: Path, timeout: float = HANG_SECONDS, **environment: str) -> Run:
    started = time.perf_counter()
    return finish(start(arguments, index_dir, **environment), timeout, started)


def run_inline(arguments: Sequence[str], index_dir: Path) -> Run:
    """`factcheck.cli.main` in this process: what a user sees, without the 2-8 s start of a new interpreter. Any
    exception escaping `main` counts as a traceback; memory is this process's peak (for cases that cannot be big)."""
    import contextlib
    import io
    import resource
    import traceback

    from factcheck.cli import main

    out, err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8"), io.StringIO()  # the CLI writes bytes to stdout
    started = time.perf_counter()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(["--embedder", "hash", "--index-dir", str(index_dir), *arguments])
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 2
        except BaseException:  # noqa: BLE001 (a traceback is exactly what is being counted)
            code = 99
            err.write(traceback.format_exc())
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out.flush()
    return Run(
        code,
        out.buffer.getvalue().decode("utf-8", "replace"),
        err.getvalue(),
        time.perf_counter() - started,
        peak,
        False,
    )


def markdown(tallies: Sequence[Tally]) -> str:
    rows = [t.row() for t in tallies]
    header = list(rows[0])
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(row[key]) for key in header) + " |" for row in rows]
    return "\n".join(lines)


@dataclass(slots=True)
class Tally:
    """The outcome of every case of one class of faults or inputs."""

    name: str
    command: str
    cases: int = 0
    tracebacks: int = 0
    hangs: int = 0
    over_memory: int = 0
    lost_or_mixed: int = 0
    unclear: int = 0  # a refusal whose message does not say what to do
    kills: int = 0  # processes really killed mid-change (not finished before the signal)
    slowest: float = 0.0
    peak_mb: float = 0.0
    notes: list[str] = field(default_factory=list)

    def add(self, result: Run, *, state_ok: bool = True, clear: bool = True, note: str | None = None) -> None:
        self.cases += 1
        self.tracebacks += result.traceback
        self.hangs += result.hung or result.seconds > HANG_SECONDS
        self.over_memory += result.peak_mb > MEMORY_LIMIT_MB
        self.lost_or_mixed += not state_ok
        self.unclear += not clear
        self.slowest = max(self.slowest, result.seconds)
        self.peak_mb = max(self.peak_mb, result.peak_mb)
        if note and (result.traceback or not state_ok or not clear or result.hung) and len(self.notes) < 5:
            self.notes.append(f"{note}: exit {result.code}, {result.stderr.strip()[-300:]}")

    def add_check(self, state_ok: bool, note: str | None = None) -> None:
        """A case checked in-process (no command of its own)."""
        self.cases += 1
        self.lost_or_mixed += not state_ok
        if not state_ok and note and len(self.notes) < 5:
            self.notes.append(note)

    @property
    def failures(self) -> int:
        return self.tracebacks + self.hangs + self.over_memory + self.lost_or_mixed + self.unclear

    def row(self) -> dict:
        return {
            "class": self.name,
            "cases": self.cases,
            "tracebacks": self.tracebacks,
            f"hangs > {HANG_SECONDS} s": self.hangs,
            "runs > 4 GB": self.over_memory,
            "lost or mixed states": self.lost_or_mixed,
            "unclear refusals": self.unclear,
            "slowest (s)": round(self.slowest, 1),
            "peak memory (MB)": round(self.peak_mb),
            "reproduce": self.command,
        }


def corpus_state(index_dir: Path, name: str) -> dict | None:
    """Documents, passages and duplicate passage ids of a corpus as stored, or None if it does not open."""
    from factcheck.errors import FactcheckError
    from factcheck.store import IndexStore

    try:
        corpus = IndexStore(index_dir).open(name)
    except FactcheckError:
        return None
    except Exception:  # noqa: BLE001 (older versions let other errors out: the state is then not usable either)
        return None
    ids = [p.passage_id for p in corpus.passages]
    return {
        "documents": len(corpus.documents),
        "passages": len(ids),
        "duplicates": len(ids) - len(set(ids)),
        "consistent": corpus.index.ntotal == len(ids) == corpus.manifest.passages
        and len(corpus.documents) == corpus.manifest.documents
        and all(sum(p.doc_id == d for p in corpus.passages) == doc.passages for d, doc in corpus.documents.items()),
        "texts": {d: doc.content_hash for d, doc in corpus.documents.items()},
    }


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    return path
