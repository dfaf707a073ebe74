import pytest

from factcheck.fusion import reciprocal_rank_fusion


def test_rrf_sums_reciprocal_ranks_hand_worked():
    fused = dict(reciprocal_rank_fusion({"dense": ["a", "b", "c"], "lexical": ["c", "a"]}, k=1))
    # a: 1/(1+1) + 1/(1+2) = 0.8333; b: 1/3 = 0.3333; c: 1/4 + 1/2 = 0.75
    assert fused == pytest.approx({"a": 5 / 6, "b": 1 / 3, "c": 0.75})


def test_rrf_order_and_ties_are_deterministic():
    fused = reciprocal_rank_fusion({"dense": ["x", "y"], "lexical": ["y", "x"]})
    assert [item for item, _ in fused] == ["x", "y"]  # equal totals: first seen first


def test_rrf_weights():
    fused = reciprocal_rank_fusion({"dense": ["a"], "lexical": ["b"]}, weights={"dense": 1.0, "lexical": 2.0})
    assert [item for item, _ in fused] == ["b", "a"]


def test_rrf_rejects_negative_k():
    with pytest.raises(ValueError):
        reciprocal_rank_fusion({"dense": ["a"]}, k=-1)
