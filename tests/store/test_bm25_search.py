"""Max-score BM25 top-k checked against the full computation (bm25s itself) on random corpora."""

import bm25s
import numpy as np
import pytest

from factcheck.store import bm25_search
from factcheck.store.bm25_search import Postings


def random_corpus(seed, documents=400, vocabulary=60):
    rng = np.random.default_rng(seed)
    # Zipf-like term frequencies: a few terms in most documents, many rare ones, as in news text.
    weights = 1.0 / np.arange(1, vocabulary + 1)
    weights /= weights.sum()
    words = [f"w{i}" for i in range(vocabulary)]
    return [list(rng.choice(words, size=int(rng.integers(3, 25)), p=weights)) for _ in range(documents)], words, rng


@pytest.mark.parametrize("dense_share", [0.25, 10.0])  # 10: never the dense pass, always pruning
@pytest.mark.parametrize("seed", range(4))
def test_top_k_equals_bm25s(seed, dense_share, monkeypatch):
    monkeypatch.setattr(bm25_search, "_DENSE_SHARE", dense_share)
    corpus, words, rng = random_corpus(seed)
    model = bm25s.BM25()
    model.index(corpus, show_progress=False)
    arrays = model.scores
    postings = Postings.from_csc(arrays["data"], arrays["indices"], arrays["indptr"], len(corpus))
    for _ in range(30):
        query = list(rng.choice(words, size=int(rng.integers(1, 8))))
        ids = np.asarray(model.get_tokens_ids(query))
        expected = model.get_scores(query)
        for top_k in (1, 5, 50):
            rows, scores = postings.top_k(ids, top_k)
            truth = np.sort(expected[expected > 0])[::-1][:top_k]
            assert np.allclose(scores, truth, rtol=1e-5), (query, top_k)
            assert np.allclose(expected[rows], scores, rtol=1e-5)


def test_mask_restricts_rows_exactly():
    corpus, words, rng = random_corpus(7)
    model = bm25s.BM25()
    model.index(corpus, show_progress=False)
    arrays = model.scores
    postings = Postings.from_csc(arrays["data"], arrays["indices"], arrays["indptr"], len(corpus))
    mask = (rng.random(len(corpus)) < 0.3).astype(np.float32)
    query = ["w0", "w1", "w30", "w45"]
    expected = model.get_scores(query) * mask
    rows, scores = postings.top_k(np.asarray(model.get_tokens_ids(query)), 20, mask)
    assert set(rows.tolist()) <= set(np.flatnonzero(mask).tolist())
    assert np.allclose(scores, np.sort(expected[expected > 0])[::-1][:20], rtol=1e-5)


def test_a_repeated_term_counts_twice_and_no_terms_give_nothing():
    postings = Postings.from_csc(np.array([1.0, 2.0], np.float32), np.array([0, 1]), np.array([0, 2]), 2)
    rows, scores = postings.top_k(np.array([0, 0]), 5)
    assert rows.tolist() == [1, 0] and scores.tolist() == [4.0, 2.0]
    rows, scores = postings.top_k(np.array([], dtype=np.int64), 5)
    assert len(rows) == 0


def test_unsorted_postings_are_sorted_on_load():
    postings = Postings.from_csc(np.array([1.0, 3.0, 2.0], np.float32), np.array([2, 0, 1]), np.array([0, 3]), 3)
    assert postings.rows.tolist() == [0, 1, 2] and postings.scores.tolist() == [3.0, 2.0, 1.0]
    assert postings.term_max.tolist() == [3.0]


@pytest.mark.parametrize("first_depth", [1, 4, 16])
@pytest.mark.parametrize("masked", [False, True])
def test_the_threshold_rounds_give_the_full_computation_on_common_terms(first_depth, masked, monkeypatch):
    monkeypatch.setattr(bm25_search, "_FIRST_DEPTH", first_depth)
    monkeypatch.setattr(bm25_search, "_DENSE_SHARE", 10.0)  # the rounds may read every posting: never the dense pass
    corpus, words, rng = random_corpus(11, documents=600)
    model = bm25s.BM25()
    model.index(corpus, show_progress=False)
    arrays = model.scores
    postings = Postings.from_csc(arrays["data"], arrays["indices"], arrays["indptr"], len(corpus))
    mask = (rng.random(len(corpus)) < 0.5).astype(np.float32) if masked else None
    for _ in range(20):
        query = list(rng.choice(words[:8], size=int(rng.integers(1, 6))))  # the most frequent words only
        terms, counts = np.unique(np.asarray(model.get_tokens_ids(query)), return_counts=True)
        expected = model.get_scores(query) * (mask if masked else 1.0)
        for top_k in (1, 10):
            rows, scores = postings._threshold(terms, counts, top_k, mask)
            assert np.allclose(scores, np.sort(expected[expected > 0])[::-1][:top_k], rtol=1e-5), (query, top_k)
            assert np.allclose(expected[rows], scores, rtol=1e-5)


@pytest.mark.parametrize("light_share", [0.0, 0.3, 0.9])
@pytest.mark.parametrize("masked", [False, True])
def test_the_dense_pass_with_light_terms_looked_up_gives_the_full_computation(light_share, masked, monkeypatch):
    monkeypatch.setattr(bm25_search, "_LIGHT_SHARE", light_share)
    corpus, words, rng = random_corpus(13, documents=500)
    model = bm25s.BM25()
    model.index(corpus, show_progress=False)
    arrays = model.scores
    postings = Postings.from_csc(arrays["data"], arrays["indices"], arrays["indptr"], len(corpus))
    mask = (rng.random(len(corpus)) < 0.5).astype(np.float32) if masked else None
    for _ in range(20):
        query = list(rng.choice(words, size=int(rng.integers(2, 9))))
        terms, counts = np.unique(np.asarray(model.get_tokens_ids(query)), return_counts=True)
        order = np.argsort(-(postings.term_max[terms] * counts), kind="stable")
        expected = model.get_scores(query) * (mask if masked else 1.0)
        for top_k in (1, 10):
            rows, scores = postings._dense(terms[order], counts[order], top_k, mask)
            assert np.allclose(scores, np.sort(expected[expected > 0])[::-1][:top_k], rtol=1e-5), (query, top_k)
            assert np.allclose(expected[rows], scores, rtol=1e-5)


@pytest.mark.parametrize("dense_share", [0.25, 10.0])
def test_a_term_in_every_passage_is_looked_up_by_row_and_scores_as_bm25s(dense_share, monkeypatch):
    """Its postings are rows 0..n-1, read by position; the top k still equal the full computation."""
    monkeypatch.setattr(bm25_search, "_DENSE_SHARE", dense_share)
    corpus, words, rng = random_corpus(11)
    corpus = [[*document, "everywhere"] for document in corpus]
    model = bm25s.BM25()
    model.index(corpus, show_progress=False)
    arrays = model.scores
    postings = Postings.from_csc(arrays["data"], arrays["indices"], arrays["indptr"], len(corpus))
    for _ in range(30):
        query = [*rng.choice(words, size=int(rng.integers(1, 6))), "everywhere"]
        expected = model.get_scores(query)
        rows, scores = postings.top_k(np.asarray(model.get_tokens_ids(query)), 10)
        assert np.allclose(scores, np.sort(expected[expected > 0])[::-1][:10], rtol=1e-5), query
        assert np.allclose(expected[rows], scores, rtol=1e-5)
