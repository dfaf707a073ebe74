"""What ties a claim figure and a passage figure as one figure told twice, beyond their unit: the same place, period
and kind (`same_frame`), a shared event word or the same counted noun (`grounded_pair`), a table row the claim's
words name (`row_of`), digits in another order that count alike (`slip_counts_alike`); what sets a pair apart: the
largest single item of a budget against its total (`item_of_a_total`), "at least one" beside another count
(`bound_of_one`); and what unties a sentence's agreement: a part met only by another part's value
(`another_part_met`). Which table row a figure belongs to is `row_ties.py`. `numbers.py` asks these before it calls
a pair a match or a conflict. Pure functions, no I/O.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from factcheck.corroborate.event_words import content_stems
from factcheck.corroborate.figure_pairing import counted_by_one_event
from factcheck.corroborate.number_rules import GENERIC_NOUNS, Figure, same_counted
from factcheck.corroborate.number_values import classify, transposed
from factcheck.corroborate.paired_frames import PairedFrames
from factcheck.corroborate.signals import FigurePair, NumberStatus
from factcheck.corroborate.table_rows import row_label, whole_cell
from factcheck.corroborate.table_units import latest_cell
from factcheck.extract import Qualifier
from factcheck.extract.figures import CALENDAR_DAY, CLOCK_TIME

_WHEN = (CALENDAR_DAY, CLOCK_TIME)  # a day or a time of day frames a sentence; its clause is no other figure's row

__all__ = [
    "another_part_met",
    "bound_of_one",
    "grounded_pair",
    "item_of_a_total",
    "named_slip",
    "needs_events",
    "not_earlier",
    "one_event",
    "row_of",
    "same_frame",
    "slip_counts_alike",
    "spread_of_values",
    "synonyms",
]


def row_of(claim: Figure, passage: Figure, status: NumberStatus, frames: PairedFrames | None) -> bool:
    """An agreeing value in the table row the claim's figure names (`PairedFrames.row_agrees`). Told roughly, the
    claim must say so, or round the row's figure to two significant figures or more: "3 euros" rounds "2.90 euros"
    and "214 school buildings" is not what "| Orchard Primary School | 210 |" rounds to."""
    if frames is None:
        return False
    if not frames.row_agrees(passage, claim):
        return status is NumberStatus.MATCH and _named_row_count(claim, passage, frames)
    if status is not NumberStatus.WITHIN_ROUNDING or claim.qualifier is not None:
        return True
    return passage.precision <= claim.precision < magnitude(claim)


_ROW_COUNT_FROM = 10  # a smaller exact count turns up in several rows of one table ("| Ferrets treated | 0 | 3 |")


def _named_row_count(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """The claim's exact count, not a small one, in a row's own cell whose label names the noun it counts ("56
    pilots" and "| Registered pilots | 40 | 56 |"); a generic noun ("people") names no row."""
    noun = (claim.measured or "").casefold()
    if claim.family != "count" or not noun or noun in GENERIC_NOUNS or abs(claim.anchor) < _ROW_COUNT_FROM:
        return False
    if not frames.label_holds_noun(passage, claim) or not whole_cell(frames.passage_text, passage):
        return False
    own = frames.of_claim(claim)
    dated = own is not None and bool(own.eras - {"forecast", "future"})
    if not dated and not latest_cell(frames.passage_text, passage.start):
        return False  # "had expected about 40 entries" is not "| Total pumpkins entered | 40 | 45 | 52 |"'s first year
    # the noun heads the label: not "| Reports of abuse towards referees |" (reports), "| Dessert and drinks trucks
    # (included above) |" (a kind of truck, a part of the total)
    words = re.findall(r"[a-z]+", (row_label(frames.passage_text, passage.start) or "").casefold())
    before = words[: words.index(noun)] if noun in words else words
    return not set(before) & _NOT_HEAD and "included" not in words


_NOT_HEAD = frozenset(
    "of and or about against among at into over towards toward for per by with in on to from whom which than".split()
)


def magnitude(figure: Figure) -> float:
    """The place of the figure's leading digit (1 for 3, 100 for 214, 0.1 for 0.4)."""
    value = abs(figure.anchor)
    return 10 ** math.floor(math.log10(value)) if value > 0 and math.isfinite(value) else 0.0


def slip_counts_alike(claim: Figure, passage: Figure, frames: PairedFrames | None) -> bool:
    """Transposed counts tie only when nothing says they count different things: both name the same counted noun,
    or the passage's is a table cell its row labels ("31 votes to 24" is no slip for "42 library posts")."""
    if frames is not None and _of_a_whole(claim, frames.claim_text):
        return False  # "accounts for £142,000 of the bill": a part, not the £412,000 bill miscopied
    if claim.family != "count":
        return True
    if claim.measured and passage.measured:
        return same_counted(claim.measured, passage.measured)
    return frames is not None and frames.row_subject(passage, claim) is not None


# A sum told as a part of a whole the sentence names: "£142,000 of the bill", "£2 million of the total".
_OF_A_WHOLE = r"\s+of\s+(?:the|its|their|this|that)\s+(?:bill|total|cost|costs|budget|sum|money|amount|fund)\b"


def _of_a_whole(claim: Figure, claim_text: str) -> bool:
    return bool(re.search(re.escape(claim.surface) + _OF_A_WHOLE, claim_text, re.IGNORECASE))


def named_slip(claim: Figure, passage: Figure, passage_text: str) -> bool:
    """Transposed digits of a count of one named plural noun on both sides, not a generic "people" ("1,860 new
    graves" for "1,680 new graves"): one figure miscopied, whatever event words or moment ("At the end of October")
    each side adds; not when the source's sentence names a year ("In 2019 ... 3,100 hens"), another time."""
    if claim.family != "count" or not claim.measured or claim.measured.lower() in GENERIC_NOUNS:
        return False
    if not (transposed(claim, passage) and same_counted(claim.measured, passage.measured)):
        return False
    low = max(passage_text.rfind(". ", 0, passage.start), passage_text.rfind("\n", 0, passage.start)) + 1
    high = passage_text.find(". ", passage.end)
    return not _YEAR.search(passage_text[low : len(passage_text) if high < 0 else high])


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def one_event(claim: Figure, passage: Figure, frames: PairedFrames | None) -> bool:
    return frames is not None and counted_by_one_event(claim, frames.claim_text, passage, frames.passage_text)


def same_frame(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """The same value needs no frame (a place or date told differently is a cue, read by `cues.py`); other
    agreeing values need the same place and period; a mismatch also needs shared event words when the counted
    noun does not say what is counted ("people")."""
    if frames.kind(claim, passage) is not None:
        return False
    status = classify(claim, passage)
    if status is NumberStatus.MATCH:
        return not frames.other_day(claim, passage)
    if status is NumberStatus.WITHIN_ROUNDING and (
        frames.earlier_time(claim, passage) or _both_dated_apart(claim, passage, frames)
    ):
        # last year's 31,500 is not this year's "about 32,000" told roughly: two counts, two times (a claim's bound,
        # "fewer than 100 remain", may still rest on last year's census of 87); nor is next year's "about £12
        # million" last year's £11.6 million
        return False
    # a bare cell whose row label names the claim figure's noun ("| Pupils on roll, ages 11-18 | 1,140 |" for "the
    # school's 1,410 pupils") is told what it counts by its row, as a noun beside it would
    events = status is NumberStatus.MISMATCH and needs_events(claim, passage)
    events = (
        events
        and not frames.row_names_noun(passage, claim)
        and not (transposed(claim, passage) and slip_counts_alike(claim, passage, frames))
    )
    return frames.difference(claim, passage, events) is None


def not_earlier(claim: Figure, same: list[Figure], frames: PairedFrames) -> list[Figure]:
    """`same` without last year's figure when the claim's sentence dates its figure to no time (it is this year's),
    unless nothing else is left: "23 riders were helped" is set against "32 riders ..., compared with 19 last
    year" by the 32, though the 19 is nearer."""
    frame = frames.of_claim(claim)
    if frame is None or frame.eras or frame.periods:
        return same
    return [p for p in same if not frames.earlier_time(claim, p)] or same


def _both_dated_apart(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether each figure's words date it ("last year", "for next year", "in 2024") and the two share no date."""
    claim_frame = frames.of_claim(claim)
    if claim_frame is None:
        return False
    eras = [frame.eras - {"forecast", "future"} for frame in (claim_frame, frames.of_passage(passage))]
    if not all(eras) or eras[0] & eras[1]:
        return False
    # "last year" against "in 2025" may be one year told from two days: only dates told alike are set apart
    told = [{any(ch.isdigit() for ch in era) for era in side} for side in eras]
    return told[0] == told[1] and len(told[0]) == 1


def grounded_pair(claim: Figure, passage: Figure, frames: PairedFrames | None) -> bool:
    """More than the value ties the two figures: the words next to them share an event word, or they count the
    same named thing and one of them has no event word to disagree with ("The 8,000 residents")."""
    if frames is None:
        return synonyms(claim, passage)
    if frames.shared(claim, passage) or frames.both_limits(claim, passage):
        return True
    if frames.total_of_noun(passage, claim):
        return True  # "4,800 graves" and the "| Total | ... | 4,200 |" cell under "| Graves |"
    claim_frame = frames.of_claim(claim)
    passage_frame = frames.of_passage(passage)
    # "There are now 20 eco-moorings in the sound": a stock told with nothing happening to it
    stock = bool(_THERE_ARE.search(frames.passage_text, max(0, passage.start - 40), passage.start))
    silent = claim_frame is None or not claim_frame.near_events or not passage_frame.near_events or stock
    if claim_frame is not None and claim_frame.clause_events and passage_frame.clause_events:
        # Each clause says what happened to what it counts, and not the same thing: "200 workers were on the night
        # shift" and "Fourteen workers died in the fire" count two groups of workers; told of the same event
        # ("saplings survived their first year" and "saplings ... had survived their first year"), one group.
        shared = bool(claim_frame.clause_events & passage_frame.clause_events)
        silent = (silent and (shared or stock)) or shared
    if not silent and claim_frame is not None and _noun_next(frames.claim_text, claim):
        # words that are only the nouns other figures of each sentence count tell nothing of this one: "1,146
        # exhibits in 96 classes" and "1,146 entries in 84 classes" (not "388 sweet pea entries", a kind of entry)
        # (a passage that tells what happened, "Two firefighters received minor injuries", still sets its count apart)
        silent = not passage_frame.clause_events - _nouns_of_others(frames.passage_figures, passage)
    return synonyms(claim, passage) and silent


def _noun_next(text: str, figure: Figure) -> bool:
    """Whether the figure's counted noun comes right after it in `text` ("96 classes"; not "388 sweet pea entries")."""
    at = text.find(figure.surface)
    noun = (figure.measured or "").casefold()
    return at >= 0 and bool(noun) and text[at + len(figure.surface) :].lstrip().casefold().startswith(noun)


def _nouns_of_others(figures: Sequence[Figure], figure: Figure) -> frozenset[str]:
    """The stems of the nouns the other figures of a sentence count (not the figure's own noun)."""
    own = (figure.measured or "").casefold()
    nouns = {f.measured for f in figures if f.measured and f.start != figure.start and f.measured.casefold() != own}
    return content_stems(" ".join(sorted(nouns))) if nouns else frozenset()


_THERE_ARE = re.compile(
    r"\bthere\s+(?:are|were|is)\s+(?:now\s+)?(?:(?:some|about|around|nearly|almost|only|just)\s+)?$", re.IGNORECASE
)


def needs_events(claim: Figure, passage: Figure) -> bool:
    """Event words are read for counts whose noun does not say what is counted (missing, or "people")."""
    if claim.family != "count":
        return False
    nouns = [(figure.measured or "").lower() for figure in (claim, passage)]
    return any(not noun or noun in GENERIC_NOUNS for noun in nouns)


def synonyms(claim: Figure, passage: Figure) -> bool:
    """Both figures name what they count, with the same noun or a synonym ("residents" and "civilians")."""
    return same_counted(claim.measured, passage.measured)


def another_part_met(
    claim_figures: list[Figure], passage_figures: list[Figure], pairs: tuple[FigurePair, ...], frames: PairedFrames
) -> bool:
    """Whether a claim figure counting a part of a group ("nine of its 31 runs") is met by another value for a part
    of the same named thing ("Seven of our 31 runs"): the whole agreeing does not confirm the claim's part, so the
    passage does not support the claim (it need not conflict either: two parts of one group may both be true).
    Likewise a figure for one part against the same measure over the whole ("64.8 percent of patients were seen
    within four hours" at one hospital, "Across the country, 76.9 percent ..."): the measure's own terms agreeing
    ("four hours") confirm nothing of the part."""
    by_start = {p.start: p for p in passage_figures}
    for claim, pair in zip(claim_figures, pairs, strict=True):
        if pair.status is not NumberStatus.DIFFERENT_THING or pair.passage_start is None:
            continue
        passage = by_start.get(pair.passage_start)
        if passage is None or not claim.measured or not passage.measured:
            continue
        if claim.measured.lower() in GENERIC_NOUNS:
            continue
        claim_frame = frames.of_claim(claim)
        if claim_frame is None or not same_counted(claim.measured, passage.measured):
            continue
        passage_kind = frames.of_passage(passage).kind
        if claim_frame.kind.whole != passage_kind.whole:
            return True
        if claim_frame.kind.part and passage_kind.part and claim.anchor != passage.anchor:
            return True
    return False


def bound_of_one(claim: Figure, claim_figures: Sequence[Figure]) -> bool:
    """Whether `claim` is "at least one" or "more than one" of something beside another count of its sentence
    ("about 9,300 people borrowed at least one item"): a bound picking out who the other figure counts, which a
    source's definition repeats word for word ("anyone who borrowed at least one item"); no figure to check."""
    return (
        claim.family == "count"
        and claim.anchor == 1
        and claim.qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN)
        and any(other.family == "count" and other.anchor != 1 for other in claim_figures)
    )


# "Stewarding and security were the largest single cost at £31,000", "the biggest item in the budget at £214,000"
_LARGEST_ITEM = re.compile(
    r"\b(?:the\s+)?(?:largest|biggest)\s+(?:single\s+)?(?:cost|item|expense|outlay|element|share|contribution"
    r"|donation|gift|grant|source|category|spend)\b[^.;|\n]{0,40}?\b(?:at|of|was|is|were|came\s+to)\s+"
    r"(?:(?:a|an|some|about|around|nearly|almost)\s+)?$",
    re.IGNORECASE,
)


def item_of_a_total(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether the claim tells its figure as the largest single item of a total ("Stewarding and security were the
    largest single cost at £31,000") and the passage's clause names nothing of that item ("The parade cost £86,000
    to stage"): the total, or another item, not the claim's figure told otherwise."""
    at = frames.claim_text.find(claim.surface)
    found = _LARGEST_ITEM.search(frames.claim_text[max(0, at - 80) : at]) if at >= 0 else None
    if found is None:
        return False
    opening = frames.claim_text[: max(0, at - 80) + found.start()]
    item = content_stems(opening[opening.rfind(".") + 1 :], skip=_LINKS)
    return bool(item) and not item & content_stems(frames.of_passage(passage).clause)


_LINKS = frozenset({"were", "was", "are", "is", "be", "been", "new"})


def spread_of_values(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether one side's range is a spread of many values, not one value told loosely ("the recruits range in age
    from 11 to 78", "prices ranging from £3 to £8"): a value inside it ("| Average age of ringers | 62 |") is
    another figure, which the spread neither confirms nor contradicts."""
    sides = (
        (claim, frames.claim_text, frames.claim_text.find(claim.surface)),  # a claim's figures sit in its article
        (passage, frames.passage_text, passage.start),
    )
    return any(
        math.isfinite(figure.low)
        and figure.low < figure.high < math.inf
        and at >= 0
        and bool(_SPREAD_BEFORE.search(text[max(0, at - 40) : at]))
        for figure, text, at in sides
    )


_SPREAD_BEFORE = re.compile(r"\brang(?:e|es|ed|ing)\b(?:\s+in\s+[a-z]+)?(?:\s+from)?\s*$", re.IGNORECASE)
