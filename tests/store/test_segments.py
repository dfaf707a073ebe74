"""Append-only segments: an add writes only its passages, a corpus of many segments reads, searches, repairs and
backs up as the same corpus written at once, and an interrupted append loses nothing committed before."""

import json

import bm25s
import numpy as np
import pytest

from factcheck.backup import backup_corpus, restore_corpus
from factcheck.documents import Document
from factcheck.store import Corpus, IndexStore, vector_index
from factcheck.store import changes as changes_module
from factcheck.store.checksums import generation_checksums
from factcheck.store.lexical import _quiet
from factcheck.store.passages import indexed_text
from factcheck.store.repair import rebuild_corpus
from factcheck.store.tokens import tokenize

TOPICS = [
    "aid convoys reached Aleppo",
    "600,000 people under siege",
    "residents of Darayya evacuated",
    "a 48-hour pause in the fighting",
    "rebels held the suburb",
    "trucks of flour crossed the border",
]


def documents(first: int, count: int) -> list[Document]:
    return [
        Document.from_text(
            f"Report {n}: {TOPICS[n % len(TOPICS)]} on day {n}, officials said in a statement to reporters.",
            doc_id=f"report{n}.txt",
        )
        for n in range(first, first + count)
    ]


def search_all(corpus: Corpus, embedder) -> tuple[list, list]:
    queries = ["siege of 600,000 people", "aid convoys to Aleppo", "day 7 evacuation of Darayya"]
    vectors = embedder.encode_queries(queries)
    dense = [[(p.passage_id, round(s, 4)) for p, s in hits] for hits in corpus.search_vectors(vectors, 5)]
    lexical = [[(p.passage_id, round(s, 4)) for p, s in hits] for hits in corpus.search_lexical(queries, 5)]
    return dense, lexical


def test_a_corpus_added_in_steps_reads_and_searches_as_one_added_at_once(index_dir, embedder):
    store = IndexStore(index_dir)
    stepped = store.open_or_create("stepped", embedder)
    for first in range(0, 40, 10):
        stepped.add_documents(documents(first, 10), embedder)
    assert len(stepped.manifest.chain) == 4
    whole = store.open_or_create("whole", embedder)
    whole.add_documents(documents(0, 40), embedder)
    reopened = store.open("stepped", embedder)
    assert [p.passage_id for p in reopened.passages] == [p.passage_id for p in whole.passages]
    assert search_all(reopened, embedder) == search_all(whole, embedder) == search_all(stepped, embedder)
    assert set(reopened.documents) == set(whole.documents)


def test_the_ivf_index_takes_segments_without_being_trained_again(index_dir, embedder, monkeypatch):
    monkeypatch.setattr(vector_index, "APPROXIMATE_FROM", 20)
    store = IndexStore(index_dir)
    corpus = store.open_or_create("big", embedder)
    corpus.add_documents(documents(0, 10), embedder)
    corpus.add_documents(documents(10, 30), embedder)  # past the threshold: trained, written as one segment
    assert corpus.manifest.index_type == vector_index.IVF_SQ8 and len(corpus.manifest.chain) == 1
    corpus.add_documents(documents(40, 10), embedder)
    assert len(corpus.manifest.chain) == 2
    reopened = store.open("big", embedder)
    assert reopened.index.ntotal == 50
    assert np.array_equal(vector_index.reconstruct(reopened.index), vector_index.reconstruct(corpus.index))
    assert search_all(reopened, embedder) == search_all(corpus, embedder)


def test_past_the_segment_limit_an_add_joins_them_into_one(index_dir, embedder, monkeypatch):
    monkeypatch.setattr(changes_module, "MAX_SEGMENTS", 3)
    corpus = IndexStore(index_dir).open_or_create("many", embedder)
    chains = []
    for first in range(0, 40, 10):
        corpus.add_documents(documents(first, 10), embedder)
        chains.append(len(corpus.manifest.chain))
    assert chains == [1, 2, 3, 1]
    assert search_all(IndexStore(index_dir).open("many", embedder), embedder) == search_all(corpus, embedder)


def test_an_append_interrupted_before_its_manifest_leaves_the_segments_before_it(index_dir, embedder, monkeypatch):
    store = IndexStore(index_dir)
    corpus = store.open_or_create("reports", embedder)
    corpus.add_documents(documents(0, 5), embedder)
    corpus.add_documents(documents(5, 5), embedder)
    before = store.open("reports", embedder)

    def crash(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("factcheck.store.segments.write_manifest", crash)
    with pytest.raises(KeyboardInterrupt):
        corpus.add_documents(documents(10, 5), embedder)
    monkeypatch.undo()
    after = store.open("reports", embedder)
    assert after.manifest == before.manifest and search_all(after, embedder) == search_all(before, embedder)
    orphan = before.manifest.generation + 1
    assert (index_dir / "reports" / f"passages.{orphan}.jsonl").exists()  # the interrupted segment's files
    after.add_documents(documents(10, 5), embedder)
    assert len(after.passages) == 15 and len(store.open("reports", embedder).passages) == 15


def test_a_rebuild_reads_every_segment_and_names_what_one_damaged_segment_lost(index_dir, embedder):
    corpus = IndexStore(index_dir).open_or_create("reports", embedder)
    corpus.add_documents(documents(0, 5), embedder)
    first = corpus.manifest.file("documents")
    corpus.add_documents(documents(5, 5), embedder)
    path = index_dir / "reports" / first
    lines = path.read_bytes().splitlines(keepends=True)
    path.write_bytes(b"".join(lines[:-1]) + b"{broken\n")  # the last document of the first segment
    report = rebuild_corpus(index_dir / "reports", embedder)
    assert report.documents == 9 and "report4.txt" in report.lost_documents
    repaired = IndexStore(index_dir).open("reports", embedder)
    assert sorted(repaired.documents) == sorted(f"report{n}.txt" for n in range(10) if n != 4)


def test_a_backup_of_several_segments_restores_as_the_same_corpus(index_dir, embedder, tmp_path):
    store = IndexStore(index_dir)
    corpus = store.open_or_create("reports", embedder)
    for first in range(0, 30, 10):
        corpus.add_documents(documents(first, 10), embedder)
    backup_corpus(index_dir / "reports", tmp_path / "reports.tar")
    restore_corpus(tmp_path / "reports.tar", index_dir, "copy")
    copy = store.open("copy", embedder)
    assert len(copy.manifest.chain) == 3
    assert search_all(copy, embedder) == search_all(corpus, embedder)
    copy.add_documents(documents(30, 5), embedder)
    assert len(store.open("copy", embedder).passages) == 35


def test_a_format_2_corpus_is_read_and_its_next_add_writes_format_3(index_dir, embedder):
    """A corpus written before segments: one generation, a BM25 folder saved by bm25s."""
    store = IndexStore(index_dir)
    corpus = store.open_or_create("old", embedder)
    corpus.add_documents(documents(0, 10), embedder)
    folder = index_dir / "old"
    manifest = corpus.manifest
    lexical = folder / manifest.file("lexical")
    for entry in lexical.iterdir():
        entry.unlink()
    model = bm25s.BM25()
    with _quiet():
        model.index([tokenize(indexed_text(p)) or ["\x00empty"] for p in corpus.passages], show_progress=False)
        model.save(str(lexical), show_progress=False)
    (lexical / "size").write_text(str(len(corpus.passages)))
    record = json.loads((folder / "manifest.json").read_text())
    record.update(format_version=2, checksums=generation_checksums(folder, manifest.files()))
    del record["segments"]
    (folder / "manifest.json").write_text(json.dumps(record))
    old = store.open("old", embedder)
    assert old.manifest.format_version == 2
    assert search_all(old, embedder) == search_all(corpus, embedder)
    old.add_documents(documents(10, 5), embedder)
    assert old.manifest.format_version == 3 and len(old.manifest.chain) == 1
    assert len(store.open("old", embedder).passages) == 15
