"""The arguments of the review-database and backup commands: `export`, `backup`, `restore` and `reviews migrate`."""

from __future__ import annotations

from factcheck.cli.parser_parts import add_command, add_group
from factcheck.config import option_help, setting_value


def add_export_command(commands) -> None:
    export = add_command(
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


def add_backup_commands(commands) -> None:
    backup = add_command(
        commands,
        "backup",
        "save a corpus or the review database to one file, consistently, while the app is running",
        "factcheck backup corpus reports --out reports-2026-12-03.tar",
        "factcheck backup reviews --out reviews-2026-12-03.sqlite3",
    )
    restore = add_command(
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


def add_reviews_commands(commands) -> None:
    actions = add_group(commands, "reviews", "manage the review database")
    migrate = add_command(
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
