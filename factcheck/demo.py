"""The embedded default: the sample articles and the demo corpus built from `seeds/` on first use."""

from __future__ import annotations

from pathlib import Path

from factcheck.embed import Embedder
from factcheck.errors import CorruptIndexError, IndexMismatchError
from factcheck.readers import iter_paths, read_path
from factcheck.store import AddReport
from factcheck.store.backends import CorpusLike, StoreLike
from factcheck.store.corpus import ProgressCallback

DEMO_CORPUS = "demo"
SEEDS_DIR = Path(__file__).resolve().parent.parent / "seeds"


def sample_articles(seeds_dir: Path = SEEDS_DIR) -> list[Path]:
    """The sample articles shipped in `seeds/articles/`, sorted by name."""
    folder = seeds_dir / "articles"
    return iter_paths([folder]) if folder.is_dir() else []


def ensure_demo_corpus(
    store: StoreLike,
    embedder: Embedder,
    seeds_dir: Path = SEEDS_DIR,
    progress: ProgressCallback | None = None,
) -> tuple[CorpusLike, AddReport]:
    """Open the demo corpus, building it from `seeds/corpus/` if it is missing.

    Files already in the corpus are recognised by content and not embedded again, so calling this at every start is
    cheap; an edited seed file replaces its old version.
    """
    try:
        corpus = store.open_or_create(DEMO_CORPUS, embedder)
    except (CorruptIndexError, IndexMismatchError):
        # The demo is derived from seeds/ alone: when it is damaged, from an older format or from another model,
        # building it again loses nothing. (A user's corpus is never rebuilt without being asked.)
        store.remove(DEMO_CORPUS)
        corpus = store.open_or_create(DEMO_CORPUS, embedder)
    documents = [doc for path in iter_paths([seeds_dir / "corpus"]) for doc in read_path(path)]
    report = corpus.add_documents(documents, embedder, progress=progress)
    return corpus, report
