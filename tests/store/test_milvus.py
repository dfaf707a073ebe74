"""The Milvus store (Milvus Lite, in this process) against the FAISS folder store: same passages, same ranks."""

import itertools

import numpy as np
import pytest

from factcheck.embed import HashEmbedder
from factcheck.errors import CorpusExistsError, CorpusNotFoundError, IndexMismatchError
from factcheck.readers import iter_paths, read_path
from factcheck.search import SearchMode, batch_search
from factcheck.store import IndexStore
from factcheck.store.backends import open_store
from factcheck.store.migrate import migrate_corpus
from factcheck.store.milvus.client import collection_name
from factcheck.store.milvus.filters import filter_expression
from factcheck.store.passages import Passage, PassageFilter
from tests.helpers import SEEDS, make_documents

SIEGE = "According to the UN, about 600,000 people live under siege in Syria. Most are surrounded by government forces."
DARAYYA = (
    "Some 8,000 remaining residents of Darayya were to be evacuated. The rebels had held the suburb for four years."
)
PAUSE = "The UN asked for a 48-hour pause in the fighting in Aleppo so that aid convoys could enter the city."
QUERIES = [
    "almost 600,000 people under siege",
    "a 48-hour pause in Aleppo",
    "8,000 remaining residents",
    "convoy of 80 km",
    "Kerry said the talks would go on",
]
FILTERS = [
    None,
    PassageFilter(since="2016-08-20"),
    PassageFilter(until="2016-08"),
    PassageFilter(since="2016-08", until="2016-08-26"),
]
_names = itertools.count(1)


@pytest.fixture(scope="session")
def milvus(tmp_path_factory):
    """One Milvus Lite file for the module's tests (starting Milvus Lite takes seconds); each test its own corpus."""
    return open_store(f"milvus-lite:{tmp_path_factory.mktemp('milvus') / 'corpora.db'}")


@pytest.fixture
def name() -> str:
    return f"corpus-{next(_names)}.test"


@pytest.fixture(scope="module")
def both(tmp_path_factory, milvus):
    """The demo corpus in a FAISS folder and, migrated without re-embedding, in Milvus."""
    embedder = HashEmbedder()
    documents = [doc for path in iter_paths([SEEDS / "corpus"]) for doc in read_path(path)]
    folder = IndexStore(tmp_path_factory.mktemp("faiss"))
    folder.open_or_create("demo", embedder).add_documents(documents, embedder)
    report = migrate_corpus(folder, milvus, "demo")
    assert report.documents == len(documents)
    return folder.open("demo", embedder), milvus.open("demo", embedder)


@pytest.mark.parametrize("mode", list(SearchMode), ids=lambda m: m.value)
@pytest.mark.parametrize("passage_filter", FILTERS, ids=["no-filter", "since", "until", "since-until"])
def test_both_stores_rank_the_same_passages(both, embedder, mode, passage_filter):
    faiss_corpus, milvus_corpus = both
    expected = batch_search([faiss_corpus], embedder, QUERIES, 5, mode=mode, passage_filter=passage_filter)
    found = batch_search([milvus_corpus], embedder, QUERIES, 5, mode=mode, passage_filter=passage_filter)
    for query, want, got in zip(QUERIES, expected, found, strict=True):
        # BM25 scores agree to 0.1% (Milvus computes its statistics in single precision), cosines exactly; the
        # fused score's z-scores carry the BM25 difference a little further.
        tolerance = 0.02 if mode is SearchMode.HYBRID else 2e-3
        assert np.allclose([h.score for h in got], [h.score for h in want], rtol=tolerance, atol=1e-4), query
        assert _ranked_groups(got) == _ranked_groups(want), query
        if passage_filter is not None:
            assert all(passage_filter.allows(_as_passage(hit)) for hit in got), query


def _ranked_groups(hits) -> list[set[str]]:
    """Passage ids grouped by equal score, best first; the last group (cut by top_k) only by its size, as tied
    passages at the cut may be any of several."""
    groups: list[list] = []
    for hit in hits:
        if groups and abs(groups[-1][0].score - hit.score) <= 2e-3 * abs(hit.score) + 1e-4:
            groups[-1].append(hit)
        else:
            groups.append([hit])
    ids = [{h.passage_id for h in group} for group in groups]
    return ids[:-1] + [len(ids[-1])] if ids else []


def _as_passage(hit) -> Passage:
    return Passage(hit.passage_id, hit.doc_id, hit.text, hit.start, hit.end, hit.title, hit.url, hit.date, hit.source)


def test_a_source_filter_keeps_only_that_source(both, embedder):
    faiss_corpus, milvus_corpus = both
    source = next(d.source for d in faiss_corpus.documents.values() if d.source)
    only = PassageFilter(sources=(source,))
    for corpus in both:
        hits = batch_search([corpus], embedder, QUERIES, 10, passage_filter=only)
        assert all(h.source == source for found in hits for h in found) and any(hits)


def test_documents_and_counts_match_after_migration(both):
    faiss_corpus, milvus_corpus = both
    assert milvus_corpus.manifest.passages == faiss_corpus.manifest.passages
    assert milvus_corpus.manifest.documents == faiss_corpus.manifest.documents
    assert dict(milvus_corpus.documents.items()) == dict(faiss_corpus.documents)
    assert (milvus_corpus.manifest.model, milvus_corpus.manifest.dimension) == (
        faiss_corpus.manifest.model,
        faiss_corpus.manifest.dimension,
    )


def test_add_skips_known_texts_replaces_changed_ones_and_removes(milvus, embedder, name):
    corpus = milvus.open_or_create(name, embedder)
    first = corpus.add_documents(make_documents(SIEGE, DARAYYA), embedder)
    assert (first.added_documents, corpus.manifest.documents) == (2, 2)
    again = corpus.add_documents(make_documents(SIEGE, DARAYYA), embedder)
    assert again.skipped_duplicates == ("doc1.txt", "doc2.txt") and again.added_passages == 0
    changed = corpus.add_documents(make_documents(SIEGE, PAUSE), embedder)
    assert (changed.replaced_documents, changed.added_documents) == (1, 0)
    assert "48-hour" in corpus.documents["doc2.txt"].text
    hits = batch_search([corpus], embedder, ["8,000 remaining residents of Darayya"], 5, mode=SearchMode.LEXICAL)
    assert all("Darayya" not in h.text for h in hits[0])  # the old version's passages are gone
    assert corpus.remove_documents(["doc1.txt", "nothing.txt"]) == 1
    assert milvus.open(name, embedder).manifest.documents == 1


def test_a_long_document_is_stored_whole(milvus, embedder, name):
    text = " ".join([SIEGE, DARAYYA, PAUSE] * 300)  # about 100,000 characters: several Milvus rows
    corpus = milvus.open_or_create(name, embedder)
    corpus.add_documents(make_documents(text), embedder)
    stored = corpus.documents["doc1.txt"]
    assert stored.text == make_documents(text)[0].text


def test_the_manifest_refuses_another_model(milvus, embedder, name):
    milvus.open_or_create(name, embedder).add_documents(make_documents(SIEGE), embedder)
    other = HashEmbedder(dimension=64)
    with pytest.raises(IndexMismatchError, match="rebuild"):
        milvus.open(name, other)
    with pytest.raises(IndexMismatchError):
        batch_search([milvus.open(name)], other, ["siege"], 3)


def test_unknown_corpus_and_taken_name(milvus, embedder, name, tmp_path):
    with pytest.raises(CorpusNotFoundError, match="index add"):
        milvus.open(name)
    with pytest.raises(CorpusNotFoundError):
        milvus.remove(name)
    folder = IndexStore(tmp_path)
    folder.open_or_create(name, embedder).add_documents(make_documents(SIEGE), embedder)
    migrate_corpus(folder, milvus, name)
    with pytest.raises(CorpusExistsError, match="nothing was copied"):
        migrate_corpus(folder, milvus, name)


def test_milvus_back_to_faiss_keeps_results(both, milvus, embedder, tmp_path):
    _, milvus_corpus = both
    folder = IndexStore(tmp_path)
    report = migrate_corpus(milvus, folder, "demo")
    back = folder.open("demo", embedder)
    assert report.passages == back.manifest.passages == milvus_corpus.manifest.passages
    want = batch_search([milvus_corpus], embedder, QUERIES, 5)
    got = batch_search([back], embedder, QUERIES, 5)
    assert [[h.passage_id for h in hits] for hits in got] == [[h.passage_id for h in hits] for hits in want]


def test_removing_a_corpus_drops_its_collections(milvus, embedder, name):
    milvus.open_or_create(name, embedder).add_documents(make_documents(SIEGE), embedder)
    assert name in milvus.names()
    milvus.remove(name)
    assert name not in milvus.names()
    assert not milvus._client.has_collection(collection_name(name, "passages"))


@pytest.mark.parametrize(
    ("corpus", "other"), [("a-b", "a_hb"), ("a.b", "a_db"), ("a_b", "a__b")], ids=["dash", "dot", "underscore"]
)
def test_collection_names_never_collide(corpus, other):
    assert collection_name(corpus, "passages") != collection_name(other, "passages")


@pytest.mark.parametrize(
    ("passage_filter", "expression"),
    [
        (None, ""),
        (PassageFilter(sources=("UN", 'say "hi"')), 'source in ["UN", "say \\"hi\\""]'),
        (PassageFilter(since="2016-08"), '(date != "" and date >= "2016-08")'),
        (PassageFilter(until="2016"), '(date != "" and (date <= "2016" or date like "2016%"))'),
    ],
)
def test_filter_expressions(passage_filter, expression):
    assert filter_expression(passage_filter) == expression


def test_a_decimal_figure_is_one_word_on_both_stores(milvus, embedder, name, tmp_path):
    texts = (
        "Unemployment in the region rose to 4.7 percent last year, the office said.",
        "Only 4 of the 7 bakeries in the old quarter reopened after the truce, residents said.",
        "The ministry counted 1,5 million displaced people in the north in its latest report.",
    )
    folder = IndexStore(tmp_path).open_or_create(name, embedder)
    folder.add_documents(make_documents(*texts), embedder)
    corpus = milvus.open_or_create(name, embedder)
    corpus.add_documents(make_documents(*texts), embedder)
    for query in ("4.7", "1,5 million", "4 of 7"):
        want = batch_search([folder], embedder, [query], 3, mode=SearchMode.LEXICAL)[0]
        got = batch_search([corpus], embedder, [query], 3, mode=SearchMode.LEXICAL)[0]
        assert [h.doc_id for h in got] == [h.doc_id for h in want], query
    only = batch_search([corpus], embedder, ["4.7"], 3, mode=SearchMode.LEXICAL)[0]
    assert [h.doc_id for h in only] == ["doc1.txt"]
