"""The command line: a thin layer that parses arguments, calls the library and turns its errors into messages."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from factcheck import __version__
from factcheck.check import check_claims
from factcheck.documents import Document
from factcheck.embed import Embedder, HashEmbedder, SentenceTransformerEmbedder
from factcheck.errors import FactcheckError
from factcheck.export import check_rows, claim_row, search_rows, to_csv_bytes
from factcheck.extract import extract_claims
from factcheck.readers import ColumnMapping, iter_paths, read_path_with_report
from factcheck.search import DEFAULT_TOP_K, batch_search
from factcheck.store import IndexStore

DEFAULT_INDEX_DIR = "indexes"

EPILOG = """\
Examples:
  factcheck extract seeds/articles/aleppo_truce_talks.txt --format csv --out claims.csv
  factcheck index add reports ~/archive/un-briefings/ press.csv
  factcheck index list
  factcheck search demo "almost 600,000 people live under siege" --top-k 3
  factcheck check seeds/articles/aleppo_truce_talks.txt --corpus demo --top-k 3
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find quotes and numeric claims in articles and retrieve evidence from your reference corpora.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    parser.add_argument(
        "--index-dir",
        default=os.environ.get("FACTCHECK_INDEX_DIR", DEFAULT_INDEX_DIR),
        help="folder holding the corpora (default: ./indexes, or $FACTCHECK_INDEX_DIR)",
    )
    parser.add_argument(
        "--model",
        default=os.environ.get("FACTCHECK_MODEL"),
        help="a local sentence-transformers model directory (default: the packaged all-MiniLM-L6-v2)",
    )
    parser.add_argument(
        "--embedder",
        choices=("minilm", "hash"),
        default=os.environ.get("FACTCHECK_EMBEDDER", "minilm"),
        help="'minilm' (default) embeds with the model; 'hash' is a word-hashing embedder with no model, for "
        "machines without one and for tests (corpora built with one cannot be searched with the other)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="list the quotes and numeric claims of articles",
        epilog="Example:\n  factcheck extract article.html --format csv --out claims.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    extract.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files (.txt .md .html .pdf .docx)")
    _add_output_options(extract)
    extract.set_defaults(handler=run_extract)

    index = commands.add_parser("index", help="add to, list and remove reference corpora")
    index_commands = index.add_subparsers(dest="index_command", required=True, metavar="ACTION")
    add = index_commands.add_parser(
        "add",
        help="add files or folders to a corpus (created if new)",
        epilog="Example:\n  factcheck index add reports briefings/ transcripts.csv --text-column body",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add.add_argument("corpus", metavar="CORPUS")
    add.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    for field_name in ("text", "id", "title", "url", "date", "source"):
        add.add_argument(
            f"--{field_name}-column",
            default=field_name,
            metavar="NAME",
            help=f"CSV/JSONL column holding the record's {field_name} (default: {field_name})",
        )
    add.set_defaults(handler=run_index_add)
    listing = index_commands.add_parser(
        "list",
        help="list corpora with their counts",
        epilog="Example:\n  factcheck index list --format jsonl",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    listing.add_argument("--format", choices=("table", "jsonl"), default="table")
    listing.set_defaults(handler=run_index_list)
    remove = index_commands.add_parser(
        "remove",
        help="delete a corpus and its files",
        epilog="Example:\n  factcheck index remove old-reports",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    remove.add_argument("corpus", metavar="CORPUS")
    remove.set_defaults(handler=run_index_remove)

    search = commands.add_parser(
        "search",
        help="find the passages of a corpus nearest a text",
        epilog='Example:\n  factcheck search demo "a 48-hour pause in Aleppo" --top-k 3',
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    search.add_argument("corpus", metavar="CORPUS")
    search.add_argument("text", nargs="?", metavar="TEXT")
    search.add_argument("--queries", metavar="FILE.jsonl", help='one {"id": ..., "text": ...} object per line')
    search.add_argument("--top-k", type=_positive_int, default=DEFAULT_TOP_K)
    _add_output_options(search)
    search.set_defaults(handler=run_search)

    check = commands.add_parser(
        "check",
        help="extract claims and retrieve candidate evidence for each",
        epilog="Example:\n  factcheck check article.txt --corpus demo --corpus reports --format csv --out checked.csv",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    check.add_argument("articles", nargs="+", metavar="ARTICLE")
    check.add_argument("--corpus", action="append", required=True, metavar="CORPUS", help="repeat for several")
    check.add_argument("--top-k", type=_positive_int, default=DEFAULT_TOP_K)
    _add_output_options(check)
    check.set_defaults(handler=run_check)
    evaluate = commands.add_parser(
        "eval",
        help="score a stage against the annotated data sets and write a Markdown table",
        epilog="Example:\n  factcheck eval extraction --data-dir ../shared/data --out docs/extraction-results.md",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    evaluate.add_argument("stage", choices=("extraction",))
    evaluate.add_argument("--data-dir", default=None, help="the shared data folder (default: ../shared/data)")
    evaluate.add_argument("--out", metavar="FILE.md", help="also write the table here")
    evaluate.set_defaults(handler=run_eval)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    # pypdf logs every repair it makes to a damaged PDF; the reader already turns real failures into messages.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        return arguments.handler(arguments)
    except (FactcheckError, ValueError) as error:
        print(f"factcheck: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:
        print(f"factcheck: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("factcheck: interrupted; corpora are left as they were before the interrupted change.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


# ---- commands ------------------------------------------------------------------------------------------------------


def run_extract(arguments) -> int:
    records = []
    for document in _read_articles(arguments.articles):
        records.extend(claim.to_dict() for claim in extract_claims(document))
    rows = [claim_row(r) for r in records] if arguments.format == "csv" else records
    _write(arguments, rows)
    _note(f"{len(records)} claims")
    return 0


def run_index_add(arguments) -> int:
    store = IndexStore(arguments.index_dir)
    paths = iter_paths(arguments.paths)
    if not paths:
        raise ValueError(f"No readable files found in {', '.join(arguments.paths)}.")
    columns = ColumnMapping(
        text=arguments.text_column,
        id=arguments.id_column,
        title=arguments.title_column,
        url=arguments.url_column,
        date=arguments.date_column,
        source=arguments.source_column,
    )
    documents: list[Document] = []
    for path in paths:
        documents.extend(_read(path, columns))
    embedder = _embedder(arguments)
    corpus = store.open_or_create(arguments.corpus, embedder)
    report = corpus.add_documents(documents, embedder, progress=_progress)
    _note(
        f"{arguments.corpus}: added {report.added_documents} documents ({report.added_passages} passages), "
        f"replaced {report.replaced_documents}, skipped {len(report.skipped_duplicates)} already present; "
        f"now {corpus.manifest.documents} documents, {corpus.manifest.passages} passages"
    )
    return 0


def run_index_list(arguments) -> int:
    infos = IndexStore(arguments.index_dir).list()
    if arguments.format == "jsonl":
        for info in infos:
            print(json.dumps(info.to_dict(), ensure_ascii=False))
        return 0
    if not infos:
        _note(f"No corpora in {arguments.index_dir}. Add one with `factcheck index add NAME FILE_OR_FOLDER`.")
        return 0
    print(f"{'corpus':<24} {'documents':>9} {'passages':>9} {'size':>10}  model")
    for info in infos:
        if info.problem:
            print(f"{info.name:<24} DAMAGED: {info.problem}")
        else:
            size = f"{info.size_bytes / 1e6:.1f} MB"
            print(f"{info.name:<24} {info.documents:>9} {info.passages:>9} {size:>10}  {info.model}")
    return 0


def run_index_remove(arguments) -> int:
    IndexStore(arguments.index_dir).remove(arguments.corpus)
    _note(f"Removed corpus '{arguments.corpus}'.")
    return 0


def run_search(arguments) -> int:
    if (arguments.text is None) == (arguments.queries is None):
        raise ValueError("Give either a TEXT to search for or --queries FILE.jsonl, not both and not neither.")
    queries = _read_queries(arguments.queries) if arguments.queries else [{"text": arguments.text}]
    embedder = _embedder(arguments)
    corpus = IndexStore(arguments.index_dir).open(arguments.corpus, embedder)
    results = batch_search([corpus], embedder, [q["text"] for q in queries], arguments.top_k)
    records = []
    for query, hits in zip(queries, results, strict=True):
        record = {"id": query["id"]} if "id" in query else {}
        record.update(query=query["text"], hits=[hit.to_dict() for hit in hits])
        records.append(record)
    _write(arguments, search_rows(records) if arguments.format == "csv" else records)
    return 0


def run_check(arguments) -> int:
    embedder = _embedder(arguments)
    store = IndexStore(arguments.index_dir)
    corpora = [store.open(name, embedder) for name in dict.fromkeys(arguments.corpus)]
    records = []
    for document in _read_articles(arguments.articles):
        claims = extract_claims(document)
        records.extend(checked.to_dict() for checked in check_claims(claims, corpora, embedder, arguments.top_k))
    _write(arguments, check_rows(records) if arguments.format == "csv" else records)
    _note(f"{len(records)} claims checked against {', '.join(c.name for c in corpora)}")
    return 0


def run_eval(arguments) -> int:
    from factcheck.evaluate import DEFAULT_DATA_DIR
    from factcheck.evaluate.extraction_run import evaluate_extraction
    from factcheck.evaluate.report import markdown_table

    data_dir = Path(arguments.data_dir) if arguments.data_dir else DEFAULT_DATA_DIR
    if not data_dir.is_dir():
        raise ValueError(f"No data folder at {data_dir}; pass --data-dir pointing at shared/data.")
    table = markdown_table(evaluate_extraction(data_dir, log=_note))
    print(table)
    if arguments.out:
        Path(arguments.out).write_text(table + "\n", encoding="utf-8")
        _note(f"wrote {arguments.out}")
    return 0


# ---- helpers -------------------------------------------------------------------------------------------------------


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--out", metavar="FILE", help="write here instead of standard output")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from error
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def _embedder(arguments) -> Embedder:
    if arguments.embedder == "hash":
        return HashEmbedder()
    return SentenceTransformerEmbedder(arguments.model)


def _read_articles(paths: Sequence[str]) -> list[Document]:
    documents = []
    for path in iter_paths(paths):
        documents.extend(_read(path))
    return documents


def _read(path, columns: ColumnMapping | None = None) -> list[Document]:
    documents, warnings = read_path_with_report(path, columns=columns)
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
                    raise ValueError(f"{path} line {number} is not JSON ({error.msg}).") from error
                if not isinstance(record, dict) or not isinstance(record.get("text"), str):
                    raise ValueError(f'{path} line {number}: expected {{"id": ..., "text": "..."}}, got {line[:80]!r}')
                queries.append(record)
    except FileNotFoundError as error:
        raise ValueError(f"The queries file {path} does not exist.") from error
    except UnicodeDecodeError as error:
        raise ValueError(f"The queries file {path} is not UTF-8 text; re-save it as UTF-8.") from error
    if not queries:
        raise ValueError(f"The queries file {path} has no queries.")
    return queries


def _write(arguments, rows: list[dict]) -> None:
    if arguments.format == "csv":
        data = to_csv_bytes(rows)
    else:
        data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    if arguments.out:
        Path(arguments.out).write_bytes(data)
        _note(f"wrote {arguments.out}")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def _note(message: str) -> None:
    print(message, file=sys.stderr)


def _progress(stage: str, done: int, total: int) -> None:
    if sys.stderr.isatty():
        end = "\n" if done >= total else ""
        print(f"\r{stage}: {done}/{total}", end=end, file=sys.stderr, flush=True)
    elif done >= total:
        print(f"{stage}: {done}/{total}", file=sys.stderr)
