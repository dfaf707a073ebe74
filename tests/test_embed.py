import numpy as np
import pytest

from factcheck.embed import HashEmbedder, SentenceTransformerEmbedder
from factcheck.errors import ModelNotAvailableError


def test_hash_embedder_gives_unit_vectors_and_is_deterministic():
    embedder = HashEmbedder(dimension=64)
    vectors = embedder.encode_documents(["almost 600,000 live under siege", "", "8,000 residents"])
    assert vectors.shape == (3, 64)
    assert vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    again = HashEmbedder(dimension=64).encode_queries(["almost 600,000 live under siege"])
    assert np.array_equal(vectors[0], again[0])


def test_hash_embedder_scores_shared_words_higher():
    embedder = HashEmbedder()
    query, near, far = embedder.encode_documents(
        ["a 48-hour pause in Aleppo", "the UN wants a 48-hour pause for Aleppo", "Kurdish forces near Jarablus"]
    )
    assert query @ near > query @ far


def test_hash_embedder_reports_progress():
    seen = []
    HashEmbedder().encode_documents(["a", "b"], progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (2, 2)


@pytest.mark.parametrize("bad", [0, -1])
def test_batch_size_is_validated(bad):
    with pytest.raises(ValueError, match="batch_size"):
        SentenceTransformerEmbedder(batch_size=bad)


def test_missing_model_directory_is_a_clear_error(tmp_path):
    embedder = SentenceTransformerEmbedder(tmp_path / "nowhere")
    with pytest.raises(ModelNotAvailableError, match="No sentence-transformers model"):
        embedder.encode_queries(["x"])


def test_precision_is_validated():
    with pytest.raises(ValueError, match="precision"):
        SentenceTransformerEmbedder(precision="int4")
