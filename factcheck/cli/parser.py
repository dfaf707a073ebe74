"""The command line's arguments: every command, its options, help and example; each names its handler by the name of a
`run_*` function that `factcheck.cli` exports."""

from __future__ import annotations

import argparse

from factcheck import __version__
from factcheck.config import option_help, setting, setting_value
from factcheck.embed import EMBEDDERS
from factcheck.search import DEFAULT_TOP_K, SearchMode

EPILOG = """\
Examples:
  factcheck extract seeds/articles/aleppo_truce_talks.txt --format csv --out claims.csv
  factcheck index add reports ~/archive/un-briefings/ press.csv
  factcheck index list
  factcheck search demo "almost 600,000 people live under siege" --top-k 3
  factcheck check seeds/articles/aleppo_truce_talks.txt --corpus demo --top-k 3
  factcheck check archive/ --corpus reports --out checked.jsonl --resume
"""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="factcheck",
        description="Find quotes and numeric claims in articles and retrieve evidence from your reference corpora.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"factcheck {__version__}")
    parser.add_argument("--index-dir", default=setting_value("index_dir"), help=option_help("index_dir"))
    parser.add_argument("--store", default=setting_value("store"), metavar="STORE", help=option_help("store"))
    parser.add_argument("--model", default=setting_value("model"), metavar="DIR", help=option_help("model"))
    parser.add_argument(
        "--embedder", choices=EMBEDDERS, default=setting_value("embedder"), help=option_help("embedder")
    )
    for name in ("max_document_chars", "max_field_chars", "max_archive_bytes"):
        # No default here: the limits read the environment themselves; an option given overrides it.
        parser.add_argument(setting(name).option, type=_positive_int, metavar="N", help=option_help(name))
    parser.add_argument("--precision", default=setting_value("precision"), help=option_help("precision"))
    parser.add_argument(
        "--no-embedding-cache",
        action="store_true",
        help="embed every text again instead of reusing vectors from <index-dir>/embedding-cache.sqlite",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = _add_command(
        commands,
        "extract",
        "list the quotes and numeric claims of articles",
        "factcheck extract article.html --format csv --out claims.csv",
    )
    extract.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files (.txt .md .html .pdf .docx)")
    _add_output_options(extract)
    extract.set_defaults(handler="run_extract")

    index = commands.add_parser("index", help="add to, list and remove reference corpora")
    index_commands = index.add_subparsers(dest="index_command", required=True, metavar="ACTION")
    add = _add_command(
        index_commands,
        "add",
        "add files or folders to a corpus (created if new)",
        "factcheck index add reports briefings/ transcripts.csv --text-column body",
        "factcheck index add archive claimreview-feed.json fact-checks.csv --text-column claim",
    )
    add.add_argument("corpus", metavar="CORPUS")
    add.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER")
    add.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted add: skip the files it had finished (unchanged since) and add the rest",
    )
    for field_name in ("text", "id", "title", "url", "date", "source"):
        add.add_argument(
            f"--{field_name}-column",
            default=field_name,
            metavar="NAME",
            help=f"CSV/JSONL column holding the record's {field_name} (default: {field_name})",
        )
    for field_name, what in (
        ("rating", "an earlier fact-check's verdict; a file with this column is read as fact-checks ('' for none)"),
        ("claimant", "who made the claim a fact-check reviewed"),
        ("publisher", "who published a fact-check"),
    ):
        add.add_argument(
            f"--{field_name}-column",
            default=field_name,
            metavar="NAME",
            help=f"CSV/JSONL column holding {what} (default: {field_name})",
        )
    add.set_defaults(handler="run_index_add")
    listing = _add_command(
        index_commands, "list", "list corpora with their counts", "factcheck index list --format jsonl"
    )
    listing.add_argument("--format", choices=("table", "jsonl"), default="table")
    listing.set_defaults(handler="run_index_list")
    remove = _add_command(
        index_commands, "remove", "delete a corpus and its files", "factcheck index remove old-reports"
    )
    remove.add_argument("corpus", metavar="CORPUS")
    remove.set_defaults(handler="run_index_remove")
    remove_docs = _add_command(
        index_commands,
        "remove-docs",
        "remove documents (by id) and their passages from a corpus",
        "factcheck index remove-docs reports un-2016-08-19-01 old_report.pdf",
    )
    remove_docs.add_argument("corpus", metavar="CORPUS")
    remove_docs.add_argument("doc_ids", nargs="+", metavar="DOC_ID")
    remove_docs.set_defaults(handler="run_index_remove_docs")
    rebuild = _add_command(
        index_commands,
        "rebuild",
        "re-embed a corpus from its stored documents (after a model change, or to repair it)",
        "factcheck --model ~/models/my-minilm index rebuild reports",
    )
    rebuild.add_argument("corpus", metavar="CORPUS")
    rebuild.set_defaults(handler="run_index_rebuild")
    migrate = _add_command(
        index_commands,
        "migrate",
        "copy a corpus to another store with its vectors (nothing is re-embedded)",
        "factcheck index migrate reports --to milvus-lite:newsroom/corpora.db",
        "factcheck --store milvus-lite:newsroom/corpora.db index migrate reports --to indexes",
    )
    migrate.add_argument("corpus", metavar="CORPUS")
    migrate.add_argument(
        "--to", required=True, metavar="STORE", help="the target store: a folder, milvus-lite:PATH.db or a server URL"
    )
    migrate.set_defaults(handler="run_index_migrate")

    search = _add_command(
        commands,
        "search",
        "find the passages of a corpus nearest a text",
        'factcheck search demo "a 48-hour pause in Aleppo" --top-k 3',
    )
    search.add_argument("corpus", metavar="CORPUS")
    search.add_argument("text", nargs="?", metavar="TEXT")
    search.add_argument("--queries", metavar="FILE.jsonl", help='one {"id": ..., "text": ...} object per line')
    search.add_argument("--top-k", type=_positive_int, default=DEFAULT_TOP_K)
    _add_retrieval_options(search)
    _add_output_options(search)
    search.set_defaults(handler="run_search")

    check = _add_command(
        commands,
        "check",
        "extract claims and retrieve candidate evidence for each",
        "factcheck check article.txt --corpus demo --corpus reports --format csv --out checked.csv",
        "factcheck check archive/2016/ --corpus reports --out checked.jsonl --resume",
    )
    check.add_argument("articles", nargs="+", metavar="ARTICLE")
    check.add_argument("--corpus", action="append", required=True, metavar="CORPUS", help="repeat for several")
    check.add_argument("--top-k", type=_positive_int, default=DEFAULT_TOP_K)
    check.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run over many articles: skip the articles already in --out (recorded in "
        "OUT.done) and append the rest",
    )
    _add_nli_option(check)
    _add_retrieval_options(check)
    _add_output_options(check)
    check.set_defaults(handler="run_check")
    evaluate = _add_command(
        commands,
        "eval",
        "score a stage against the annotated data sets and write a Markdown table",
        "factcheck eval extraction --data-dir ~/factcheck-data --out docs/extraction-results.md",
        "factcheck eval articles --articles tests/data/article_set/dev --out docs/article-set-results.md",
        "factcheck eval retrieval --split halves --embedding-cache /tmp/factcheck-vectors",
        "factcheck eval retrieval --train-rerank factcheck/rerank_model.json --embedding-cache /tmp/vectors",
        "factcheck eval fact-checks --out docs/earlier-fact-checks-results.md",
    )
    evaluate.add_argument("stage", choices=("extraction", "retrieval", "corroboration", "articles", "fact-checks"))
    evaluate.add_argument(
        "--articles",
        action="append",
        metavar="SPLIT_DIR",
        help="articles: a split folder of the article set (repeat for several; default: every finished split of"
        " tests/data/article_set: dev, test, holdout)",
    )
    evaluate.add_argument(
        "--top-k", type=_positive_int, default=DEFAULT_TOP_K, help="articles: candidates per claim (default 5)"
    )
    evaluate.add_argument("--data-dir", default=setting_value("data_dir"), metavar="DIR", help=option_help("data_dir"))
    evaluate.add_argument("--out", metavar="FILE.md", help="also write the table here")
    evaluate.add_argument(
        "--stores",
        metavar="faiss,milvus-lite",
        help="retrieval: the same sets on each of these stores, each text embedded once (figures side by side)",
    )
    evaluate.add_argument(
        "--sets",
        metavar="NAMES",
        help="retrieval: only these sets (climate-fever, averitec, fever, clef), comma-separated",
    )
    evaluate.add_argument(
        "--split",
        choices=("all", "tune", "report", "halves"),
        default="all",
        help="retrieval only: score every claim (all, default), one fixed half of each set (tune: where the fusion"
        " was chosen; report: held out), or both halves from one index (halves)",
    )
    evaluate.add_argument(
        "--fusion-grid",
        action="store_true",
        help="retrieval only: also rank the fusion settings tried for docs/retrieval.md on the scored halves"
        " (best 10: never below the better channel on any set first, then the worst and the mean margin)",
    )
    evaluate.add_argument(
        "--embedding-cache",
        metavar="DIR",
        help="retrieval and fact-checks: keep every computed vector in DIR, so a repeated run embeds nothing twice",
    )
    evaluate.add_argument(
        "--train-rerank",
        metavar="FILE.json",
        help="retrieval only: train the re-rank on the tune halves and the CLEF train tweets, write it to FILE and"
        " stop (factcheck/rerank_model.json is the packaged one)",
    )
    evaluate.add_argument(
        "--rerank", default=setting_value("rerank"), metavar="on|off|FILE", help=option_help("rerank")
    )
    _add_nli_option(evaluate)
    evaluate.set_defaults(handler="run_eval")
    bench = _add_command(
        commands,
        "bench",
        "measure ingest throughput, query latency and memory beside the naive pipeline",
        "factcheck bench retrieval --sizes 10000,100000,1000000 --out docs/retrieval-speed.md",
        "factcheck bench extraction",
        "factcheck bench scale --ingest-sizes 6000,100000 --query-sizes 100000,1000000  # writes docs/benchmarks.md",
        "factcheck bench stores --sizes 100000 --queries 100 --out stores.md",
    )
    bench.add_argument("stage", choices=("retrieval", "extraction", "scale", "stores"))
    bench.add_argument("--sizes", default="10000,100000,1000000", help="corpus sizes, comma-separated")
    bench.add_argument("--embed-sample", type=_positive_int, default=10_000, help="passages embedded for real")
    bench.add_argument("--queries", type=_positive_int, default=200)
    bench.add_argument("--out", metavar="FILE.md", help="(scale: default docs/benchmarks.md)")
    bench.add_argument("--ingest-sizes", default="6000", help="scale: passages embedded for real, comma-separated")
    bench.add_argument("--query-sizes", default="100000,1000000", help="scale: synthetic corpus sizes for queries")
    bench.add_argument("--articles", type=int, default=64, help="scale: articles for the bulk-check rate (0: skip)")
    bench.add_argument("--work-dir", metavar="DIR", help="scale: keep the synthetic corpora here and reuse them")
    bench.add_argument("--app-runs", type=int, default=2, help="scale: app starts in Chromium (0: skip)")
    bench.add_argument(
        "--ingest-stand-in",
        type=int,
        default=0,
        metavar="N",
        help="scale: also ingest N passages through `index add` with the stand-in (hash) embedder (0: skip)",
    )
    bench.set_defaults(handler="run_bench")
    export = _add_command(
        commands,
        "export",
        "write the recorded claims and their reviews as CSV, or the reviewed ones as ClaimReview JSON-LD",
        "factcheck export --excel --out reviews.csv",
        "factcheck export --reviews newsroom/reviews.sqlite3 --format jsonld --publisher 'The Desk'"
        " --review-url 'https://desk.example/checks/{claim_id}' --out claimreview.json",
    )
    export.add_argument(
        "--reviews", default=setting_value("reviews"), metavar="PATH_OR_URL", help=option_help("reviews")
    )
    export.add_argument(
        "--format",
        choices=("csv", "jsonld"),
        default="csv",
        help="csv (default): one row per recorded claim; jsonld: a schema.org ClaimReview array of the claims marked"
        " done with a rating",
    )
    export.add_argument("--excel", action="store_true", help="CSV with a byte-order mark so Excel reads accents")
    export.add_argument(
        "--ratings", default=setting_value("ratings"), metavar="'BEST|...|WORST'", help=option_help("ratings")
    )
    export.add_argument(
        "--publisher",
        metavar="NAME",
        help="the ClaimReview author (default: as set on the app's Export page, else factcheck)",
    )
    export.add_argument(
        "--publisher-url", metavar="URL", help="the publisher's site (default: as set on the app's Export page)"
    )
    export.add_argument(
        "--review-url",
        metavar="PATTERN",
        help="where each review is published, with {claim_id} (and optionally {article}) in it, e.g."
        " https://news.example/fact-checks/{claim_id}; required for jsonld unless set on the app's Export page",
    )
    export.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    export.set_defaults(handler="run_export")
    _add_backup_commands(commands)
    _add_reviews_commands(commands)
    return parser


def _add_backup_commands(commands) -> None:
    backup = _add_command(
        commands,
        "backup",
        "save a corpus or the review database to one file, consistently, while the app is running",
        "factcheck backup corpus reports --out reports-2026-12-03.tar",
        "factcheck backup reviews --out reviews-2026-12-03.sqlite3",
    )
    restore = _add_command(
        commands,
        "restore",
        "put a corpus or review-database backup back in place",
        "factcheck restore corpus reports-2026-12-03.tar --as reports-copy",
        "factcheck restore reviews reviews-2026-12-03.sqlite3 --replace",
    )
    for parser, handler in ((backup, "run_backup"), (restore, "run_restore")):
        parser.add_argument("what", choices=("corpus", "reviews"), help="a corpus, or the review database")
        if parser is backup:
            parser.add_argument("corpus", nargs="?", metavar="CORPUS", help="the corpus to save (for 'corpus')")
            parser.add_argument("--out", required=True, metavar="FILE", help="the backup file to write")
        else:
            parser.add_argument("file", metavar="FILE", help="the backup file to restore")
            parser.add_argument("--as", dest="name", metavar="NAME", help="restore the corpus under this name")
            parser.add_argument(
                "--replace",
                action="store_true",
                help="replace an existing corpus or database (a database is first copied beside itself)",
            )
        parser.add_argument(
            "--reviews",
            default=setting_value("reviews"),
            metavar="PATH",
            help=option_help("reviews"),
        )
        parser.set_defaults(handler=handler)


# ---- argument helpers --------------------------------------------------------------------------------------


def _add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--out", metavar="FILE", help="write here instead of standard output")


def _add_retrieval_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--mode",
        choices=[m.value for m in SearchMode],
        default=SearchMode.HYBRID.value,
        help="hybrid (default): meaning and word match fused; dense: meaning only; lexical: BM25 only",
    )
    parser.add_argument(
        "--source", action="append", default=[], metavar="SOURCE", help="only passages from this source"
    )
    parser.add_argument("--since", metavar="DATE", help="only passages dated on or after (2016, 2016-08, 2016-08-26)")
    parser.add_argument("--until", metavar="DATE", help="only passages dated on or before")
    parser.add_argument(
        "--rerank", default=setting_value("rerank"), metavar="on|off|FILE", help=option_help("rerank")
    )


def _add_reviews_commands(commands) -> None:
    reviews = commands.add_parser("reviews", help="manage the review database")
    actions = reviews.add_subparsers(dest="reviews_command", required=True, metavar="ACTION")
    migrate = _add_command(
        actions,
        "migrate",
        "copy every claim, verdict and earlier version into another, empty review database",
        "factcheck reviews migrate --reviews indexes/reviews.sqlite3"
        " --to postgresql://factcheck@db.newsroom.internal/reviews",
    )
    migrate.add_argument(
        "--reviews",
        default=setting_value("reviews"),
        metavar="PATH_OR_URL",
        help="the database to copy, only read (" + option_help("reviews") + ")",
    )
    migrate.add_argument(
        "--to", required=True, metavar="URL_OR_PATH", help="the empty target: a postgresql:// URL or a SQLite file"
    )
    migrate.set_defaults(handler="run_reviews_migrate")


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from error
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value


def _add_nli_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--nli-model", default=setting_value("nli_model"), metavar="DIR", help=option_help("nli_model"))


def _add_command(commands, name: str, help: str, *examples: str) -> argparse.ArgumentParser:
    """A command with its one-line help and, below its options, its examples (every command has at least one)."""
    heading = "Example:" if len(examples) == 1 else "Examples:"
    return commands.add_parser(
        name,
        help=help,
        epilog=heading + "".join(f"\n  {example}" for example in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
