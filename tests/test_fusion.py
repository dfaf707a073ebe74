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


def test_zscore_fusion_hand_worked():
    from factcheck.fusion import zscore_fusion

    # dense scores 3, 1 -> z +1, -1; lexical scores 10 (only b) -> z 0, floor 0 for a.
    fused = dict(
        zscore_fusion({"dense": [("a", 3.0), ("b", 1.0)], "lexical": [("b", 10.0)]}, {"dense": 0.6, "lexical": 0.4})
    )
    assert fused == pytest.approx({"a": 0.6, "b": -0.6})


def test_zscore_fusion_missing_items_get_the_channel_floor():
    from factcheck.fusion import zscore_fusion

    fused = zscore_fusion(
        {"dense": [("a", 0.9), ("b", 0.5), ("c", 0.1)], "lexical": [("c", 9.0), ("d", 1.0)]},
        {"dense": 0.5, "lexical": 0.5},
    )
    # dense z: a 1.2247, b 0, c -1.2247 (floor); lexical z: c 1, d -1 (floor)
    z = 1.2247449
    assert dict(fused) == pytest.approx({"a": 0.5 * z - 0.5, "b": -0.5, "c": -0.5 * z + 0.5, "d": -0.5 * z - 0.5})
    assert [item for item, _ in fused] == ["a", "c", "b", "d"]


def test_zscore_fusion_with_an_empty_channel_keeps_the_other_order():
    from factcheck.fusion import zscore_fusion

    fused = zscore_fusion({"dense": [("a", 0.9), ("b", 0.2)], "lexical": []}, {"dense": 0.6, "lexical": 0.4})
    assert [item for item, _ in fused] == ["a", "b"]
