import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factcheck.fusion import (
    DEFAULT_FUSION,
    FusionSettings,
    confidence,
    dense_weight,
    fuse_channels,
    standardise,
    zscore_fusion,
)


def test_zscore_fusion_hand_worked():
    # dense scores 3, 1 -> z +1, -1; lexical scores 10 (only b) -> z 0, floor 0 for a.
    fused = dict(
        zscore_fusion({"dense": [("a", 3.0), ("b", 1.0)], "lexical": [("b", 10.0)]}, {"dense": 0.6, "lexical": 0.4})
    )
    assert fused == pytest.approx({"a": 0.6, "b": -0.6})


def test_zscore_fusion_missing_items_get_the_channel_floor():
    fused = zscore_fusion(
        {"dense": [("a", 0.9), ("b", 0.5), ("c", 0.1)], "lexical": [("c", 9.0), ("d", 1.0)]},
        {"dense": 0.5, "lexical": 0.5},
    )
    # dense z: a 1.2247, b 0, c -1.2247 (floor); lexical z: c 1, d -1 (floor)
    z = 1.2247449
    assert dict(fused) == pytest.approx({"a": 0.5 * z - 0.5, "b": -0.5, "c": -0.5 * z + 0.5, "d": -0.5 * z - 0.5})
    assert [item for item, _ in fused] == ["a", "c", "b", "d"]


def test_zscore_fusion_with_an_empty_channel_keeps_the_other_order():
    fused = zscore_fusion({"dense": [("a", 0.9), ("b", 0.2)], "lexical": []}, {"dense": 0.6, "lexical": 0.4})
    assert [item for item, _ in fused] == ["a", "b"]


ONE = FusionSettings(dense_led=0.9, lexical_led=0.5, margin=-0.5, top=1)


def test_a_lexical_list_that_does_not_stand_out_only_reorders_near_ties():
    # dense 0.9, 0.5, 0.4: mean 0.6, deviation 0.216 -> z a 1.389, b -0.463, c -0.926; lexical c 8, d 2 -> z +1, -1.
    dense = [("a", 0.9), ("b", 0.5), ("c", 0.4)]
    lexical = [("c", 8.0), ("d", 2.0)]
    assert confidence(dense, 1) == pytest.approx(1.38873, abs=1e-5)
    assert confidence(lexical, 1) == pytest.approx(1.0)
    assert dense_weight(dense, lexical, ONE) == 0.9  # 1.389 >= 1.0 - 0.5: dense leads
    fused = fuse_channels(dense, lexical, ONE)
    assert [item for item, _ in fused] == ["a", "b", "c", "d"]
    assert dict(fused) == pytest.approx({"a": 1.14986, "b": -0.51662, "c": -0.73324, "d": -0.93324}, abs=1e-4)


def test_a_lexical_match_that_stands_out_gets_an_equal_say():
    # dense nearly flat: z a 1.342, b 0.447, c -0.447, d -1.342; lexical d 30 and four 1s: mean 6.8, deviation 11.6,
    # z d 2.0, the others -0.5. Dense 1.342 < 2.0 - 0.5, so BM25 leads and d climbs from 4th to 2nd.
    dense = [("a", 0.50), ("b", 0.49), ("c", 0.48), ("d", 0.47)]
    lexical = [("d", 30.0), ("e", 1.0), ("f", 1.0), ("g", 1.0), ("h", 1.0)]
    assert confidence(lexical, 1) == pytest.approx(2.0)
    assert dense_weight(dense, lexical, ONE) == 0.5
    fused = fuse_channels(dense, lexical, ONE)
    assert [item for item, _ in fused] == ["a", "d", "b", "c", "e", "f", "g", "h"]
    assert dict(fused)["d"] == pytest.approx(0.5 * -1.341641 + 0.5 * 2.0, abs=1e-5)
    # The same lists with dense leading would keep d last of the dense items.
    led = fuse_channels(dense, lexical, FusionSettings(dense_led=0.9, lexical_led=0.9))
    assert [item for item, _ in led][:4] == ["a", "b", "c", "d"]


def test_confidence_averages_the_top_z_scores_and_is_zero_for_a_flat_list():
    scored = [("a", 4.0), ("b", 2.0), ("c", 0.0), ("d", -2.0)]  # z 1.342, 0.447, -0.447, -1.342
    assert confidence(scored, 2) == pytest.approx((1.341641 + 0.447214) / 2)
    assert confidence(scored, 10) == pytest.approx(0.0)  # all four: the mean z is 0
    assert confidence([("a", 1.0), ("b", 1.0)], 3) == 0.0
    assert confidence([], 3) == 0.0


def test_one_empty_channel_keeps_the_other_order():
    assert [i for i, _ in fuse_channels([("a", 0.9), ("b", 0.2)], [])] == ["a", "b"]
    assert [i for i, _ in fuse_channels([], [("x", 3.0), ("y", 9.0)])] == ["y", "x"]
    assert fuse_channels([], []) == []


@pytest.mark.parametrize(
    "arguments, message",
    [
        ({"dense_led": 1.5}, "dense_led"),
        ({"lexical_led": -0.1}, "lexical_led"),
        ({"top": 0}, "top"),
    ],
)
def test_settings_out_of_range_are_refused(arguments, message):
    with pytest.raises(ValueError, match=message):
        FusionSettings(**arguments)


def _reference(dense, lexical, options):
    """Brute force with numpy: z-scores, the per-query switch, the floors, the weighted sums."""

    def z(scored):
        if not scored:
            return {}
        values = np.array([s for _, s in scored], dtype=float)
        spread = values.std() or 1.0
        return {item: (s - values.mean()) / spread for item, s in scored}

    zd, zl = z(dense), z(lexical)
    if dense and lexical:
        top_d = np.mean(sorted(zd.values(), reverse=True)[: options.top])
        top_l = np.mean(sorted(zl.values(), reverse=True)[: options.top])
        w = options.dense_led if top_d >= top_l + options.margin else options.lexical_led
    else:
        w = options.dense_led
    floor_d = min(zd.values()) if zd else 0.0
    floor_l = min(zl.values()) if zl else 0.0
    items = {item for item, _ in dense} | {item for item, _ in lexical}
    return {
        item: (w * zd.get(item, floor_d) if zd else 0.0) + ((1 - w) * zl.get(item, floor_l) if zl else 0.0)
        for item in items
    }


scores = st.integers(-400, 400).map(lambda n: n / 8)  # eighths: no underflowing differences
channel = st.dictionaries(st.integers(0, 30), scores, max_size=25).map(
    lambda found: sorted(found.items(), key=lambda pair: -pair[1])
)
options = st.builds(
    FusionSettings,
    dense_led=st.floats(0, 1),
    lexical_led=st.floats(0, 1),
    margin=st.floats(-2, 2),
    top=st.integers(1, 6),
)


@settings(max_examples=150, deadline=None)
@given(channel, channel, options)
def test_fusion_matches_a_brute_force_reference(dense, lexical, choice):
    fused = fuse_channels(dense, lexical, choice)
    expected = _reference(dense, lexical, choice)
    assert {item for item, _ in fused} == set(expected)
    assert dict(fused) == pytest.approx(expected, abs=1e-6)
    totals = [score for _, score in fused]
    assert totals == sorted(totals, reverse=True)


@settings(max_examples=100, deadline=None)
@given(channel, channel, st.sampled_from([0.01, 0.5, 3.0, 97.0]), st.sampled_from([-7.0, 0.0, 2.5]))
def test_ranking_ignores_each_channel_scale(dense, lexical, factor, shift):
    # BM25 scores have no fixed scale across corpora and queries: rescaling a channel's scores changes nothing.
    rescaled = [(item, score * factor + shift) for item, score in lexical]
    assert dict(fuse_channels(dense, rescaled)) == pytest.approx(dict(fuse_channels(dense, lexical)), abs=1e-6)


def test_the_default_is_the_documented_choice():
    assert FusionSettings(dense_led=0.9, lexical_led=0.5, margin=-0.5, top=3) == DEFAULT_FUSION
    assert standardise([]) == {}


def test_equal_scores_rescaled_stay_equal_and_zero() -> None:
    # Found by hypothesis in CI: equal BM25 scores rescaled (x 0.01 - 7) differ by rounding; that is no spread.
    lexical = [(0, 11.125), (1, 11.125), (2, 11.125)]
    rescaled = [(item, score * 0.01 - 7.0) for item, score in lexical]
    assert dict(fuse_channels([], rescaled)) == pytest.approx({0: 0.0, 1: 0.0, 2: 0.0}, abs=1e-6)
