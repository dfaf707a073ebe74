import numpy as np
import pytest

from factcheck.store import vector_index


def unit_rows(count: int, dimension: int, seed: int) -> np.ndarray:
    rng = np.random.default_rng(seed)
    vectors = rng.normal(size=(count, dimension)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


@pytest.mark.parametrize(("count", "kind"), [(10, "flat"), (vector_index.APPROXIMATE_FROM, "ivf-sq8")])
def test_kind_is_chosen_by_size(count, kind):
    assert vector_index.choose_kind(count) == kind


def test_ivf_sq8_recall_at_10_against_exact_is_at_least_095():
    # Clustered data like real embeddings (random isotropic vectors are the worst case for IVF).
    centres = unit_rows(200, 64, seed=1)
    rng = np.random.default_rng(2)
    data = centres[rng.integers(0, 200, 20_000)] + 0.35 * unit_rows(20_000, 64, seed=3)
    data /= np.linalg.norm(data, axis=1, keepdims=True)
    queries = data[rng.choice(len(data), 200, replace=False)] + 0.05 * unit_rows(200, 64, seed=4)
    queries = (queries / np.linalg.norm(queries, axis=1, keepdims=True)).astype(np.float32)
    exact = vector_index.build_index(data, 64, "flat")
    approximate = vector_index.build_index(data, 64, "ivf-sq8")
    _, truth = exact.search(queries, 10)
    _, found = approximate.search(queries, 10)
    recall = np.mean([len(set(t) & set(f)) / 10 for t, f in zip(truth, found, strict=True)])
    assert recall >= 0.95


@pytest.mark.parametrize("kind", ["flat", "ivf-sq8"])
def test_filtered_search_is_exact_over_the_allowed_rows(kind):
    data = unit_rows(2_000, 32, seed=5)
    index = vector_index.build_index(data, 32, kind)
    allowed = np.arange(0, 2_000, 13, dtype=np.int64)
    queries = unit_rows(5, 32, seed=6)
    scores, rows = vector_index.search(index, queries, 5, allowed)
    assert np.isin(rows, allowed).all()
    if kind == "flat":
        expected = allowed[np.argsort(-(queries @ data[allowed].T), axis=1, kind="stable")[:, :5]]
        assert (rows == expected).all()


def test_reconstruct_returns_the_rows_in_order():
    data = unit_rows(50, 16, seed=7)
    index = vector_index.build_index(data, 16, "flat")
    assert np.allclose(vector_index.reconstruct(index, np.array([3, 1])), data[[3, 1]])
    assert vector_index.reconstruct(index).shape == (50, 16)


def test_unknown_kind_is_refused():
    with pytest.raises(ValueError, match="unknown index kind"):
        vector_index.build_index(unit_rows(3, 8, seed=0), 8, "hnsw-magic")
