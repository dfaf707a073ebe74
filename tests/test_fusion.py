import pytest


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
