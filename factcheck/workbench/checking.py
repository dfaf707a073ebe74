"""Checking an article in the app: the input as a Document, its claims with evidence, the claims table."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pandas as pd

from factcheck.articles import save_candidates
from factcheck.check import CheckedClaim, check_claims
from factcheck.corroborate.nli import NliModel
from factcheck.documents import Document, normalise_text
from factcheck.embed import Embedder
from factcheck.errors import UnreadableFileError
from factcheck.export import describe_quantity
from factcheck.extract import extract_claims
from factcheck.readers import read_bytes_with_report, read_path
from factcheck.readers.plain import headline
from factcheck.reviews import Review, ReviewStore
from factcheck.search import Hit
from factcheck.store.backends import CorpusLike
from factcheck.store.corpus import ProgressCallback
from factcheck.workbench.articles import candidate_records
from factcheck.workbench.display import escape_markdown, link_markdown

MAX_PASTE_CHARACTERS = 500_000  # about 80,000 words: far beyond an article, small enough to stay responsive


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
    # Named by its headline (a short first line), else by its opening words, so several pasted articles can be told
    # apart in the queue and the verdicts; the Articles page renames it.
    words = text.split()
    opening = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
    title = headline(normalise_text(text)) or f"Pasted: {opening}"
    return Document.from_text(text, doc_id="pasted text", title=title)


def document_from_upload(name: str, data: bytes) -> tuple[Document, list[str]]:
    """An uploaded file as one Document, with the reader's warnings to show (a guessed encoding, skipped rows)."""
    documents, warnings = read_bytes_with_report(data, name)
    if not documents:
        raise UnreadableFileError(f"{name} has no text to check.")
    if len(documents) > 1:
        # A CSV or JSONL upload holds many records: check them as one article, record by record.
        text = "\n\n".join(d.text for d in documents)
        return Document(doc_id=name, text=text, path=name), list(warnings)
    return documents[0], list(warnings)


def check_and_record(
    document: Document,
    corpora: Sequence[CorpusLike],
    embedder: Embedder,
    reviews: ReviewStore,
    top_k: int,
    progress: ProgressCallback | None = None,
    nli: NliModel | None = None,
    checked_by: str = "",
) -> list[CheckedClaim]:
    """Extract, retrieve, and record the claims (and who checked them) in the review database so the export and
    queue see them, with each claim's candidates so any reviewer can pick evidence later;
    `progress(stage, done, total)` follows the work; `nli` is the optional NLI model."""
    if progress is not None:
        progress("Extracting quotes and figures", 0, 1)
    claims = extract_claims(document)
    reviews.record_claims(document, claims, checked_by)
    if not claims or not corpora:
        return [CheckedClaim(claim, ()) for claim in claims]
    checked = check_claims(claims, corpora, embedder, top_k, progress=progress, nli=nli)
    save_candidates(reviews, {item.claim.claim_id: candidate_records(item) for item in checked})
    reviews.record_earlier_fact_checks(
        {item.claim.claim_id: [hit.to_dict() for hit in item.earlier_fact_checks] for item in checked}
    )
    return checked


def checked_before_markdown(item: CheckedClaim) -> list[str]:
    """The banner lines for a claim's earlier fact-checks, best first: "Checked before: rated False by Example
    Checks, 2016-09-21" with the review's link (Markdown, corpus text escaped); empty when none matched."""
    lines = []
    for hit in item.earlier_fact_checks:
        if hit.review is None:
            continue
        line = f"**Checked before:** {escape_markdown(hit.review.summary())}"
        if hit.review.claimant:
            line += f" (claim by {escape_markdown(hit.review.claimant)})"
        line += f" · “{escape_markdown(hit.text)}”"
        if hit.review.url:
            line += f" · {link_markdown(hit.review.url)}"
        lines.append(line)
    return lines


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
                "checked before": _best_review_summary(item),
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
    checked_before: Sequence[str] = (),
) -> pd.DataFrame:
    """The claims table restricted to the chosen types, best-candidate stances and review statuses (empty = all);
    `checked_before`: "yes" keeps claims with an earlier fact-check, "no" those without."""
    keep = pd.Series(True, index=table.index)
    for column, wanted in (("type", types), ("best stance", stances), ("status", statuses)):
        if wanted and column in table:
            keep &= table[column].isin(list(wanted))
    if checked_before and "checked before" in table:
        found = table["checked before"] != ""
        keep &= (found & ("yes" in checked_before)) | (~found & ("no" in checked_before))
    return table[keep].reset_index(drop=True)


def _best_review_summary(item: CheckedClaim) -> str:
    review = item.earlier_fact_checks[0].review if item.earlier_fact_checks else None
    return review.summary() if review is not None else ""


def describe_ranks(hit: Hit) -> str:
    """Why a candidate is listed, as a sentence: where each retrieval channel ranked it and its similarity."""
    found = []
    if hit.dense_rank is not None:
        found.append(f"{_ordinal(hit.dense_rank)} closest in meaning")
    if hit.lexical_rank is not None:
        found.append(f"{_ordinal(hit.lexical_rank)} by shared words")
    sentence = f"Found {' and '.join(found)}" if found else f"Found with a score of {hit.score:.3f}"
    if hit.similarity is not None:
        sentence += f" (similarity {hit.similarity:.2f})"
    return sentence + "."


def _ordinal(number: int) -> str:
    suffix = "th" if 10 <= number % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def claim_label(item: CheckedClaim, limit: int = 90) -> str:
    """How a claim is named in a picker: kind, speaker and the start of its text."""
    claim = item.claim
    who = f"{claim.speaker}: " if claim.speaker else ""
    text = claim.text if len(claim.text) <= limit else claim.text[: limit - 1] + "…"
    return f"[{claim.kind.value}] {who}{text}"


CONTEXT_CHARACTERS = 400  # shown on each side of a passage, cut at a word


def candidate_contexts(
    checked: Sequence[CheckedClaim], corpora: Sequence[CorpusLike], window: int = CONTEXT_CHARACTERS
) -> dict[tuple[str, str], tuple[str, str]]:
    """For every candidate passage, the text around it in its stored document (before, after), so the page can show
    the passage in context without opening the corpus again. Passages whose document is missing are left out."""
    by_name = {corpus.name: corpus for corpus in corpora}
    contexts: dict[tuple[str, str], tuple[str, str]] = {}
    for item in checked:
        for hit in item.candidates:
            key = (hit.corpus, hit.passage_id)
            corpus = by_name.get(hit.corpus)
            stored = corpus.documents.get(hit.doc_id) if corpus is not None else None
            if key in contexts or stored is None or not 0 <= hit.start <= hit.end <= len(stored.text):
                continue
            contexts[key] = _around(stored.text, hit.start, hit.end, window)
    return contexts


def _around(text: str, start: int, end: int, window: int) -> tuple[str, str]:
    before_start = max(0, start - window)
    after_end = min(len(text), end + window)
    before, after = text[before_start:start], text[end:after_end]
    if before_start > 0:  # begin and end at whole words
        before = "…" + before.split(" ", 1)[-1] if " " in before else before
    if after_end < len(text):
        after = after.rsplit(" ", 1)[0] + "…" if " " in after else after
    return before, after
