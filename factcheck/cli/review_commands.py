"""`factcheck export`, `reviews migrate`, `backup` and `restore`: the review database and corpora out and back."""

from __future__ import annotations

import json
from pathlib import Path

from factcheck.claimreview import claimreview_jsonld
from factcheck.cli.arguments import corpus_store, existing_reviews, store_name
from factcheck.cli.output import emit_bytes, note
from factcheck.config import reviews_path
from factcheck.errors import InputError
from factcheck.export import review_rows, to_csv_bytes
from factcheck.publication import Publication, load_publication
from factcheck.review_connection import review_target
from factcheck.review_copy import copy_reviews
from factcheck.reviews import DEFAULT_RATINGS, ReviewStore, parse_ratings
from factcheck.store import IndexStore
from factcheck.store.backends import is_milvus_spec


def run_export(arguments) -> int:
    path = existing_reviews(arguments)
    if arguments.excel and arguments.format != "csv":
        raise InputError("--excel applies to --format csv only; drop it for JSON-LD.")
    ratings = parse_ratings(arguments.ratings) or DEFAULT_RATINGS
    if arguments.publisher is not None and not arguments.publisher.strip():
        raise InputError("--publisher needs a name (the organisation publishing the reviews).")
    store = ReviewStore(path)
    records = [record for record in store.recorded_claims() if not record.doc_archived]
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
    emit_bytes(data, arguments.out)
    note(f"{count} {what} exported" if count else f"{store.name} has no {what} yet; the export is empty.")
    return 0


def run_reviews_migrate(arguments) -> int:
    source = ReviewStore(existing_reviews(arguments))
    target = ReviewStore(review_target(arguments.to))
    report = copy_reviews(source, target)
    counts = ", ".join(f"{rows} {table}" for table, rows in report.rows.items())
    note(f"Copied {source.name} to {target.name}: {counts}. Point FACTCHECK_REVIEWS (or --reviews) at the new one.")
    return 0


def run_backup(arguments) -> int:
    from factcheck.backup import backup_corpus, backup_reviews

    out = Path(arguments.out)
    if arguments.what == "corpus":
        if not arguments.corpus:
            raise InputError("Name the corpus to save: factcheck backup corpus NAME --out FILE.tar")
        if is_milvus_spec(store_name(arguments)):
            from factcheck.store.milvus.archive import backup_milvus_corpus

            report = backup_milvus_corpus(corpus_store(arguments), arguments.corpus, out)
        else:
            store = IndexStore(store_name(arguments))
            store.open(arguments.corpus)  # the usual not-found, link and damage messages before anything is written
            report = backup_corpus(store.path(arguments.corpus), out)
        note(f"saved {report.what} ({report.documents} documents, {report.bytes:,} bytes) to {out}")
    else:
        report = backup_reviews(_reviews_path(arguments), out)
        note(f"saved the review database ({report.bytes:,} bytes) to {out}")
    return 0


def run_restore(arguments) -> int:
    from factcheck.backup import restore_corpus, restore_reviews

    if arguments.what == "corpus" and is_milvus_spec(store_name(arguments)):
        from factcheck.store.milvus.archive import restore_milvus_corpus

        if arguments.replace:
            raise InputError(
                "--replace is for folder stores; a Milvus corpus is not replaced by a restore. Restore under another "
                f"name (--as NAME), or remove it first with `factcheck --store {store_name(arguments)} index remove "
                "NAME`."
            )
        report = restore_milvus_corpus(Path(arguments.file), corpus_store(arguments), arguments.name)
        note(f"restored {report.what} ({report.documents} documents) into {report.path}")
    elif arguments.what == "corpus":
        report = restore_corpus(
            Path(arguments.file), Path(store_name(arguments)), arguments.name, replace_existing=arguments.replace
        )
        note(f"restored {report.what} ({report.documents} documents) into {report.path}")
    else:
        if arguments.name:
            raise InputError("--as names a restored corpus; for the review database use --reviews PATH.")
        report = restore_reviews(Path(arguments.file), _reviews_path(arguments), replace_existing=arguments.replace)
        kept = f"; the database it replaced was copied to {report.kept_copy}" if report.kept_copy else ""
        note(f"restored the review database at {report.path}{kept}")
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
