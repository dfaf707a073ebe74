import numpy as np
import pytest

from factcheck.embed import HashEmbedder
from factcheck.errors import IndexMismatchError
from factcheck.search import SearchMode, batch_search, search
from factcheck.store import IndexStore
from tests.helpers import make_documents


@pytest.fixture
def two_corpora(index_dir, embedder):
    store = IndexStore(index_dir)
    un = store.open_or_create("un", embedder)
    un.add_documents(
        make_documents(
            "The UN asked for a 48-hour pause in the fighting in Aleppo.",
            "Almost 600,000 people live under siege across Syria, the UN said.",
            prefix="un",
        ),
        embedder,
    )
    press = store.open_or_create("press", embedder)
    press.add_documents(
        make_documents("About 8,000 remaining residents of Darayya were evacuated by bus.", prefix="press"), embedder
    )
    return un, press


def test_hits_merge_corpora_by_score_and_carry_their_source(two_corpora, embedder):
    hits = search(two_corpora, embedder, "8,000 remaining residents of Darayya", top_k=3, mode=SearchMode.DENSE)
    assert [h.rank for h in hits] == [1, 2, 3]
    assert hits[0].corpus == "press" and hits[0].doc_id == "press1.txt"
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


@pytest.mark.parametrize("mode", [SearchMode.DENSE, SearchMode.HYBRID])
def test_similarity_equals_brute_force_cosine(two_corpora, embedder, mode):
    query = "a 48-hour pause in Aleppo"
    hits = search(two_corpora, embedder, query, top_k=3, mode=mode)
    assert len(hits) == 3
    query_vector = embedder.encode_queries([query])[0]
    for hit in hits:
        expected = float(embedder.encode_documents([hit.text])[0] @ query_vector)
        assert hit.similarity == pytest.approx(expected, abs=1e-5)
        if mode is SearchMode.DENSE:
            assert hit.score == hit.similarity


def test_dense_ranking_matches_brute_force_over_all_passages(two_corpora, embedder):
    query = "residents evacuated from the suburb"
    everything = [(c.name, p) for c in two_corpora for p in c.passages]
    vectors = embedder.encode_documents([p.text for _, p in everything])
    scores = vectors @ embedder.encode_queries([query])[0]
    expected = [everything[i][1].passage_id for i in np.argsort(-scores, kind="stable")]
    hits = search(two_corpora, embedder, query, top_k=3, mode=SearchMode.DENSE)
    assert [h.passage_id for h in hits] == expected[:3]


def test_lexical_mode_ranks_by_shared_words_and_finds_exact_figures(two_corpora, embedder):
    hits = search(two_corpora, embedder, "8,000", top_k=3, mode=SearchMode.LEXICAL)
    assert [h.doc_id for h in hits] == ["press1.txt"]
    assert hits[0].lexical_rank == 1 and hits[0].similarity is None


def test_hybrid_reports_each_channel_rank(two_corpora, embedder):
    hits = search(two_corpora, embedder, "600,000 people under siege", top_k=3)
    assert hits[0].doc_id == "un2.txt"
    assert hits[0].dense_rank is not None and hits[0].lexical_rank == 1
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_filters_apply_across_corpora(two_corpora, embedder):
    from factcheck.store.passages import PassageFilter

    hits = search(two_corpora, embedder, "Aleppo", top_k=5, passage_filter=PassageFilter(since="2030"))
    assert hits == []


def test_batch_search_is_search_per_query(two_corpora, embedder):
    queries = ["a 48-hour pause", "600,000 under siege", "Darayya residents"]
    batch = batch_search(two_corpora, embedder, queries, top_k=2)
    assert batch == [search(two_corpora, embedder, q, top_k=2) for q in queries]


def test_top_k_larger_than_corpus_returns_everything(two_corpora, embedder):
    assert len(search(two_corpora, embedder, "Aleppo", top_k=50)) == 3


@pytest.mark.parametrize("top_k", [0, -3])
def test_top_k_must_be_positive(two_corpora, embedder, top_k):
    with pytest.raises(ValueError, match="top_k"):
        search(two_corpora, embedder, "x", top_k=top_k)


def test_search_refuses_a_corpus_of_another_model(two_corpora):
    with pytest.raises(IndexMismatchError):
        search(two_corpora, HashEmbedder(dimension=384, name="other"), "x")


def test_empty_corpus_gives_no_hits(index_dir, embedder):
    empty = IndexStore(index_dir).open_or_create("empty", embedder)
    assert search([empty], embedder, "anything") == []
    assert np.asarray(empty.search_vectors(embedder.encode_queries(["x"]), 3)).size == 0


def test_the_lexical_channel_beside_the_embedding_gives_the_same_hybrid_hits(two_corpora, embedder, monkeypatch):
    from factcheck import search as search_module

    queries = ["a 48-hour pause in Aleppo", "600,000 people under siege", "evacuated by bus"]
    found = {}
    for overlap in (False, True):
        monkeypatch.setattr(search_module, "OVERLAP_CHANNELS", overlap)
        found[overlap] = [[h.to_dict() for h in hits] for hits in batch_search(two_corpora, embedder, queries, 3)]
    assert all(found[True]) and found[True] == found[False]


def test_bm25_runs_beside_the_embedding_only_when_the_model_leaves_a_core_free(embedder, monkeypatch):
    from factcheck import search as search_module

    class Threaded(HashEmbedder):
        def __init__(self, threads: int) -> None:
            super().__init__()
            self.threads = threads

        def compute_threads(self) -> int:
            return self.threads

    class QueryThreaded(Threaded):
        def query_threads(self, count: int) -> int:  # one thread for a query, the pool for a larger job
            return 1 if count <= 4 else self.threads

    monkeypatch.setattr(search_module, "available_cores", lambda: 2)
    assert search_module._may_overlap(embedder, 1)  # no thread pool of its own
    assert search_module._may_overlap(Threaded(1), 1)
    assert not search_module._may_overlap(Threaded(2), 1)
    assert search_module._may_overlap(QueryThreaded(2), 1)  # a query on the ONNX path leaves a core free
    assert not search_module._may_overlap(QueryThreaded(2), 20)
    monkeypatch.setattr(search_module, "OVERLAP_CHANNELS", False)
    assert not search_module._may_overlap(Threaded(1), 1)
    assert not search_module._may_overlap(QueryThreaded(2), 1)
