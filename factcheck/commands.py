"""What each command does: reads inputs, calls the library, writes records; errors propagate to `cli.main`."""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from factcheck.bulk import Journal, Rate, check_articles
from factcheck.claimreview import claimreview_jsonld
from factcheck.config import reviews_path
from factcheck.corroborate.nli import NliModel
from factcheck.documents import Document
from factcheck.earlier import clean_social_text
from factcheck.embed import Embedder, make_embedder
from factcheck.embed_cache import cached_in
from factcheck.errors import InputError
from factcheck.export import check_rows, claim_row, review_rows, search_rows, to_csv_bytes
from factcheck.extract import extract_claims
from factcheck.factchecks import CorpusKind
from factcheck.limits import Limits
from factcheck.publication import Publication, load_publication
from factcheck.readers import ColumnMapping, iter_paths_with_report, read_path_with_report
from factcheck.review_connection import review_target
from factcheck.review_copy import copy_reviews
from factcheck.reviews import DEFAULT_RATINGS, ReviewStore, parse_ratings
from factcheck.search import SearchMode, batch_search
from factcheck.store import IndexStore
from factcheck.store.backends import is_milvus_spec, open_store
from factcheck.store.ingest import IngestProgress, ingest_paths
from factcheck.store.migrate import migrate_corpus
from factcheck.store.passages import PassageFilter

# ---- commands ------------------------------------------------------------------------------------------------------


def run_extract(arguments) -> int:
    records: list[dict] = []
    for document in _read_articles(arguments.articles, _limits(arguments)):
        records.extend(claim.to_dict() for claim in extract_claims(document))
    rows = [claim_row(r) for r in records] if arguments.format == "csv" else records
    _write(arguments, rows)
    _note(f"{len(records)} claims")
    return 0


def run_index_add(arguments) -> int:
    store = _store(arguments)
    paths = _paths(arguments.paths)
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
    limits = _limits(arguments)
    embedder = _embedder(arguments)
    corpus = store.open_or_create(arguments.corpus, embedder)
    # One named file that cannot be read stops the command (nothing is added); among many, it is reported.
    report = ingest_paths(
        corpus,
        embedder,
        paths,
        lambda path: _read(path, columns, limits),
        journal_dir=_journal_dir(arguments, corpus),
        resume=arguments.resume,
        progress=_ingest_progress,
        stop_on_error=len(paths) == 1,
    )
    for problem in report.problems:
        _note(f"warning: skipped {problem}")
    resumed = f"; {report.resumed_files} files were done before the interruption" if report.resumed_files else ""
    _note(
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
    infos = _store(arguments).list()
    if arguments.format == "jsonl":
        for info in infos:
            print(json.dumps(info.to_dict(), ensure_ascii=False))
        return 0
    if not infos:
        _note(f"No corpora in {_store_name(arguments)}. Add one with `factcheck index add NAME FILE_OR_FOLDER`.")
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
    _store(arguments).remove(arguments.corpus)
    _note(f"Removed corpus '{arguments.corpus}'.")
    return 0


def run_index_remove_docs(arguments) -> int:
    corpus = _store(arguments).open(arguments.corpus)
    removed = corpus.remove_documents(arguments.doc_ids)
    missing = len(set(arguments.doc_ids)) - removed
    _note(f"{arguments.corpus}: removed {removed} documents" + (f"; {missing} ids were not in it" if missing else ""))
    return 0


def run_index_rebuild(arguments) -> int:
    if is_milvus_spec(_store_name(arguments)):
        # Opened without a model check: rebuilding is how a corpus moves to the running model (and to this
        # version's layout of passages).
        corpus = _store(arguments).open(arguments.corpus, repairing=True)
        count = corpus.rebuild(_embedder(arguments), progress=_progress)
        _note(f"{arguments.corpus}: rebuilt {count} passages with {corpus.manifest.model}")
        return 0
    from factcheck.store.repair import rebuild_corpus

    store = IndexStore(_store_name(arguments))
    path = store.path(arguments.corpus)
    if not path.is_dir() or path.is_symlink():
        store.open(arguments.corpus)  # raises the not-found (or link) message
    # From the stored documents alone, without opening the corpus: rebuilding is how a corpus moves to the running
    # model, and how a corpus whose derived files (index, passages, BM25, manifest) are damaged is repaired.
    report = rebuild_corpus(path, _embedder(arguments), progress=_progress)
    for message in report.messages():
        _note(f"warning: {message}")
    _note(
        f"{arguments.corpus}: rebuilt {report.documents} documents ({report.passages} passages) with {report.model} "
        f"from {report.source}"
    )
    return 0


def run_index_migrate(arguments) -> int:
    source = _store(arguments)
    target = open_store(arguments.to)
    report = migrate_corpus(source, target, arguments.corpus, progress=_progress)
    _note(
        f"{arguments.corpus}: copied {report.documents} documents and {report.passages} passages (vectors carried "
        f"over, nothing re-embedded) from {_store_name(arguments)} to {arguments.to}"
    )
    return 0


def run_search(arguments) -> int:
    if (arguments.text is None) == (arguments.queries is None):
        raise InputError("Give either a TEXT to search for or --queries FILE.jsonl, not both and not neither.")
    queries = _read_queries(arguments.queries) if arguments.queries else [{"text": arguments.text}]
    embedder = _embedder(arguments)
    corpus = _store(arguments).open(arguments.corpus, embedder)
    texts = [q["text"] for q in queries]
    if corpus.manifest.corpus_kind is CorpusKind.FACT_CHECK:
        texts = [clean_social_text(text) for text in texts]  # a pasted post is matched as the claim it carries
    results = batch_search([corpus], embedder, texts, arguments.top_k, **_retrieval_options(arguments))
    records = []
    for query, hits in zip(queries, results, strict=True):
        record = {"id": query["id"]} if "id" in query else {}
        record.update(query=query["text"], hits=[hit.to_dict() for hit in hits])
        records.append(record)
    _write(arguments, search_rows(records) if arguments.format == "csv" else records)
    return 0


def run_check(arguments) -> int:
    embedder = _embedder(arguments)
    store = _store(arguments)
    corpora = [store.open(name, embedder) for name in dict.fromkeys(arguments.corpus)]
    paths = _paths(arguments.articles)
    limits = _limits(arguments)

    def read(path: Path) -> list[Document]:
        return _read(path, limits=limits)

    if arguments.resume and (arguments.format != "jsonl" or not arguments.out):
        raise InputError(
            "--resume needs --format jsonl and --out FILE.jsonl (the journal of finished articles is kept "
            "beside that file)."
        )
    options = {"nli": _nli(arguments), **_retrieval_options(arguments)}

    # One named article that cannot be read is an error; in a folder of thousands, a warning and the run goes on.
    options["stop_on_error"] = len(paths) == 1
    if arguments.format == "csv":  # CSV columns depend on every record: written at the end
        records: list[dict] = []
        for result in check_articles(paths, corpora, embedder, read, arguments.top_k, **options):
            _warn_failed(result)
            records.extend(item.to_dict() for item in result.checked)
        _write(arguments, check_rows(records))
        _note(f"{len(records)} claims checked against {', '.join(c.name for c in corpora)}")
        return 0
    # A run over several articles keeps a journal beside its output, so it can be resumed and extended later.
    journal = Journal(Path(arguments.out)) if arguments.out and (len(paths) > 1 or arguments.resume) else None
    done: set[str] = set()
    if journal is not None:
        if arguments.resume:
            done = journal.finished()
        else:
            journal.start()
    if arguments.out and not arguments.resume:
        Path(arguments.out).write_bytes(b"")
    todo = [path for path in paths if str(path) not in done]
    if done:
        _note(f"resuming: {len(paths) - len(todo)} articles already in {arguments.out}, {len(todo)} to go")
    started, claims = time.perf_counter(), 0
    handle = open(arguments.out, "ab") if arguments.out else sys.stdout.buffer  # noqa: SIM115 - closed below
    try:
        results = check_articles(todo, corpora, embedder, read, arguments.top_k, **options)
        for number, result in enumerate(results, start=1):
            _warn_failed(result)
            handle.write("".join(json.dumps(i.to_dict(), ensure_ascii=False) + "\n" for i in result.checked).encode())
            handle.flush()
            if journal is not None:
                journal.record(str(result.path), handle.tell())
            claims += len(result.checked)
            rate = Rate(number, len(todo), claims, time.perf_counter() - started)
            if len(todo) > 1 and (sys.stderr.isatty() or number == len(todo) or number % 100 == 0):
                end = "\n" if number == len(todo) or not sys.stderr.isatty() else ""
                print(f"\r{rate.describe()}", end=end, file=sys.stderr, flush=True)
    finally:
        if arguments.out:
            handle.close()
    if arguments.out:
        _note(f"wrote {arguments.out}")
    _note(f"{claims} claims checked against {', '.join(c.name for c in corpora)}")
    return 0


def _warn_failed(result) -> None:
    if result.error is not None:
        _note(f"warning: skipped {result.path}: {result.error}")


def run_bench(arguments) -> int:
    from factcheck.evaluate.benchmark import run_benchmark, run_extraction_benchmark

    if arguments.stage == "extraction":
        from factcheck.demo import sample_articles

        texts = [document.text for path in sample_articles() for document in _read(path)]
        _emit_table(run_extraction_benchmark(texts), arguments.out)
        return 0
    if arguments.stage == "scale":
        return _run_scale_bench(arguments)
    try:
        sizes = [int(size.replace("_", "")) for size in arguments.sizes.split(",") if size.strip()]
    except ValueError as error:
        raise InputError(f"--sizes takes whole numbers separated by commas, got {arguments.sizes!r}") from error
    if arguments.stage == "stores":
        from factcheck.evaluate.store_benchmark import run_store_benchmark

        rows = run_store_benchmark(sizes, queries=arguments.queries, log=_note)
    else:
        rows = run_benchmark(sizes, embed_sample=arguments.embed_sample, queries=arguments.queries, log=_note)
    _emit_table(rows, arguments.out)
    return 0


def _run_scale_bench(arguments) -> int:
    from factcheck.demo import sample_articles
    from factcheck.evaluate.bench_doc import machine_description, markdown
    from factcheck.evaluate.bench_scale import run_scale_benchmark

    before = machine_description()
    figures = run_scale_benchmark(
        ingest_sizes=_sizes(arguments.ingest_sizes),
        query_sizes=_sizes(arguments.query_sizes),
        queries=arguments.queries,
        articles=arguments.articles,
        work_dir=Path(arguments.work_dir) if arguments.work_dir else None,
        article_paths=sample_articles(),
        app_runs=arguments.app_runs,
        log=_note,
    )
    command = "factcheck bench scale " + " ".join(
        f"--{name.replace('_', '-')} {getattr(arguments, name)}"
        for name in ("ingest_sizes", "query_sizes", "queries", "articles", "app_runs")
    )
    text = markdown(figures, command, before, machine_description())
    out = Path(arguments.out or "docs/benchmarks.md")
    out.write_text(text, encoding="utf-8")
    print(text)
    _note(f"wrote {out}")
    return 0


def _sizes(text: str) -> list[int]:
    try:
        return [int(size.replace("_", "")) for size in text.split(",") if size.strip()]
    except ValueError as error:
        raise ValueError(f"sizes are whole numbers separated by commas, got {text!r}") from error


def _emit_table(rows, out: str | None, extra: str = "") -> None:
    from factcheck.evaluate.report import markdown_table

    table = markdown_table(rows) + (f"\n\n{extra}" if extra else "")
    print(table)
    if out:
        Path(out).write_text(table + "\n", encoding="utf-8")
        _note(f"wrote {out}")


def run_eval(arguments) -> int:
    from factcheck.evaluate import DATA_DIR_VARIABLE, DEFAULT_DATA_DIR

    if arguments.stage == "articles":
        return _run_article_eval(arguments)
    data_dir = Path(arguments.data_dir) if arguments.data_dir else DEFAULT_DATA_DIR
    if not data_dir.is_dir():
        raise InputError(
            f"No evaluation data folder at {data_dir}; pass --data-dir DIR (or set ${DATA_DIR_VARIABLE}) naming the"
            " folder that holds the data sets listed in docs/data.md."
        )
    if arguments.stage == "extraction":
        from factcheck.evaluate.extraction_run import evaluate_extraction

        rows = evaluate_extraction(data_dir, log=_note)
    elif arguments.stage == "fact-checks":
        from factcheck.evaluate import earlier

        options = ["--embedder", arguments.embedder] + (["--model", arguments.model] if arguments.model else [])
        rows = earlier.run(data_dir, options, log=_note)
    elif arguments.stage == "corroboration":
        from factcheck.evaluate import corroboration

        rows, tables = corroboration.run(data_dir, log=_note, nli=_nli(arguments))
        _emit_table(rows, arguments.out, extra="\n\n".join(tables))
        return 0
    else:
        from factcheck.evaluate import retrieval

        sets = [
            retrieval.read_climate_fever(data_dir / "climate-fever"),
            retrieval.read_climate_fever(data_dir / "climate-fever", use_titles=True),
            retrieval.read_averitec(data_dir / "averitec"),
            retrieval.read_averitec(data_dir / "averitec", numerical_only=True),
            retrieval.read_fever_symmetric(data_dir / "fever-symmetric"),
        ]
        if arguments.sets:
            wanted = [name.strip().lower() for name in arguments.sets.split(",") if name.strip()]
            sets = [s for s in sets if any(s.name.lower().startswith(name) for name in wanted)]
            if not sets:
                raise InputError(f"--sets {arguments.sets!r} names none of the sets (climate-fever, averitec, fever).")
        if arguments.stores:
            kinds = [kind.strip() for kind in arguments.stores.split(",") if kind.strip()]
            rows = retrieval.compare_stores(sets, _embedder(arguments), kinds, log=_note)
        else:
            # On a Milvus store the evaluation builds its corpora in a temporary Milvus Lite file, never in the store.
            milvus = is_milvus_spec(_store_name(arguments))
            rows = retrieval.evaluate_retrieval(
                sets, _embedder(arguments), log=_note, store_kind="milvus-lite" if milvus else "faiss"
            )
    _emit_table(rows, arguments.out)
    return 0


def _run_article_eval(arguments) -> int:
    from factcheck.evaluate import PROJECT_ROOT
    from factcheck.evaluate.article_run import default_splits, details_of, evaluate_split, rows_of

    splits = arguments.articles or [
        str(path) for path in default_splits(PROJECT_ROOT / "tests" / "data" / "article_set")
    ]
    embedder = _embedder(arguments)
    rows, details = [], []
    for split in splits:
        every, confident = evaluate_split(split, embedder, arguments.top_k, log=_note)
        rows.extend(rows_of(Path(split).name, every, confident))
        details.append(details_of(Path(split).name, every))
    _emit_table(rows, arguments.out, extra="\n\n".join(details))
    return 0


def run_export(arguments) -> int:
    path = _existing_reviews(arguments)
    if arguments.excel and arguments.format != "csv":
        raise InputError("--excel applies to --format csv only; drop it for JSON-LD.")
    ratings = parse_ratings(arguments.ratings) or DEFAULT_RATINGS
    if arguments.publisher is not None and not arguments.publisher.strip():
        raise InputError("--publisher needs a name (the organisation publishing the reviews).")
    store = ReviewStore(path)
    records = [record for record in store.claim_rows() if not record.doc_archived]
    if arguments.format == "jsonld":
        saved = load_publication(store)
        publication = Publication(
            publisher=(arguments.publisher or saved.publisher or "factcheck").strip(),
            publisher_url=(arguments.publisher_url if arguments.publisher_url is not None else saved.publisher_url),
            review_url_pattern=arguments.review_url if arguments.review_url is not None else saved.review_url_pattern,
        )
        publication.check()
        reviews = claimreview_jsonld(
            records,
            publisher=publication.publisher,
            ratings=ratings,
            review_url_pattern=publication.review_url_pattern,
            publisher_url=publication.publisher_url or None,
        )
        data = (json.dumps(reviews, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
        count, what = len(reviews), "published claims (rated and marked done)"
    else:
        rows = review_rows(records, ratings=ratings)
        data = to_csv_bytes(rows, excel=arguments.excel) if rows else b""
        count, what = len(rows), "claims"
    _emit_bytes(data, arguments.out)
    _note(f"{count} {what} exported" if count else f"{store.name} has no {what} yet; the export is empty.")
    return 0


def run_reviews_migrate(arguments) -> int:
    source = ReviewStore(_existing_reviews(arguments))
    target = ReviewStore(review_target(arguments.to))
    report = copy_reviews(source, target)
    counts = ", ".join(f"{rows} {table}" for table, rows in report.rows.items())
    _note(f"Copied {source.name} to {target.name}: {counts}. Point FACTCHECK_REVIEWS (or --reviews) at the new one.")
    return 0


def run_backup(arguments) -> int:
    from factcheck.backup import backup_corpus, backup_reviews

    out = Path(arguments.out)
    if arguments.what == "corpus":
        if not arguments.corpus:
            raise InputError("Name the corpus to save: factcheck backup corpus NAME --out FILE.tar")
        if is_milvus_spec(_store_name(arguments)):
            from factcheck.store.milvus.archive import backup_milvus_corpus

            report = backup_milvus_corpus(_store(arguments), arguments.corpus, out)
        else:
            store = IndexStore(_store_name(arguments))
            store.open(arguments.corpus)  # the usual not-found, link and damage messages before anything is written
            report = backup_corpus(store.path(arguments.corpus), out)
        _note(f"saved {report.what} ({report.documents} documents, {report.bytes:,} bytes) to {out}")
    else:
        report = backup_reviews(_reviews_path(arguments), out)
        _note(f"saved the review database ({report.bytes:,} bytes) to {out}")
    return 0


def run_restore(arguments) -> int:
    from factcheck.backup import restore_corpus, restore_reviews

    if arguments.what == "corpus" and is_milvus_spec(_store_name(arguments)):
        from factcheck.store.milvus.archive import restore_milvus_corpus

        if arguments.replace:
            raise InputError(
                "--replace is for folder stores; a Milvus corpus is not replaced by a restore. Restore under another "
                f"name (--as NAME), or remove it first with `factcheck --store {_store_name(arguments)} index remove "
                "NAME`."
            )
        report = restore_milvus_corpus(Path(arguments.file), _store(arguments), arguments.name)
        _note(f"restored {report.what} ({report.documents} documents) into {report.path}")
    elif arguments.what == "corpus":
        report = restore_corpus(
            Path(arguments.file), Path(_store_name(arguments)), arguments.name, replace_existing=arguments.replace
        )
        _note(f"restored {report.what} ({report.documents} documents) into {report.path}")
    else:
        if arguments.name:
            raise InputError("--as names a restored corpus; for the review database use --reviews PATH.")
        report = restore_reviews(Path(arguments.file), _reviews_path(arguments), replace_existing=arguments.replace)
        kept = f"; the database it replaced was copied to {report.kept_copy}" if report.kept_copy else ""
        _note(f"restored the review database at {report.path}{kept}")
    return 0


def _reviews_path(arguments) -> Path:
    """The SQLite review file (backup and restore copy files; a PostgreSQL database is backed up with pg_dump)."""
    target = reviews_path(arguments.index_dir, arguments.reviews)
    if not isinstance(target, Path):
        raise InputError(
            f"{arguments.reviews.split('@')[-1]} is a PostgreSQL database: back it up with PostgreSQL's own pg_dump "
            "(or copy it to a file with `factcheck reviews migrate --to FILE`); backup and restore handle SQLite files."
        )
    return target


# ---- helpers -------------------------------------------------------------------------------------------------------


def _store_name(arguments) -> str:
    return arguments.store or arguments.index_dir


def _store(arguments):
    """The corpus store of --store (a folder, milvus-lite:PATH.db or a Milvus server URL), else --index-dir."""
    return open_store(_store_name(arguments))


def _existing_reviews(arguments) -> Path | str:
    """The review database named by --reviews (or the default file), which must exist already."""
    target = reviews_path(arguments.index_dir, arguments.reviews)
    # Checked first: opening a ReviewStore would create an empty database at a mistyped path.
    if isinstance(target, Path) and not target.is_file():
        raise InputError(f"No review database at {target}; pass --reviews PATH (or set $FACTCHECK_REVIEWS).")
    return target


def _retrieval_options(arguments) -> dict:
    return {
        "mode": SearchMode(arguments.mode),
        "passage_filter": PassageFilter(tuple(arguments.source), arguments.since, arguments.until),
    }


def _embedder(arguments) -> Embedder:
    embedder = make_embedder(arguments.embedder, arguments.model, precision=arguments.precision)
    return embedder if arguments.no_embedding_cache else cached_in(embedder, arguments.index_dir)


def _nli(arguments) -> NliModel | None:
    """The optional NLI model, loaded now so a wrong directory fails before any work."""
    if not arguments.nli_model:
        return None
    model = NliModel(arguments.nli_model)
    model.warm_up()
    return model


def _read_articles(paths: Sequence[str], limits: Limits | None = None) -> list[Document]:
    documents = []
    for path in _paths(paths):
        documents.extend(_read(path, limits=limits))
    return documents


def _paths(paths: Sequence[str]) -> list[Path]:
    found, warnings = iter_paths_with_report(paths)
    for warning in warnings:
        _note(f"warning: {warning}")
    return found


def _limits(arguments) -> Limits:
    """The environment's limits, with those given on the command line in their place."""
    limits = Limits.from_environment()
    given = {
        "document_chars": getattr(arguments, "max_document_chars", None),
        "field_chars": getattr(arguments, "max_field_chars", None),
        "archive_bytes": getattr(arguments, "max_archive_bytes", None),
    }
    return Limits(**{**{f: getattr(limits, f) for f in limits.__slots__}, **{k: v for k, v in given.items() if v}})


def _read(path, columns: ColumnMapping | None = None, limits: Limits | None = None) -> list[Document]:
    documents, warnings = read_path_with_report(path, columns=columns, limits=limits)
    for warning in warnings:
        _note(f"warning: {warning}")
    return documents


def _read_queries(path: str) -> list[dict]:
    queries = []
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"{path} line {number} is not JSON ({error.msg}).") from error
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise InputError(f'{path} line {number}: expected {{"id": ..., "text": "..."}}, got {line[:80]!r}')
                queries.append(record)
    except FileNotFoundError as error:
        raise InputError(f"The queries file {path} does not exist.") from error
    except UnicodeDecodeError as error:
        raise InputError(f"The queries file {path} is not UTF-8 text; re-save it as UTF-8.") from error
    if not queries:
        raise InputError(f"The queries file {path} has no queries.")
    return queries


def _write(arguments, rows: list[dict]) -> None:
    if arguments.format == "csv":
        data = to_csv_bytes(rows)
    else:
        data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    _emit_bytes(data, arguments.out)


def _emit_bytes(data: bytes, out: str | None) -> None:
    """`data` to the file `out`, or to standard output when no file is given."""
    if out:
        Path(out).write_bytes(data)
        _note(f"wrote {out}")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _note(message: str) -> None:
    print(message, file=sys.stderr)


def _progress(stage: str, done: int, total: int) -> None:
    """A progress bar on a terminal; one line per finished stage when standard error is a file or a pipe."""
    if sys.stderr.isatty():
        width = 30
        filled = width * done // total if total else width
        bar = "#" * filled + "-" * (width - filled)
        percent = 100 * done // total if total else 100
        end = "\n" if done >= total else ""
        print(f"\r{stage:<10} [{bar}] {percent:3d}% {done}/{total}", end=end, file=sys.stderr, flush=True)
    elif done >= total:
        print(f"{stage}: {done}/{total}", file=sys.stderr)
