"""`factcheck index ...`: adding files to a corpus, listing, removing, rebuilding and migrating corpora."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from factcheck.cli.arguments import corpus_store, embedder_from, expand_paths, limits_from, read_documents, store_name
from factcheck.cli.output import note, show_progress
from factcheck.errors import InputError
from factcheck.readers import ColumnMapping
from factcheck.store import IndexStore
from factcheck.store.backends import is_milvus_spec, open_store
from factcheck.store.ingest import IngestProgress, ingest_paths
from factcheck.store.migrate import migrate_corpus


def run_index_add(arguments) -> int:
    store = corpus_store(arguments)
    paths = expand_paths(arguments.paths)
    if not paths:
        raise InputError(f"No readable files found in {', '.join(arguments.paths)}.")
    columns = ColumnMapping(
        text=arguments.text_column,
        id=arguments.id_column,
        title=arguments.title_column,
        url=arguments.url_column,
        date=arguments.date_column,
        source=arguments.source_column,
        rating=arguments.rating_column or None,
        claimant=arguments.claimant_column or None,
        publisher=arguments.publisher_column or None,
    )
    limits = limits_from(arguments)
    embedder = embedder_from(arguments)
    corpus = store.open_or_create(arguments.corpus, embedder)
    # One named file that cannot be read stops the command (nothing is added); among many, it is reported.
    report = ingest_paths(
        corpus,
        embedder,
        paths,
        lambda path: read_documents(path, columns, limits),
        journal_dir=_journal_dir(arguments, corpus),
        resume=arguments.resume,
        progress=_ingest_progress,
        stop_on_error=len(paths) == 1,
    )
    for problem in report.problems:
        note(f"warning: skipped {problem}")
    resumed = f"; {report.resumed_files} files were done before the interruption" if report.resumed_files else ""
    note(
        f"{arguments.corpus}: added {report.added_documents} documents ({report.added_passages} passages), "
        f"replaced {report.replaced_documents}, skipped {report.skipped_duplicates} already present{resumed}; "
        f"now {corpus.manifest.documents} documents, {corpus.manifest.passages} passages"
    )
    return 0


def _journal_dir(arguments, corpus) -> Path:
    """Where `index add` journals finished files: the corpus folder, or for a Milvus corpus a folder of this machine
    (under --index-dir), so an interrupted add into a shared server resumes from the machine that ran it."""
    directory = getattr(corpus, "directory", None)
    if isinstance(directory, Path):
        return directory
    return Path(arguments.index_dir) / ".milvus-ingest" / corpus.name


def _ingest_progress(state: IngestProgress) -> None:
    """The rate and time left: a refreshed line on a terminal, the last state only when standard error is a file."""
    finished = state.files_done == state.files_total and state.bytes_done == state.bytes_total
    if sys.stderr.isatty():
        print(f"\r{state.describe():<100}", end="\n" if finished else "", file=sys.stderr, flush=True)
    elif finished and state.files_total > 1:
        print(state.describe(), file=sys.stderr)


def run_index_list(arguments) -> int:
    infos = corpus_store(arguments).list()
    if arguments.format == "jsonl":
        for info in infos:
            print(json.dumps(info.to_dict(), ensure_ascii=False))
        return 0
    if not infos:
        note(f"No corpora in {store_name(arguments)}. Add one with `factcheck index add NAME FILE_OR_FOLDER`.")
        return 0
    print(f"{'corpus':<24} {'kind':<10} {'documents':>9} {'passages':>9} {'size':>10}  model")
    for info in infos:
        if info.problem:
            print(f"{info.name:<24} DAMAGED: {info.problem}")
        else:
            size = f"{info.size_bytes / 1e6:.1f} MB"
            print(f"{info.name:<24} {info.kind:<10} {info.documents:>9} {info.passages:>9} {size:>10}  {info.model}")
    return 0


def run_index_remove(arguments) -> int:
    corpus_store(arguments).remove(arguments.corpus)
    note(f"Removed corpus '{arguments.corpus}'.")
    return 0


def run_index_remove_docs(arguments) -> int:
    corpus = corpus_store(arguments).open(arguments.corpus)
    removed = corpus.remove_documents(arguments.doc_ids)
    missing = len(set(arguments.doc_ids)) - removed
    note(f"{arguments.corpus}: removed {removed} documents" + (f"; {missing} ids were not in it" if missing else ""))
    return 0


def run_index_rebuild(arguments) -> int:
    if is_milvus_spec(store_name(arguments)):
        # Opened without a model check: rebuilding is how a corpus moves to the running model (and to this
        # version's layout of passages).
        corpus = corpus_store(arguments).open(arguments.corpus, repairing=True)
        count = corpus.rebuild(embedder_from(arguments), progress=show_progress)
        note(f"{arguments.corpus}: rebuilt {count} passages with {corpus.manifest.model}")
        return 0
    from factcheck.store.repair import rebuild_corpus

    store = IndexStore(store_name(arguments))
    path = store.path(arguments.corpus)
    if not path.is_dir() or path.is_symlink():
        store.open(arguments.corpus)  # raises the not-found (or link) message
    # From the stored documents alone, without opening the corpus: rebuilding is how a corpus moves to the running
    # model, and how a corpus whose derived files (index, passages, BM25, manifest) are damaged is repaired.
    report = rebuild_corpus(path, embedder_from(arguments), progress=show_progress)
    for message in report.messages():
        note(f"warning: {message}")
    note(
        f"{arguments.corpus}: rebuilt {report.documents} documents ({report.passages} passages) with {report.model} "
        f"from {report.source}"
    )
    return 0


def run_index_migrate(arguments) -> int:
    source = corpus_store(arguments)
    target = open_store(arguments.to)
    report = migrate_corpus(source, target, arguments.corpus, progress=show_progress)
    note(
        f"{arguments.corpus}: copied {report.documents} documents and {report.passages} passages (vectors carried "
        f"over, nothing re-embedded) from {store_name(arguments)} to {arguments.to}"
    )
    return 0
