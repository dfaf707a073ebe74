"""Queries through ONNX Runtime: the same model, exported once, run where torch's per-call cost dominates.

A hybrid query embeds one short text. On the 2-core AMD EPYC these benchmarks run on, torch takes 17-23 ms for a
33-token query on one thread, most of it the cost of calling about a hundred small operators, not arithmetic;
ONNX Runtime runs the same float32 graph in about half that (docs/benchmarks.md, session 8). Large jobs (ingest, an
article's claims) stay on torch, whose batches run side by side (`embed_batching`).

The model's transformer is exported to ONNX in a separate process (exporting traces the module, which must not
disturb the model that keeps serving) into the cache folder, keyed by the model's files and the versions of torch
and ONNX Runtime. Before it is used it is measured against torch on `SAMPLE`: every vector within cosine
`MIN_COSINE` of torch's and the same top-10 neighbours for at least 98% of texts (the rules of `embed_profile`),
and a lower median time for one text on one thread. The verdict is remembered beside the exported file, so both are
done once per machine (`make install` does it; else the first query). Without ONNX Runtime, or when the export or
the check fails, queries run on torch as before: this path only ever saves time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.embed_batching import pad_batch, tokenise_texts
from factcheck.embed_profile import MIN_COSINE, MIN_NEIGHBOUR_AGREEMENT, agreement

MAX_QUERY_TEXTS = 4  # jobs up to this many texts take the ONNX path; larger ones batch better on torch
EXPORT_TIMEOUT_S = 600
VERDICT_NAME = "verdict.json"
MODEL_NAME = "model.onnx"
_TIMING_ROUNDS = 2

# Query-like texts of several lengths for the check: claims, quotes, headlines, questions (written for this check).
SAMPLE = tuple(
    f"{opening} {middle}"
    for opening in (
        "Almost 600,000 people live under siege,",
        "The council said on Tuesday that",
        '"We will not accept a deal that leaves the port closed," the minister told reporters, adding that',
        "According to the regional health authority's weekly report published this morning,",
        "Has the number of registered voters really fallen by a fifth since 2019, as the opposition claims, or",
        "Rescue teams reached the village after an 80 km (50 miles) drive, and",
    )
    for middle in (
        "a 48-hour pause was agreed.",
        "8,000 remaining residents had been moved to shelters in the north of the province.",
        "prices rose by 4.6 percent in October, the fastest rise in two years, driven by energy and food.",
        "the spokeswoman denied it.",
        "more than 1,200 trucks crossed the border last month, against 700 in the month before, the agency said, "
        "while warning that fuel stocks would last only until the end of the week.",
        "nobody was hurt.",
        "about a quarter of the 31 runs stayed closed.",
        "the company expects to cut 2,400 jobs at its plant by the end of 2027 unless a buyer is found.",
    )
)


class QueryRuntimeError(RuntimeError):
    """The ONNX path could not be prepared (recorded in the verdict; queries run on torch)."""


@dataclass(frozen=True, slots=True)
class Verdict:
    """What the check found: whether to use the ONNX path, and the figures behind it."""

    use: bool
    min_cosine: float
    neighbour_agreement: float
    torch_ms: float
    onnx_ms: float
    reason: str = ""

    def to_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.__slots__}


class OnnxEncoder:
    """The exported transformer in an ONNX Runtime session on one thread, with the model's tokenizer, mean pooling
    over the attention mask and unit length: the vectors torch's path gives, for short jobs."""

    def __init__(self, onnx_path: Path, tokenizer, max_length: int) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        # Idle threads sleep instead of spinning: BM25 runs on the other core while a query is embedded.
        options.add_session_config_entry("session.intra_op.allow_spinning", "0")
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])
        self._tokenizer = tokenizer
        self._max_length = max_length
        self._pad_id = tokenizer.pad_token_id or 0

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_ids(tokenise_texts(self._tokenizer, texts, self._max_length))

    def encode_ids(self, token_ids: Sequence[Sequence[int]]) -> np.ndarray:
        """Unit vectors for texts already tokenised (a batch of `embed_batching`); several threads may call this at
        once, each batch computed on its caller's thread."""
        input_ids, mask = pad_batch(list(token_ids), self._pad_id)
        feeds = {
            "input_ids": input_ids.astype(np.int64),
            "attention_mask": mask.astype(np.int64),
            "token_type_ids": np.zeros_like(input_ids, dtype=np.int64),
        }
        (hidden,) = self._session.run(None, feeds)
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
        norms = np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)
        return (pooled / norms).astype(np.float32)


def runtime_available() -> bool:
    """Whether ONNX Runtime and the exporter's `onnx` package are installed."""
    try:
        import onnx  # noqa: F401
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


def standard_stack(model) -> bool:
    """Whether a SentenceTransformer is a transformer, mean pooling and (optionally) normalisation: the stack this
    path reproduces. Other models stay on torch."""
    modules = list(model)
    if len(modules) not in (2, 3) or not hasattr(modules[0], "auto_model"):
        return False
    config: dict = getattr(modules[1], "get_config_dict", dict)()
    mean = config.get("pooling_mode") == "mean" or config.get("pooling_mode_mean_tokens") is True
    return bool(mean) and (len(modules) == 2 or type(modules[2]).__name__ == "Normalize")


def cache_folder(cache_dir: Path, model_dir: Path) -> Path:
    """Where one model's export and verdict live: keyed by the model's files (names, sizes, times) and the versions
    of torch and ONNX Runtime, so an upgrade of either exports and checks again."""
    import onnxruntime
    import torch

    files = sorted(
        (path.relative_to(model_dir).as_posix(), path.stat().st_size, int(path.stat().st_mtime))
        for path in model_dir.rglob("*")
        if path.is_file()
    )
    text = json.dumps([str(model_dir.resolve()), files, str(torch.__version__), onnxruntime.__version__])
    return cache_dir / "onnx" / hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def read_verdict(folder: Path) -> Verdict | None:
    """The remembered verdict, or None when there is none or it cannot be read (then it is made again)."""
    try:
        record = json.loads((folder / VERDICT_NAME).read_text(encoding="utf-8"))
        return Verdict(**{name: record[name] for name in Verdict.__slots__})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def write_verdict(folder: Path, verdict: Verdict) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    temporary = folder / f"{VERDICT_NAME}.{os.getpid()}.tmp"
    temporary.write_text(json.dumps(verdict.to_dict(), indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, folder / VERDICT_NAME)


def export(model_dir: Path, target: Path, timeout: float = EXPORT_TIMEOUT_S) -> None:
    """Export `model_dir`'s transformer to `target` in a separate process.

    Raises:
        QueryRuntimeError: the export failed or took longer than `timeout` seconds.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f"{target.name}.{os.getpid()}.tmp")
    command = [sys.executable, "-m", "factcheck.embed_onnx", "export", str(model_dir), str(temporary)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        temporary.unlink(missing_ok=True)
        raise QueryRuntimeError(f"exporting the model to ONNX failed: {error}") from error
    if done.returncode != 0 or not temporary.is_file():
        temporary.unlink(missing_ok=True)
        last = (done.stderr.strip().splitlines() or ["no output"])[-1]
        raise QueryRuntimeError(f"exporting the model to ONNX failed: {last}")
    os.replace(temporary, target)


def judge(
    torch_encode: Callable[[list[str]], np.ndarray],
    onnx_encode: Callable[[list[str]], np.ndarray],
    texts: Sequence[str] = SAMPLE,
    clock: Callable[[], float] = time.perf_counter,
) -> Verdict:
    """Both paths on `texts`, one text at a time, alternated: faithful (`embed_profile`'s rules) and faster?"""
    reference, candidate = [], []
    torch_times: list[float] = []
    onnx_times: list[float] = []
    for round_number in range(_TIMING_ROUNDS):
        for text in texts:
            started = clock()
            first = torch_encode([text])
            middle = clock()
            second = onnx_encode([text])
            torch_times.append(middle - started)
            onnx_times.append(clock() - middle)
            if round_number == 0:
                reference.append(first[0])
                candidate.append(second[0])
    cosine, neighbours = agreement(np.vstack(reference), np.vstack(candidate))
    torch_ms, onnx_ms = float(np.median(torch_times) * 1e3), float(np.median(onnx_times) * 1e3)
    faithful = cosine >= MIN_COSINE and neighbours >= MIN_NEIGHBOUR_AGREEMENT
    if not faithful:
        reason = "not faithful to torch's vectors"
    elif onnx_ms >= torch_ms:
        reason = "not faster than torch on this machine"
    else:
        reason = "faithful and faster"
    return Verdict(faithful and onnx_ms < torch_ms, cosine, neighbours, torch_ms, onnx_ms, reason)


def prepare_query_path(
    model, model_dir: Path, cache_dir: Path, torch_encode: Callable[[list[str]], np.ndarray]
) -> tuple[OnnxEncoder | None, Verdict | None]:
    """The ONNX query encoder for a loaded SentenceTransformer `model` (None when not to be used) and its verdict:
    remembered in `cache_dir`, or exported and judged against `torch_encode` now. Any failure leaves queries on
    torch, with the reason in the verdict; a model that is not a plain mean-pooled transformer gets no verdict."""
    if not standard_stack(model):
        return None, None
    folder = cache_folder(cache_dir, model_dir)
    verdict = read_verdict(folder)
    try:
        if verdict is None or verdict.use:
            if not (folder / MODEL_NAME).is_file():
                export(model_dir, folder / MODEL_NAME)
            encoder = OnnxEncoder(folder / MODEL_NAME, model.tokenizer, model.max_seq_length)
        if verdict is None:
            verdict = judge(torch_encode, encoder.encode)
            with contextlib.suppress(OSError):  # a read-only cache only costs judging again next time
                write_verdict(folder, verdict)
    except Exception as error:  # noqa: BLE001 - any failure of the optional path leaves queries on torch
        return None, Verdict(False, 0.0, 0.0, 0.0, 0.0, f"could not be prepared: {error}")
    return (encoder if verdict.use else None), verdict


def _export_main(model_dir: str, target: str) -> None:
    """The export itself (run by `export` in its own process)."""
    import warnings

    import torch
    from sentence_transformers import SentenceTransformer

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    warnings.filterwarnings("ignore")
    model = SentenceTransformer(model_dir, device="cpu", model_kwargs={"attn_implementation": "eager"})
    model.eval()
    transformer: torch.nn.Module = model[0].auto_model  # type: ignore[assignment]

    class Hidden(torch.nn.Module):
        def __init__(self, inner: torch.nn.Module) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, input_ids, attention_mask, token_type_ids):
            output = self.inner(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids)
            return output.last_hidden_state

    example = model.tokenizer(["An example sentence of a few words."] * 2, return_tensors="pt")
    axes = {0: "batch", 1: "tokens"}
    with torch.inference_mode(False), contextlib.redirect_stdout(sys.stderr):
        torch.onnx.export(
            Hidden(transformer),
            (example["input_ids"], example["attention_mask"], example["token_type_ids"]),
            target,
            dynamo=False,
            input_names=["input_ids", "attention_mask", "token_type_ids"],
            output_names=["hidden"],
            dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes, "hidden": axes},
            opset_version=17,
        )


def main(argv: Sequence[str]) -> int:
    """`python -m factcheck.embed_onnx export MODEL_DIR TARGET` (used by `export`), or `prepare`: export and check
    the packaged model now (what `make install` runs), printing the verdict."""
    if len(argv) == 3 and argv[0] == "export":
        _export_main(argv[1], argv[2])
        return 0
    if argv == ["prepare"]:
        from factcheck.embed import SentenceTransformerEmbedder

        embedder = SentenceTransformerEmbedder()
        verdict = embedder.query_runtime_verdict()
        if verdict is None:
            print("ONNX Runtime is not installed: queries run on torch.")
            return 0
        print(
            f"query runtime: {'ONNX Runtime' if verdict.use else 'torch'} ({verdict.reason}; one query "
            f"{verdict.onnx_ms:.1f} ms on ONNX Runtime against {verdict.torch_ms:.1f} ms on torch, lowest cosine "
            f"{verdict.min_cosine:.6f}, same top-10 {verdict.neighbour_agreement:.3f})"
        )
        return 0
    print("usage: python -m factcheck.embed_onnx prepare", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
