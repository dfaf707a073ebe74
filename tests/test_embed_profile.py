"""Choosing the embedding path: faithfulness to float32, the fastest faithful path, the remembered profile."""

import json

import numpy as np
import pytest

from factcheck.embed_profile import (
    EmbeddingPath,
    Measurement,
    agreement,
    candidate_paths,
    choose,
    measure,
    new_profile,
    read_profile,
    write_profile,
)

FP32 = EmbeddingPath("fp32", 2)
BF16 = EmbeddingPath("bf16", 2)
ONE = EmbeddingPath("fp32", 1)


def unit(rows):
    rows = np.asarray(rows, dtype=np.float32)
    return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_agreement_of_identical_vectors_is_perfect():
    vectors = unit(np.random.default_rng(0).normal(size=(30, 8)))
    assert agreement(vectors, vectors) == pytest.approx((1.0, 1.0))


def test_agreement_sees_a_moved_vector_and_changed_neighbours():
    vectors = unit(np.random.default_rng(1).normal(size=(30, 8)))
    moved = vectors.copy()
    moved[0] = -moved[0]  # one text's vector flipped: cosine -1 and neighbour lists change
    cosine, neighbours = agreement(vectors, moved)
    assert cosine == pytest.approx(-1.0)
    assert neighbours < 1.0


def test_choose_takes_the_fastest_faithful_path():
    measurements = [
        Measurement(FP32, 100.0, 1.0, 1.0),
        Measurement(BF16, 300.0, 0.95, 0.80),  # fast but moves embeddings: refused
        Measurement(ONE, 120.0, 1.0, 1.0),
    ]
    assert choose(measurements) == ONE
    assert not measurements[1].faithful
    # each bar on its own: vectors that barely move but reorder neighbours, or keep neighbours but move, are refused
    assert not Measurement(BF16, 300.0, 1.0, 0.5).faithful
    assert not Measurement(BF16, 300.0, 0.99, 1.0).faithful
    assert Measurement(BF16, 300.0, 0.999, 0.98).faithful  # exactly at both bars


def test_candidates_start_with_the_float32_reference():
    assert candidate_paths(2)[0] == EmbeddingPath("fp32", 2)
    assert set(candidate_paths(1)) == {EmbeddingPath("fp32", 1), EmbeddingPath("bf16", 1)}


def test_on_several_cores_batches_side_by_side_are_a_candidate():
    assert EmbeddingPath("fp32", 1, 2) in candidate_paths(2)
    assert EmbeddingPath("bf16", 1, 4) in candidate_paths(4)
    assert EmbeddingPath("fp32", 1, 2).label == "fp32, 1 thread, 2 batches at once"
    with pytest.raises(ValueError, match="streams"):
        EmbeddingPath("fp32", 1, 0)


def test_onnx_runtime_is_a_candidate_only_when_the_exported_model_is_ready():
    assert all(path.runtime == "torch" for path in candidate_paths(2))
    onnx = [path for path in candidate_paths(2, onnx=True) if path.runtime == "onnx"]
    assert onnx == [EmbeddingPath("fp32", 1, 2, "onnx")]
    assert onnx[0].label == "fp32, 1 thread, 2 batches at once, ONNX Runtime"
    assert candidate_paths(2, onnx=True)[0] == EmbeddingPath("fp32", 2)  # the reference stays first
    with pytest.raises(ValueError, match="float32 on one thread"):
        EmbeddingPath("bf16", 1, 2, "onnx")
    with pytest.raises(ValueError, match="float32 on one thread"):
        EmbeddingPath("fp32", 2, 1, "onnx")
    with pytest.raises(ValueError, match="runtime"):
        EmbeddingPath("fp32", 1, 1, "tensorrt")


def test_a_profile_remembers_batches_side_by_side_and_reads_one_written_before_them(tmp_path):
    side = EmbeddingPath("fp32", 1, 2)
    profile = new_profile("m", "model", [Measurement(FP32, 80.0, 1.0, 1.0), Measurement(side, 140.0, 1.0, 1.0)], 256)
    path = tmp_path / "profile.json"
    write_profile(path, profile)
    assert read_profile(path, "m").chosen == side
    older = json.loads(path.read_text(encoding="utf-8"))
    for record in [older["chosen"], *(m["path"] for m in older["measurements"])]:
        del record["streams"]
    path.write_text(json.dumps(older), encoding="utf-8")
    assert read_profile(path, "m").chosen == EmbeddingPath("fp32", 1)


def test_measure_skips_paths_far_slower_on_the_probe():
    calls = []
    seconds = {FP32: 1.0, BF16: 8.0}  # per call, on a fake clock
    now = [0.0]

    def encode(path, texts):
        calls.append((path, len(texts)))
        now[0] += seconds[path]
        return unit(np.eye(len(texts), 16)[:, :16] + 0.01)

    results = measure(encode, [f"t{i}" for i in range(64)], [FP32, BF16], rounds=2, probe=8, clock=lambda: now[0])
    assert (BF16, 64) not in calls  # only the probe was run for the slow path
    by_path = {m.path: m for m in results}
    assert by_path[FP32].texts_per_second == pytest.approx(64.0)
    assert by_path[BF16].texts_per_second == pytest.approx(1.0)


def test_measure_needs_the_float32_reference_first():
    with pytest.raises(ValueError, match="reference"):
        measure(lambda p, t: np.zeros((len(t), 4)), ["a"], [BF16])


def test_profile_is_remembered_for_this_machine_only(tmp_path):
    path = tmp_path / "profile.json"
    profile = new_profile(
        "machine-a", "model", [Measurement(FP32, 50.0, 1.0, 1.0), Measurement(ONE, 70.0, 1.0, 1.0)], 64
    )
    write_profile(path, profile)
    again = read_profile(path, "machine-a")
    assert again == profile and again.chosen == ONE
    assert read_profile(path, "machine-b") is None
    path.write_text("{not json")
    assert read_profile(path, "machine-a") is None  # a damaged memo is measured again, not an error


@pytest.mark.parametrize(("precision", "threads"), [("int8", 1), ("fp32", 0)])
def test_paths_are_validated(precision, threads):
    with pytest.raises(ValueError):
        EmbeddingPath(precision, threads)
