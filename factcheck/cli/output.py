"""Where the commands' results and messages go: JSONL or CSV rows, bytes, Markdown tables, notes and progress on
standard error."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from factcheck.export import to_csv_bytes


def write_rows(arguments, rows: list[dict]) -> None:
    if arguments.format == "csv":
        data = to_csv_bytes(rows)
    else:
        data = "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows).encode("utf-8")
    emit_bytes(data, arguments.out)


def emit_bytes(data: bytes, out: str | None) -> None:
    """`data` to the file `out`, or to standard output when no file is given."""
    if out:
        Path(out).write_bytes(data)
        note(f"wrote {out}")
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()


def emit_table(rows, out: str | None, extra: str = "") -> None:
    from factcheck.evaluate.report import markdown_table

    table = markdown_table(rows) + (f"\n\n{extra}" if extra else "")
    print(table)
    if out:
        Path(out).write_text(table + "\n", encoding="utf-8")
        note(f"wrote {out}")


def note(message: str) -> None:
    print(message, file=sys.stderr)


def show_progress(stage: str, done: int, total: int) -> None:
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
