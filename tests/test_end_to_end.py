"""End to end with the real all-MiniLM-L6-v2 model: the demo corpus finds evidence for the sample's key figures."""

from __future__ import annotations

import json

import numpy as np
import pytest

from factcheck.cli import main
from factcheck.embed import SentenceTransformerEmbedder
from factcheck.extract.figures.quantities import find_quantities
from tests.helpers import SEEDS

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def model():
    embedder = SentenceTransformerEmbedder()
    embedder.warm_up()
    return embedder


def test_real_model_gives_unit_vectors_that_rank_paraphrases_first(model):
    vectors = model.encode_documents(
        [
            "Almost 600,000 people are living under siege in Syria.",
            "Nearly six hundred thousand Syrians live in besieged areas.",
            "The football match ended in a draw on Sunday.",
        ]
    )
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert vectors[0] @ vectors[1] > vectors[0] @ vectors[2] + 0.2


@pytest.fixture(scope="module")
def checked_records(tmp_path_factory, model):
    """`factcheck index add demo seeds/corpus` then `factcheck check <sample> --corpus demo --top-k 3`."""
    folder = tmp_path_factory.mktemp("e2e")
    index_dir, out = folder / "indexes", folder / "checked.jsonl"
    assert main(["--index-dir", str(index_dir), "index", "add", "demo", str(SEEDS / "corpus")]) == 0
    article = SEEDS / "articles" / "aleppo_truce_talks.txt"
    arguments = ["--index-dir", str(index_dir), "check", str(article), "--corpus", "demo", "--top-k", "3"]
    assert main([*arguments, "--out", str(out)]) == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("figure", "unit"),
    [(600_000, None), (8_000, None), (48, "hour")],
    ids=["600,000 under siege", "8,000 residents", "48-hour pause"],
)
def test_check_finds_a_top3_candidate_with_the_same_figure(checked_records, figure, unit):
    carrying = [r for r in checked_records if any(q["value"] == figure and q["unit"] == unit for q in r["quantities"])]
    assert carrying, f"no claim carries {figure}"
    for record in carrying:
        found = [
            hit
            for hit in record["candidates"]
            if any(q.value == figure and q.unit == unit for q in find_quantities(hit["text"]))
        ]
        assert found, f"no top-3 candidate of {record['text']!r} carries {figure}"


def test_bf16_and_fp32_embeddings_agree(model):
    texts = [
        "Almost 600,000 people live under siege across Syria, the UN said.",
        "“We want a pause for 48 hours,” the envoy said.",
        "Some 8,000 remaining residents were evacuated from Darayya.",
    ]
    exact = SentenceTransformerEmbedder(precision="fp32").encode_documents(texts)
    fast = SentenceTransformerEmbedder(precision="bf16").encode_documents(texts)
    assert np.min(np.sum(exact * fast, axis=1)) >= 0.9999


def test_batches_side_by_side_give_the_same_vectors_as_one_after_another(model):
    from factcheck.embed_profile import EmbeddingPath

    texts = [f"Report {n}: some {n * 130:,} residents of district {n % 7} were moved to shelters." for n in range(150)]
    texts[3] = "A much longer text, so that the batches differ in length: " + "the convoy waited at the crossing " * 20
    loaded = model._load()
    one = model._run(loaded, texts, EmbeddingPath("fp32", 1), None)
    side = model._run(loaded, texts, EmbeddingPath("fp32", 1, 2), None)
    assert np.array_equal(one, side)
    # A small job is cut so that both streams work: other batches, the same vectors but for rounding.
    few = model._run(loaded, texts[:20], EmbeddingPath("fp32", 1, 2), None)
    assert np.allclose(few, one[:20], atol=1e-5)


def test_batches_cut_by_length_share_give_the_same_vectors_as_batches_cut_by_count(model, monkeypatch):
    import functools

    from factcheck import embed
    from factcheck.embed_batching import length_buckets
    from factcheck.embed_profile import EmbeddingPath

    texts = ["A short claim.", "Some 8,000 remaining residents were evacuated from Darayya on Friday, the UN said."]
    texts += [f"Report {n}: " + "the convoy waited at the crossing " * (n % 9) for n in range(18)]
    loaded = model._load()
    by_share = model._run(loaded, texts, EmbeddingPath("fp32", 2), None)
    monkeypatch.setattr(embed, "length_buckets", functools.partial(length_buckets, min_fill=0.0))
    by_count = model._run(loaded, texts, EmbeddingPath("fp32", 2), None)
    assert np.allclose(by_share, by_count, atol=1e-5)
