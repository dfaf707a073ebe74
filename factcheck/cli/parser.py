"""The command line's arguments: the global options and every command, each naming its handler by the name of a `run_*`
function that `factcheck.cli` exports. `extract`, `search` and `check` are declared here; the other groups in
`index_parser.py`, `eval_parser.py` and `review_parser.py`, with what they share in `parser_parts.py`."""

from __future__ import annotations

import argparse

from factcheck import __version__
from factcheck.cli.eval_parser import add_eval_commands
from factcheck.cli.index_parser import add_index_commands
from factcheck.cli.parser_parts import (
    add_command,
    add_nli_option,
    add_output_options,
    add_retrieval_options,
    positive_int,
)
from factcheck.cli.review_parser import add_backup_commands, add_export_command, add_reviews_commands
from factcheck.config import option_help, setting, setting_value
from factcheck.embed import EMBEDDERS
from factcheck.search import DEFAULT_TOP_K

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
        parser.add_argument(setting(name).option, type=positive_int, metavar="N", help=option_help(name))
    parser.add_argument("--precision", default=setting_value("precision"), help=option_help("precision"))
    parser.add_argument("--query-runtime", default=setting_value("query_runtime"), help=option_help("query_runtime"))
    parser.add_argument(
        "--no-embedding-cache",
        action="store_true",
        help="embed every text again instead of reusing vectors from <index-dir>/embedding-cache.sqlite",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = add_command(
        commands,
        "extract",
        "list the quotes and numeric claims of articles",
        "factcheck extract article.html --format csv --out claims.csv",
    )
    extract.add_argument("articles", nargs="+", metavar="ARTICLE", help="article files (.txt .md .html .pdf .docx)")
    add_output_options(extract)
    extract.set_defaults(handler="run_extract")

    add_index_commands(commands)

    search = add_command(
        commands,
        "search",
        "find the passages of a corpus nearest a text",
        'factcheck search demo "a 48-hour pause in Aleppo" --top-k 3',
    )
    search.add_argument("corpus", metavar="CORPUS")
    search.add_argument("text", nargs="?", metavar="TEXT")
    search.add_argument("--queries", metavar="FILE.jsonl", help='one {"id": ..., "text": ...} object per line')
    search.add_argument("--top-k", type=positive_int, default=DEFAULT_TOP_K)
    add_retrieval_options(search)
    add_output_options(search)
    search.set_defaults(handler="run_search")

    check = add_command(
        commands,
        "check",
        "extract claims and retrieve candidate evidence for each",
        "factcheck check article.txt --corpus demo --corpus reports --format csv --out checked.csv",
        "factcheck check archive/2016/ --corpus reports --out checked.jsonl --resume",
    )
    check.add_argument("articles", nargs="+", metavar="ARTICLE")
    check.add_argument("--corpus", action="append", required=True, metavar="CORPUS", help="repeat for several")
    check.add_argument("--top-k", type=positive_int, default=DEFAULT_TOP_K)
    check.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted run over many articles: skip the articles already in --out (recorded in "
        "OUT.done) and append the rest",
    )
    add_nli_option(check)
    add_retrieval_options(check)
    add_output_options(check)
    check.set_defaults(handler="run_check")
    add_eval_commands(commands)
    add_export_command(commands)
    add_backup_commands(commands)
    add_reviews_commands(commands)
    return parser
