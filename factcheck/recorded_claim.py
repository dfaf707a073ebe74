"""A claim as the review database keeps it: the claim, its article and its current verdict, read back as one value."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from factcheck.extract import ClaimKind
from factcheck.review_records import ReviewStatus
from factcheck.serialise import Record, from_record


@dataclass(frozen=True, slots=True)
class RecordedClaim(Record):
    """One row of `ReviewStore.recorded_claims()`: what the export, the queue and the Verdicts page read.

    The claim's own fields are as it was extracted (`start`/`end` index into the article); the `doc_*` fields are the
    article's as the newsroom set them; the verdict fields are the claim's review or its defaults (unreviewed,
    version 0). `quantities`, `evidence` and `earlier_fact_checks` are the stored records of figures, chosen
    evidence and earlier fact-checks found, in their order.
    """

    claim_id: str
    doc_hash: str
    doc: str
    kind: ClaimKind
    text: str
    speaker: str | None = None
    sentence: str | None = None
    start: int | None = None
    end: int | None = None
    quantities: tuple[dict, ...] = ()
    checkworthiness: float | None = None
    first_seen: str = ""
    doc_title: str | None = None
    doc_url: str | None = None
    doc_date: str | None = None
    doc_checked_at: str = ""
    doc_archived: bool = False
    rating: str | None = None
    note: str = ""
    reviewer: str = ""
    status: ReviewStatus = ReviewStatus.UNREVIEWED
    evidence: tuple[dict, ...] = ()
    version: int = 0
    updated_at: str | None = None
    changed_by: str = ""
    earlier_fact_checks: tuple[dict, ...] = ()

    @property
    def article(self) -> str:
        """How the claim's article is named to a reviewer: its title, else the name it was checked under."""
        return self.doc_title or self.doc

    @property
    def is_quote(self) -> bool:
        return self.kind is ClaimKind.QUOTE

    @classmethod
    def from_dict(cls, record: Mapping[str, Any]) -> RecordedClaim:
        """A recorded claim from its record (as `to_dict` writes it); missing verdict fields take their defaults.

        Raises:
            ValueError: the kind or status is not one this version knows.
        """
        return from_record(
            cls,
            record,
            kind=ClaimKind(record["kind"]),
            status=ReviewStatus(record.get("status") or ReviewStatus.UNREVIEWED.value),
            quantities=tuple(record.get("quantities") or ()),
            evidence=tuple(record.get("evidence") or ()),
            earlier_fact_checks=tuple(record.get("earlier_fact_checks") or ()),
            doc_archived=bool(record.get("doc_archived")),
            note=record.get("note") or "",
            reviewer=record.get("reviewer") or "",
            changed_by=record.get("changed_by") or "",
            version=record.get("version") or 0,
        )
