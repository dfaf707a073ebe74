"""`factcheck extract`, `search` and `check`: claims from articles, passages for a text, candidates for each claim."""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from factcheck.bulk import Journal, Rate, check_articles
from factcheck.cli.arguments import (
    corpus_store,
    embedder_from,
    expand_paths,
    limits_from,
    nli_from,
    read_articles,
    read_documents,
    retrieval_options,
)
from factcheck.cli.output import note, write_rows
from factcheck.documents import Document
from factcheck.earlier import clean_social_text
from factcheck.errors import InputError
from factcheck.export import check_rows, flat_claim, search_rows
from factcheck.extract import extract_claims
from factcheck.factchecks import CorpusKind
from factcheck.search import batch_search


def run_extract(arguments) -> int:
    records: list[dict] = []
    for document in read_articles(arguments.articles, limits_from(arguments)):
        records.extend(claim.to_dict() for claim in extract_claims(document))
    rows = [flat_claim(r) for r in records] if arguments.format == "csv" else records
    write_rows(arguments, rows)
    note(f"{len(records)} claims")
    return 0


def run_search(arguments) -> int:
    if (arguments.text is None) == (arguments.queries is None):
        raise InputError("Give either a TEXT to search for or --queries FILE.jsonl, not both and not neither.")
    queries = _read_queries(arguments.queries) if arguments.queries else [{"text": arguments.text}]
    embedder = embedder_from(arguments)
    corpus = corpus_store(arguments).open(arguments.corpus, embedder)
    texts = [q["text"] for q in queries]
    if corpus.manifest.corpus_kind is CorpusKind.FACT_CHECK:
        texts = [clean_social_text(text) for text in texts]  # a pasted post is matched as the claim it carries
    results = batch_search([corpus], embedder, texts, arguments.top_k, **retrieval_options(arguments))
    records = []
    for query, hits in zip(queries, results, strict=True):
        record = {"id": query["id"]} if "id" in query else {}
        record.update(query=query["text"], hits=[hit.to_dict() for hit in hits])
        records.append(record)
    write_rows(arguments, search_rows(records) if arguments.format == "csv" else records)
    return 0


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


def run_check(arguments) -> int:
    embedder = embedder_from(arguments)
    store = corpus_store(arguments)
    corpora = [store.open(name, embedder) for name in dict.fromkeys(arguments.corpus)]
    paths = expand_paths(arguments.articles)
    limits = limits_from(arguments)

    def read(path: Path) -> list[Document]:
        return read_documents(path, limits=limits)

    if arguments.resume and (arguments.format != "jsonl" or not arguments.out):
        raise InputError(
            "--resume needs --format jsonl and --out FILE.jsonl (the journal of finished articles is kept "
            "beside that file)."
        )
    options = {"nli": nli_from(arguments), **retrieval_options(arguments)}

    # One named article that cannot be read is an error; in a folder of thousands, a warning and the run goes on.
    options["stop_on_error"] = len(paths) == 1
    if arguments.format == "csv":  # CSV columns depend on every record: written at the end
        records: list[dict] = []
        for result in check_articles(paths, corpora, embedder, read, arguments.top_k, **options):
            _warn_failed(result)
            records.extend(item.to_dict() for item in result.checked)
        write_rows(arguments, check_rows(records))
        note(f"{len(records)} claims checked against {', '.join(c.name for c in corpora)}")
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
        note(f"resuming: {len(paths) - len(todo)} articles already in {arguments.out}, {len(todo)} to go")
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
        note(f"wrote {arguments.out}")
    note(f"{claims} claims checked against {', '.join(c.name for c in corpora)}")
    return 0


def _warn_failed(result) -> None:
    if result.error is not None:
        note(f"warning: skipped {result.path}: {result.error}")
