"""The arguments of `factcheck index`: add, list, remove, remove-docs, rebuild and migrate a corpus."""

from __future__ import annotations

from factcheck.cli.parser_parts import add_command, add_group


def add_index_commands(commands) -> None:
    index_commands = add_group(commands, "index", "add to, list and remove reference corpora")
    add = add_command(
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
    listing = add_command(
        index_commands, "list", "list corpora with their counts", "factcheck index list --format jsonl"
    )
    listing.add_argument("--format", choices=("table", "jsonl"), default="table")
    listing.set_defaults(handler="run_index_list")
    remove = add_command(
        index_commands, "remove", "delete a corpus and its files", "factcheck index remove old-reports"
    )
    remove.add_argument("corpus", metavar="CORPUS")
    remove.set_defaults(handler="run_index_remove")
    remove_docs = add_command(
        index_commands,
        "remove-docs",
        "remove documents (by id) and their passages from a corpus",
        "factcheck index remove-docs reports un-2016-08-19-01 old_report.pdf",
    )
    remove_docs.add_argument("corpus", metavar="CORPUS")
    remove_docs.add_argument("doc_ids", nargs="+", metavar="DOC_ID")
    remove_docs.set_defaults(handler="run_index_remove_docs")
    rebuild = add_command(
        index_commands,
        "rebuild",
        "re-embed a corpus from its stored documents (after a model change, or to repair it)",
        "factcheck --model ~/models/my-minilm index rebuild reports",
    )
    rebuild.add_argument("corpus", metavar="CORPUS")
    rebuild.set_defaults(handler="run_index_rebuild")
    migrate = add_command(
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
