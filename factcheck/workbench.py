"""What the reviewer app does, as plain library calls: configuration, checking an input, tables, saving verdicts."""

from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from factcheck.check import CheckedClaim, check_claims
from factcheck.corroborate.types import NumberStatus, Signals
from factcheck.demo import DEMO_CORPUS, SEEDS_DIR, ensure_demo_corpus, sample_articles
from factcheck.documents import Document
from factcheck.embed import Embedder, HashEmbedder, SentenceTransformerEmbedder
from factcheck.errors import UnreadableFileError
from factcheck.export import describe_quantity, review_rows, to_csv_bytes
from factcheck.extract import extract_claims
from factcheck.readers import read_bytes, read_path
from factcheck.reviews import DEFAULT_DATABASE_NAME, DEFAULT_RATINGS, Review, ReviewStore
from factcheck.search import Hit
from factcheck.store import AddReport, Corpus, IndexStore

MAX_PASTE_CHARACTERS = 500_000  # about 80,000 words: far beyond an article, small enough to stay responsive


@dataclass(frozen=True, slots=True)
class Settings:
    """Where the app keeps things; read once from the environment (FACTCHECK_INDEX_DIR, FACTCHECK_REVIEWS,
    FACTCHECK_EMBEDDER, FACTCHECK_MODEL, FACTCHECK_RATINGS)."""

    index_dir: Path
    reviews_path: Path
    embedder: str
    model: str | None
    seeds_dir: Path = SEEDS_DIR
    ratings: tuple[str, ...] = DEFAULT_RATINGS

    @classmethod
    def from_environment(cls) -> Settings:
        index_dir = Path(os.environ.get("FACTCHECK_INDEX_DIR", "indexes"))
        # A newsroom's own scale, best first, separated by "|": FACTCHECK_RATINGS="True|Half true|False".
        ratings = tuple(r.strip() for r in os.environ.get("FACTCHECK_RATINGS", "").split("|") if r.strip())
        return cls(
            index_dir=index_dir,
            reviews_path=Path(os.environ.get("FACTCHECK_REVIEWS", index_dir / DEFAULT_DATABASE_NAME)),
            embedder=os.environ.get("FACTCHECK_EMBEDDER", "minilm"),
            model=os.environ.get("FACTCHECK_MODEL"),
            ratings=ratings or DEFAULT_RATINGS,
        )

    def make_embedder(self) -> Embedder:
        if self.embedder == "hash":
            return HashEmbedder()
        return SentenceTransformerEmbedder(self.model)


def prepare_demo(settings: Settings, embedder: Embedder) -> Corpus:
    """Build the demo corpus from seeds/ if it is not there yet (the embedded default)."""
    corpus, _ = ensure_demo_corpus(IndexStore(settings.index_dir), embedder, settings.seeds_dir)
    return corpus


def sample_choices(settings: Settings) -> dict[str, Path]:
    return {path.name: path for path in sample_articles(settings.seeds_dir)}


def document_from_sample(path: Path) -> Document:
    return read_path(path)[0]


def document_from_paste(text: str) -> Document:
    """A pasted text as a Document; empty or oversized pastes are refused with a message saying what to do."""
    if not text or not text.strip():
        raise UnreadableFileError("The text box is empty: paste an article, upload a file or pick a sample.")
    if len(text) > MAX_PASTE_CHARACTERS:
        raise UnreadableFileError(
            f"The pasted text has {len(text):,} characters; the limit is {MAX_PASTE_CHARACTERS:,}. "
            "Paste one article at a time, or upload the file."
        )
    return Document.from_text(text, doc_id="pasted text")


def document_from_upload(name: str, data: bytes) -> Document:
    documents = read_bytes(data, name)
    if not documents:
        raise UnreadableFileError(f"{name} has no text to check.")
    if len(documents) > 1:
        # A CSV or JSONL upload holds many records: check them as one article, record by record.
        text = "\n\n".join(d.text for d in documents)
        return Document(doc_id=name, text=text, path=name)
    return documents[0]


def open_corpora(settings: Settings, names: Sequence[str], embedder: Embedder) -> list[Corpus]:
    store = IndexStore(settings.index_dir)
    return [store.open(name, embedder) for name in names]


def corpus_names(settings: Settings) -> list[str]:
    return IndexStore(settings.index_dir).names()


def default_corpora(names: Sequence[str]) -> list[str]:
    return [DEMO_CORPUS] if DEMO_CORPUS in names else list(names[:1])


def check_document(
    document: Document,
    corpora: Sequence[Corpus],
    embedder: Embedder,
    reviews: ReviewStore,
    top_k: int,
) -> list[CheckedClaim]:
    """Extract, retrieve, and record the claims in the review database so the export and queue see them."""
    claims = extract_claims(document)
    reviews.record_claims(document, claims)
    if not claims or not corpora:
        return [CheckedClaim(claim, ()) for claim in claims]
    return check_claims(claims, corpora, embedder, top_k)


def claims_table(checked: Sequence[CheckedClaim], reviews: dict[str, Review]) -> pd.DataFrame:
    """The claims overview: one row per claim, most check-worthy first."""
    rows = []
    for item in checked:
        claim = item.claim
        review = reviews.get(claim.claim_id) or Review(claim.claim_id)
        best = item.candidates[0] if item.candidates else None
        rows.append(
            {
                "claim_id": claim.claim_id,
                "type": claim.kind.value,
                "claim": claim.text,
                "speaker": claim.speaker or "",
                "figures": "; ".join(describe_quantity(q.to_dict()) for q in claim.quantities),
                "check-worthiness": claim.checkworthiness,
                "best match": round(best.similarity, 3) if best and best.similarity is not None else None,
                "best stance": item.signals[0].stance.value if item.signals else "",
                "verdict": review.rating or "",
                "status": review.status.value,
            }
        )
    frame = pd.DataFrame(rows)
    if len(frame):
        frame = frame.sort_values("check-worthiness", ascending=False, kind="stable").reset_index(drop=True)
    return frame


def filter_claims_table(
    table: pd.DataFrame,
    *,
    types: Sequence[str] = (),
    stances: Sequence[str] = (),
    statuses: Sequence[str] = (),
) -> pd.DataFrame:
    """The claims table restricted to the chosen types, best-candidate stances and review statuses (empty = all)."""
    keep = pd.Series(True, index=table.index)
    for column, wanted in (("type", types), ("best stance", stances), ("status", statuses)):
        if wanted and column in table:
            keep &= table[column].isin(list(wanted))
    return table[keep].reset_index(drop=True)


def describe_ranks(hit: Hit) -> str:
    """Why a candidate is listed: its similarity and where each retrieval channel ranked it."""
    parts = []
    if hit.similarity is not None:
        parts.append(f"similarity {hit.similarity:.3f}")
    if hit.dense_rank is not None:
        parts.append(f"meaning rank {hit.dense_rank}")
    if hit.lexical_rank is not None:
        parts.append(f"word-match rank {hit.lexical_rank}")
    return " · ".join(parts) or f"score {hit.score:.3f}"


def claim_label(item: CheckedClaim, limit: int = 90) -> str:
    """How a claim is named in a picker: kind, speaker and the start of its text."""
    claim = item.claim
    who = f"{claim.speaker}: " if claim.speaker else ""
    text = claim.text if len(claim.text) <= limit else claim.text[: limit - 1] + "…"
    return f"[{claim.kind.value}] {who}{text}"


def export_reviews_csv(reviews: ReviewStore, *, excel: bool = False, ratings: Sequence[str] = DEFAULT_RATINGS) -> bytes:
    return to_csv_bytes(review_rows(reviews.claim_rows(), ratings=ratings), excel=excel)


_MARKDOWN_SPECIAL = set("\\`*_{}[]()#+-.!|<>~$")


def escape_markdown(text: str) -> str:
    """User and corpus text shown through st.markdown: every Markdown and HTML character is taken literally."""
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in text)


def highlighted_passage(text: str, signals: Signals | None) -> str:
    """The passage as Markdown with the figures the numbers signal compared in bold (conflicting ones marked ⚠),
    everything else escaped so the passage's own characters are shown literally."""
    marks: list[tuple[int, int, bool]] = []
    if signals is not None and signals.numbers is not None:
        for pair in signals.numbers.pairs:
            if pair.passage_start is not None and pair.passage_end is not None:
                conflicting = pair.status is NumberStatus.MISMATCH
                marks.append((pair.passage_start, pair.passage_end, conflicting))
    pieces, cursor = [], 0
    for start, end, conflicting in sorted(set(marks)):
        if start < cursor or end > len(text):
            continue
        pieces.append(escape_markdown(text[cursor:start]))
        figure = escape_markdown(text[start:end])
        pieces.append(f"**⚠ {figure}**" if conflicting else f"**{figure}**")
        cursor = end
    pieces.append(escape_markdown(text[cursor:]))
    return "".join(pieces)


def quote_diff_markdown(signals: Signals | None) -> str | None:
    """The word diff of a quote against its source: ~~words only in the claim~~, **words only in the source**."""
    if signals is None or signals.quote is None or not signals.quote.diff:
        return None
    parts = []
    for step in signals.quote.diff:
        if step.op == "equal":
            parts.append(escape_markdown(step.claim_words))
        if step.op in ("replace", "delete") and step.claim_words:
            parts.append(f"~~{escape_markdown(step.claim_words)}~~")
        if step.op in ("replace", "insert") and step.source_words:
            parts.append(f"**{escape_markdown(step.source_words)}**")
    return " ".join(part for part in parts if part)


# ---- corpora and queue (pages/) ------------------------------------------------------------------------------------


def corpora_table(settings: Settings) -> pd.DataFrame:
    """Every corpus with its document and passage counts, size and model (a damaged one shows its problem)."""
    rows = [
        {
            "corpus": info.name,
            "documents": info.documents,
            "passages": info.passages,
            "size (MB)": round(info.size_bytes / 1e6, 2),
            "model": info.model,
            "updated": info.updated,
            "problem": info.problem or "",
        }
        for info in IndexStore(settings.index_dir).list()
    ]
    return pd.DataFrame(rows, columns=["corpus", "documents", "passages", "size (MB)", "model", "updated", "problem"])


def add_uploads(
    settings: Settings,
    corpus_name: str,
    uploads: Sequence[tuple[str, bytes]],
    embedder: Embedder,
    progress=None,
) -> tuple[AddReport, list[str]]:
    """Read uploaded files and add them to a corpus (created if new). Returns the report and per-file problems;
    a file that cannot be read is reported and skipped, the others are added."""
    from factcheck.errors import FactcheckError
    from factcheck.readers import read_bytes_with_report

    documents, problems = [], []
    for name, data in uploads:
        try:
            found, warnings = read_bytes_with_report(data, name)
        except FactcheckError as error:
            problems.append(str(error))
            continue
        documents.extend(found)
        problems.extend(warnings)
    corpus = IndexStore(settings.index_dir).open_or_create(corpus_name, embedder)
    report = corpus.add_documents(documents, embedder, progress=progress)
    return report, problems


def corpus_documents(settings: Settings, corpus_name: str) -> pd.DataFrame:
    corpus = IndexStore(settings.index_dir).open(corpus_name)
    rows = [
        {
            "doc_id": d.doc_id,
            "title": d.title or "",
            "source": d.source or "",
            "date": d.date or "",
            "passages": d.passages,
        }
        for d in corpus.documents.values()
    ]
    return pd.DataFrame(rows, columns=["doc_id", "title", "source", "date", "passages"])


def remove_corpus_documents(settings: Settings, corpus_name: str, doc_ids: Sequence[str]) -> int:
    return IndexStore(settings.index_dir).open(corpus_name).remove_documents(doc_ids)


def remove_corpus(settings: Settings, corpus_name: str) -> None:
    IndexStore(settings.index_dir).remove(corpus_name)


def queue_table(
    reviews: ReviewStore,
    *,
    statuses: Sequence[str] = (),
    kinds: Sequence[str] = (),
    reviewers: Sequence[str] = (),
    ratings: Sequence[str] = (),
) -> pd.DataFrame:
    """Every recorded claim across every checked article, with its review, filtered (an empty filter keeps all)."""
    rows = []
    for record in reviews.claim_rows():
        row = {
            "claim_id": record["claim_id"],
            "article": record.get("doc_title") or record["doc"],
            "type": record["kind"],
            "claim": record["text"],
            "speaker": record.get("speaker") or "",
            "check-worthiness": record.get("checkworthiness"),
            "status": record["status"],
            "rating": record.get("rating") or "",
            "reviewer": record.get("reviewer") or "",
            "updated": record.get("updated_at") or "",
        }
        if statuses and row["status"] not in statuses:
            continue
        if kinds and row["type"] not in kinds:
            continue
        if reviewers and row["reviewer"] not in reviewers:
            continue
        if ratings and row["rating"] not in ratings:
            continue
        rows.append(row)
    columns = [
        "claim_id",
        "article",
        "type",
        "claim",
        "speaker",
        "check-worthiness",
        "status",
        "rating",
        "reviewer",
        "updated",
    ]
    return pd.DataFrame(rows, columns=columns)


def export_reviews_jsonld(
    reviews: ReviewStore, publisher: str = "factcheck", ratings: Sequence[str] = DEFAULT_RATINGS
) -> bytes:
    """ClaimReview JSON-LD (a JSON array) of every reviewed claim."""
    import json

    from factcheck.claimreview import claimreview_jsonld

    return json.dumps(
        claimreview_jsonld(reviews.claim_rows(), publisher=publisher), ensure_ascii=False, indent=2
    ).encode()
