"""Tables for people: claims, hits and reviews flattened to CSV-ready rows, with spreadsheet-formula protection."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

import pandas as pd

from factcheck.claimreview import claim_reviewed, rating_position
from factcheck.factchecks import PublishedReview
from factcheck.recorded_claim import RecordedClaim
from factcheck.reviews import DEFAULT_RATINGS

_REVIEW_FIELDS = ("rating", "publisher", "date", "url", "claimant")
# A cell starting with one of these is run as a formula by Excel, LibreOffice and Google Sheets; spreadsheets also
# skip leading spaces and line breaks before one, so those are looked past.
_FORMULA_STARTS = ("=", "+", "-", "@")
_CONTROL_STARTS = ("\t", "\r", "\n")


def neutralise_cell(value):
    """Prefix a text cell that a spreadsheet would evaluate with an apostrophe, so it shows as typed.

    Numbers are left alone: -3 as a number is data, "-3+A1" as text is a formula. A formula after leading whitespace
    or a line break (" =1+1", "\r=1+1") is neutralised too.
    """
    if isinstance(value, str) and (value.lstrip().startswith(_FORMULA_STARTS) or value.startswith(_CONTROL_STARTS)):
        return "'" + value
    return value


def describe_quantity(quantity: dict) -> str:
    """One figure as a reviewer reads it: `almost 600,000 = 600000 (approximately)`."""
    if quantity.get("low") is not None and quantity.get("high") is not None:
        number = f"{_plain(quantity['low'])}-{_plain(quantity['high'])}"
    else:
        number = _plain(quantity.get("value"))
    unit = f" {quantity['unit']}" if quantity.get("unit") else ""
    measured = f" {quantity['measured']}" if quantity.get("measured") else ""
    qualifier = f" ({quantity['qualifier']})" if quantity.get("qualifier") else ""
    return f"{quantity['surface']} = {number}{unit}{measured}{qualifier}"


def quantity_columns(quantities: Sequence[dict]) -> dict[str, str]:
    """The quantities of one claim as readable columns joined with '; '."""
    return {
        "quantities": "; ".join(describe_quantity(q) for q in quantities),
        "values": "; ".join(
            f"{_plain(q['low'])}-{_plain(q['high'])}" if q.get("low") is not None else _plain(q.get("value"))
            for q in quantities
        ),
        "units": "; ".join(q.get("unit") or "" for q in quantities),
        "qualifiers": "; ".join(q.get("qualifier") or "" for q in quantities),
    }


def flat_claim(record: dict) -> dict:
    """A claim record (`Claim.to_dict()`) as one flat row."""
    row = {key: value for key, value in record.items() if key not in ("quantities", "candidates")}
    row.update(quantity_columns(record.get("quantities", [])))
    return row


def check_rows(records: Iterable[dict]) -> list[dict]:
    """Checked claims as rows: one per (claim, candidate), or one with empty candidate columns if none."""
    rows = []
    for record in records:
        base = flat_claim(record)
        base.pop("earlier_fact_checks", None)
        base["checked_before"] = " | ".join(describe_earlier(hit) for hit in record.get("earlier_fact_checks") or [])
        candidates = record.get("candidates") or [{}]
        for hit in candidates:
            row = dict(base)
            signals = hit.get("signals")
            row.update({f"candidate_{key}": value for key, value in flat_hit(hit).items() if key != "signals"})
            if signals:
                row["candidate_stance"] = signals["stance"]
                row["candidate_reasons"] = " | ".join(signals["reasons"])
                row["candidate_numbers"] = (signals.get("numbers") or {}).get("status")
                row["candidate_quote"] = (signals.get("quote") or {}).get("status")
                row["candidate_speaker"] = (signals.get("quote") or {}).get("speaker")
                if signals.get("nli"):  # only with the optional NLI model
                    row["candidate_entailment"] = round(signals["nli"]["entailment"], 3)
                    row["candidate_contradiction"] = round(signals["nli"]["contradiction"], 3)
            rows.append(row)
    return rows


def search_rows(records: Iterable[dict]) -> list[dict]:
    """Search results as rows: one per (query, hit)."""
    rows = []
    for record in records:
        base = {key: value for key, value in record.items() if key != "hits"}
        for hit in record.get("hits") or [{}]:
            rows.append({**base, **flat_hit(hit)})
    return rows


def flat_hit(hit: dict) -> dict:
    """A hit record with its `review` (from a fact-check corpus) spread into `review_<field>` columns."""
    row = {key: value for key, value in hit.items() if key != "review"}
    if hit.get("review"):  # evidence hits have none: their rows get no empty review columns
        row.update({f"review_{field}": hit["review"].get(field) for field in _REVIEW_FIELDS})
    return row


def describe_earlier(hit: dict) -> str:
    """An earlier fact-check as one cell: 'rated False by Full Fact, 2020-03-02: <url>'."""
    review = PublishedReview.from_dict(hit.get("review")) or PublishedReview()
    link = f": {review.url}" if review.url else ""
    return f"{review.summary()}{link}"


def review_rows(records: Iterable[RecordedClaim], *, ratings: Sequence[str] = DEFAULT_RATINGS) -> list[dict]:
    """Rows of the review export: each recorded claim with its verdict and chosen evidence.

    Rows also carry flattened schema.org ClaimReview columns (`claimReviewed`, `claimant`, `claimDate`,
    `appearance_url`, `reviewRating_name`, `reviewRating_value`: the rating's position in `ratings`, 1 = best).
    """
    rows = []
    for record in records:
        evidence = record.evidence
        row = {
            "doc": record.doc,
            "doc_title": record.doc_title,
            "doc_url": record.doc_url,
            "claim_id": record.claim_id,
            "kind": record.kind.value,
            "text": record.text,
            "quote": record.text if record.is_quote else "",
            "speaker": record.speaker,
            "sentence": record.sentence,
            "start": record.start,
            "end": record.end,
            "checkworthiness": record.checkworthiness,
            **quantity_columns(record.quantities),
            "rating": record.rating,
            "status": record.status.value,
            "reviewer": record.reviewer,
            "note": record.note,
            # Several pieces of evidence are listed in the same order in every evidence_* column, " | " between.
            "evidence_title": _joined(evidence, "title"),
            "evidence_url": _joined(evidence, "url"),
            "evidence_corpus": _joined(evidence, "corpus"),
            "evidence_doc_id": _joined(evidence, "doc_id"),
            "evidence_passage": _joined(evidence, "text"),
            "evidence_start": _joined(evidence, "start"),
            "evidence_end": _joined(evidence, "end"),
            "updated_at": record.updated_at,
            # Earlier fact-checks found when the claim was last checked, best first (never part of the evidence).
            "checked_before": " | ".join(describe_earlier(hit) for hit in record.earlier_fact_checks),
            "claimReviewed": claim_reviewed(record.text, record.kind),
            "claimant": record.speaker,
            "claimDate": record.doc_date,
            "appearance_url": record.doc_url,
            "reviewRating_name": record.rating,
            # "" rather than None for an unrated claim: a column of whole numbers with gaps would print as 1.0.
            "reviewRating_value": rating_position(record.rating, ratings) or "",
        }
        rows.append(row)
    return rows


def _joined(evidence: Sequence[dict], field: str) -> str:
    return " | ".join("" if e.get(field) is None else str(e.get(field)) for e in evidence)


def to_csv_bytes(rows: Sequence[dict], *, excel: bool = False, columns: Sequence[str] | None = None) -> bytes:
    """CSV bytes with formula cells neutralised; `excel=True` adds a UTF-8 byte-order mark so Excel reads accents."""
    frame = pd.DataFrame(list(rows), columns=list(columns) if columns else None)
    frame = frame.apply(lambda column: column.map(neutralise_cell)) if len(frame) else frame
    buffer = io.StringIO()
    # CRLF row ends (RFC 4180): the csv writer then quotes every cell holding a CR or an LF, which it does not do for a
    # lone CR under LF row ends, and a spreadsheet would start a new row there.
    frame.to_csv(buffer, index=False, lineterminator="\r\n")
    data = buffer.getvalue().encode("utf-8")
    return (b"\xef\xbb\xbf" + data) if excel else data


def _plain(number) -> str:
    if number is None:
        return ""
    if isinstance(number, float) and number.is_integer():
        return str(int(number))
    return str(number)
