"""Which passage figures a claim figure may be compared with (the first step of `numbers.compare_numbers`).

Only *comparable* figures: the same unit family after conversion (km and miles, hours and days, "1.2m" and
"1.2 million"; a fraction is a percentage, so "half" is 50%), and the same counted thing when both name one.
Two counted nouns agree when they are the same noun (singular or plural), when either is generic ("people"),
or when they are regional synonyms ("trucks"/"lorries"); a word after a figure that is not a plural noun is a
parsing guess and never rules a figure out. Currencies are never converted into each other. Vague amounts
("thousands", "tens of thousands") are not figures. Figures more than 20 times apart count different things
unless both name the same thing ("one barge" is not a count of 3,200 sacks; a misplaced digit, 1.2 million
for 120,000 people, stays a conflict), and more than 1,000 times apart count different things even then ("4.10
crowns" for a meal and "412 million crowns" in all) unless their digits are the same (a misread magnitude).
A passage figure counting the same named thing as a claim figure belongs to it and is not compared with the
claim's other figures ("2,500 parcels" is read against the claim's parcels, not against the "35,000 people"
they feed), and so does a passage figure with the same value as one claim figure. A generic "people" stands
for a noun for people ("voters", "migrants"), never for things ("requests", "parcels") unless the two values
are written the same.
A figure inside a question ("how many ambulances ...?") is not read: a question asks about a figure, it reports
none.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

from factcheck.corroborate.number_rules import ENTRY_NOUNS, GENERIC_NOUNS, Figure, measured_compatible, to_figures
from factcheck.corroborate.number_values import classify, distance, same_value
from factcheck.corroborate.signals import AGREEING, NumberStatus
from factcheck.corroborate.table_units import in_cell_unit, line_at
from factcheck.extract.figures import find_days_and_times, find_quantities

__all__ = [
    "counts_compatible",
    "denominator_in",
    "is_asked",
    "names_same_thing",
    "owned_by",
    "owners_of",
    "passage_figures_of",
    "plausible",
    "restatements",
]

_SCALE_LIMIT = 20.0  # figures further apart than this count different things unless they name the same thing
# Even naming the same thing, figures further apart than this are a part and a whole ("4.10 crowns" a meal against
# "412 million crowns" in all), unless their digits are the same (1.2 million for 1.2 billion: a misread magnitude).
_NAMED_SCALE_LIMIT = 1000.0
_QUESTION_END = re.compile(r"[.!?](?=\s|$)|\n")  # where the sentence holding a figure ends


def passage_figures_of(text: str, context: str | None = None, money_note: str | None = None) -> list[Figure]:
    """The figures of a passage as the comparison reads them: quantities, days and times in text order, those
    inside a question left out, a bare table cell in the unit its row label or column header names (`context`:
    the passage's paragraph in its document, where a row's table header is), else in `money_note`'s unit."""
    found = sorted(find_quantities(text) + find_days_and_times(text), key=lambda q: q.start)
    kept = [
        in_cell_unit(text, q, context, money_note)
        for q in found
        if not is_asked(text, q.start) and not is_denominator(text, q.start)
    ]
    return to_figures(kept, text)


# "6,423 offences per 100,000 population": the base a rate is told against, not a count. ("One toilet for every
# 85 people" is kept: there the base is the figure told.)
_PER_BEFORE = re.compile(r"\bper\s+$", re.IGNORECASE)


def is_denominator(text: str, position: int) -> bool:
    """Whether the figure at `position` is the base of a rate ("per 100,000 people")."""
    return bool(_PER_BEFORE.search(text, max(0, position - 20), position))


def denominator_in(claim_text: str | None, surface: str) -> bool:
    """Whether the claim's sentence gives this figure as the base of a rate ("per 100,000 people")."""
    if not claim_text:
        return False
    at = claim_text.find(surface)
    return at >= 0 and is_denominator(claim_text, at)


def is_asked(text: str, position: int) -> bool:
    """Whether the figure at `position` is in a question ("Over the first two days, how many ambulances ...?"): a
    question asks about a figure, it reports none."""
    stop = _QUESTION_END.search(text, position)
    return stop is not None and stop.group(0) == "?"


# A share "of the total" names its whole, not what it counts: it may be the share a passage's "22% of all trips" is.
_THE_WHOLE = frozenset({"total", "whole", "overall"})


def owners_of(
    claim_figures: list[Figure],
    passage_figures: list[Figure],
    passage_text: str | None = None,
    partners: dict[int, int] | None = None,
    claim_text: str | None = None,
) -> dict[int, int]:
    """A passage figure counting the same named thing as a claim figure belongs to that claim figure (the one it
    agrees with, if several name the thing) and is not compared with the claim's other figures: "40,000 people" is
    set against the claim's "35,000 people", not also against its "2,500 parcels". `partners`: the claim's figures
    set against another group's (`contrasts.contrast_partners`), which never share a table row."""
    owners: dict[int, int] = {}
    for n, passage in enumerate(passage_figures):
        same = [
            i
            for i, claim in enumerate(claim_figures)
            if passage.family == claim.family and names_same_thing(claim, passage)
        ]
        agreeing = [i for i in same if classify(claim_figures[i], passage) in AGREEING]
        if same and not agreeing:
            # A claim figure that names nothing but agrees ("almost 22,000" of "180,000 patients") is the one the
            # passage's "21,700 patients" reports, not the named figure it disagrees with.
            agreeing = [
                i
                for i, claim in enumerate(claim_figures)
                if passage.family == claim.family
                and (not claim.measured or claim.measured.lower() in GENERIC_NOUNS | _THE_WHOLE)
                and classify(claim, passage) in (NumberStatus.MATCH, NumberStatus.WITHIN_ROUNDING)
            ] or [
                # "counted 6,120 people through the doors" is the claim's "6,120 visitors", exactly, not its "about
                # 300 people" waiting: a generic noun in the passage may name any group of people
                i
                for i, claim in enumerate(claim_figures)
                if passage.family == claim.family
                and (passage.measured or "").lower() in GENERIC_NOUNS
                and counts_compatible(claim, passage)
                and claim.anchor >= 100  # a few people of the same number may be anyone
                and classify(claim, passage) is NumberStatus.MATCH
            ]
            told = [
                i
                for i in same
                if claim_text and passage_text and _same_lead(claim_text, claim_figures[i], passage_text, passage)
            ]
            if told and not any(classify(claim_figures[i], passage) is NumberStatus.MATCH for i in agreeing):
                # told in the same words ("Women made up 31 percent of participants" / "made up 37 percent of
                # participants"): that named figure's, not an unnamed one's it only rounds to
                agreeing = told
        if same:
            owners[n] = agreeing[0] if agreeing else _nearest_unmet(same, claim_figures, passage, passage_figures)
            continue
        # A passage figure with the same value as one claim figure is that figure's, even counting another noun
        # ("a 48-hour pause" is not also set against the claim's "more than a month"; "60 convoy requests" not
        # against the claim's "17 approved").
        equal = [i for i, claim in enumerate(claim_figures) if same_value(claim, passage)]
        if equal:
            owners[n] = equal[0]
            continue
        # So does one that agrees with exactly one claim figure it may count ("184,000 people" and the claim's
        # "more than 180,000 patients" is not also set against its "almost 22,000").
        agreeing_any = [
            i
            for i, claim in enumerate(claim_figures)
            if passage.family == claim.family
            and counts_compatible(claim, passage)
            and classify(claim, passage) in AGREEING
        ]
        if len(agreeing_any) == 1:
            owners[n] = agreeing_any[0]
    if passage_text is not None:
        _own_rows(claim_figures, passage_figures, owners, passage_text, partners or {})
    return owners


# A share told again after a comma or bracket: "63 percent approved, nearly two thirds", "(about a third)".
_RESTATED_BEFORE = re.compile(
    r"[,(]\s*(?:or\s+)?(?:(?:about|nearly|almost|roughly|around|some|just\s+(?:over|under)|more\s+than|over|under"
    r"|less\s+than)\s+)?$",
    re.IGNORECASE,
)


def restatements(claim_text: str | None, claim_figures: list[Figure]) -> dict[int, set[int]]:
    """The claim's shares told twice, within a tenth of each other, the second after a comma or a bracket ("63
    percent approved of the mural, nearly two thirds"): each index maps to
    the indices of the same share, so a passage figure one of them owns is the other's to compare too (the 63% of
    a row's last cell, not its first cell's 48%, meets "nearly two thirds")."""
    alike: dict[int, set[int]] = {}
    if not claim_text:
        return alike
    for later, figure in enumerate(claim_figures):
        at = claim_text.find(figure.surface)  # a claim's figures index into its article, not its sentence
        if figure.family != "percent" or at < 0 or not _RESTATED_BEFORE.search(claim_text[max(0, at - 30) : at]):
            continue
        for earlier, other in enumerate(claim_figures[:later]):
            if other.family == "percent" and abs(figure.anchor - other.anchor) <= 0.1 * max(
                abs(figure.anchor), abs(other.anchor)
            ):
                alike.setdefault(later, {later}).add(earlier)
                alike.setdefault(earlier, {earlier}).add(later)
    return alike


_LEAD = re.compile(r"([A-Za-z][\w'\u2019-]*)\s+([A-Za-z][\w'\u2019-]*)\s+$")
_NO_LEAD = frozenset({"of", "the", "a", "an", "to", "and", "was", "were", "is", "are", "by", "with", "at", "in", "for"})


def _same_lead(claim_text: str, claim: Figure, passage_text: str, passage: Figure) -> bool:
    """Whether the two words right before both figures are the same and not both small words ("made up")."""
    at = claim_text.find(claim.surface)
    if at < 0:
        return False
    claim_lead = _LEAD.search(claim_text[max(0, at - 40) : at])
    passage_lead = _LEAD.search(passage_text[max(0, passage.start - 40) : passage.start])
    if claim_lead is None or passage_lead is None:
        return False
    words = {tuple(word.lower() for word in lead.groups()) for lead in (claim_lead, passage_lead)}
    return len(words) == 1 and not set(next(iter(words))) <= _NO_LEAD


def _nearest_unmet(same: list[int], claim_figures: list[Figure], passage: Figure, passage_figures: list[Figure]) -> int:
    """Of the claim figures (indices `same`) naming what `passage` counts, none agreeing with it: the one nearest in
    value among those no other passage figure agrees with ("5,720 brent geese" is the claim's "5,270 brent geese",
    not its "nearly 10,000 barnacle geese", which the passage's 9,850 meets; "10 of its 14 posts" sets 10 against
    the claim's "six of its 14", whose 14 the passage's 14 meets)."""
    unmet = [
        i
        for i in same
        if not any(
            other.family == passage.family and classify(claim_figures[i], other) in AGREEING
            for other in passage_figures
            if other is not passage
        )
    ]
    return min(unmet or same, key=lambda i: distance(claim_figures[i], passage))


def _own_rows(
    claim_figures: list[Figure],
    passage_figures: list[Figure],
    owners: dict[int, int],
    passage_text: str,
    partners: dict[int, int],
) -> None:
    """A table row one of whose cells gives a claim figure exactly is that figure's row: its other cells (last
    year's column, a change) measure the same thing and are not set against the claim's other figures ("| Docking
    stations | 290 | 310 |" is not compared with the claim's "4,650 docking points" once 310 is its "310 stations")."""
    rows = [_table_row(passage_text, passage.start) for passage in passage_figures]
    row_owner: dict[tuple[int, int], int] = {}
    for n, (passage, row) in enumerate(zip(passage_figures, rows, strict=True)):
        i = owners.get(n)
        if row is None or i is None or classify(claim_figures[i], passage) is not NumberStatus.MATCH:
            continue
        sharing = (other for j, other in enumerate(claim_figures) if j != i and partners.get(i) != j)
        if not any(_may_share_a_row(claim_figures[i], other) for other in sharing):
            row_owner.setdefault(row, i)
    for n, (passage, row) in enumerate(zip(passage_figures, rows, strict=True)):
        # only cells of the owner's kind: "| People more than 5 km away | 265,000 | 410,000 |" is not the row of
        # the claim's "5 km" (a label's figure), nor "| Wed 18:00 | 9,600 |" the row of its "6 p.m."
        if row in row_owner and n not in owners and passage.family == claim_figures[row_owner[row]].family:
            owners[n] = row_owner[row]


def _may_share_a_row(owner: Figure, other: Figure) -> bool:
    """Whether another claim figure may be a cell of the owner's row: the same family, and not a named other thing
    ("from 68 euros to 81 euros" is one row's two years; "310 stations" and "4,650 points" are two rows)."""
    if other.family != owner.family:
        return False
    nouns = [(figure.measured or "").lower() for figure in (owner, other)]
    return not all(nouns) or nouns[0] == nouns[1] or measured_compatible(owner.measured, other.measured)


def _table_row(text: str, position: int) -> tuple[int, int] | None:
    """The line of a table row holding `position` (its start and end), or None outside a table row."""
    start, end = line_at(text, position)
    return (start, end) if text.count("|", start, end) >= 2 and text.count("|", start, position) >= 1 else None


def counts_compatible(claim: Figure, passage: Figure) -> bool:
    """The counted nouns may name the same thing; a generic "people" stands for another noun only when the values
    are written the same ("312 arrests" and "312 people were arrested"), and so do "entries" ("a record 318
    entries" and "a record entry of 318 dogs"; not "124 handlers")."""
    if _one_of_each(claim, passage):
        return False
    if measured_compatible(claim.measured, passage.measured):
        return True
    generic = {(claim.measured or "").lower(), (passage.measured or "").lower()} & (GENERIC_NOUNS | ENTRY_NOUNS)
    return bool(generic) and claim.written == passage.written


def _one_of_each(claim: Figure, passage: Figure) -> bool:
    """ "One coach party" and "one garden": one thing each, named by two singular nouns that are not one noun in
    the plural either (the plural nouns' test, `measured_compatible`, read on both made plural)."""
    nouns = [(figure.measured or "").lower() for figure in (claim, passage)]
    if claim.anchor != 1 or passage.anchor != 1 or not all(noun.isalpha() for noun in nouns) or nouns[0] == nouns[1]:
        return False
    return not measured_compatible(*(_plural(noun) for noun in nouns))


def _plural(noun: str) -> str:
    if noun.endswith(("s", "x", "ch", "sh")):
        return noun + "es"
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2:-1] not in "aeiou" else noun + "s"


def plausible(claim: Figure, passage: Figure) -> bool:
    """Whether two figures can be counts of one thing: the same named thing, or within a factor of
    `_SCALE_LIMIT` (a misplaced digit, 1.2 million for 120,000, is a conflict worth showing; "one barge" beside
    3,200 sacks, or a town's 3,000 residents beside 450,000 people, are different things)."""
    first, second = abs(claim.anchor), abs(passage.anchor)
    if not (math.isfinite(first) and math.isfinite(second)) or first == 0 or second == 0:
        return True
    ratio = max(first, second) / min(first, second)
    if names_same_thing(claim, passage):
        return ratio <= _NAMED_SCALE_LIMIT or _digits(first) == _digits(second)
    return ratio <= _SCALE_LIMIT


def _digits(value: float) -> str:
    """The significant digits of a value, without its magnitude (1.2 million and 1.2 billion: "12")."""
    return f"{value:.3e}".split("e")[0].replace(".", "").rstrip("0")


def names_same_thing(claim: Figure, passage: Figure) -> bool:
    return bool(claim.measured and passage.measured and claim.measured.lower() == passage.measured.lower())


# One event named by a noun on one side and by a verb on the other ("17 deaths" / "17 riders were killed",
# "2 abstentions" / "Two councillors abstained", "146 cancellations" / "cancelled 146 flights"): the stem each names.
# Not "reported": it names who told of a figure as often as what it counts ("officials reported 23 deaths").
_EVENT_NOUNS = {
    "death": "die",
    "deaths": "die",
    "fatalities": "die",
    "injuries": "injure",
    "arrests": "arrest",
    "cancellations": "cancel",
    "abstentions": "abstain",
    "evacuations": "evacuate",
    "admissions": "admit",
    "complaints": "complain",
    "diversions": "divert",
    "closures": "close",
}
_EVENT_VERBS = {
    "died": "die",
    "killed": "die",
    "injured": "injure",
    "hurt": "injure",
    "arrested": "arrest",
    "cancelled": "cancel",
    "canceled": "cancel",
    "abstained": "abstain",
    "evacuated": "evacuate",
    "admitted": "admit",
    "complained": "complain",
    "diverted": "divert",
    "closed": "close",
}
_WORD = re.compile(r"[A-Za-z]+")


def counted_by_one_event(claim: Figure, claim_text: str, passage: Figure, passage_text: str) -> bool:
    """Whether the same number, written the same, counts one event on both sides though the nouns differ: one side
    names it with a noun ("17 deaths"), the other with a verb beside its count ("17 riders were killed")."""
    if claim.written != passage.written or claim.written == (None, None, None):
        return False
    at = claim_text.find(claim.surface)
    if at < 0:
        return False
    claim_events = _events_at(claim_text, at, at + len(claim.surface))
    passage_events = _events_at(passage_text, passage.start, passage.end)
    return bool(claim_events & passage_events)


def _events_at(text: str, start: int, end: int) -> set[str]:
    """The event stems of the noun right after a figure and of the verbs within three words before it or five after."""
    after = [w.lower() for w in _WORD.findall(text[end : end + 60])][:5]
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 40) : start])][-3:]
    stems = {_EVENT_NOUNS[after[0]]} if after and after[0] in _EVENT_NOUNS else set()
    # "the 24 deaths": the counted noun may follow "of the"
    of_noun = after[2] if after[:2] == ["of", "the"] and len(after) > 2 else None
    if of_noun in _EVENT_NOUNS:
        stems.add(_EVENT_NOUNS[of_noun])
    return stems | {_EVENT_VERBS[w] for w in (*before, *after) if w in _EVENT_VERBS}


def owned_by(index: int, passage_figures: Sequence[Figure], owners: dict[int, int], alike: dict) -> list[Figure]:
    """The passage figures the claim figure at `index` may be compared with (`owners_of`, `restatements`)."""
    return [p for n, p in enumerate(passage_figures) if owners.get(n, index) in alike.get(index, {index})]
