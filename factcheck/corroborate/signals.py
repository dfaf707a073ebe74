"""The signals computed for a (claim, candidate passage) pair: numbers, quote fidelity, speaker, stance cues."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

from factcheck.serialise import Record

CONFIDENT = 0.75  # a decisive stance at or above this confidence counts as an independent source
AGREED_LINE = "The claim's other figures agree:"  # how the reason naming a conflict's confirmed figures begins


def shortened(text: str, limit: int = 70) -> str:
    """`text` on one line, cut at a word before `limit` characters with an ellipsis: how a reason quotes a clause."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "\u2026"


class NumberStatus(enum.Enum):
    MATCH = "match"
    WITHIN_ROUNDING = "within_rounding"
    CONSISTENT_WITH_QUALIFIER = "consistent_with_qualifier"
    MISMATCH = "mismatch"
    UNIT_MISMATCH = "unit_mismatch"
    DIFFERENT_THING = "different_thing"  # same unit, but another place, period or event: never decisive
    NO_NUMBERS = "no_numbers"


class QuoteStatus(enum.Enum):
    VERBATIM = "verbatim"
    PUNCTUATION_ONLY = "punctuation_only"
    ELLIPSIS = "ellipsis"
    ALTERED = "altered"
    STITCHED = "stitched"
    NOT_FOUND = "not_found"


# The figure statuses that confirm a claim's figure, and the quote statuses that keep its words: one definition for
# the comparison, the stance, the confidence and the quote modules.
AGREEING = (NumberStatus.MATCH, NumberStatus.WITHIN_ROUNDING, NumberStatus.CONSISTENT_WITH_QUALIFIER)
FAITHFUL = (QuoteStatus.VERBATIM, QuoteStatus.PUNCTUATION_ONLY, QuoteStatus.ELLIPSIS)


class SpeakerStatus(enum.Enum):
    SAME = "same"
    DIFFERENT = "different"
    UNKNOWN = "unknown"


class Stance(enum.Enum):
    SUPPORTS = "supports"
    CONFLICTS = "conflicts"
    RELATED = "related"


@dataclass(frozen=True, slots=True)
class FigurePair(Record):
    """One claim figure set against the passage figure it was compared with (or None when nothing comparable)."""

    claim_surface: str
    passage_surface: str | None
    status: NumberStatus
    reason: str
    claim_value: float | None = None
    passage_value: float | None = None
    passage_start: int | None = None  # offsets of the passage figure in the passage text, for highlighting
    passage_end: int | None = None
    grounded: bool = False  # more than the value ties the two: the same counted noun, a shared place or event word
    misread: bool = False  # a unit mismatch between kindred units (percent and points, two currencies)


@dataclass(frozen=True, slots=True)
class NumberSignal(Record):
    """The claim's figures against the passage's: the overall status is the most decisive of the pairs'
    (a mismatch outweighs a match elsewhere in the passage; see `factcheck/corroborate/numbers.py`)."""

    status: NumberStatus
    pairs: tuple[FigurePair, ...] = ()

    @property
    def disputed(self) -> tuple[str, ...]:
        """The claim figures the passage gives otherwise (`MISMATCH`), once each, in the claim's order."""
        return tuple(dict.fromkeys(p.claim_surface for p in self.pairs if p.status is NumberStatus.MISMATCH))


@dataclass(frozen=True, slots=True)
class DiffOp(Record):
    """One step of the word-level diff of a quote against its source: `equal`, `replace`, `delete` (in the claim's
    quote, not the source), `insert` (in the source, not the quote)."""

    op: str
    claim_words: str
    source_words: str


@dataclass(frozen=True, slots=True)
class QuoteSignal(Record):
    """Where and how faithfully the claim's quote appears in the passage (or its document)."""

    status: QuoteStatus
    reason: str
    source_start: int | None = None  # the located span in the searched text
    source_end: int | None = None
    in_document: bool = False  # located in the passage's whole document rather than the passage
    diff: tuple[DiffOp, ...] = ()
    changed_numbers: tuple[str, ...] = ()  # "two -> three"
    changed_negations: tuple[str, ...] = ()  # "can -> cannot"
    changed_words: tuple[str, ...] = ()  # "accepts -> respects": a content word swapped
    speaker: SpeakerStatus = SpeakerStatus.UNKNOWN
    source_speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Entailment(Record):
    """An NLI model's probabilities that the passage entails, contradicts or is neutral to the claim (sum 1)."""

    entailment: float
    contradiction: float
    neutral: float


@dataclass(frozen=True, slots=True)
class Signals:
    """Everything said about one candidate: the signals, the stance and the reasons in plain language."""

    stance: Stance
    reasons: tuple[str, ...]
    numbers: NumberSignal | None = None
    quote: QuoteSignal | None = None
    cues: tuple[str, ...] = field(default_factory=tuple)
    entailment: Entailment | None = None  # only with the optional NLI model
    confidence: float = 0.0  # of a decisive stance (0 for related); see `factcheck/corroborate/confidence.py`
    # A conflict over one figure of a sentence that confirms its others ("hired 420 ... will employ 650 by 2028"
    # against "hired 402 ... will employ 650 by 2028"): the claim figures confirmed, and the confidence of that
    # support read alone (`stance.corroborate`). Empty for any other card.
    agreed: tuple[str, ...] = ()
    agreed_confidence: float = 0.0

    @property
    def confident(self) -> bool:
        """A decisive stance sure enough to be counted as an independent source."""
        return self.stance is not Stance.RELATED and self.confidence >= CONFIDENT

    @property
    def agreed_confident(self) -> bool:
        """The support of the `agreed` figures is sure enough to count as an independent source."""
        return bool(self.agreed) and self.agreed_confidence >= CONFIDENT

    def to_dict(self) -> dict:
        return {
            "stance": self.stance.value,
            "confidence": round(self.confidence, 2),
            "confident": self.confident,
            "reasons": list(self.reasons),
            "numbers": self.numbers.to_dict() if self.numbers else None,
            "quote": self.quote.to_dict() if self.quote else None,
            "cues": list(self.cues),
            "nli": self.entailment.to_dict() if self.entailment else None,
            "agreed": list(self.agreed),
        }
