import json
import random

import pytest

from factcheck.evaluate.rerank_fit import QueryGroup, fit_pairwise, pairwise_loss
from factcheck.evaluate.rerank_training import gather, query_groups, train, write_model
from factcheck.evaluate.retrieval_sets import RetrievalSet
from factcheck.rerank import load_reranker
from factcheck.rerank_features import FEATURE_NAMES

COUNT = len(FEATURE_NAMES)


def _groups(seed: int, queries: int = 40) -> list[QueryGroup]:
    """Random candidates whose right one has a higher feature 5 (query_coverage), the others noise."""
    randomness = random.Random(seed)
    groups = []
    for _ in range(queries):
        rows = [[randomness.gauss(0, 1) for _ in range(COUNT)] for _ in range(8)]
        right = randomness.randrange(8)
        rows[right][5] += 2.5
        groups.append(QueryGroup(rows, [i == right for i in range(8)]))
    return groups


def test_fit_learns_the_feature_that_separates_right_from_wrong():
    model = fit_pairwise(_groups(1), l2=0.1)
    strongest = max(range(COUNT), key=lambda i: abs(model.weights[i]))
    assert FEATURE_NAMES[strongest] == "query_coverage" and model.weights[strongest] > 0
    held_out = _groups(2)
    first = sum(max(range(8), key=lambda i: model.score(g.rows)[i]) == g.relevant.index(True) for g in held_out)
    assert first / len(held_out) > 0.7  # by chance: 1 in 8
    zero = fit_pairwise(_groups(1), l2=1e9)  # a huge penalty leaves the weights at ~0
    assert pairwise_loss(model, held_out) < pairwise_loss(zero, held_out)


def test_fit_is_deterministic_and_skips_queries_that_teach_nothing():
    groups = _groups(3)
    useless = [QueryGroup([[1.0] * COUNT, [2.0] * COUNT], [False, False])]
    assert fit_pairwise(groups).to_dict() == fit_pairwise(groups).to_dict()
    with pytest.raises(ValueError, match="no query has both"):
        fit_pairwise(useless)
    with pytest.raises(ValueError, match="no candidates"):
        fit_pairwise([])


def _tiny_set() -> RetrievalSet:
    pool = {
        "e1": ("The first convoy of 25 trucks reached Aleppo on Tuesday.", "Aleppo convoy"),
        "e2": ("Trucks waited for days at the border crossing near Aleppo.", None),
        "e3": ("Around 4,000 civilians remained in Darayya after the siege.", "Darayya"),
        "e4": ("The UN asked for a 48-hour pause in the fighting.", None),
        "e5": ("Darayya residents were moved by bus to Idlib.", None),
    }
    claims = [
        ("25 trucks reached Aleppo", {"e1"}),
        ("8,000 remaining residents of Darayya", {"e3"}),
        ("a 48-hour pause in Aleppo", {"e4"}),
        ("residents of Darayya moved by bus", {"e5"}),
    ]
    return RetrievalSet("tiny", pool, claims, use_titles=True)


def test_training_gathers_labelled_candidates_and_writes_the_same_model_twice(embedder, tmp_path):
    gathered = gather([_tiny_set()], embedder, log=lambda _: None)
    groups = query_groups(gathered[0][1], depth=5)
    assert [sum(g.relevant) for g in groups] == [1, 1, 1, 1]  # each claim's gold is among its 5 fused passages
    assert all(len(row) == COUNT for g in groups for row in g.rows)
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    write_model(train(gathered, embedder.name, depth=5), first)
    write_model(train(gather([_tiny_set()], embedder, log=lambda _: None), embedder.name, depth=5), second)
    assert first.read_bytes() == second.read_bytes()
    model = load_reranker(first)
    assert model.depth == 5 and model.provenance["data"]["tiny"]["claims"] == 4
    assert json.loads(first.read_text())["features"] == list(FEATURE_NAMES)
