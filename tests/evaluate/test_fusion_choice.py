from __future__ import annotations

import dataclasses
import random

import pytest

from factcheck.evaluate.fusion_choice import (
    BEFORE,
    ClaimLists,
    _GridScorer,
    _hit_rate,
    default_grid,
    describe_fusion,
    rank_fusions,
    rank_systems,
)
from factcheck.fusion import FusionSettings


def _claim(gold, dense, lexical, hybrid=()):
    keys = {key for key, _ in dense} | {key for key, _ in lexical}
    return ClaimLists(frozenset(gold), list(dense), list(lexical), list(hybrid), {key: key for key in keys})


def test_ranked_gives_distinct_items_of_each_system():
    claim = ClaimLists(
        frozenset({"doc2"}),
        dense=[("p1", 0.9), ("p2", 0.8), ("p3", 0.1)],
        lexical=[("p3", 9.0), ("p2", 1.0)],
        hybrid=["p3", "p1"],
        item_of={"p1": "doc1", "p2": "doc1", "p3": "doc2"},  # p1 and p2 are two passages of one pool item
    )
    assert claim.ranked("dense") == ["doc1", "doc2"]
    assert claim.ranked("lexical") == ["doc2", "doc1"]
    assert claim.ranked("hybrid") == ["doc2", "doc1"]
    assert claim.hit("lexical", k=1) and not claim.hit("dense", k=1)
    with pytest.raises(ValueError, match="unknown system"):
        claim.ranked("bm25")


def test_the_rule_puts_first_the_setting_never_below_the_better_channel():
    decoys = [(f"d{n}", 0.9 - n / 10) for n in range(7)]
    # Set A: dense ranks the gold item 8th, BM25 first. Set B: dense ranks it first, BM25 never finds it and puts six
    # decoys above it.
    set_a = [_claim({"g"}, [*decoys, ("g", 0.05)], [("g", 9.0), ("d6", 1.0)])]
    set_b = [_claim({"g"}, [("g", 0.95), *decoys], [(f"e{n}", 9.0 - n) for n in range(6)])]
    all_dense = FusionSettings(dense_led=1.0, lexical_led=1.0)
    all_lexical = FusionSettings(dense_led=0.0, lexical_led=0.0)
    on_a = rank_fusions([all_dense, all_lexical], [("A", set_a)], "tune halves")
    assert [row.metric for row in on_a] == ["fixed 0/1", "fixed 1/0"]
    assert [row.n for row in on_a] == [
        "1/1 sets >= better channel; worst +0.000",
        "0/1 sets >= better channel; worst -1.000",
    ]
    on_b = rank_fusions([all_lexical, all_dense], [("B", set_b)], "tune halves")
    assert [row.metric for row in on_b] == ["fixed 1/0", "fixed 0/1"]
    both = rank_fusions([all_dense, all_lexical], [("A", set_a), ("B", set_b)], "x", shown=1)
    assert len(both) == 1 and both[0].data == "fusion grid, x" and both[0].value == pytest.approx(-0.5)


def test_systems_are_ranked_by_the_same_rule_as_the_grid():
    decoys = [(f"d{n}", 0.9 - n / 10) for n in range(7)]
    # Dense ranks the gold item 8th, BM25 first: the app's hybrid list that puts it first matches the better channel,
    # the one that leaves it out falls a whole claim below it.
    lists = _claim({"g"}, [*decoys, ("g", 0.05)], [("g", 9.0), ("d6", 1.0)])
    finds, misses = dataclasses.replace(lists, hybrid=["g"]), dataclasses.replace(lists, hybrid=["d0"])
    rows = rank_systems(["hybrid"], [("A", [misses]), ("B", [finds])], "tune halves")
    assert [(row.data, row.metric, row.n) for row in rows] == [
        ("systems by the rule, tune halves", "hybrid", "1/2 sets >= better channel; worst -1.000")
    ]
    assert rows[0].value == pytest.approx(-0.5)
    both_first = _claim({"g"}, [("g", 0.95), *decoys], [("g", 9.0), ("d6", 1.0)], hybrid=["d0"])
    ranked = rank_systems(["hybrid", "fixed 0.6/0.4"], [("A", [both_first])], "x")
    assert [row.metric for row in ranked] == ["fixed 0.6/0.4", "hybrid"]  # at the better channel on more sets first


def test_grid_scorer_matches_scoring_each_setting_on_its_own():
    randomness = random.Random(16)
    sets = []
    for name in ("one", "two"):
        claims = []
        for _ in range(25):
            pool = [f"p{n}" for n in range(15)]
            dense = sorted(((p, randomness.random()) for p in randomness.sample(pool, 10)), key=lambda x: -x[1])
            lexical = sorted(((p, randomness.random() * 20) for p in randomness.sample(pool, 6)), key=lambda x: -x[1])
            claims.append(_claim({randomness.choice(pool)}, dense, lexical))
        sets.append((name, claims))
    scorer = _GridScorer()
    for settings in default_grid()[::7] + [BEFORE]:
        for _, claims in sets:
            assert scorer.hit_rate(claims, settings) == pytest.approx(_hit_rate(claims, settings))


def test_grid_holds_the_fixed_weights_and_the_chosen_switch():
    grid = default_grid()
    assert FusionSettings() in grid and BEFORE in grid
    assert describe_fusion(BEFORE) == "fixed 0.6/0.4"
    assert describe_fusion(FusionSettings()) == "dense 0.9 if dense top-3 z >= BM25's -0.5, else 0.5"
