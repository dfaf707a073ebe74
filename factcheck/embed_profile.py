"""Choosing how to run the embedding model on this machine: candidates measured once, the fastest faithful one kept.

A faster path (bfloat16 autocast, another thread count) is kept only if its vectors stay within cosine 0.999 of the
float32 reference on every sampled text and give the same top-10 neighbours for at least 98% of them. The choice is
remembered in a small JSON file keyed by the CPU, torch and the model, so it is measured once per machine.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import numpy as np

from factcheck.serialise import Record, to_record

PRECISIONS = ("fp32", "bf16")
RUNTIMES = ("torch", "onnx")  # onnx: the model exported to ONNX Runtime (`embed_onnx`), float32, one thread a batch
MIN_COSINE = 0.999
MIN_NEIGHBOUR_AGREEMENT = 0.98
NEIGHBOURS = 10
PROFILE_NAME = "embedding-profile.json"
PROBE_SIZE = 32
PATHS_VERSION = 3  # in the machine key: a profile measured before ONNX Runtime was a candidate is measured again
SLOW_PROBE = 0.8  # a path below this share of float32's speed on the probe is not measured further


@dataclass(frozen=True, slots=True)
class EmbeddingPath:
    """One way of running the model: a precision, the threads each batch is computed with, how many batches are
    computed at once (`streams`: each on its own core with one thread, for a large job; a single batch, a query,
    runs on one of them), and the runtime (torch, or the exported model on ONNX Runtime: float32, one thread a
    batch)."""

    precision: str
    threads: int
    streams: int = 1
    runtime: str = "torch"

    def __post_init__(self) -> None:
        if self.precision not in PRECISIONS:
            raise ValueError(f"precision must be one of {PRECISIONS}, got {self.precision!r}")
        if self.threads < 1:
            raise ValueError(f"threads must be at least 1, got {self.threads}")
        if self.streams < 1:
            raise ValueError(f"streams must be at least 1, got {self.streams}")
        if self.runtime not in RUNTIMES:
            raise ValueError(f"runtime must be one of {RUNTIMES}, got {self.runtime!r}")
        if self.runtime == "onnx" and (self.precision != "fp32" or self.threads != 1):
            raise ValueError("the ONNX Runtime path is float32 on one thread a batch")

    @property
    def label(self) -> str:
        label = f"{self.precision}, {self.threads} thread{'s' if self.threads > 1 else ''}"
        label += f", {self.streams} batches at once" if self.streams > 1 else ""
        return label + (", ONNX Runtime" if self.runtime == "onnx" else "")


@dataclass(frozen=True, slots=True)
class Measurement(Record):
    """How fast one path embedded the sample and how close its vectors are to the float32 reference."""

    path: EmbeddingPath
    texts_per_second: float
    min_cosine: float
    neighbour_agreement: float

    @property
    def faithful(self) -> bool:
        return self.min_cosine >= MIN_COSINE and self.neighbour_agreement >= MIN_NEIGHBOUR_AGREEMENT

    def to_dict(self) -> dict:
        return {**to_record(self), "faithful": self.faithful}


@dataclass(frozen=True, slots=True)
class Profile(Record):
    """The measurements on one machine for one model, and the path chosen from them."""

    machine: str
    model: str
    chosen: EmbeddingPath
    measurements: tuple[Measurement, ...]
    sample_size: int
    measured_at: str

    @classmethod
    def from_dict(cls, record: dict) -> Profile:
        measurements = tuple(
            Measurement(
                EmbeddingPath(**m["path"]),
                float(m["texts_per_second"]),
                float(m["min_cosine"]),
                float(m["neighbour_agreement"]),
            )
            for m in record["measurements"]
        )
        return cls(
            machine=str(record["machine"]),
            model=str(record["model"]),
            chosen=EmbeddingPath(**record["chosen"]),
            measurements=measurements,
            sample_size=int(record["sample_size"]),
            measured_at=str(record["measured_at"]),
        )


def candidate_paths(cores: int, onnx: bool = False) -> list[EmbeddingPath]:
    """float32 first (the reference), then the others: bfloat16 autocast, one thread as well as all cores, on
    several cores one batch per core at once (a small model's matrix products split over threads wait for each
    other; whole batches side by side do not), and with `onnx` (the exported model is ready) the same batches on
    ONNX Runtime, which calls the model's operators at less cost than torch."""
    threads = sorted({cores, 1}, reverse=True)
    paths = [EmbeddingPath(precision, count) for precision in PRECISIONS for count in threads]
    if cores > 1:
        paths += [EmbeddingPath(precision, 1, cores) for precision in PRECISIONS]
    if onnx:
        paths.append(EmbeddingPath("fp32", 1, cores, "onnx"))
    return paths


def agreement(reference: np.ndarray, candidate: np.ndarray, top_k: int = NEIGHBOURS) -> tuple[float, float]:
    """(lowest cosine between a text's two vectors, share of texts whose top-`top_k` neighbours among the sample
    are the same set under both). Both arrays hold unit vectors, row i = text i."""
    if reference.shape != candidate.shape:
        raise ValueError(f"vector shapes differ: {reference.shape} and {candidate.shape}")
    if len(reference) == 0:
        return 1.0, 1.0
    cosines = np.sum(reference * candidate, axis=1)
    k = min(top_k, len(reference) - 1)
    if k < 1:
        return float(cosines.min()), 1.0
    same = 0
    for scores_a, scores_b in zip(reference @ reference.T, candidate @ candidate.T, strict=True):
        top_a = set(np.argsort(-scores_a, kind="stable")[1 : k + 1].tolist())
        top_b = set(np.argsort(-scores_b, kind="stable")[1 : k + 1].tolist())
        same += top_a == top_b
    return float(cosines.min()), same / len(reference)


def measure(
    encode: Callable[[EmbeddingPath, Sequence[str]], np.ndarray],
    texts: Sequence[str],
    paths: Sequence[EmbeddingPath],
    rounds: int = 2,
    probe: int = PROBE_SIZE,
    clock: Callable[[], float] = time.perf_counter,
) -> list[Measurement]:
    """Each path's speed and its faithfulness to the first path, the float32 reference.

    Every path first embeds the first `probe` texts (which also warms it up); a path slower there than
    SLOW_PROBE times the reference is not measured further (bfloat16 emulated on a CPU without it runs several
    times slower and would make the measurement itself slow) and keeps its probe figures. The others embed all
    `texts` `rounds` times, the paths interleaved so that a busy moment of a shared machine does not fall on one
    path only, and keep their best time.
    """
    if not paths or paths[0].precision != "fp32":
        raise ValueError("the first path must be the float32 reference")
    if rounds < 1 or probe < 1:
        raise ValueError("rounds and probe must be at least 1")
    reference = paths[0]
    probe_texts = list(texts[:probe])
    probe_vectors: dict[EmbeddingPath, np.ndarray] = {}
    probe_rate: dict[EmbeddingPath, float] = {}
    for path in paths:
        started = clock()
        probe_vectors[path] = encode(path, probe_texts)
        probe_rate[path] = len(probe_texts) / max(clock() - started, 1e-9)
    full = [p for p in paths if p == reference or probe_rate[p] >= SLOW_PROBE * probe_rate[reference]]
    best = {path: float("inf") for path in full}
    vectors: dict[EmbeddingPath, np.ndarray] = {}
    for _ in range(rounds):
        for path in full:
            started = clock()
            vectors[path] = encode(path, texts)
            best[path] = min(best[path], clock() - started)
    results = []
    for path in paths:
        if path in best:
            cosine, neighbours = agreement(vectors[reference], vectors[path])
            rate = len(texts) / max(best[path], 1e-9)
        else:
            cosine, neighbours = agreement(probe_vectors[reference], probe_vectors[path])
            rate = probe_rate[path]
        results.append(Measurement(path, rate, cosine, neighbours))
    return results


def choose(measurements: Sequence[Measurement]) -> EmbeddingPath:
    """The fastest faithful path (the float32 reference is faithful by definition)."""
    faithful = [m for m in measurements if m.faithful]
    if not faithful:
        raise ValueError("no faithful measurement: the float32 reference must be among them")
    return max(faithful, key=lambda m: m.texts_per_second).path


def machine_key(model: str) -> str:
    """What the choice depends on: CPU model and flags, core count, torch version and the model."""
    cpu = ""
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            lines = [line for line in handle if line.startswith(("model name", "flags"))]
        cpu = "".join(sorted(set(lines)))
    except OSError:
        cpu = platform.processor()
    try:
        import torch

        torch_version = str(torch.__version__)
    except ImportError:
        torch_version = "none"
    text = f"{cpu}|{os.cpu_count()}|{torch_version}|{model}|{PATHS_VERSION}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def default_cache_dir() -> Path:
    """`$FACTCHECK_CACHE_DIR`, else `~/.cache/factcheck`."""
    configured = os.environ.get("FACTCHECK_CACHE_DIR")
    return Path(configured) if configured else Path.home() / ".cache" / "factcheck"


def read_profile(path: Path, machine: str) -> Profile | None:
    """The remembered profile for `machine`, or None when there is none, it is unreadable or from elsewhere (it is
    measured again then: the file is only a memo)."""
    try:
        profile = Profile.from_dict(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return profile if profile.machine == machine else None


def write_profile(path: Path, profile: Profile) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(profile.to_dict(), indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)


def new_profile(machine: str, model: str, measurements: Sequence[Measurement], sample_size: int) -> Profile:
    return Profile(
        machine=machine,
        model=model,
        chosen=choose(measurements),
        measurements=tuple(measurements),
        sample_size=sample_size,
        measured_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
