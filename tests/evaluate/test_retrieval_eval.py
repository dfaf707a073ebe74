from __future__ import annotations

import numpy as np
import pytest

from factcheck.embed import HashEmbedder
from factcheck.evaluate.embedding_cache import CachedEmbedder, EmbeddingCacheError
from factcheck.evaluate.retrieval import evaluate_retrieval
from factcheck.evaluate.retrieval_sets import RetrievalSet, half_of, read_clef2020_claims


class CountingEmbedder(HashEmbedder):
    """The hashing embedder, counting the texts it was asked to embed."""

    def __init__(self) -> None:
        super().__init__(name="counting")
        self.embedded: list[str] = []

    def encode_documents(self, texts, progress=None):
        self.embedded.extend(texts)
        return super().encode_documents(texts, progress)


def test_halves_are_fixed_disjoint_and_about_even():
    claims = [f"claim number {n} about {n * 7} tonnes" for n in range(2000)]
    halves = [half_of(claim) for claim in claims]
    assert set(halves) == {"tune", "report"}
    assert 900 <= halves.count("tune") <= 1100
    assert halves == [half_of(claim) for claim in claims]  # the same claim always falls in the same half


def test_a_claim_keeps_its_half_in_a_subset_and_in_any_order():
    claims = [(f"claim {n}", {f"e{n}"}) for n in range(200)]
    whole = RetrievalSet("set", {f"e{n}": (f"evidence {n}", None) for n in range(200)}, claims)
    subset = RetrievalSet("subset", whole.pool, list(reversed(claims[:77])))
    for name in ("tune", "report"):
        in_whole = {claim for claim, _ in whole.half(name).claims}
        in_subset = {claim for claim, _ in subset.half(name).claims}
        assert in_subset == in_whole & {claim for claim, _ in subset.claims}
    tune, report = whole.half("tune"), whole.half("report")
    assert len(tune.claims) + len(report.claims) == 200
    assert not {c for c, _ in tune.claims} & {c for c, _ in report.claims}
    assert tune.pool is whole.pool and tune.name == "set [tune half]"
    assert whole.half("all") is whole
    with pytest.raises(ValueError, match="half must be"):
        whole.half("test")


def test_clef_reader_pairs_tweets_with_their_verified_claims(tmp_path):
    (tmp_path / "dev").mkdir()
    (tmp_path / "verified_claims.docs.tsv").write_text(
        '\tvclaim\ttitle\n0\tA "large" claim about 3 ships.\tDid 3 Ships Sink?\n1\tAnother claim.\t\n',
        encoding="utf-8",
    )
    (tmp_path / "dev" / "tweets.queries.tsv").write_text(
        '\ttweet_content\n7\tThree ships "sank\n8\tno pair for this one\n', encoding="utf-8"
    )
    (tmp_path / "dev" / "tweet-vclaim-pairs.qrels").write_text("7\t0\t0\t1\n", encoding="utf-8")
    found = read_clef2020_claims(tmp_path, splits=("dev",))
    assert found.pool == {"0": ('A "large" claim about 3 ships.', "Did 3 Ships Sink?"), "1": ("Another claim.", None)}
    assert found.claims == [('Three ships "sank', {"0"})]  # an unbalanced quote is kept as written
    assert found.use_titles


def test_evaluation_scores_each_half_from_one_index():
    pool = {f"e{n}": (f"the harbour of town{n} counted {n * 11} ships in {1990 + n}", None) for n in range(40)}
    claims = [(f"town{n} harbour had {n * 11} ships", {f"e{n}"}) for n in range(40)]
    rows = evaluate_retrieval(
        [RetrievalSet("harbours", pool, claims)], HashEmbedder(), log=lambda _: None, split="halves"
    )
    names = {row.data for row in rows}
    assert names == {"harbours [tune half]", "harbours [report half]"}
    counts = {row.data: int(row.n.split()[0]) for row in rows}
    assert sum(counts.values()) == 40
    hit5 = {(row.data, row.metric): row.value for row in rows if row.metric.endswith("hit@5")}
    assert all(value >= 0.9 for value in hit5.values()), hit5  # each claim names its town: easy for every mode
    with pytest.raises(ValueError, match="split must be"):
        evaluate_retrieval([], HashEmbedder(), split="test")


def test_cached_embedder_embeds_each_text_once_across_instances(tmp_path):
    inner = CountingEmbedder()
    first = CachedEmbedder(inner, tmp_path / "cache")
    vectors = first.encode_documents(["alpha beta", "gamma", "alpha beta"])
    assert inner.embedded == ["alpha beta", "gamma"]
    assert np.allclose(vectors, HashEmbedder().encode_documents(["alpha beta", "gamma", "alpha beta"]))
    second = CachedEmbedder(inner, tmp_path / "cache")  # a new run reads the folder
    again = second.encode_documents(["gamma", "alpha beta", "delta"])
    assert inner.embedded == ["alpha beta", "gamma", "delta"]
    assert np.allclose(again[0], vectors[1]) and np.allclose(again[1], vectors[0])
    assert second.encode_queries([]).shape == (0, 384)
    assert second.name == "counting" and second.dimension == 384


def test_a_damaged_cache_is_a_named_error_that_says_what_to_do(tmp_path):
    (tmp_path / "counting.npz").write_bytes(b"not a numpy file")
    with pytest.raises(EmbeddingCacheError, match="delete it"):
        CachedEmbedder(CountingEmbedder(), tmp_path)


def test_with_a_reranker_every_system_is_scored_and_the_fusing_ones_ranked_by_the_rule():
    from factcheck.rerank import PACKAGED_MODEL, load_reranker

    pool = {f"e{n}": (f"the harbour of town{n} counted {n * 11} ships in {1990 + n}", None) for n in range(20)}
    claims = [(f"town{n} harbour had {n * 11} ships", {f"e{n}"}) for n in range(20)]
    rows = evaluate_retrieval(
        [RetrievalSet("harbours", pool, claims)],
        HashEmbedder(),
        log=lambda _: None,
        reranker=load_reranker(PACKAGED_MODEL),
    )
    systems = {row.metric.rsplit(" ", 1)[0] for row in rows if row.data == "harbours"}
    assert systems == {"dense", "lexical", "fusion", "hybrid", "fixed 0.6/0.4", "fixed 0.6/0.4 + re-rank"}
    ranked = [row for row in rows if row.data == "systems by the rule, whole sets"]
    assert {row.metric for row in ranked} == {"fusion", "hybrid", "fixed 0.6/0.4", "fixed 0.6/0.4 + re-rank"}
    assert all(row.n.split()[0] in ("0/1", "1/1") for row in ranked)
    counts = [int(row.n.split("/")[0]) for row in ranked]
    assert counts == sorted(counts, reverse=True)  # the rule: most sets at or above the better channel first
