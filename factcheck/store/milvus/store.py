"""A Milvus store of corpora (`milvus-lite:PATH.db` or a server URL): naming, listing, opening, creating, removing,
with the same manifest checks as the folder of FAISS corpora."""

from __future__ import annotations

from factcheck.embed import Embedder
from factcheck.errors import CorpusNotFoundError, CorruptIndexError
from factcheck.factchecks import CorpusKind
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
        """Let go of the connection. Milvus Lite's engine keeps its file locked until this process ends, so another
        process can open the file only after that."""
        self._client.close()

    def names(self) -> list[str]:
        return sorted(self._manifests())

    def exists(self, name: str) -> bool:
        return validate_corpus_name(name) in self._manifests()

    def _manifests(self):
        with milvus.store_errors(self.spec):
            return milvus.read_manifests(self._client)

    def list(self) -> list[CorpusInfo]:
        """Every corpus with its counts and kind; a damaged one is listed with its problem instead of failing."""
        infos = []
        for name, manifest in sorted(self._manifests().items()):
            try:
                if isinstance(manifest, str):
                    raise CorruptIndexError(f"Corpus '{name}' in {self.spec}: {manifest}.")
                with milvus.store_errors(self.spec, name):
                    milvus.check_corpus_collections(self._client, self.spec, manifest)
                    milvus.ensure_loaded(self._client, milvus.collection_name(name, "documents"))
                    size = MilvusCorpus(self._client, manifest, self.spec).size_bytes()
            except CorruptIndexError as error:
                infos.append(CorpusInfo.damaged(name, str(error)))
                continue
            infos.append(CorpusInfo.of(name, manifest, size))
        return infos

    def open(self, name: str, embedder: Embedder | None = None, *, repairing: bool = False) -> MilvusCorpus:
        """The named corpus; with `embedder`, its manifest checked against the running model. With `repairing` (a
        rebuild), passages of an older layout are let through: only the stored documents are read.

        Raises:
            CorpusNotFoundError: no corpus of that name in this store.
            CorruptIndexError: its manifest or collections are damaged, foreign or of an older layout.
            IndexMismatchError: the corpus was built with another model or dimension.
        """
        manifests = self._manifests()
        if validate_corpus_name(name) not in manifests:
            known = ", ".join(sorted(manifests)) or "none yet"
            raise CorpusNotFoundError(
                f"No corpus named '{name}' in {self.spec} (corpora there: {known}). "
                f"Create it with `factcheck --store {self.spec} index add {name} FILE_OR_FOLDER`."
            )
        manifest = manifests[name]
        if isinstance(manifest, str):
            raise CorruptIndexError(
                f"Corpus '{name}' in {self.spec} cannot be opened: {manifest}. Remove it with "
                f"`factcheck --store {self.spec} index remove {name}` and add its files again."
            )
        with milvus.store_errors(self.spec):
            if repairing:
                if not self._client.has_collection(milvus.collection_name(name, "documents")):
                    milvus.check_corpus_collections(self._client, self.spec, manifest)  # says what is missing
            else:
                milvus.check_corpus_collections(self._client, self.spec, manifest)
        if embedder is not None:
            manifest.check_model(embedder.name, embedder.dimension)
        with milvus.store_errors(self.spec, name):
            for kind in ("passages", "documents"):
                if self._client.has_collection(milvus.collection_name(name, kind)):
                    milvus.ensure_loaded(self._client, milvus.collection_name(name, kind))
        return MilvusCorpus(self._client, manifest, self.spec)

    def manifest(self, name: str) -> Manifest:
        """The corpus's manifest as stored now (another process may have changed the corpus)."""
        return self.open(name).manifest

    def open_or_create(self, name: str, embedder: Embedder) -> MilvusCorpus:
        if self.exists(name):
            return self.open(name, embedder)
        return self.create(name, embedder.name, embedder.dimension)

    def create(self, name: str, model: str, dimension: int, kind: CorpusKind = CorpusKind.EVIDENCE) -> MilvusCorpus:
        """An empty corpus for `model` (which must not exist yet in this store)."""
        validate_corpus_name(name)
        left = [
            c
            for c in (milvus.collection_name(name, k) for k in ("passages", "documents"))
            if self._client.has_collection(c)
        ]
        if left:
            raise CorruptIndexError(
                f"{self.spec} holds the collections {', '.join(left)} of a corpus '{name}' without its manifest (a "
                "removal was interrupted, or another program made them); nothing was added. Drop them with "
                f"`factcheck --store {self.spec} index remove {name}`, then add the files again."
            )
        with milvus.store_errors(self.spec, name):
            milvus.create_corpus_collections(self._client, name, dimension)
            manifest = Manifest(name=name, model=model, dimension=dimension, index_type=INDEX_TYPE, kind=kind.value)
            milvus.write_manifest(self._client, manifest)
        return MilvusCorpus(self._client, manifest, self.spec)

    def remove(self, name: str) -> None:
        leftovers = any(
            self._client.has_collection(milvus.collection_name(name, kind)) for kind in ("passages", "documents")
        )
        if not self.exists(name) and not leftovers:
            raise CorpusNotFoundError(f"No corpus named '{name}' in {self.spec}; nothing was removed.")
        with milvus.store_errors(self.spec, name):
            milvus.delete_manifest(self._client, name)  # first: a half-removed corpus is no longer listed
            milvus.drop_corpus_collections(self._client, name)
