"""The Milvus backend of the corpus store (needs pymilvus; milvus-lite for a local file)."""

from factcheck.store.milvus.corpus import MilvusCorpus
from factcheck.store.milvus.store import MilvusStore

__all__ = ["MilvusCorpus", "MilvusStore"]
