"""Moving a corpus between stores (a FAISS folder and Milvus, either way) with its vectors: nothing is re-embedded."""

from __future__ import annotations

from dataclasses import dataclass
from typing import cast

import numpy as np

from factcheck.embed import Embedder
from factcheck.errors import CorpusExistsError, CorruptIndexError
from factcheck.serialise import Record
from factcheck.store import Corpus, IndexStore, vector_index
from factcheck.store.backends import CorpusLike, StoreLike
from factcheck.store.milvus import MilvusStore
from factcheck.store.passages import Passage


@dataclass(frozen=True, slots=True)
class MigrationReport(Record):
    documents: int
    passages: int


@dataclass(frozen=True, slots=True)
class _Model:
    """The source corpus's model as the target needs it (name and dimension); no model is loaded."""

    name: str
    dimension: int


def migrate_corpus(source: StoreLike, target: StoreLike, name: str, progress=None) -> MigrationReport:
    """Copy corpus `name` from `source` to `target`, documents, passages and vectors as they are; the copy keeps the
    source's model in its manifest, so the same model checks apply. The source is only read.

    Raises:
        CorpusNotFoundError: no such corpus in `source`.
        CorpusExistsError: `target` already has a corpus of that name (nothing is merged or overwritten).
        CorruptIndexError: the copy does not hold as many passages as the source (it is left for inspection).
    """
    corpus = source.open(name)  # no model check: the vectors travel with the model that made them
    if target.exists(name):
        raise CorpusExistsError(
            f"{target} already has a corpus named '{name}'; nothing was copied. Remove it there first "
            f"(`factcheck --store {target} index remove {name}`) or copy to another store."
        )
    # Reviews (an earlier fact-check's verdict) and reader metadata (subtitle cue timings) travel with each document,
    # and the corpus kind with the manifest.
    documents = [d.to_document() for d in corpus.documents.values()]
    kind = corpus.manifest.corpus_kind
    passages, vectors = _embedded(corpus)
    if progress is not None:
        progress("copying", 0, len(passages))
    model = _Model(corpus.manifest.model, corpus.manifest.dimension)
    copied: CorpusLike
    if isinstance(target, IndexStore):
        # Only the model's name and dimension are read from the embedder argument: nothing is embedded.
        copied = Corpus.create_from_vectors(
            target.path(name), name, cast(Embedder, model), documents, passages, vectors, kind=kind
        )
    elif isinstance(target, MilvusStore):
        in_milvus = target.create(name, model.name, model.dimension, kind)
        in_milvus.add_embedded(documents, passages, vectors)
        copied = in_milvus
    else:
        raise TypeError(f"unknown store {target!r}")
    if progress is not None:
        progress("copying", len(passages), len(passages))
    if (
        copied.manifest.passages != len(passages)
        or copied.manifest.documents != len(documents)
        or copied.manifest.corpus_kind is not kind
    ):
        raise CorruptIndexError(
            f"The copy of '{name}' in {target} holds {copied.manifest.documents} documents and "
            f"{copied.manifest.passages} passages ({copied.manifest.kind}); the source has {len(documents)} and "
            f"{len(passages)} ({kind.value}). "
            f"Remove the copy and run the migration again."
        )
    return MigrationReport(len(documents), len(passages))


def _embedded(corpus) -> tuple[list[Passage], np.ndarray]:
    """Every passage of `corpus` with its stored vector, in one order."""
    if isinstance(corpus, Corpus):
        return list(corpus.passages), vector_index.reconstruct(corpus.index)
    passages: list[Passage] = []
    parts: list[np.ndarray] = []
    for batch, vectors in corpus.iter_embedded():
        passages.extend(batch)
        parts.append(vectors)
    dimension = corpus.manifest.dimension
    return passages, np.vstack(parts) if parts else np.zeros((0, dimension), dtype=np.float32)
