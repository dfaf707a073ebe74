"""A Milvus store of corpora (`milvus-lite:PATH.db` or a server URL): naming, listing, opening, creating, removing,
with the same manifest checks as the folder of FAISS corpora."""

from __future__ import annotations

from factcheck.embed import Embedder
from factcheck.errors import CorpusNotFoundError
from factcheck.store import CorpusInfo, validate_corpus_name
from factcheck.store.manifest import Manifest
from factcheck.store.milvus import client as milvus
from factcheck.store.milvus.corpus import INDEX_TYPE, MilvusCorpus


class MilvusStore:
    """The corpora of one Milvus database (a Milvus Lite file or a server)."""

    def __init__(self, spec: str) -> None:
        self.spec = spec
        self._client = milvus.connect(spec)

    def __str__(self) -> str:
        return self.spec

    def close(self) -> None:
        """Let go of the connection (and of Milvus Lite's file, for a temporary store)."""
        self._client.close()

    def names(self) -> list[str]:
        return sorted(milvus.read_manifests(self._client))

    def exists(self, name: str) -> bool:
        return validate_corpus_name(name) in milvus.read_manifests(self._client)

    def list(self) -> list[CorpusInfo]:
        infos = []
        for name, manifest in sorted(milvus.read_manifests(self._client).items()):
            corpus = MilvusCorpus(self._client, manifest)
            infos.append(
                CorpusInfo(
                    name, manifest.documents, manifest.passages, corpus.size_bytes(), manifest.model, manifest.updated
                )
            )
        return infos

    def open(self, name: str, embedder: Embedder | None = None) -> MilvusCorpus:
        """The named corpus; with `embedder`, its manifest checked against the running model.

        Raises:
            CorpusNotFoundError: no corpus of that name in this store.
            IndexMismatchError: the corpus was built with another model or dimension.
        """
        manifests = milvus.read_manifests(self._client)
        if validate_corpus_name(name) not in manifests:
            known = ", ".join(sorted(manifests)) or "none yet"
            raise CorpusNotFoundError(
                f"No corpus named '{name}' in {self.spec} (corpora there: {known}). "
                f"Create it with `factcheck --store {self.spec} index add {name} FILE_OR_FOLDER`."
            )
        manifest = manifests[name]
        if embedder is not None:
            manifest.check_model(embedder.name, embedder.dimension)
        return MilvusCorpus(self._client, manifest)

    def manifest(self, name: str) -> Manifest:
        """The corpus's manifest as stored now (another process may have changed the corpus)."""
        return self.open(name).manifest

    def open_or_create(self, name: str, embedder: Embedder) -> MilvusCorpus:
        if self.exists(name):
            return self.open(name, embedder)
        return self.create(name, embedder.name, embedder.dimension)

    def create(self, name: str, model: str, dimension: int) -> MilvusCorpus:
        """An empty corpus for `model` (which must not exist yet in this store)."""
        validate_corpus_name(name)
        milvus.create_corpus_collections(self._client, name, dimension)
        manifest = Manifest(name=name, model=model, dimension=dimension, index_type=INDEX_TYPE)
        milvus.write_manifest(self._client, manifest)
        return MilvusCorpus(self._client, manifest)

    def remove(self, name: str) -> None:
        if not self.exists(name):
            raise CorpusNotFoundError(f"No corpus named '{name}' in {self.spec}; nothing was removed.")
        milvus.delete_manifest(self._client, name)  # first: a half-removed corpus is no longer listed
        milvus.drop_corpus_collections(self._client, name)
