"""The settings a user can give, declared once: the CLI's options, the app and the README's table all read them."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from factcheck.review_connection import review_target
from factcheck.reviews import DEFAULT_DATABASE_NAME


@dataclass(frozen=True, slots=True)
class Setting:
    """One setting: its `name`, the environment `variable` that sets it, the CLI `option` that overrides it for one
    command, its `default` (None: unset, and `help` says what happens then) and a one-line `help`."""

    name: str
    variable: str
    option: str
    default: str | None
    help: str


SETTINGS = (
    Setting(
        "index_dir",
        "FACTCHECK_INDEX_DIR",
        "--index-dir",
        "indexes",
        "folder holding the corpora (one folder each) and, unless the reviews setting says otherwise, the review"
        " database",
    ),
    Setting(
        "reviews",
        "FACTCHECK_REVIEWS",
        "--reviews",
        None,
        f"the review database: a SQLite file or a postgresql:// URL; unset: {DEFAULT_DATABASE_NAME} in the index"
        " folder",
    ),
    Setting(
        "store",
        "FACTCHECK_STORE",
        "--store",
        None,
        "where the corpora live: milvus-lite:PATH.db (Milvus in this process, from one file) or http://host:19530"
        " (a Milvus server); unset: the index folder (FAISS)",
    ),
    Setting(
        "embedder",
        "FACTCHECK_EMBEDDER",
        "--embedder",
        "minilm",
        "'minilm' embeds with the model; 'hash' is a word-hashing embedder that needs no model, for machines without"
        " one and for tests (a corpus built with one cannot be searched with the other)",
    ),
    Setting(
        "model",
        "FACTCHECK_MODEL",
        "--model",
        None,
        "a local sentence-transformers model directory; unset: the packaged all-MiniLM-L6-v2",
    ),
    Setting(
        "precision",
        "FACTCHECK_PRECISION",
        "--precision",
        "auto",
        "how the model runs: 'auto' uses the fastest way measured on this machine whose embeddings stay within"
        " cosine 0.999 of float32 (measured once, remembered in ~/.cache/factcheck); 'fp32' or 'bf16' force one",
    ),
    Setting(
        "query_runtime",
        "FACTCHECK_QUERY_RUNTIME",
        "--query-runtime",
        "auto",
        "'auto' runs the model exported to ONNX Runtime where it gives the same vectors (cosine 0.999) faster on"
        " this machine: a query (up to four texts) when one text is faster there, a large job when the precision"
        " setting's measurement picks it (both checked once, remembered in ~/.cache/factcheck); 'torch' never",
    ),
    Setting(
        "nli_model",
        "FACTCHECK_NLI_MODEL",
        "--nli-model",
        None,
        "optional: a local NLI cross-encoder directory (entailment/contradiction/neutral) whose confident"
        " contradictions become conflict reasons; unset: none",
    ),
    Setting(
        "ratings",
        "FACTCHECK_RATINGS",
        "--ratings",
        None,
        "the newsroom's rating scale, best first, separated by '|' (a rating's place in it is its reviewRating"
        " value); unset: the built-in scale",
    ),
    Setting(
        "max_document_chars",
        "FACTCHECK_MAX_DOCUMENT_CHARS",
        "--max-document-chars",
        "1000000",
        "longest document read or checked, in characters of normalised text (about 500 pages); longer ones are"
        " refused with a message (docs/reliability.md)",
    ),
    Setting(
        "max_field_chars",
        "FACTCHECK_MAX_FIELD_CHARS",
        "--max-field-chars",
        "10000",
        "longest metadata field (title, url, other columns) of a CSV/JSONL record, in characters",
    ),
    Setting(
        "max_archive_bytes",
        "FACTCHECK_MAX_ARCHIVE_BYTES",
        "--max-archive-bytes",
        "200000000",
        "most bytes a .docx (or other zip-based file) may unpack to; more is refused before reading (a zip bomb)",
    ),
    Setting(
        "rerank",
        "FACTCHECK_RERANK",
        "--rerank",
        "on",
        "hybrid retrieval re-orders its first fused passages (30 when BM25 leads the query, else 5) by a model trained"
        " on why passages match (shared words, names, figures, both channels' scores; docs/retrieval.md): 'on' uses"
        " the packaged model, 'off' keeps the fused order, or give a model file written by `factcheck eval retrieval"
        " --train-rerank`",
    ),
    Setting(
        "query_adapter",
        "FACTCHECK_QUERY_ADAPTER",
        "--query-adapter",
        "on",
        "in a corpus of earlier fact-checks, the query's embedding is first moved by a small linear map trained on"
        " posts matched to their fact-checks (docs/earlier-fact-checks.md; evidence corpora are never affected): 'on'"
        " uses the packaged one, 'off' searches with the query's own embedding, or give a file written by `factcheck"
        " eval fact-checks --train-adapter`",
    ),
    Setting(
        "same_thing",
        "FACTCHECK_SAME_THING",
        "--same-thing",
        "off",
        "a compared pair of figures must also pass a learned judgement that the two count the same thing"
        " (docs/corroboration.md, round 4; fewer wrong cards, fewer found decisions): 'off' the rules alone, 'on' the"
        " packaged model, or give a file written by `python -m factcheck.evaluate.same_thing_training train`",
    ),
    Setting(
        "data_dir",
        "FACTCHECK_DATA_DIR",
        "--data-dir",
        None,
        "the folder of evaluation data sets laid out as docs/data.md says; unset: shared/data beside the project"
        " folder",
    ),
)

_BY_NAME = {setting.name: setting for setting in SETTINGS}


def setting(name: str) -> Setting:
    """The setting called `name` (a programming error if there is none)."""
    try:
        return _BY_NAME[name]
    except KeyError:
        raise ValueError(f"no setting named {name!r}; expected one of {', '.join(_BY_NAME)}") from None


def switch(value: str | None) -> bool | None:
    """How a model setting reads (`rerank`, `query_adapter`, FACTCHECK_SAME_THING): True for on/yes/true/1, False
    for off/no/false/0 or nothing, None for anything else (a model file's path)."""
    word = (value or "").strip().lower()
    if word in ("off", "no", "false", "0", ""):
        return False
    return True if word in ("on", "yes", "true", "1") else None


def setting_value(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    """The value of setting `name` from the environment (`environ`, default `os.environ`), else its default."""
    found = setting(name)
    return (os.environ if environ is None else environ).get(found.variable, found.default)


def option_help(name: str) -> str:
    """The help text of the CLI option of setting `name`, saying which environment variable sets its default."""
    found = setting(name)
    if found.default is None:
        return f"{found.help} (${found.variable} sets it for every command)"
    return f"{found.help} (default: ${found.variable}, else {found.default})"


def reviews_path(index_dir: str | Path, reviews: str | Path | None) -> Path | str:
    """Where the review database is: `reviews` when given (a path, or a postgresql:// URL kept as it is), else the
    default file in the index folder."""
    return review_target(reviews) if reviews else Path(index_dir) / DEFAULT_DATABASE_NAME


def settings_table() -> str:
    """The settings as a Markdown table, as the README shows them."""
    lines = ["| variable | option | default | what it sets |", "|---|---|---|---|"]
    for item in SETTINGS:
        default = f"`{item.default}`" if item.default is not None else "—"
        what = item.help.replace("|", "\\|")  # a bare | would end the table cell
        lines.append(f"| `{item.variable}` | `{item.option}` | {default} | {what} |")
    return "\n".join(lines)
