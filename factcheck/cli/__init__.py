"""The command line: a thin layer that parses arguments, calls the library and turns its errors into messages.

`parser.py` declares the commands (the index, eval/bench and export/reviews/backup/restore groups in `index_parser.py`,
`eval_parser.py` and `review_parser.py`); the `*_commands.py` modules run them (index, extract/search/check, eval/bench,
export/reviews/backup/restore) with `arguments.py` opening what the options name and `output.py` writing results.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Sequence

from factcheck.cli.check_commands import run_check, run_extract, run_search
from factcheck.cli.eval_commands import run_bench, run_eval
from factcheck.cli.index_commands import (
    run_index_add,
    run_index_list,
    run_index_migrate,
    run_index_rebuild,
    run_index_remove,
    run_index_remove_docs,
)
from factcheck.cli.parser import build_parser
from factcheck.cli.review_commands import run_backup, run_export, run_restore, run_reviews_migrate
from factcheck.corroborate import same_thing
from factcheck.errors import FactcheckError

__all__ = [
    "build_parser",
    "main",
    "run_backup",
    "run_bench",
    "run_check",
    "run_eval",
    "run_export",
    "run_extract",
    "run_index_add",
    "run_index_list",
    "run_index_migrate",
    "run_index_rebuild",
    "run_index_remove",
    "run_index_remove_docs",
    "run_restore",
    "run_reviews_migrate",
    "run_search",
]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    arguments = parser.parse_args(argv)
    # pypdf logs every repair it makes to a damaged PDF; the reader already turns real failures into messages.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        # Looked up here when it runs, by the name the parser gave: the commands this package exports are the ones run.
        with same_thing.chosen_for_command(getattr(arguments, "same_thing", None)):
            return globals()[arguments.handler](arguments)
    except FactcheckError as error:  # only the user's errors: a bug (ValueError, TypeError, ...) stays a traceback
        print(f"factcheck: error: {error}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # before OSError, its base class: the reader went away (`| head`), not an error
        _silence_standard_output()
        return 0
    except OSError as error:
        print(f"factcheck: error: {error.strerror or error}: {error.filename or ''}".rstrip(": "), file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("factcheck: interrupted; corpora are left as they were before the interrupted change.", file=sys.stderr)
        return 130


def _silence_standard_output() -> None:
    """Point standard output at the null device, so Python's flush at exit does not hit the closed pipe again."""
    with contextlib.suppress(OSError, ValueError):  # a captured stdout (tests) has no file descriptor
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
