"""Where the app keeps things (indexes, review database, embedder, rating scale) and the corpora it offers."""

from __future__ import annotations

import functools
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.config import reviews_path, setting_value
from factcheck.demo import DEMO_CORPUS, SEEDS_DIR, ensure_demo_corpus, sample_articles
from factcheck.embed import Embedder, make_embedder
from factcheck.embed_cache import cached_in
from factcheck.reviews import DEFAULT_RATINGS, parse_ratings
from factcheck.store import IndexStore
from factcheck.store.backends import CorpusLike, StoreLike, is_milvus_spec, open_store
from factcheck.store.manifest import read_manifest


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the app keeps things and what it runs with; read once from the environment variables of the settings
    table (factcheck/config.py)."""

    index_dir: Path
    reviews_path: Path | str  # a SQLite file, or a postgresql:// URL
    embedder: str
    model: str | None
    seeds_dir: Path = SEEDS_DIR
    ratings: tuple[str, ...] = DEFAULT_RATINGS
    nli_model: Path | None = None  # optional local NLI cross-encoder directory
    precision: str = "auto"  # FACTCHECK_PRECISION: auto (measured fastest faithful), fp32 or bf16
    query_runtime: str = "auto"  # FACTCHECK_QUERY_RUNTIME: auto (ONNX Runtime where faithful and faster) or torch
    store: str | None = None  # milvus-lite:PATH.db or a Milvus server URL; None: the folder index_dir

    @property
    def store_spec(self) -> str:
        return self.store or str(self.index_dir)

    def corpus_store(self) -> StoreLike:
        """The corpus store: the folder of FAISS corpora, or Milvus (one connection kept per process)."""
        return store_at(self.store_spec)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> Settings:
        """The settings of factcheck/config.py from `environ` (default: the process environment)."""
        index_dir = Path(setting_value("index_dir", environ) or "indexes")
        # A newsroom's own scale, best first, separated by "|": FACTCHECK_RATINGS="True|Half true|False".
        ratings = parse_ratings(setting_value("ratings", environ))
        return cls(
            index_dir=index_dir,
            reviews_path=reviews_path(index_dir, setting_value("reviews", environ)),
            embedder=setting_value("embedder", environ) or "minilm",
            model=setting_value("model", environ),
            ratings=ratings or DEFAULT_RATINGS,
            nli_model=Path(nli) if (nli := setting_value("nli_model", environ)) else None,
            precision=setting_value("precision", environ) or "auto",
            query_runtime=setting_value("query_runtime", environ) or "auto",
            store=setting_value("store", environ) or None,
        )

    def cached_embedder(self) -> Embedder:
        """The embedder these settings name, its vectors kept in the embedding cache of `index_dir`."""
        return cached_in(
            make_embedder(self.embedder, self.model, precision=self.precision, query_runtime=self.query_runtime),
            self.index_dir,
        )


def prepare_demo(settings: Settings, embedder: Embedder) -> CorpusLike:
    """Build the demo corpus from seeds/ if it is not there yet (the embedded default)."""
    corpus, _ = ensure_demo_corpus(settings.corpus_store(), embedder, settings.seeds_dir)
    return corpus


def sample_choices(settings: Settings) -> dict[str, Path]:
    return {path.name: path for path in sample_articles(settings.seeds_dir)}


def corpus_names(settings: Settings) -> list[str]:
    return settings.corpus_store().names()


def default_corpora(names: Sequence[str]) -> list[str]:
    return [DEMO_CORPUS] if DEMO_CORPUS in names else list(names[:1])


def corpus_version(settings: Settings, name: str) -> str:
    """What changes whenever a corpus changes (its generation and update time): the key for keeping it open."""
    store = settings.corpus_store()
    manifest = read_manifest(store.path(name)) if isinstance(store, IndexStore) else store.open(name).manifest
    return f"{manifest.generation}:{manifest.updated}"


_MILVUS_LOCK = threading.Lock()


@functools.cache
def _milvus_store(spec: str) -> StoreLike:
    return open_store(spec)


def _kept_milvus_store(spec: str) -> StoreLike:
    # The app's background warm-up and its first page ask at the same moment; two connections to one Milvus Lite
    # file would start two engines on it, and the second finds the file locked.
    with _MILVUS_LOCK:
        return _milvus_store(spec)


def store_at(spec: str) -> StoreLike:
    """The store named by `spec`, a Milvus connection kept per process."""
    # A folder store is only a path; a Milvus connection (and Milvus Lite's engine) is worth keeping.
    return _kept_milvus_store(spec) if is_milvus_spec(spec) else open_store(spec)
