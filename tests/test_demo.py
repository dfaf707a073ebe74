import json

from factcheck.demo import DEMO_CORPUS, ensure_demo_corpus, sample_articles
from factcheck.embed import HashEmbedder
from factcheck.store import IndexStore
from tests.helpers import SEEDS


def test_demo_is_built_once_then_reused(index_dir, embedder):
    store = IndexStore(index_dir)
    corpus, first = ensure_demo_corpus(store, embedder, SEEDS)
    assert first.added_documents > 0 and corpus.manifest.passages >= 30
    _, second = ensure_demo_corpus(store, embedder, SEEDS)
    assert second.added_documents == 0 and second.added_passages == 0


def test_a_damaged_or_foreign_demo_is_rebuilt(index_dir, embedder):
    store = IndexStore(index_dir)
    ensure_demo_corpus(store, embedder, SEEDS)
    manifest = index_dir / DEMO_CORPUS / "manifest.json"
    record = json.loads(manifest.read_text())
    record["passages"] += 1
    manifest.write_text(json.dumps(record))
    corpus, report = ensure_demo_corpus(store, embedder, SEEDS)
    assert report.added_documents > 0 and corpus.index.ntotal == corpus.manifest.passages
    other = HashEmbedder(dimension=64, name="other")
    rebuilt, _ = ensure_demo_corpus(store, other, SEEDS)
    assert rebuilt.manifest.model == "other"


def test_sample_articles_are_listed():
    names = [p.name for p in sample_articles(SEEDS)]
    assert "aleppo_truce_talks.txt" in names and len(names) >= 2
