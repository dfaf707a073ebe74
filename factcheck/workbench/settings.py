"""Where the app keeps things (indexes, review database, embedder, rating scale) and the corpora it offers."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from factcheck.demo import DEMO_CORPUS, SEEDS_DIR, ensure_demo_corpus, sample_articles
from factcheck.embed import Embedder, HashEmbedder, SentenceTransformerEmbedder
from factcheck.reviews import DEFAULT_DATABASE_NAME, DEFAULT_RATINGS, parse_ratings
from factcheck.store import Corpus, IndexStore
from factcheck.store.manifest import read_manifest


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the app keeps things; read once from the environment (FACTCHECK_INDEX_DIR, FACTCHECK_REVIEWS,
    FACTCHECK_EMBEDDER, FACTCHECK_MODEL, FACTCHECK_RATINGS, FACTCHECK_NLI_MODEL)."""

    index_dir: Path
    reviews_path: Path
    embedder: str
    model: str | None
    seeds_dir: Path = SEEDS_DIR
    ratings: tuple[str, ...] = DEFAULT_RATINGS
    nli_model: Path | None = None  # optional local NLI cross-encoder directory

    @classmethod
    def from_environment(cls) -> Settings:
        index_dir = Path(os.environ.get("FACTCHECK_INDEX_DIR", "indexes"))
        # A newsroom's own scale, best first, separated by "|": FACTCHECK_RATINGS="True|Half true|False".
        ratings = parse_ratings(os.environ.get("FACTCHECK_RATINGS"))
        return cls(
            index_dir=index_dir,
            reviews_path=Path(os.environ.get("FACTCHECK_REVIEWS", index_dir / DEFAULT_DATABASE_NAME)),
            embedder=os.environ.get("FACTCHECK_EMBEDDER", "minilm"),
            model=os.environ.get("FACTCHECK_MODEL"),
            ratings=ratings or DEFAULT_RATINGS,
            nli_model=Path(nli) if (nli := os.environ.get("FACTCHECK_NLI_MODEL")) else None,
        )

    def make_embedder(self) -> Embedder:
        if self.embedder == "hash":
            return HashEmbedder()
        return SentenceTransformerEmbedder(self.model)


def prepare_demo(settings: Settings, embedder: Embedder) -> Corpus:
    """Build the demo corpus from seeds/ if it is not there yet (the embedded default)."""
    corpus, _ = ensure_demo_corpus(IndexStore(settings.index_dir), embedder, settings.seeds_dir)
    return corpus


def sample_choices(settings: Settings) -> dict[str, Path]:
    return {path.name: path for path in sample_articles(settings.seeds_dir)}


def corpus_names(settings: Settings) -> list[str]:
    return IndexStore(settings.index_dir).names()


def default_corpora(names: Sequence[str]) -> list[str]:
    return [DEMO_CORPUS] if DEMO_CORPUS in names else list(names[:1])


def corpus_version(settings: Settings, name: str) -> str:
    """What changes whenever a corpus changes (its generation and update time): the key for keeping it open."""
    manifest = read_manifest(IndexStore(settings.index_dir).path(name))
    return f"{manifest.generation}:{manifest.updated}"
