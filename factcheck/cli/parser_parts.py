"""What the command parsers share: a command with its help and examples, a group of commands, the output, retrieval
and NLI options, and a whole-number argument of at least 1."""

from __future__ import annotations

import argparse

from factcheck.config import option_help, setting_value
from factcheck.search import SearchMode


def add_command(commands, name: str, help: str, *examples: str) -> argparse.ArgumentParser:
    """A command with its one-line help and, below its options, its examples (every command has at least one)."""
    heading = "Example:" if len(examples) == 1 else "Examples:"
    return commands.add_parser(
        name,
        help=help,
        epilog=heading + "".join(f"\n  {example}" for example in examples),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )


def add_group(commands, name: str, help: str):
    """A command whose actions are commands of their own (`factcheck index add`); the chosen action is in
    `arguments.<name>_command`. Returns the actions, to add them to."""
    group = commands.add_parser(name, help=help)
    return group.add_subparsers(dest=f"{name}_command", required=True, metavar="ACTION")


def add_output_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--format", choices=("jsonl", "csv"), default="jsonl")
    parser.add_argument("--out", metavar="FILE", help="write here instead of standard output")


def add_retrieval_options(parser: argparse.ArgumentParser) -> None:
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
    parser.add_argument("--rerank", default=setting_value("rerank"), metavar="on|off|FILE", help=option_help("rerank"))
    parser.add_argument(
        "--query-adapter",
        default=setting_value("query_adapter"),
        metavar="on|off|FILE",
        help=option_help("query_adapter"),
    )


def add_nli_option(parser: argparse.ArgumentParser) -> None:
    """The options of how a candidate is compared with a claim: the NLI model and the same-thing judgement."""
    parser.add_argument("--nli-model", default=setting_value("nli_model"), metavar="DIR", help=option_help("nli_model"))
    parser.add_argument(
        "--same-thing", default=setting_value("same_thing"), metavar="on|off|FILE", help=option_help("same_thing")
    )


def positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from error
    if value < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {value}")
    return value
