"""Reference corpora from the app: list, add uploaded files (with progress), remove documents or a corpus."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from factcheck.embed import Embedder
from factcheck.errors import FactcheckError
from factcheck.readers import ColumnMapping, read_bytes_with_report
from factcheck.search import search
from factcheck.store import AddReport, validate_corpus_name
from factcheck.store.backends import CorpusLike
from factcheck.store.corpus import ProgressCallback
from factcheck.workbench.settings import Settings


def corpora_table(settings: Settings) -> pd.DataFrame:
    """Every corpus with its document and passage counts, size and model (a damaged one shows its problem)."""
    rows = [
        {
            "corpus": info.name,
            "kind": info.kind,
            "documents": info.documents,
            "passages": info.passages,
            "size (MB)": round(info.size_bytes / 1e6, 2),
            "model": info.model,
            "updated": info.updated,
            "problem": info.problem or "",
        }
        for info in settings.corpus_store().list()
    ]
    columns = ["corpus", "kind", "documents", "passages", "size (MB)", "model", "updated", "problem"]
    return pd.DataFrame(rows, columns=columns)


def add_uploads(
    settings: Settings,
    corpus_name: str,
    uploads: Sequence[tuple[str, bytes]],
    embedder: Embedder,
    progress: ProgressCallback | None = None,
    columns: ColumnMapping | None = None,
) -> tuple[AddReport, list[str]]:
    """Read uploaded files and add them to a corpus (created if new). Returns the report and per-file problems;
    a file that cannot be read is reported and skipped, the others are added. If none can be read, nothing is
    created and the problems are the error. `columns` names the CSV/JSONL columns (default: text, id, ...)."""
    validate_corpus_name(corpus_name)
    documents, problems = [], []
    for name, data in uploads:
        try:
            found, warnings = read_bytes_with_report(data, name, columns=columns)
        except FactcheckError as error:
            problems.append(str(error))
            continue
        documents.extend(found)
        problems.extend(warnings)
    if not documents:
        raise FactcheckError("Nothing was added: " + " ".join(problems or ["the files hold no text."]))
    corpus = settings.corpus_store().open_or_create(corpus_name, embedder)
    report = corpus.add_documents(documents, embedder, progress=progress)
    return report, problems


def corpus_documents(settings: Settings, corpus_name: str) -> pd.DataFrame:
    corpus = settings.corpus_store().open(corpus_name)
    rows = [
        {
            "doc_id": d.doc_id,
            "title": d.title or "",
            "source": d.source or "",
            "date": d.date or "",
            "passages": d.passages,
        }
        for d in corpus.documents.values()
    ]
    return pd.DataFrame(rows, columns=["doc_id", "title", "source", "date", "passages"])


def remove_corpus_documents(settings: Settings, corpus_name: str, doc_ids: Sequence[str]) -> int:
    return settings.corpus_store().open(corpus_name).remove_documents(doc_ids)


def remove_corpus(settings: Settings, corpus_name: str) -> None:
    settings.corpus_store().remove(corpus_name)


def search_corpus(corpora: Sequence[CorpusLike], query: str, embedder: Embedder, top_k: int = 10) -> pd.DataFrame:
    """The best passages for `query` over the chosen (open) corpora, hybrid retrieval, as a table to read."""
    if not query.strip():
        raise FactcheckError("Type what to look for first.")
    if not corpora:
        raise FactcheckError("Choose at least one corpus to search.")
    hits = search(corpora, embedder, query, top_k)
    rows = [
        {
            "rank": hit.rank,
            "corpus": hit.corpus,
            "title": hit.title or hit.doc_id,
            "passage": hit.text,
            "source": hit.source or "",
            "date": hit.date or "",
            "url": hit.url or "",
            "similarity": round(hit.similarity, 3) if hit.similarity is not None else None,
            "review": hit.review.summary() if hit.review else "",
        }
        for hit in hits
    ]
    columns = ["rank", "corpus", "title", "passage", "source", "date", "url", "similarity", "review"]
    return pd.DataFrame(rows, columns=columns)


def column_mapping(text: str, **optional: str) -> ColumnMapping:
    """The CSV/JSONL column names a user typed (`optional`: id, title, url, date, source; blank = no such column)."""
    try:
        return ColumnMapping(text=text.strip(), **{key: (value.strip() or None) for key, value in optional.items()})
    except (ValueError, TypeError):
        raise FactcheckError(
            "Column names: the text column needs a name (the column that holds each record's text)."
        ) from None
