"""Training the query adapter: the fit moves posts towards their fact-checks, and `eval fact-checks --train-adapter`
reports its k-fold figures on train and writes a file search can use."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck.cli import main
from factcheck.evaluate.adapter_fit import AdapterSettings, fit_delta
from factcheck.evaluate.adapter_training import first_relevant_rank
from factcheck.query_adapter import QueryAdapter, load_adapter

CLAIMS = (
    "vclaim_id\tvclaim\ttitle\n"
    "0\tGarlic cures the flu.\tDoes Garlic Cure the Flu?\n"
    "1\tThe city council banned bicycles on every bridge.\tDid a City Ban Bicycles?\n"
    "2\tA shark was photographed swimming on a flooded highway.\tShark on a Highway?\n"
    "3\tThe moon landing was filmed in a studio.\tWas the Moon Landing Staged?\n"
    "4\tA new law bans cash payments over 500 euros.\tIs Cash Over 500 Euros Banned?\n"
)
TRAIN = (
    "\ttweet_content\n"
    "10\tshark on the highway after the storm!! pic.twitter.com/abc\n"
    "11\tgarlic beats the flu, doctors hate it\n"
    "12\tno more bikes on our bridges says the council\n"
    "13\tthey faked the moon landing in a studio\n"
    "14\tyou can't pay more than 500 euros in cash anymore\n"
)
QRELS = "10\t0\t2\t1\n11\t0\t0\t1\n12\t0\t1\t1\n13\t0\t3\t1\n14\t0\t4\t1\n"


@pytest.fixture
def data_dir(tmp_path):
    folder = tmp_path / "clef2020-checkthat-task2"
    (folder / "train").mkdir(parents=True)
    (folder / "train" / "tweets.queries.tsv").write_text(TRAIN, encoding="utf-8")
    (folder / "train" / "tweet-vclaim-pairs.qrels").write_text(QRELS, encoding="utf-8")
    (folder / "verified_claims.docs.tsv").write_text(CLAIMS, encoding="utf-8")
    return tmp_path


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


def test_the_fit_moves_each_query_to_its_right_document():
    rng = np.random.default_rng(0)
    documents = _unit(rng.normal(size=(40, 16)))
    # Each query is its document seen through a fixed distortion the adapter has to undo.
    distortion = np.eye(16) + rng.normal(0, 0.6, (16, 16))
    right = list(range(0, 40, 2))
    queries = _unit(documents[right] @ distortion)
    before = np.mean([np.argmax(q @ documents.T) == r for q, r in zip(queries, right, strict=True)])
    delta = fit_delta(queries, [[r] for r in right], documents, AdapterSettings(steps=200, l2=1e-4, hard=10))
    adapted = QueryAdapter(delta, "m").adapt(queries)
    after = np.mean([np.argmax(q @ documents.T) == r for q, r in zip(adapted, right, strict=True)])
    assert before < 0.8 and after == 1.0


def test_a_query_needs_a_right_document():
    documents = _unit(np.eye(4))
    with pytest.raises(ValueError, match="right document"):
        fit_delta(documents[:2], [[0], []], documents)


def test_train_adapter_reports_folds_and_writes_a_usable_file(data_dir, tmp_path, capsys):
    out = tmp_path / "adapter.npz"
    table = tmp_path / "adapter.md"
    status = main(
        ["--embedder", "hash", "eval", "fact-checks", "--data-dir", str(data_dir), "--train-adapter", str(out)]
        + ["--out", str(table)]
    )
    assert status == 0, capsys.readouterr().err
    adapter = load_adapter(out)
    assert adapter.embedder == "hash-bag-of-words" and adapter.delta.shape == (384, 384)
    assert "train 5-fold MAP@5" in adapter.provenance
    assert adapter.reranker is not None and adapter.reranker.depth == adapter.reranker.dense_led_depth == 50
    metrics = {line.split("|")[2].strip() for line in table.read_text(encoding="utf-8").splitlines()[2:]}
    for mode in ("dense", "fusion", "hybrid"):
        assert {f"{mode} with adapter: MAP@5", f"{mode} without adapter: MAP@5"} & metrics
    assert {"hybrid with adapter and its re-rank: MAP@5", "hybrid with adapter, packaged re-rank: MAP@5"} <= metrics
    # Where the right claim is beyond the first five, per mode: what a better ordering could still reach.
    for mode in ("BM25", "dense with adapter", "fusion with adapter", "hybrid with adapter and its re-rank"):
        assert {f"{mode}: hit@{depth}" for depth in (5, 20, 50, 100)} <= metrics
    assert "dev" not in table.read_text(encoding="utf-8").lower().replace("held out", "")


def test_the_first_right_claim_is_found_at_any_depth():
    assert first_relevant_rank(["a", "b", "c"], {"c", "z"}) == 3
    assert first_relevant_rank([str(n) for n in range(100)], {"99"}) == 100
    assert first_relevant_rank(["a", "b"], {"z"}) is None


def test_train_adapter_is_refused_for_other_stages(capsys):
    assert main(["eval", "retrieval", "--train-adapter", "x.npz"]) != 0
    assert "--train-adapter applies to `factcheck eval fact-checks` only" in capsys.readouterr().err
