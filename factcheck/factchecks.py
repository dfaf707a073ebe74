"""Earlier fact-checks: the published verdict a fact-check record carries, and the corpus kind that holds them."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from factcheck.serialise import Record, from_record


class CorpusKind(enum.Enum):
    """What a corpus holds. Passages of a fact-check corpus are earlier verdicts on claims, never evidence for them."""

    EVIDENCE = "evidence"
    FACT_CHECK = "fact-check"


@dataclass(frozen=True, slots=True)
class PublishedReview(Record):
    """A fact-checker's published verdict on a claim (schema.org ClaimReview), as kept with its record.

    `rating` is the verdict as the fact-checker wrote it ("False", "Mostly true") or, when only a number was given,
    that number on its scale ("2 on 1-5"); None when the review has no rating. `publisher` is who published the
    review, `claimant` who made the claim.
    """

    rating: str | None = None
    publisher: str | None = None
    date: str | None = None
    url: str | None = None
    claimant: str | None = None

    @classmethod
    def from_dict(cls, record: dict | None) -> PublishedReview | None:
        """The review of a stored record (None stays None); unknown keys are ignored."""
        if record is None:
            return None
        if not isinstance(record, dict):
            raise TypeError(f"a stored review must be a JSON object, got {type(record).__name__}")
        return from_record(cls, record)

    def summary(self) -> str:
        """One line for a reviewer: "rated False by Full Fact, 2020-03-02" (parts that are missing are left out)."""
        rated = f"rated {self.rating}" if self.rating else "no rating given"
        by = f" by {self.publisher}" if self.publisher else ""
        when = f", {self.date}" if self.date else ""
        return f"{rated}{by}{when}"
