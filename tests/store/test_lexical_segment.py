"""BM25 from segments of term counts: the same scores as bm25s over the whole corpus, however it is cut, and damage
that still loads is refused."""

import bm25s
import numpy as np
import pytest

from factcheck.store.lexical import LexicalIndex, LexicalSegment, bm25_postings
from factcheck.store.tokens import tokenize

WORDS = ["siege", "aid", "convoy", "darayya", "aleppo", "residents", "rebels", "pause", "fighting", "city", "600,000"]


def random_texts(seed: int, count: int = 120) -> list[str]:
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, len(WORDS) + 1)
    weights /= weights.sum()
    texts = [" ".join(rng.choice(WORDS, size=int(rng.integers(1, 15)), p=weights)) for _ in range(count)]
    texts[7] = "the and of"  # no word left after stop words
    return texts


@pytest.mark.parametrize("cuts", [[], [1], [40, 41, 90], list(range(10, 120, 10))])
@pytest.mark.parametrize("seed", range(3))
def test_scores_equal_bm25s_over_the_whole_corpus_however_cut(seed, cuts):
    texts = random_texts(seed)
    model = bm25s.BM25()
    model.index([tokenize(t) or ["\x00empty"] for t in texts], show_progress=False)
    bounds = [0, *cuts, len(texts)]
    index = LexicalIndex([])
    for begin, end in zip(bounds, bounds[1:], strict=False):
        index = index.appended(LexicalSegment.build(texts[begin:end]))
    assert index.size == len(texts)
    vocabulary, postings = bm25_postings(index.segments)
    for query in ["siege aid", "darayya rebels pause", "600000", "city city aleppo"]:
        expected = model.get_scores(tokenize(query))
        rows, scores = postings.top_k(np.asarray([vocabulary[t] for t in tokenize(query)]), len(texts))
        assert np.allclose(expected[rows], scores, rtol=1e-5), query
        assert len(rows) == int(np.sum(expected > 0)), query


def test_a_segment_round_trips_and_concatenation_is_one_build(tmp_path):
    texts = random_texts(5, 60)
    parts = [LexicalSegment.build(texts[:25]), LexicalSegment.build(texts[25:])]
    joined = LexicalSegment.concatenate(parts)
    whole = LexicalSegment.build(texts)
    assert joined.size == whole.size == 60
    assert np.array_equal(joined.lengths, whole.lengths)
    by_term = {t: (joined.rows[joined.starts[i] : joined.starts[i + 1]].tolist()) for i, t in enumerate(joined.terms)}
    assert by_term == {t: whole.rows[whole.starts[i] : whole.starts[i + 1]].tolist() for i, t in enumerate(whole.terms)}
    joined.save(tmp_path / "segment")
    loaded = LexicalSegment.load(tmp_path / "segment")
    assert loaded.terms == joined.terms and np.array_equal(loaded.counts, joined.counts)


@pytest.mark.parametrize(
    ("name", "array"),
    [("rows", np.array([0, 99], dtype=np.int32)), ("counts", np.array([0, 1], dtype=np.int32))],
)
def test_damaged_arrays_that_still_load_are_refused(tmp_path, name, array):
    LexicalSegment.build(["aid convoy", "aid"]).save(tmp_path / "segment")
    np.save(tmp_path / "segment" / f"{name}.npy", array)
    with pytest.raises(ValueError):
        LexicalSegment.load(tmp_path / "segment")
