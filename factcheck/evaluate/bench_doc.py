"""docs/benchmarks.md: `factcheck bench scale` figures beside the naive pipeline, with the machine they ran on."""

from __future__ import annotations

import os
import platform
from collections.abc import Sequence
from datetime import UTC, datetime

from factcheck.evaluate.bench_scale import Figure

_FLAGS_OF_INTEREST = ("avx2", "fma", "avx512f", "avx512_bf16", "avx512_vnni", "amx_bf16", "amx_int8", "avx_vnni")


def machine_description() -> dict[str, str]:
    """CPU model, the flags that decide fast paths, cores, load average, library versions."""
    model, flags = platform.processor() or "unknown", set()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as handle:
            for line in handle:
                if line.startswith("model name") and model in ("", "unknown", platform.processor()):
                    model = line.split(":", 1)[1].strip()
                elif line.startswith("flags"):
                    flags = set(line.split(":", 1)[1].split())
    except OSError:
        pass
    import faiss
    import torch

    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return {
        "CPU": model,
        "flags (of those deciding fast paths)": " ".join(f for f in _FLAGS_OF_INTEREST if f in flags) or "none",
        "cores available": str(len(os.sched_getaffinity(0))),
        "load average (1, 5, 15 min)": load,
        "versions": f"Python {platform.python_version()}, torch {torch.__version__}, faiss {faiss.__version__}",
        "date": datetime.now(UTC).isoformat(timespec="minutes"),
    }


def markdown(figures: Sequence[Figure], command: str, before: dict[str, str], after: dict[str, str]) -> str:
    lines = [
        "# Benchmarks at newsroom-archive scale",
        "",
        f"Written by `{command}`; every figure below comes from that one run. The naive pipeline is",
        "`SentenceTransformer.encode` (its defaults: batch 32, float32) into `faiss.IndexFlatIP`, one query at a",
        "time; where the table compares a stage, the naive column is the previous implementation of that stage.",
        "The two are interleaved (naive, factcheck, factcheck, naive over halves of the work) so that changes in the",
        "machine's load fall on both.",
        "",
        "What is real and what is synthetic: ingest embeds real (template-generated, news-like) text with the real",
        "model in both pipelines. The query, article and bulk figures run against corpora of synthetic passages whose",
        "vectors are real embeddings of 2,000 such passages resampled with small noise (as `bench retrieval` does),",
        "because embedding a million passages takes hours; query texts, articles and claims are embedded for real.",
        "The stand-in ingest rows run `factcheck index add` as its own process over generated JSONL files with the",
        "stand-in embedder (deterministic hashed bag-of-words vectors, `FACTCHECK_EMBEDDER=hash`), not the model:",
        "they measure the streamed pipeline's memory and time (reading, cutting, segments, FAISS, BM25, journal).",
        "The machine may be shared: its load average at start and end is in the first table, and on a loaded",
        "machine every figure is slower than on an idle one (both columns alike).",
        "",
        "| machine | at start | at end |",
        "|---|---|---|",
    ]
    for key in before:
        lines.append(f"| {key} | {before[key]} | {after.get(key, '')} |")
    lines += ["", "| section | figure | naive | factcheck | bar | note |", "|---|---|---|---|---|---|"]
    for figure in figures:
        lines.append(
            f"| {figure.section} | {figure.what} | {_number(figure.naive)} | {_number(figure.ours)} | "
            f"{_verdict(figure)} | {figure.note} |"
        )
    return "\n".join(lines) + "\n"


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if value != value:  # NaN
        return "n/a"
    return f"{value:,.3f}" if abs(value) < 100 else f"{value:,.0f}"


def _verdict(figure: Figure) -> str:
    if not figure.bar or figure.ours is None or figure.ours != figure.ours:
        return figure.bar
    operator, threshold = figure.bar.split()
    value = float(threshold)
    met = figure.ours >= value if operator == ">=" else figure.ours <= value
    return f"{figure.bar} {'met' if met else '**not met**'}"
