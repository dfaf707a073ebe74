"""The values extraction produces: sentences, quantities, quotes and the claims built from them."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from factcheck.extract.datelines import Filed
from factcheck.serialise import Record


class Qualifier(enum.Enum):
    """How a figure is hedged. The small vocabulary every comparison understands.

    Words map to these as documented in `factcheck/extract/quantities.py` (for example "almost", "about",
    "nearly", "some", "roughly" -> APPROXIMATELY; "over", "more than" -> MORE_THAN; "up to" -> UP_TO).
    """

    APPROXIMATELY = "approximately"
    AT_LEAST = "at least"
    MORE_THAN = "more than"
    AT_MOST = "at most"
    LESS_THAN = "less than"
    UP_TO = "up to"
    EXACTLY = "exactly"


class ClaimKind(enum.Enum):
    QUOTE = "quote"
    NUMERIC = "numeric"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence's span in its document."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Quantity(Record):
    """One figure as written and as a number.

    `value` is in the unit as written (80 km -> 80, "km"; $4.7 billion -> 4_700_000_000, "USD"; 12% -> 12,
    "percent"). A range has `low` and `high` and `value` None. `unit` is None for a plain count, whose counted thing
    (if the sentence says it) is `measured`. `dimension` is the unit's family ("length", "duration", "currency",
    "percent", "count", ...). `conversion_of` is the surface of the figure this one converts, for the second figure of
    `80 km (50 miles)`. Offsets index into the text that was parsed.
    """

    surface: str
    start: int
    end: int
    value: float | None
    unit: str | None = None
    dimension: str = "count"
    qualifier: Qualifier | None = None
    low: float | None = None
    high: float | None = None
    measured: str | None = None
    conversion_of: str | None = None

    def shifted(self, offset: int) -> Quantity:
        """The same quantity with offsets moved by `offset` (when parsed from a slice of a document)."""
        return _replace(self, start=self.start + offset, end=self.end + offset)


@dataclass(frozen=True, slots=True)
class Quote(Record):
    """A direct quote: its words without the marks, where they are, and who said them.

    `parts` are the spans of each quoted piece (a quote interrupted by its attribution has two); `start`/`end` run
    from the first part's start to the last part's end; `text` is the parts joined with a single space. `speaker` is
    the normalised (fullest) name, or a description as written ("a coalition official"), or None when unresolved;
    `speaker_surface` is what the text says next to the quote ("he", "Kerry"); `cue` the reporting verb.
    """

    text: str
    start: int
    end: int
    parts: tuple[tuple[int, int], ...]
    speaker: str | None = None
    speaker_surface: str | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """A checkable statement: a direct quote or a sentence carrying figures.

    `text` is the quote's words or the numeric sentence; `start`/`end` are its offsets in the document. A quote that
    contains figures stays a quote and lists them in `quantities`. `checkworthiness` in [0, 1] orders claims for review.
    """

    claim_id: str
    doc: str
    kind: ClaimKind
    text: str
    start: int
    end: int
    sentence: str
    speaker: str | None
    quantities: tuple[Quantity, ...]
    checkworthiness: float
    filed: Filed | None = None  # the day the article's dateline gives (`datelines.py`), when it gives one
    # role words the article writes beside a quote's speaker anywhere in it ("Chair Severine Strang": "chair")
    speaker_roles: tuple[str, ...] = ()

    def to_dict(self) -> dict:
        return {
            "doc": self.doc,
            "claim_id": self.claim_id,
            "kind": self.kind.value,
            "text": self.text,
            "speaker": self.speaker,
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "checkworthiness": round(self.checkworthiness, 3),
            "quantities": [q.to_dict() for q in self.quantities],
        }


def _replace(obj, **changes):
    # dataclasses.replace works with slots=True; kept in one place so the import stays local to this module.
    from dataclasses import replace

    return replace(obj, **changes)
