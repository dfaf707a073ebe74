"""What the command line's options name, opened: the corpus store, the review database, the embedder, the
NLI model, the limits, and the files to read (with their warnings noted)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from factcheck.cli.output import note
from factcheck.config import reviews_path
from factcheck.corroborate.nli import NliModel
from factcheck.documents import Document
from factcheck.embed import Embedder, make_embedder
from factcheck.embed_cache import cached_in
from factcheck.errors import InputError
from factcheck.limits import Limits
from factcheck.query_adapter import configured_adapter
from factcheck.readers import ColumnMapping, iter_paths_with_report, read_path_with_report
from factcheck.rerank import configured_reranker
from factcheck.search import SearchMode
from factcheck.store.backends import open_store
from factcheck.store.passages import PassageFilter


def store_name(arguments) -> str:
    return arguments.store or arguments.index_dir


def corpus_store(arguments):
    """The corpus store of --store (a folder, milvus-lite:PATH.db or a Milvus server URL), else --index-dir."""
    return open_store(store_name(arguments))


def existing_reviews(arguments) -> Path | str:
    """The review database named by --reviews (or the default file), which must exist already."""
    target = reviews_path(arguments.index_dir, arguments.reviews)
    # Checked first: opening a ReviewStore would create an empty database at a mistyped path.
    if isinstance(target, Path) and not target.is_file():
        raise InputError(f"No review database at {target}; pass --reviews PATH (or set $FACTCHECK_REVIEWS).")
    return target


def retrieval_options(arguments) -> dict:
    # The re-rank is passed as the setting's value, checked here so that a model file that cannot be used fails
    # before any search: search picks the model for the corpora it searches (a fact-check corpus searched through the
    # adapter gets the adapter's own re-rank when the value is 'on').
    configured_reranker(arguments.rerank)
    return {
        "mode": SearchMode(arguments.mode),
        "passage_filter": PassageFilter(tuple(arguments.source), arguments.since, arguments.until),
        "reranker": arguments.rerank or "off",
        "adapter": configured_adapter(arguments.query_adapter),
    }


def embedder_from(arguments) -> Embedder:
    embedder = make_embedder(
        arguments.embedder, arguments.model, precision=arguments.precision, query_runtime=arguments.query_runtime
    )
    return embedder if arguments.no_embedding_cache else cached_in(embedder, arguments.index_dir)


def nli_from(arguments) -> NliModel | None:
    """The optional NLI model, loaded now so a wrong directory fails before any work."""
    if not arguments.nli_model:
        return None
    model = NliModel(arguments.nli_model)
    model.warm_up()
    return model


def read_articles(paths: Sequence[str], limits: Limits | None = None) -> list[Document]:
    documents = []
    for path in expand_paths(paths):
        documents.extend(read_documents(path, limits=limits))
    return documents


def expand_paths(paths: Sequence[str]) -> list[Path]:
    found, warnings = iter_paths_with_report(paths)
    for warning in warnings:
        note(f"warning: {warning}")
    return found


def limits_from(arguments) -> Limits:
    """The environment's limits, with those given on the command line in their place."""
    limits = Limits.from_environment()
    given = {
        "document_chars": getattr(arguments, "max_document_chars", None),
        "field_chars": getattr(arguments, "max_field_chars", None),
        "archive_bytes": getattr(arguments, "max_archive_bytes", None),
    }
    return Limits(**{**{f: getattr(limits, f) for f in limits.__slots__}, **{k: v for k, v in given.items() if v}})


def read_documents(path, columns: ColumnMapping | None = None, limits: Limits | None = None) -> list[Document]:
    documents, warnings = read_path_with_report(path, columns=columns, limits=limits)
    for warning in warnings:
        note(f"warning: {warning}")
    return documents
