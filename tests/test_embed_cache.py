"""The embedding cache: vectors by (model, text), misses only sent to the model, shared across instances."""

import sqlite3

import numpy as np
import pytest

from factcheck.embed import HashEmbedder
from factcheck.embed_cache import CachedEmbedder, EmbeddingCache, EmbeddingCacheError, cached_in, text_key


class CountingEmbedder(HashEmbedder):
    """The hashing embedder, counting the texts it is asked to embed."""

    def __init__(self, name="counting"):
        super().__init__(dimension=32, name=name)
        self.seen = []

    def encode_documents(self, texts, progress=None):
        self.seen.extend(texts)
        return super().encode_documents(texts, progress)


def test_second_call_embeds_nothing_and_gives_the_same_vectors(tmp_path):
    inner = CountingEmbedder()
    embedder = CachedEmbedder(inner, EmbeddingCache(tmp_path / "cache.sqlite"))
    first = embedder.encode_documents(["a pause in Aleppo", "600,000 people", "a pause in Aleppo"])
    assert inner.seen == ["a pause in Aleppo", "600,000 people"]  # the repeated text once
    again = CachedEmbedder(inner, EmbeddingCache(tmp_path / "cache.sqlite")).encode_documents(
        ["600,000 people", "a pause in Aleppo", "new text"]
    )
    assert inner.seen[2:] == ["new text"]
    assert np.array_equal(again[0], first[1]) and np.array_equal(again[1], first[0])
    assert again.dtype == np.float32 and again.flags["C_CONTIGUOUS"]


def test_the_model_is_part_of_the_key(tmp_path):
    cache = EmbeddingCache(tmp_path / "cache.sqlite")
    one, other = CountingEmbedder("model-a"), CountingEmbedder("model-b")
    CachedEmbedder(one, cache).encode_documents(["same text"])
    CachedEmbedder(other, cache).encode_documents(["same text"])
    assert one.seen == other.seen == ["same text"]
    assert text_key("model-a", 32, "x") != text_key("model-b", 32, "x") != text_key("model-a", 64, "x")


def test_progress_counts_cached_texts_as_done(tmp_path):
    embedder = CachedEmbedder(CountingEmbedder(), EmbeddingCache(tmp_path / "c.sqlite"))
    embedder.encode_documents(["a", "b"])
    seen = []
    embedder.encode_documents(["a", "b", "c", "d"], progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (4, 4)


def test_queries_are_cached_too(tmp_path):
    inner = CountingEmbedder()
    embedder = CachedEmbedder(inner, EmbeddingCache(tmp_path / "c.sqlite"))
    embedder.encode_documents(["a claim"])
    assert np.array_equal(embedder.encode_queries(["a claim"])[0], embedder.encode_documents(["a claim"])[0])
    assert inner.seen == ["a claim"]
    assert embedder.encode_queries([]).shape == (0, 32)


def test_a_damaged_cache_file_is_a_clear_error(tmp_path):
    path = tmp_path / "cache.sqlite"
    path.write_bytes(b"this is not a database" * 100)
    with pytest.raises(EmbeddingCacheError, match="Delete the file"):
        EmbeddingCache(path)


def test_the_hash_embedder_is_not_wrapped(tmp_path):
    embedder = HashEmbedder()
    assert cached_in(embedder, tmp_path) is embedder
    assert not list(tmp_path.iterdir())


def test_vectors_of_another_length_are_ignored(tmp_path):
    cache = EmbeddingCache(tmp_path / "c.sqlite")
    cache.put_many([b"k" * 16], np.ones((1, 8), dtype=np.float32))
    assert cache.get_many([b"k" * 16], 16) == {}
    assert len(cache.get_many([b"k" * 16], 8)) == 1
    with sqlite3.connect(tmp_path / "c.sqlite") as connection:
        assert connection.execute("SELECT COUNT(*) FROM vectors").fetchone()[0] == 1
