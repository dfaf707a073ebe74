import numpy as np
import pytest

from factcheck.store.queries import query_vectors


def test_query_vectors_are_float32_rows_of_the_corpus_dimension() -> None:
    rows = query_vectors(np.ones((2, 4), dtype=np.float64), 3, 4)
    assert rows.dtype == np.float32 and rows.shape == (2, 4) and rows.flags["C_CONTIGUOUS"]


@pytest.mark.parametrize(("shape", "top_k"), [((2, 3), 1), ((4,), 1), ((1, 4), 0)])
def test_a_wrong_shape_or_top_k_is_refused(shape: tuple[int, ...], top_k: int) -> None:
    with pytest.raises(ValueError):
        query_vectors(np.ones(shape, dtype=np.float32), top_k, 4)
