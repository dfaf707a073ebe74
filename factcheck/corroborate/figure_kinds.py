"""What kind of amount a figure is, beyond its unit: an addition or a total, a change or a level, a proposal or a
fact, what something can serve or what it counts, a narrowed group, a kind fused into a modifier.

Two figures in the same unit and frame (`figure_frames.py`) can still be different kinds of amount, each a common
source of false conflicts in news copy:

- an addition against a total: "a further 19", "another 20", "120 new officers", "5,000 more people" against the
  640 officers or 19,000 people in all;
- a change against a level: "rents jump 7 percent" against "the vacancy rate has fallen to 1.8 percent";
- a proposal against what is in force: "extend the pause to at least 72 hours", "calls for a 72-hour halt"
  against "a 48-hour pause holds";
- what something can serve against what it counts: "enough food for 15,000 people" against "2,270 people left";
- a part against the whole: "41,800 of the displaced", "the remaining 370", "accounted for 1,044 people" against
  "the total this year is 3,412 people";
- a narrowed group against everyone: "Applicants whose cases were referred for screening waited 19 months"
  against "Applicants wait 14 months"; a share of a sum against the sum, a count told with its share of a group
  ("312 school teams, about a quarter of the field"), a busiest stretch against the whole (`figure_parts`), and
  shares of one group said of different things ("were under 18", "stayed one night": `figure_movement`);
- a number fused into a modifier that differs: "a two-bedroom apartment" against "a one-bedroom apartment";
- a plan, target, forecast, limit or capacity against what happened: "the target is 20,000 cubic metres a week",
  "certified to carry 300 passengers", "expected to peak at about 8.4 metres", "has requested 90,000 doses"
  against "removed about 20,000 cubic metres", "carrying 243 passengers". Unlike the other marks this one
  decides for the same value too (a ship built for 300 that carried 300 is a coincidence the claim does not
  report), except for days (a plan and the event it plans fall on the same day); a table row whose label
  names a plan or capacity only past a comma ("| Cold store capacity, whole vale | 60,000 t |") decides only for
  values that are not the same;
- what may or will happen against what happened: "economists said the bank would lift its rate by a quarter
  point", "may appeal within 14 days" against "raised its rate by half a point", "received 18,000 appeals in six
  days" (a modal or an expectation before the figure in its clause, for values that are not the same); a time of
  day set beforehand ("Racing will begin at 8 a.m.") against the time something happened, for any value.

Each is read from a few words around the figure; they decide only when one side has the mark and the other does
not (both additions, both proposals: the same kind). Pure functions, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.corroborate.figure_measures import MEASURE_PHRASES, basis_at, measure_at, unlike_measures
from factcheck.corroborate.figure_movement import movement_at, of_opinion, said_of_share
from factcheck.corroborate.figure_parts import (
    WHOLE,
    counts_a_part,
    holds_a_part,
    narrowed_after,
    narrowed_opening,
    over_a_peak,
    portion_at,
    told_with_its_share,
)
from factcheck.corroborate.figure_plans import (
    CAPACITY,
    COUNTERFACTUAL,
    DURATION,
    EARLY_ESTIMATE,
    FORESEEN,
    PLANNED_AFTER,
    PLANNED_BEFORE,
    PROSPECTIVE,
    continued_request,
    expected_before,
    planned_before,
    proposed_in,
)
from factcheck.corroborate.number_rules import measured_compatible
from factcheck.corroborate.signals import shortened
from factcheck.store.tokens import STOPWORDS

__all__ = ["FigureKind", "kind_at", "kind_difference"]

# Read right before the figure (after an article) and right after it.
_INCREMENT_BEFORE = frozenset({"further", "additional", "another", "extra"})
_HEDGES = frozenset({"about", "around", "roughly", "nearly", "almost", "some", "approximately"})
_INCREMENT_AFTER = frozenset({"new", "more", "additional", "extra", "further", "other", "others", "excess", "above"})
# "the number of excess deaths is 1,346": an excess over what was expected, like "1,350 more deaths" than normal.
_EXCESS_BEFORE = re.compile(r"\bexcess\b[^,;:.]*$", re.IGNORECASE)
_COMPOUND = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|eight|nine|ten|single|double)-([a-z]{3,})\b", re.IGNORECASE
)


def _named_before(sentence: str, start: int) -> bool:
    """Whether a name (a place, a site, a line, a body) stands before the figure in its sentence: a capitalised word
    that is no function word nor part of a whole's phrase ("Across the country"), past the sentence's first word or
    as a first word that another capital or a number follows ("Line 3", "Selby General")."""
    before = WHOLE.sub(lambda m: " " * len(m.group(0)), sentence[:start])
    words = list(re.finditer(r"[A-Za-z][\w'\u2019-]*", before))
    for position, match in enumerate(words):
        word = match.group(0)
        if not word[0].isupper() or word.lower() in STOPWORDS or word.lower() == "across":
            continue
        if position > 0 or re.match(r"\s+(?:\d|[A-Z])", before[match.end() :]):
            return True
    return False


@dataclass(frozen=True, slots=True)
class FigureKind:
    """The kind marks of one figure (see the module docstring)."""

    increment: bool = False
    movement: str | None = None  # "change", "level" or None when the words do not say (percent figures only)
    proposed: bool = False
    capacity: bool = False
    part: bool = False  # "41,800 of the displaced", "2,310 of them": a part of a group counted elsewhere
    whole_of_part: bool = False  # "15 of their first 19": the group a part is counted of
    measure: str = ""  # an age or a stretch of years, a thing's length or a distance away (`figure_measures`)
    subgroup: str = ""  # the words narrowing who is counted, shown in a reason
    compounds: frozenset[tuple[str, str]] = frozenset()  # (modifier, number) of "one-bedroom" in the clause
    planned: bool = False  # a plan, target, forecast, limit or capacity ("the target is 20,000 cubic metres")
    early: bool = False  # an early estimate, superseded by later figures ("Early measurements suggest ... 5 metres")
    labelled_plan: bool = False  # a row label past a comma says plan or capacity ("| Capacity, whole vale | 60,000 |")
    prospective: bool = False  # planned, or only foreseen or possible ("will reach", "could carry")
    foreseen: bool = False  # a modal or an expectation before it in its clause ("would lift ... by", "will reach")
    modal: bool = False  # a modal or an expectation anywhere in its clause ("50,000 fans are expected")
    joined: str = ""  # a second group counted with the first ("2,000 students and teachers": "teachers")
    counted: bool = False  # a plural noun right after it names what it counts ("2,000 students"; not "212,000 without")
    whole: bool = False  # counted over a whole ("across the whole network", "the network as a whole")
    named: bool = False  # a name stands before it in its sentence, past the first word ("At Selby General, 64.8")
    opinion: bool = False  # a percentage of people for or against something ("71 percent opposed the rise")
    stretch: bool = False  # the first or last few of a sequence ("faded in the last two legs", "the first 19 games")
    said_of: frozenset[str] = frozenset()  # what a share's part of its group is said to be or do (`said_of_share`)
    with_share: bool = False  # told with the share of a group it makes ("312 teams, about a quarter of the field")
    peak: bool = False  # counted over the busiest stretch ("the busiest hour ..., when 2,800 people came through")
    portion: str = ""  # "part" for "the hospice's share stood at", "sum" for "the total stood at" (`portion_at`)
    basis: str = ""  # what an amount is counted before or after: "before costs", "after tax" (`figure_measures`)
    expected_before: bool = False  # what someone had expected ("organisers had expected around 90 riders")


def kind_at(sentence: str, clause: str, start: int, end: int, percent: bool = False) -> FigureKind:
    """The kind marks of the figure at [start, end) of `sentence` (`clause`: the figure's clause; `percent`: read
    change or level, which only a percentage needs)."""
    before_text = sentence[max(0, start - 80) : start]
    in_clause = before_text[max(0, len(before_text) - _clause_reach(clause, sentence, start)) :]
    words_before = [w.lower() for w in re.findall(r"[A-Za-z]+", before_text)][-3:]
    # the word right after it, in its own phrase: "472, more than a fifth" is a level and a share, not "472 more"
    broken = sentence[end : end + 2].lstrip(" ")[:1] in (",", ";", ":", "(")
    words_after = [] if broken else [w.lower() for w in re.findall(r"[A-Za-z]+", sentence[end : end + 40])][:1]
    # "a further roughly 2,500 people": a hedge between the word and its figure does not part them
    leading = [w for w in words_before if w not in ("a", "an", "the") and w not in _HEDGES][-1:]
    increment = bool(set(leading) & _INCREMENT_BEFORE) or bool(set(words_after) & _INCREMENT_AFTER)
    # "additional funding of $420 million": the increment word names the amount the figure gives
    increment = increment or (
        len(words_before) == 3 and words_before[2] == "of" and words_before[0] in _INCREMENT_BEFORE
    )
    increment = increment or bool(_EXCESS_BEFORE.search(in_clause))
    movement = movement_at(sentence, start, end) if percent else None
    narrowed = narrowed_opening(sentence)
    planned = planned_before(sentence, start, in_clause) or bool(PLANNED_AFTER.match(sentence, end))
    # a row's label is one phrase, commas and all: "| Cold store capacity, whole vale | 60,000 t |"
    row = sentence[sentence.rfind("\n", 0, start) + 1 : start] if sentence.lstrip().startswith("|") else ""
    early = bool(EARLY_ESTIMATE.search(sentence[:start]))
    return FigureKind(
        increment=increment,
        movement=movement,
        proposed=proposed_in(in_clause) or proposed_in(continued_request(sentence, start - len(in_clause), in_clause)),
        # "enough water for roughly 120 days" is how long a supply lasts, not what a place holds or serves
        capacity=bool(CAPACITY.search(in_clause)) and not DURATION.fullmatch(sentence[start:end]),
        part=not percent and counts_a_part(sentence, start, end, before_text),
        whole_of_part=holds_a_part(sentence, start),
        measure=measure_at(sentence, start, end),
        subgroup=sentence[:start].strip() if narrowed and narrowed.end() <= start else narrowed_after(sentence, end),
        compounds=_compounds(sentence, clause, start, end),
        planned=planned,
        expected_before=expected_before(sentence, start),
        basis=basis_at(in_clause, sentence, end),
        labelled_plan=not planned and bool(PLANNED_BEFORE.search(row)),
        early=early,
        prospective=planned or bool(PROSPECTIVE.search(_factual(sentence[:start]))),
        foreseen=bool(FORESEEN.search(_factual(_own_clause_before(clause, sentence, start)))),
        modal=bool(FORESEEN.search(_factual(clause))),
        joined=_joined(sentence, end),
        # a table row's label names what its cells count
        counted=bool(_COUNTED_AFTER.match(sentence, end)) or sentence.lstrip().startswith("|"),
        stretch=bool(_STRETCH_BEFORE.search(before_text)),
        whole=bool(WHOLE.search(clause) or WHOLE.match(sentence.lstrip()[: max(0, start - 1)])),
        named=_named_before(sentence, start),
        opinion=percent and of_opinion(sentence, end),
        portion=portion_at(in_clause),
        peak=over_a_peak(sentence, start),
        with_share=not percent and told_with_its_share(sentence, start, end),
        said_of=said_of_share(sentence, end) if percent else frozenset(),
    )


def _factual(text: str) -> str:
    """`text` with "would not happen without" and the like blanked: no modal there foretells the figure after it."""
    return COUNTERFACTUAL.sub(lambda m: " " * len(m.group(0)), text)


# "2,000 students and teachers", "12,000 teachers and supporters": one figure counting two groups together.
_JOINED = re.compile(
    # "2,000 students and teachers", "250,000 current and former students and staff" (its modifiers may be joined)
    r"\s+(?!(?:for|to|of|in|on|at|from|by|with|per|a|an|the)\b)(?:[a-z]+\s+(?:(?:and|or)\s+[a-z]+\s+)?)?[a-z]+s"
    r"\s+(?:and|or|plus)\s+"
    r"(?:other\s+)?([a-z]{3,}s|staff|people|children|police|personnel)\b(?!\s+(?:of|who|which|that)\b)"
    # a word taking an object is a verb, not a second group: "52 volunteers and holds sessions on ..."
    r"(?!\s+(?:the|a|an|its|their|our|his|her|every|each)\b)(?!\s+(?!(?:was|has|is|as|across|this|thus)\b)[a-z]{3,}s\b)"
)
_COUNTED_AFTER = re.compile(
    r"\s+(?!(?:for|to|of|in|on|at|from|by|with|without|per|a|an|the|and|or)\b)"
    r"(?:[a-z]+\s+(?:(?:and|or)\s+[a-z]+\s+)?)?[a-z]+s\b"
)
_NOT_GROUPS = frozenset(
    {"its", "this", "has", "was", "is", "his", "hers", "theirs", "ours", "yours", "days", "years"}
    # verbs of telling after a count: "employs 21 wardens and says four posts ..."
    | {"says", "adds", "warns", "hopes", "plans", "expects", "claims", "insists", "believes", "argues", "admits"}
)


def _kindred(first: str, second: str) -> bool:
    """Two second groups news names by turns ("shoppers and staff", "shoppers and workers")."""
    return bool(first) and bool(second) and measured_compatible(first, second)


def _joined(sentence: str, end: int) -> str:
    """The second group a figure counts with the first ("teachers" of "2,000 students and teachers"), or ""."""
    match = _JOINED.match(sentence, end)
    if match is None or match.group(1).lower() in _NOT_GROUPS:
        return ""
    return match.group(1).lower()


def _compounds(sentence: str, clause: str, start: int, end: int) -> frozenset[tuple[str, str]]:
    """The fused modifiers of the clause ("one-bedroom"), without the figure itself: "a 72-hour halt" measures the
    halt, it does not name a kind of halt."""
    at = sentence.find(clause) if clause else -1
    found = set()
    for match in _COMPOUND.finditer(clause):
        if at >= 0 and at + match.start() < end and start < at + match.end():
            continue
        found.add((match.group(2).lower(), match.group(1).lower()))
    return frozenset(found)


def _own_clause_before(clause: str, sentence: str, start: int) -> str:
    """The words of the figure's own clause before it, also when the clause opens on the figure ("..., following
    seven months of trial running" does not reach back to the "will" of the clause before). The other marks read
    `_clause_reach`, which falls back to 80 characters for such a clause."""
    head = clause.strip()[:20]
    at = sentence.rfind(head, 0, start + len(head)) if head else -1
    return sentence[at:start] if 0 <= at <= start else sentence[max(0, start - 80) : start]


# "the last two legs", "the first 19 games", "the final ten minutes": a stretch at one end of a sequence
_STRETCH_BEFORE = re.compile(r"\bthe\s+(?:last|first|final|closing|opening)\s+$", re.IGNORECASE)


def _clause_reach(clause: str, sentence: str, start: int) -> int:
    """How many characters before the figure its clause reaches (the clause's opening words may run past the figure:
    "only 16 ran because" opens 5 characters before its 16)."""
    opening = clause.strip()[:20]
    at = sentence.rfind(opening, 0, start + len(opening)) if opening else -1
    return start - at if 0 <= at <= start else 80


def kind_difference(
    claim: FigureKind,
    passage: FigureKind,
    same_value: bool,
    dated: bool = False,
    agreeing: bool = False,
    clock: bool = False,
    to_come: bool = False,
) -> tuple[str, str] | None:
    """What says two figures are different kinds of amount, as two phrases (the passage's, the claim's), or None.
    A fused modifier that differs decides even for the same value ($1,840 for a two-bedroom apartment is not the
    one-bedroom rent), and so does a plan against what happened unless the figures are a day or a time (`dated`)
    that agree, or a time of day the claim tells something was done at against one the passage sets beforehand
    (`clock`, `figure_plans.plan_against_done`: decided for any value); the other marks (an early estimate against
    a later figure among them) only for values that are not the same; a plan in the claim against what happened only
    for values that do not agree (`agreeing`: within rounding or the claim's qualifier too)."""
    claim_kinds, passage_kinds = dict(claim.compounds), dict(passage.compounds)
    for modifier, number in claim_kinds.items():
        if modifier in passage_kinds and passage_kinds[modifier] != number:
            return f"for {passage_kinds[modifier]}-{modifier}", f"for {number}-{modifier}"
    if claim.basis and passage.basis and claim.basis != passage.basis:  # "before costs" / "after costs"
        return passage.basis, claim.basis
    if unlike_measures(claim.measure, passage.measure):  # "a 40-year-old greenkeeper" and "for forty years"
        return MEASURE_PHRASES[passage.measure], MEASURE_PHRASES[claim.measure]
    kindred = _kindred(claim.joined, passage.joined)
    if claim.joined != passage.joined and claim.counted and passage.counted and not kindred:
        # both name what they count; "212,000 without power" names nothing, so "homes and businesses" may be it
        # "more than 2,000 students and teachers" is a larger group than "about 2,000 students", whatever the values
        if passage.joined:
            return f"with {passage.joined} counted in", f"without {passage.joined}"
        return f"without {claim.joined}", f"with {claim.joined} counted in"
    if passage.planned and not claim.prospective and not (dated and agreeing):
        # a day set beforehand that agrees is the one kept ("due to open on June 14" and "opened on June 14"); one
        # that does not is the plan, not a second account of what happened
        return "as a plan, target, forecast or limit", "as what happened"
    if claim.expected_before and not passage.prospective and not dated:
        # "Earlier this month organisers had expected around 90 riders" against "We had 96 riders" or last year's
        # "| Riders | 88 |": what came to pass does not tell what was expected, close or not (round55: nine cards)
        return "as what happened", "as an expectation told before"
    if clock and not claim.prospective:
        # a time of day set beforehand ("Racing will begin at 8 a.m.", "due to open at 9 a.m.") is the plan, not an
        # account of when it happened, kept or not: the writers of round18, round25, round27, round36, round38 and
        # round39 label it related (round19, round20, round32, round35 and round37 supports); the day it was set for
        # still tells the day it happened
        return "as a plan, target, forecast or limit", "as what happened"
    if claim.part != passage.part and (claim if passage.part else passage).whole_of_part:
        # "won 19 of their 22" against "15 of their first 19": one side's part is the other's whole, any value
        return ("as a part of a group", "as the whole") if passage.part else ("as the whole", "as a part of a group")
    if same_value:
        return None
    if {claim.portion, passage.portion} == {"part", "sum"}:
        # "the hospice's share stood at £206,200" against "the fundraising total stood at £312,400"
        return (
            ("as a share of a sum", "as the sum")
            if passage.portion == "part"
            else ("as the sum", "as a share of a sum")
        )
    if not agreeing and claim.said_of and passage.said_of and not claim.said_of & passage.said_of:
        # "a quarter of visitors were under 18" against "30 percent of all visitors stayed at least one night"
        return "as a share of whom something else is said", "as another share"
    if (not agreeing or to_come and not same_value) and claim.planned and not passage.prospective:
        # "the target is to reopen within 12 hours" against "reopened after 14 hours 40 minutes": what happened
        # does not contradict a target (the same value is left to the rules: a target met is reported as met); a
        # plan for next year or season (`to_come`) is met by nothing that happened but its very value ("hopes to
        # attract 100 teams next year" against "| Other schools | 21 | 101 |")
        return "as what happened", "as a plan, target, forecast or limit"
    if passage.labelled_plan and not claim.prospective:
        # a row labelled a capacity or a target, against a different value that happened ("holding 58,400 tonnes"
        # and "| Cold store capacity, whole vale | 60,000 t |"); the same value is read as the row reported
        return "as a plan, target, forecast or limit", "as what happened"
    if claim.early != passage.early and not same_value:
        return (
            ("as an early estimate", "as a later figure")
            if passage.early
            else ("as a later figure", "as an early estimate")
        )
    if bool(claim.subgroup) != bool(passage.subgroup):
        if passage.subgroup:
            return f"for a narrower group (\u201c{shortened(passage.subgroup)}\u201d)", "for everyone"
        return "for everyone", f"for a narrower group (\u201c{shortened(claim.subgroup)}\u201d)"
    for mark, (marked, plain) in (
        ("increment", ("as an addition", "as a total")),
        ("proposed", ("as a proposal", "as a fact")),
        ("capacity", ("as what something can hold or serve", "as a count")),
        ("part", ("as a part of a group", "as a whole")),
        # "faded in the last two legs" against "23 up after four legs": a stretch of a match is not its length
        ("stretch", ("as the first or last few of a sequence", "as all of it")),
        ("peak", ("over the busiest stretch", "over all of it")),
        ("with_share", ("as a part of a group", "as a whole")),
    ):
        if getattr(claim, mark) != getattr(passage, mark):
            if mark == "proposed" and dated and (claim if passage.proposed else passage).prospective:
                continue  # "plan to reopen on 16 May" and "expects to reopen on May 2": both the day it is set for
            return (marked, plain) if getattr(passage, mark) else (plain, marked)
    if claim.whole != passage.whole and (passage if claim.whole else claim).named:
        # the other side names the part its figure is of ("At Selby General, 64.8 percent"); an unnamed figure
        # may be the whole's too ("some 590,000 people live under siege" against "across the country, 560,000")
        return ("for the whole", "for a part of it") if passage.whole else ("for a part of the whole", "for the whole")
    if not dated and passage.foreseen and not (claim.prospective or claim.modal):
        return "as what may or will happen", "as what happened"
    if claim.opinion != passage.opinion and (passage if claim.opinion else claim).movement is not None:
        # "71 percent opposed the rise" counts people holding a view, not the "rise of about 42 percent" itself (a
        # share told as neither a change nor a level, "took 39.6% of the vote", may be the same share of people)
        return (
            ("as a share of people for or against", "as another share")
            if passage.opinion
            else (
                "as another share",
                "as a share of people for or against",
            )
        )
    if claim.movement != passage.movement and "change" in (claim.movement, passage.movement):
        # a share the words do not call a change is a level: "covers about 40 percent of the surface" is not
        # what "cut the phosphorus by about 15 percent" measures
        return f"as a {passage.movement or 'level'}", f"as a {claim.movement or 'level'}"
    return None
