"""The query adapter of fact-check corpora: its file, its checks, and where search applies it (fact-check corpora
only, and only with the embedder it was trained on)."""

from __future__ import annotations

import json

import numpy as np
import pytest

from factcheck.cli import main
from factcheck.documents import Document
from factcheck.embed import DEFAULT_MODEL_NAME
from factcheck.errors import QueryAdapterError
from factcheck.query_adapter import (
    PACKAGED_ADAPTER,
    QueryAdapter,
    configured_adapter,
    load_adapter,
    write_adapter,
)
from factcheck.readers import read_bytes
from factcheck.rerank import Reranker, configured_reranker
from factcheck.rerank_features import FEATURE_NAMES
from factcheck.search import SearchMode, search
from factcheck.store import IndexStore

CLAIMS = ["Sharks swim on flooded highways after hurricanes.", "Garlic cures the flu.", "Bridges banned bicycles."]


def _feed(claims: list[str]) -> bytes:
    reviews = [{"@type": "ClaimReview", "claimReviewed": claim, "author": {"name": "Checks"}} for claim in claims]
    return json.dumps({"@type": "DataFeed", "dataFeedElement": reviews}).encode()


def _towards(embedder, query: str, target: str) -> QueryAdapter:
    """An adapter that maps `query`'s vector onto `target`'s (a rank-one correction), for the hash embedder."""
    q = embedder.encode_queries([query])[0]
    t = embedder.encode_documents([target])[0]
    return QueryAdapter(np.outer(q, t - q).astype(np.float32), embedder.name)


@pytest.fixture
def corpora(index_dir, embedder):
    store = IndexStore(index_dir)
    archive = store.open_or_create("archive", embedder)
    archive.add_documents(read_bytes(_feed(CLAIMS), "feed.json"), embedder)
    evidence = store.open_or_create("reports", embedder)
    evidence.add_documents([Document.from_text(claim, doc_id=f"r{n}") for n, claim in enumerate(CLAIMS)], embedder)
    return archive, evidence


def test_a_zero_correction_leaves_the_vectors_as_they_are():
    vectors = np.array([[3.0, 4.0], [0.0, 2.0]], dtype=np.float32)
    adapted = QueryAdapter(np.zeros((2, 2), np.float32), "m").adapt(vectors)
    assert adapted == pytest.approx(np.array([[0.6, 0.8], [0.0, 1.0]]))


def test_the_adapter_moves_a_query_and_keeps_it_unit_length():
    adapter = QueryAdapter(np.array([[0.0, 1.0], [0.0, 0.0]], np.float32), "m")
    [moved] = adapter.adapt(np.array([[1.0, 0.0]], np.float32))
    assert moved == pytest.approx([2**-0.5, 2**-0.5])


@pytest.mark.parametrize(
    ("delta", "message"),
    [
        (np.zeros((2, 3)), "square"),
        (np.array([[np.nan, 0.0], [0.0, 0.0]]), "finite"),
    ],
    ids=["not-square", "not-finite"],
)
def test_an_unusable_matrix_is_refused(delta, message):
    with pytest.raises(ValueError, match=message):
        QueryAdapter(delta, "m")


def _reranker(feature: str = "length_ratio", weight: float = -1.0) -> Reranker:
    weights = tuple(weight if name == feature else 0.0 for name in FEATURE_NAMES)
    return Reranker(weights, (0.0,) * len(FEATURE_NAMES), (1.0,) * len(FEATURE_NAMES), depth=50, dense_led_depth=50)


@pytest.mark.parametrize("reranker", [None, _reranker()], ids=["alone", "with-its-rerank"])
def test_an_adapter_round_trips_through_its_file(tmp_path, reranker):
    delta = np.random.default_rng(0).normal(0, 0.05, (8, 8)).astype(np.float32)
    path = tmp_path / "adapter.npz"
    write_adapter(QueryAdapter(delta, "some-model", {"data": "tests"}, reranker, min_similarity=0.45), path)
    loaded = load_adapter(path)
    assert loaded.min_similarity == 0.45
    assert loaded.embedder == "some-model" and loaded.provenance == {"data": "tests"}
    assert loaded.delta == pytest.approx(delta, abs=1e-3)  # stored as float16
    assert loaded.reranker == reranker
    assert not list(tmp_path.glob("*.partial"))


def test_the_packaged_adapter_loads_for_the_packaged_model():
    packaged = configured_adapter("on")
    assert packaged is not None and packaged is configured_adapter("yes")
    assert packaged.fits(DEFAULT_MODEL_NAME, 384) and not packaged.fits("hash-bag-of-words", 384)
    assert "CLEF 2020" in str(packaged.provenance["data"])
    assert packaged.reranker is not None and packaged.reranker.depth == 50
    assert packaged.min_similarity is not None and 0.25 <= packaged.min_similarity < 0.6
    assert configured_adapter("off") is None and configured_adapter("") is None
    assert load_adapter(PACKAGED_ADAPTER).delta == pytest.approx(packaged.delta)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "does not exist"),
        (b"", "cannot be read"),
        (b"not a numpy file at all", "cannot be read"),
        ("truncated", "cannot be read"),
        ("other-format", "expected format"),
        ("no-embedder", "'embedder' must be"),
        ("not-square", "square"),
        ("bad-rerank", "its re-rank"),
    ],
    ids=["missing", "empty", "garbage", "truncated", "other-format", "no-embedder", "not-square", "bad-rerank"],
)
def test_a_missing_or_corrupt_adapter_file_is_a_clear_error(tmp_path, content, message):
    path = tmp_path / "adapter.npz"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif content == "truncated":
        write_adapter(QueryAdapter(np.zeros((4, 4), np.float32), "m"), path)
        path.write_bytes(path.read_bytes()[:-40])
    elif content is not None:
        meta = {"format": "factcheck-query-adapter/1", "embedder": "m"}
        delta = np.zeros((4, 4), np.float16)
        if content == "other-format":
            meta["format"] = "something-else/2"
        elif content == "no-embedder":
            meta["embedder"] = 7
        elif content == "bad-rerank":
            meta["rerank"] = {"format": "factcheck-rerank/1", "features": ["cosine"], "weights": [1.0]}
        else:
            delta = np.zeros((4, 3), np.float16)
        np.savez(path, delta=delta, meta=np.array(json.dumps(meta)))
    with pytest.raises(QueryAdapterError, match=message):
        configured_adapter(str(path))


def test_search_moves_the_query_only_in_a_fact_check_corpus(corpora, embedder):
    archive, evidence = corpora
    query = "flooded highway shark"
    adapter = _towards(embedder, query, CLAIMS[1])
    plain = search([archive], embedder, query, 3, mode=SearchMode.DENSE, adapter=None)
    adapted = search([archive], embedder, query, 3, mode=SearchMode.DENSE, adapter=adapter)
    assert plain[0].text == CLAIMS[0]
    assert adapted[0].text == CLAIMS[1] and adapted[0].similarity == pytest.approx(1.0, abs=1e-4)
    # An evidence corpus is searched with the query's own vector, adapter or not, alone or beside an archive.
    evidence_plain = search([evidence], embedder, query, 3, mode=SearchMode.DENSE, adapter=None)
    evidence_given = search([evidence], embedder, query, 3, mode=SearchMode.DENSE, adapter=adapter)
    assert [(h.doc_id, h.similarity) for h in evidence_given] == [(h.doc_id, h.similarity) for h in evidence_plain]
    both = search([archive, evidence], embedder, query, 6, mode=SearchMode.DENSE, adapter=adapter)
    reports_first = next(h for h in both if h.corpus == "reports")
    assert reports_first.doc_id == evidence_plain[0].doc_id
    assert reports_first.similarity == pytest.approx(evidence_plain[0].similarity)


def test_an_adapter_of_another_model_is_not_applied(corpora, embedder):
    archive, _ = corpora
    query = "flooded highway shark"
    other = QueryAdapter(_towards(embedder, query, CLAIMS[1]).delta, "another-model")
    plain = search([archive], embedder, query, 3, mode=SearchMode.DENSE, adapter=None)
    given = search([archive], embedder, query, 3, mode=SearchMode.DENSE, adapter=other)
    assert [(h.doc_id, h.similarity) for h in given] == [(h.doc_id, h.similarity) for h in plain]


def test_the_adapter_brings_its_rerank_to_fact_check_corpora_only(corpora, embedder):
    archive, evidence = corpora
    query = "sharks on flooded highways"
    # A re-rank preferring long passages lifts the longest claim; the general packaged re-rank would not.
    adapter = QueryAdapter(np.zeros((384, 384), np.float32), embedder.name, reranker=_reranker("length_ratio", 1.0))
    own = search([archive], embedder, query, 3, reranker="on", adapter=adapter)
    assert own[0].text == CLAIMS[0] and own[0].score == pytest.approx(
        max(h.score for h in own)
    )  # scored by the adapter's re-rank
    packaged = search([archive], embedder, query, 3, reranker=configured_reranker("on"), adapter=adapter)
    assert [h.score for h in own] != [h.score for h in packaged]
    # Evidence (even beside the archive) and an adapter that does not apply keep the packaged re-rank.
    plain_evidence = search([evidence], embedder, query, 3, reranker=configured_reranker("on"), adapter=None)
    given_evidence = search([evidence], embedder, query, 3, reranker="on", adapter=adapter)
    assert [h.score for h in given_evidence] == [h.score for h in plain_evidence]
    other = QueryAdapter(adapter.delta, "another-model", reranker=adapter.reranker)
    assert [h.score for h in search([archive], embedder, query, 3, reranker="on", adapter=other)] == [
        h.score for h in search([archive], embedder, query, 3, reranker=configured_reranker("on"), adapter=None)
    ]


def test_search_reads_the_setting_when_not_told(corpora, embedder, monkeypatch, tmp_path):
    archive, _ = corpora
    query = "flooded highway shark"
    path = tmp_path / "adapter.npz"
    write_adapter(_towards(embedder, query, CLAIMS[1]), path)
    monkeypatch.setenv("FACTCHECK_QUERY_ADAPTER", str(path))
    assert search([archive], embedder, query, 1, mode=SearchMode.DENSE)[0].text == CLAIMS[1]
    monkeypatch.setenv("FACTCHECK_QUERY_ADAPTER", "off")
    assert search([archive], embedder, query, 1, mode=SearchMode.DENSE)[0].text == CLAIMS[0]


def test_the_cli_names_a_corrupt_adapter_and_searches_nothing(corpora, index_dir, tmp_path, capsys):
    broken = tmp_path / "adapter.npz"
    broken.write_bytes(b"PK\x03\x04 half a zip")
    status = main(
        [
            "--index-dir",
            str(index_dir),
            "--embedder",
            "hash",
            "search",
            "archive",
            "shark",
            "--query-adapter",
            str(broken),
        ]
    )
    captured = capsys.readouterr()
    assert status != 0
    assert "query adapter" in captured.err and "cannot be read" in captured.err and "Traceback" not in captured.err
    assert captured.out == ""
