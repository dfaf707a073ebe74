"""A Milvus corpus (Milvus Lite, in this process) has what a folder corpus has: kinds, earlier fact-checks' reviews,
subtitle times and metadata, moves between stores with all of them, streamed adds that resume, the embedding cache,
and named errors (never a traceback, nothing stored lost) when the store is damaged or fails midway."""

import itertools
import subprocess
import sys
from dataclasses import replace

import numpy as np
import pytest
from pymilvus.exceptions import MilvusException

from factcheck.embed import HashEmbedder
from factcheck.embed_cache import CachedEmbedder, EmbeddingCache
from factcheck.errors import CorpusKindError, CorruptIndexError, StoreConnectionError
from factcheck.factchecks import CorpusKind
from factcheck.readers import read_bytes, read_path
from factcheck.search import SearchMode, batch_search
from factcheck.store import IndexStore
from factcheck.store.backends import open_store
from factcheck.store.ingest import IngestJournal, ingest_paths
from factcheck.store.migrate import migrate_corpus
from factcheck.store.milvus.client import MANIFESTS, collection_name
from tests.helpers import PROJECT_ROOT, SEEDS, make_documents

FEED = SEEDS / "fact-checks" / "sample-feed.json"
SRT = b"""1
00:00:01,000 --> 00:00:04,000
MAYOR: We will build 300 homes this year, all of them near the river.

2
00:00:04,500 --> 00:00:09,000
Construction of the first forty homes starts in the spring, the mayor told the council.
"""
_names = itertools.count(1)


class CountingEmbedder(HashEmbedder):
    """The hash embedder, counting the texts it embeds."""

    def __init__(self) -> None:
        super().__init__()
        self.embedded = 0

    def encode_documents(self, texts, progress=None):
        self.embedded += len(texts)
        return super().encode_documents(texts, progress=progress)


@pytest.fixture(scope="module")
def milvus(tmp_path_factory):
    return open_store(f"milvus-lite:{tmp_path_factory.mktemp('milvus') / 'corpora.db'}")


@pytest.fixture
def name() -> str:
    return f"features-{next(_names)}"


def _fact_checks():
    return read_path(FEED)


def _subtitles():
    return read_bytes(SRT, "council.srt")


def test_fact_checks_keep_their_kind_and_reviews_and_subtitles_their_times(milvus, embedder, name):
    archive = milvus.open_or_create(name, embedder)
    archive.add_documents(_fact_checks(), embedder)
    assert archive.manifest.corpus_kind is CorpusKind.FACT_CHECK
    assert milvus.open(name).manifest.corpus_kind is CorpusKind.FACT_CHECK  # read back from the store
    assert {info.name: info.kind for info in milvus.list()}[name] == "fact-check"
    [hits] = batch_search([archive], embedder, ["aid requests approved in August"], 3, mode=SearchMode.HYBRID)
    assert hits and all(hit.review is not None for hit in hits)
    expected = {d.doc_id: d.review for d in _fact_checks()}
    assert all(hit.review == expected[hit.doc_id] for hit in hits)
    assert all(archive.documents[d].review == review for d, review in expected.items())
    talk = milvus.open_or_create(f"{name}-talk", embedder)
    talk.add_documents(_subtitles(), embedder)
    [document] = _subtitles()
    stored = talk.documents[document.doc_id]
    assert stored.metadata == document.metadata and stored.metadata  # the cue timings, for a rebuild
    [hits] = batch_search([talk], embedder, ["300 homes near the river"], 2, mode=SearchMode.DENSE)
    assert hits[0].time == "00:00:01.000 --> 00:00:04.000"
    talk.rebuild(embedder)  # the same passages, times and all, cut again from the stored document
    [again] = batch_search([talk], embedder, ["300 homes near the river"], 2, mode=SearchMode.DENSE)
    assert [(h.passage_id, h.time) for h in again] == [(h.passage_id, h.time) for h in hits]


def test_mixed_or_other_kind_is_refused_before_anything_is_embedded(milvus, name):
    counting = CountingEmbedder()
    evidence = milvus.open_or_create(name, counting)
    evidence.add_documents(make_documents("Some 8,000 residents left Darayya on Friday, aid agencies said."), counting)
    before = (counting.embedded, evidence.manifest)
    with pytest.raises(CorpusKindError, match="is an evidence corpus"):
        evidence.add_documents(_fact_checks(), counting)
    with pytest.raises(CorpusKindError, match="expected one kind"):
        evidence.add_documents([*_fact_checks(), *make_documents("A plain report of 40 trucks.")], counting)
    assert (counting.embedded, milvus.open(name).manifest) == before


@pytest.mark.parametrize("first", ["faiss", "milvus"])
def test_migration_both_ways_keeps_kind_reviews_times_and_metadata(milvus, embedder, name, tmp_path, first):
    folder = IndexStore(tmp_path / "folder")
    source = folder if first == "faiss" else milvus
    target = milvus if first == "faiss" else folder
    source.open_or_create(name, embedder).add_documents(_fact_checks(), embedder)
    source.open_or_create(f"{name}-talk", embedder).add_documents(_subtitles(), embedder)
    for corpus in (name, f"{name}-talk"):
        migrate_corpus(source, target, corpus)
        original, copy = source.open(corpus, embedder), target.open(corpus, embedder)
        assert copy.manifest.corpus_kind is original.manifest.corpus_kind
        assert dict(copy.documents.items()) == dict(original.documents.items())
        for mode in SearchMode:
            queries = ["aid requests approved in August", "300 homes near the river"]
            want = batch_search([original], embedder, queries, 3, mode=mode)
            got = batch_search([copy], embedder, queries, 3, mode=mode)
            assert [[h.to_dict() for h in hits] for hits in got] == [[h.to_dict() for h in hits] for hits in want]
    assert target.open(name).manifest.corpus_kind is CorpusKind.FACT_CHECK


def test_a_streamed_add_resumes_from_its_journal(milvus, embedder, name, tmp_path):
    folder = tmp_path / "files"
    folder.mkdir()
    for number in range(6):
        (folder / f"{number}.txt").write_text(f"Report {number}. Aid agencies said {number * 1000 + 7} families left.")
    files = sorted(folder.iterdir())
    corpus = milvus.open_or_create(name, embedder)
    journal = tmp_path / "journal"
    report = ingest_paths(corpus, embedder, files[:4], read_path, journal_dir=journal, checkpoint_characters=1)
    assert report.added_documents == 4 and corpus.manifest.documents == 4
    IngestJournal(journal).record(files[:4])  # as an interrupted run over all six would have left it
    read = []

    def reading(path):
        read.append(path)
        return read_path(path)

    report = ingest_paths(corpus, embedder, files, reading, journal_dir=journal, resume=True)
    assert read == files[4:] and report.resumed_files == 4
    assert milvus.open(name).manifest.documents == 6


def test_the_embedding_cache_embeds_nothing_twice_on_milvus(milvus, name, tmp_path):
    counting = CountingEmbedder()
    cached = CachedEmbedder(counting, EmbeddingCache(tmp_path / "cache.sqlite"))
    documents = make_documents(
        "According to the UN, about 600,000 people live under siege in Syria.",
        "The UN asked for a 48-hour pause in the fighting in Aleppo so that aid could enter.",
    )
    corpus = milvus.open_or_create(name, cached)
    corpus.add_documents(documents, cached)
    first = counting.embedded
    assert first > 0
    corpus.remove_documents([d.doc_id for d in documents])
    corpus.add_documents(documents, cached)
    assert corpus.rebuild(cached) == first
    assert counting.embedded == first and milvus.open(name).manifest.documents == 2


def test_an_add_that_fails_midway_loses_nothing_and_completes_when_run_again(milvus, embedder, name):
    corpus = milvus.open_or_create(name, embedder)
    [old] = make_documents("The council approved 300 homes near the river on Monday, the mayor said.")
    corpus.add_documents([old], embedder)
    [new] = make_documents("The council approved 400 homes near the old bridge on Tuesday, the mayor said.")
    client = corpus._client
    real_upsert = client.upsert

    def failing(collection, rows, **kwargs):
        if collection == collection_name(name, "documents"):
            raise MilvusException(message="connection reset by peer")
        return real_upsert(collection, rows, **kwargs)

    client.upsert = failing
    try:
        with pytest.raises(StoreConnectionError, match="running the same command again"):
            corpus.add_documents([new], embedder)
    finally:
        client.upsert = real_upsert
    reopened = milvus.open(name, embedder)
    assert reopened.documents[old.doc_id].text == old.text  # the stored version is whole
    [hits] = batch_search([reopened], embedder, ["300 homes near the river"], 5, mode=SearchMode.LEXICAL)
    assert any(hit.text == old.text for hit in hits)
    report = reopened.add_documents([new], embedder)  # run again: completed, the old version's passages gone
    assert report.replaced_documents == 1
    [hits] = batch_search([reopened], embedder, ["homes river bridge"], 5, mode=SearchMode.LEXICAL)
    assert [hit.text for hit in hits] == [new.text]
    assert reopened.manifest.passages == 1 and reopened.documents[new.doc_id].text == new.text
    # Failing later, after the new version's row is written but before the old passages are dropped: the next run
    # of the same add (which now skips the document as stored) drops them.
    [newer] = make_documents("The council approved 500 homes by the station on Friday, the mayor said.")
    real_delete = client.delete

    def failing_delete(collection, **kwargs):
        if collection == collection_name(name, "passages"):
            raise MilvusException(message="connection reset by peer")
        return real_delete(collection, **kwargs)

    client.delete = failing_delete
    try:
        with pytest.raises(StoreConnectionError):
            reopened.add_documents([newer], embedder)
    finally:
        client.delete = real_delete
    again = milvus.open(name, embedder)
    assert again.add_documents([newer], embedder).skipped_duplicates == (newer.doc_id,)
    [hits] = batch_search([again], embedder, ["homes bridge station"], 5, mode=SearchMode.LEXICAL)
    assert [hit.text for hit in hits] == [newer.text] and again.manifest.passages == 1


def test_damaged_and_foreign_collections_are_named_errors(milvus, embedder, name):
    corpus = milvus.open_or_create(name, embedder)
    corpus.add_documents(make_documents("Some 8,000 residents left Darayya on Friday, aid agencies said."), embedder)
    client = corpus._client
    client.drop_collection(collection_name(name, "passages"))  # dropped outside factcheck
    with pytest.raises(CorruptIndexError, match="passages collection .* is missing.*index rebuild"):
        milvus.open(name, embedder)
    with pytest.raises(CorruptIndexError, match="missing a collection"):
        corpus.search_vectors(np.ones((1, embedder.dimension), np.float32), 3)
    assert "is missing" in {info.name: info.problem for info in milvus.list()}[name]
    # A rebuild that fails midway (here: the store refuses the new passages) keeps the stored documents ...
    damaged = milvus.open(name, repairing=True)
    real_upsert = client.upsert
    client.upsert = lambda *args, **kwargs: (_ for _ in ()).throw(MilvusException(message="disk quota exceeded"))
    try:
        with pytest.raises(StoreConnectionError, match="disk quota exceeded"):
            damaged.rebuild(embedder)
    finally:
        client.upsert = real_upsert
    assert len(milvus.open(name, repairing=True).documents) == 1
    milvus.open(name, repairing=True).rebuild(embedder)  # ... so running it again repairs the corpus
    assert milvus.open(name, embedder).manifest.passages == 1
    # Another program's collection under a corpus's collection name is never adopted.
    foreign = f"{name}-foreign"
    client.create_collection(collection_name(foreign, "passages"), dimension=8)
    with pytest.raises(CorruptIndexError, match="without its manifest"):
        milvus.open_or_create(foreign, embedder)
    milvus.remove(foreign)  # the leftovers can be dropped by name
    assert not client.has_collection(collection_name(foreign, "passages"))
    # A manifest row that is not a manifest.
    client.upsert(MANIFESTS, [{"name": f"{name}-bad", "manifest": "[1, 2]", "placeholder": [0.0, 0.0]}])
    with pytest.raises(CorruptIndexError, match="not a factcheck manifest"):
        milvus.open(f"{name}-bad")
    assert "not a factcheck manifest" in {info.name: info.problem for info in milvus.list()}[f"{name}-bad"]
    milvus.remove(f"{name}-bad")


def _cli(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "factcheck", "--embedder", "hash", *args]
    return subprocess.run(command, capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300)


@pytest.mark.slow  # two processes, each starting Milvus Lite
def test_a_milvus_lite_file_is_read_again_by_the_next_process(tmp_path):
    spec = f"milvus-lite:{tmp_path / 'corpora.db'}"
    added = _cli("--store", spec, "--index-dir", str(tmp_path), "index", "add", "demo", str(SEEDS / "corpus"))
    assert added.returncode == 0, added.stderr
    # A new process finds the collections released (not in memory): they are loaded again before the search.
    found = _cli("--store", spec, "--index-dir", str(tmp_path), "search", "demo", "600,000 under siege")
    assert found.returncode == 0 and "Traceback" not in found.stderr, found.stderr
    assert '"rank": 1' in found.stdout


@pytest.mark.slow  # a second process starting Milvus Lite
def test_a_milvus_lite_file_in_use_by_another_process_is_a_clear_message(milvus, tmp_path):
    spec = milvus.spec
    milvus.names()  # this process holds the file open
    result = _cli("--store", spec, "--index-dir", str(tmp_path), "index", "list")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Milvus Lite serves one process" in result.stderr


def test_an_unreachable_server_is_a_clear_message():
    with pytest.raises(StoreConnectionError, match="running and reachable"):
        open_store("http://127.0.0.1:9")


def test_a_connection_lost_after_opening_is_a_named_error_on_every_call(tmp_path, embedder):
    store = open_store(f"milvus-lite:{tmp_path / 'lost.db'}")
    corpus = store.open_or_create("reports", embedder)
    corpus.add_documents(make_documents("Some 8,000 residents left Darayya on Friday, aid agencies said."), embedder)
    store.close()  # as when the server goes away
    calls = {
        "list": store.list,
        "open": lambda: store.open("reports"),
        "documents": lambda: list(corpus.documents.values()),
        "search": lambda: corpus.search_vectors(np.ones((1, embedder.dimension), np.float32), 3),
        "lexical": lambda: corpus.search_lexical(["Darayya residents"], 3),
        "add": lambda: corpus.add_documents(make_documents("A new report of 40 trucks at the border."), embedder),
    }
    for call, run in calls.items():
        with pytest.raises(StoreConnectionError, match="failed"):
            run()
            pytest.fail(call)


def test_metadata_longer_than_a_milvus_string_is_kept_whole(milvus, embedder, name):
    # Reader metadata (an hour of subtitles' cue timings, with FACTCHECK_MAX_FIELD_CHARS raised) can outgrow one
    # Milvus string field (65,535 bytes): it is cut into parts like the text, and joined again on reading.
    [talk] = _subtitles()
    cues = talk.metadata["cues"]
    long = replace(talk, metadata={**talk.metadata, "notes": "é" * 40_000})  # 80,000 bytes in UTF-8
    corpus = milvus.open_or_create(name, embedder)
    corpus.add_documents([long], embedder)
    stored = milvus.open(name).documents[long.doc_id]
    assert stored.metadata == long.metadata and stored.metadata["cues"] == cues and stored.text == long.text
    [hits] = batch_search([corpus], embedder, ["300 homes near the river"], 1, mode=SearchMode.LEXICAL)
    assert hits[0].time == "00:00:01.000 --> 00:00:04.000"
