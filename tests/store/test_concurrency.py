"""Writers and readers of one corpus at the same time: nothing added or removed is lost, nothing stored twice, and a
reader always opens one whole generation (issue 11, defects 1-3)."""

import threading

import pytest

from factcheck.embed import HashEmbedder
from factcheck.store import Corpus, IndexStore
from factcheck.store import segments as segments_module
from tests.helpers import make_documents

TEXTS = [
    f"Report {n}: about {1000 + n} people were displaced from district {n} after the fighting in the north."
    for n in range(6)
]


def _state(corpus: Corpus) -> tuple[int, int, list[str]]:
    return len(corpus.documents), len(corpus.passages), sorted(p.passage_id for p in corpus.passages)


def test_rebuild_keeps_an_add_made_while_it_embeds(index_dir, embedder):
    store = IndexStore(index_dir)
    store.open_or_create("base", embedder).add_documents(make_documents(*TEXTS[:3]), embedder)
    rebuilding = store.open("base", embedder)
    adder = threading.Thread(
        target=lambda: store.open("base", embedder).add_documents(make_documents(*TEXTS[3:], prefix="more"), embedder)
    )

    class AddsWhileEmbedding(HashEmbedder):
        def encode_documents(self, texts, progress=None):
            if not adder.is_alive() and adder.ident is None:
                adder.start()
                adder.join(timeout=3)  # the add finishes unless the rebuild holds the writer lock
            return super().encode_documents(texts, progress)

    rebuilding.rebuild(AddsWhileEmbedding())
    adder.join()
    final = store.open("base", embedder)
    assert sorted(final.documents) == sorted([f"doc{n}.txt" for n in (1, 2, 3)] + [f"more{n}.txt" for n in (1, 2, 3)])
    assert final.index.ntotal == len(final.passages) == final.manifest.passages


def test_simultaneous_adds_of_the_same_files_store_each_document_once(index_dir, embedder):
    store = IndexStore(index_dir)
    store.open_or_create("base", embedder).add_documents(make_documents(TEXTS[0]), embedder)
    first, second = store.open("base", embedder), store.open("base", embedder)
    batch = make_documents(*TEXTS[1:4], prefix="new")
    first.add_documents(batch, embedder)
    report = second.add_documents(batch, embedder)  # decided on a stale view before the fix
    assert report.added_documents == 0 and len(report.skipped_duplicates) == 3
    final = store.open("base", embedder)
    ids = [p.passage_id for p in final.passages]
    assert len(ids) == len(set(ids)) and len(final.documents) == 4
    hits = final.search_lexical(["displaced district 2"], top_k=10)[0]
    assert len({p.passage_id for p, _ in hits}) == len(hits)


def test_simultaneous_replacements_keep_one_version_of_a_document(index_dir, embedder):
    store = IndexStore(index_dir)
    store.open_or_create("base", embedder)
    first, second = store.open("base", embedder), store.open("base", embedder)
    first.add_documents(make_documents(TEXTS[0]), embedder)
    second.add_documents(make_documents(TEXTS[1]), embedder)  # same id doc1.txt, new text
    final = store.open("base", embedder)
    assert list(final.documents) == ["doc1.txt"]
    assert {p.text for p in final.passages} <= set(TEXTS[1:2]) and len(final.passages) == final.documents[
        "doc1.txt"
    ].passages


def test_simultaneous_creations_keep_both_adds(index_dir, embedder):
    store = IndexStore(index_dir)
    first = Corpus.create(store.path("fresh"), "fresh", embedder)
    first.add_documents(make_documents(TEXTS[0]), embedder)
    second = Corpus.create(store.path("fresh"), "fresh", embedder)  # a second process that also saw no corpus
    second.add_documents(make_documents(TEXTS[1], prefix="other"), embedder)
    assert sorted(store.open("fresh", embedder).documents) == ["doc1.txt", "other1.txt"]


@pytest.mark.parametrize("commits", [1, 2])
def test_a_reader_opening_during_commits_gets_one_whole_generation(index_dir, embedder, monkeypatch, commits):
    store = IndexStore(index_dir)
    writer = store.open_or_create("base", embedder)
    writer.add_documents(make_documents(TEXTS[0]), embedder)
    original = segments_module.read_index
    pending = list(range(commits))

    def commit_then_read(path):
        while pending:  # another process commits after this reader read the manifest
            number = pending.pop()
            writer.add_documents(make_documents(TEXTS[number + 1], prefix=f"w{number}-"), embedder)
        return original(path)

    monkeypatch.setattr(segments_module, "read_index", commit_then_read)
    opened = store.open("base", embedder)
    assert opened.index.ntotal == len(opened.passages) == opened.manifest.passages
    assert len(opened.documents) == opened.manifest.documents


def test_listing_counts_only_the_current_generation_and_survives_deletions(index_dir, embedder, monkeypatch):
    store = IndexStore(index_dir)
    corpus = store.open_or_create("base", embedder)
    corpus.add_documents(make_documents(*TEXTS), embedder)
    [before] = store.list()
    (index_dir / "base" / "documents.99.jsonl").write_bytes(b"x" * 1_000_000)  # an orphan of a late kill
    [after] = store.list()
    assert after.size_bytes == before.size_bytes == corpus.size_bytes()
    corpus.add_documents(make_documents("A new report on 300 trucks of aid.", prefix="late"), embedder)
    assert not (index_dir / "base" / "documents.99.jsonl").exists()  # cleaned up by the next write
