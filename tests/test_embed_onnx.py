"""Queries through ONNX Runtime (`embed_onnx`): judged against torch before use, remembered, never in the way."""

from __future__ import annotations

import numpy as np
import pytest

from factcheck import embed as embed_module
from factcheck import embed_onnx
from factcheck.embed import SentenceTransformerEmbedder
from factcheck.embed_onnx import (
    MODEL_NAME,
    SAMPLE,
    OnnxEncoder,
    QueryRuntimeError,
    Verdict,
    judge,
    read_verdict,
    write_verdict,
)


def _unit(rows: np.ndarray) -> np.ndarray:
    return (rows / np.linalg.norm(rows, axis=1, keepdims=True)).astype(np.float32)


class _Clock:
    """A clock the fake encoders move on, so that judging measures their stated cost."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def _encoders(clock: _Clock, torch_ms: float, onnx_ms: float, noise: float = 0.0):
    rows = _unit(np.random.default_rng(3).normal(size=(len(SAMPLE), 16)))
    table = dict(zip(SAMPLE, rows, strict=True))
    jitter = np.random.default_rng(5)

    def torch_encode(texts: list[str]) -> np.ndarray:
        clock.now += torch_ms / 1e3
        return np.vstack([table[text] for text in texts])

    def onnx_encode(texts: list[str]) -> np.ndarray:
        clock.now += onnx_ms / 1e3
        rows = np.vstack([table[text] for text in texts])
        return _unit(rows + noise * jitter.normal(size=rows.shape))

    return torch_encode, onnx_encode


def test_a_faithful_and_faster_path_is_used() -> None:
    clock = _Clock()
    verdict = judge(*_encoders(clock, torch_ms=20, onnx_ms=10), clock=clock)
    assert verdict.use and verdict.reason == "faithful and faster"
    assert verdict.min_cosine == pytest.approx(1.0) and verdict.neighbour_agreement == 1.0
    assert verdict.torch_ms == pytest.approx(20) and verdict.onnx_ms == pytest.approx(10)


def test_a_slower_path_is_not_used() -> None:
    clock = _Clock()
    verdict = judge(*_encoders(clock, torch_ms=10, onnx_ms=12), clock=clock)
    assert not verdict.use and "not faster" in verdict.reason


def test_a_path_that_moves_the_vectors_is_not_used_however_fast() -> None:
    clock = _Clock()
    verdict = judge(*_encoders(clock, torch_ms=20, onnx_ms=1, noise=0.2), clock=clock)
    assert not verdict.use and "not faithful" in verdict.reason
    assert verdict.min_cosine < 0.999


def test_the_verdict_is_remembered_and_a_damaged_one_is_judged_again(tmp_path) -> None:
    verdict = Verdict(True, 0.99999, 1.0, 18.6, 9.5, "faithful and faster")
    write_verdict(tmp_path, verdict)
    assert read_verdict(tmp_path) == verdict
    (tmp_path / "verdict.json").write_text("{not json", encoding="utf-8")
    assert read_verdict(tmp_path) is None
    assert read_verdict(tmp_path / "missing") is None


def test_the_torch_setting_never_looks_for_the_onnx_path(monkeypatch) -> None:
    embedder = SentenceTransformerEmbedder(query_runtime="torch")

    def refuse():
        raise AssertionError("the ONNX path was looked for")

    monkeypatch.setattr(embedder, "_prepare_query_path", refuse)
    assert embedder._query_path() is None
    assert embedder.query_runtime_verdict() is None


def test_without_onnx_runtime_queries_stay_on_torch_without_loading_anything(monkeypatch) -> None:
    monkeypatch.setattr(embed_module, "runtime_available", lambda: False)
    embedder = SentenceTransformerEmbedder()
    monkeypatch.setattr(embedder, "_load", lambda: pytest.fail("the model was loaded to look for ONNX Runtime"))
    assert embedder._query_path() is None
    assert embedder.query_runtime_verdict() is None


def test_an_unknown_query_runtime_is_refused() -> None:
    with pytest.raises(ValueError, match="query_runtime"):
        SentenceTransformerEmbedder(query_runtime="tensorrt")


# The real model: exported once into a temporary cache folder for this module.


@pytest.fixture(scope="module")
def prepared(tmp_path_factory):
    cache = tmp_path_factory.mktemp("onnx-cache")
    embedder = SentenceTransformerEmbedder(cache_dir=cache)
    verdict = embedder.query_runtime_verdict()
    return embedder, verdict, cache


@pytest.mark.slow
def test_the_exported_model_gives_torchs_vectors(prepared) -> None:
    embedder, verdict, cache = prepared
    assert verdict is not None, "onnx and onnxruntime are in requirements.txt"
    assert verdict.min_cosine >= 0.999 and verdict.neighbour_agreement >= 0.98, verdict
    (exported,) = cache.glob(f"onnx/*/{MODEL_NAME}")
    model = embedder._load()
    encoder = OnnxEncoder(exported, model.tokenizer, model.max_seq_length)
    texts = ["Almost 600,000 people live under siege.", "A 48-hour pause", '"We will rebuild," she said.']
    on_torch = embedder.encode_documents(texts)
    for batch in (texts, texts[:1]):  # padded together, and alone
        on_onnx = encoder.encode(batch)
        assert np.min(np.sum(on_onnx * on_torch[: len(batch)], axis=1)) >= 0.999
    # What a query gets through the embedder is the same, whichever path the verdict chose.
    assert np.min(np.sum(embedder.encode_queries(texts) * on_torch, axis=1)) >= 0.999


@pytest.mark.slow
def test_a_second_process_reads_the_verdict_instead_of_exporting_again(prepared, monkeypatch) -> None:
    _, verdict, cache = prepared

    def refuse(*_args, **_kwargs):
        raise AssertionError("exported again")

    monkeypatch.setattr(embed_onnx, "export", refuse)
    monkeypatch.setattr(embed_onnx, "judge", refuse)
    again = SentenceTransformerEmbedder(cache_dir=cache)
    assert again.query_runtime_verdict() == verdict


@pytest.mark.slow
def test_a_failed_export_leaves_queries_on_torch_with_the_reason(tmp_path, monkeypatch) -> None:
    def broken(*_args, **_kwargs):
        raise QueryRuntimeError("exporting the model to ONNX failed: disk full")

    monkeypatch.setattr(embed_onnx, "export", broken)
    embedder = SentenceTransformerEmbedder(cache_dir=tmp_path)
    verdict = embedder.query_runtime_verdict()
    assert verdict is not None and not verdict.use and "disk full" in verdict.reason
    texts = ["The council closed the stall at 2 p.m."]
    assert np.allclose(embedder.encode_queries(texts), embedder.encode_documents(texts), atol=1e-6)
    assert embedder.query_threads(1) == embedder.compute_threads()


@pytest.mark.slow
def test_a_large_job_on_onnx_runtime_side_by_side_gives_torchs_vectors(prepared) -> None:
    from factcheck.embed_profile import EmbeddingPath

    embedder, verdict, _ = prepared
    if embedder._query_path() is None:
        pytest.skip(f"ONNX Runtime is not used on this machine: {verdict}")
    model = embedder._load()
    texts = [f"{text} ({number})" for number, text in enumerate(SAMPLE)] * 2  # 96 texts of several lengths
    on_torch = embedder._run(model, texts, EmbeddingPath("fp32", 1), None)
    on_onnx = embedder._run(model, texts, EmbeddingPath("fp32", 1, 2, "onnx"), None)
    assert np.min(np.sum(on_torch * on_onnx, axis=1)) >= 0.999
    assert np.allclose(np.linalg.norm(on_onnx, axis=1), 1.0, atol=1e-5)


def test_a_profile_that_chose_onnx_runtime_falls_back_to_torch_alike_when_it_is_gone(tmp_path, monkeypatch) -> None:
    from factcheck.embed_profile import EmbeddingPath, Measurement, machine_key, new_profile, write_profile

    embedder = SentenceTransformerEmbedder(cache_dir=tmp_path)
    onnx = EmbeddingPath("fp32", 1, 2, "onnx")
    measured = [Measurement(EmbeddingPath("fp32", 2), 100.0, 1.0, 1.0), Measurement(onnx, 180.0, 1.0, 1.0)]
    write_profile(embedder.profile_path, new_profile(machine_key(embedder.name), embedder.name, measured, 256))
    monkeypatch.setattr(embed_module, "runtime_available", lambda: False)
    assert embedder.embedding_path() == EmbeddingPath("fp32", 1, 2)
    assert embedder.compute_threads() == 1
