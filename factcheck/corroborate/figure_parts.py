"""Whether a figure counts a part of a group ("41,800 of the displaced", "11 of whom", "the remaining 370"), is
the group a part is counted of ("15 of their first 19"), one part of a sum told across its parts ("the Saturday
session" of "8,600 tickets across the four sessions") or the people an age bound picks out ("88 climbers under 18"):
`figure_kinds` and `paired_frames` tell a part from a whole by these marks. Also a group narrowed at the sentence's
opening ("Applicants whose ..."), a sum told as a share or as the total, a count told with its share of a group, and
a count over the busiest stretch of an event.
Pure functions over the sentence, no I/O.
"""

from __future__ import annotations

import re

from factcheck.corroborate.number_rules import Figure
from factcheck.corroborate.table_rows import row_label
from factcheck.extract.figures import NUMBER_WORD, find_quantities

__all__ = [
    "WHOLE",
    "another_part",
    "counts_a_part",
    "holds_a_part",
    "narrowed_after",
    "narrowed_opening",
    "over_a_peak",
    "portion_at",
    "told_with_its_share",
]

# "41,800 of the displaced", "11 of whom", "46 of 71", "the remaining 370": the figure counts part of a group (a
# count, not a share).
_PART_AFTER = re.compile(
    rf"\s+of\s+(?:the|them|whom|those|these|its|their|our|his|her|my|your|\d|(?:{NUMBER_WORD})\b)", re.IGNORECASE
)
# "312 school teams, about a quarter of the field", "88 juniors, 12 percent of the entry": a share told beside the
# count says it is a part of a larger group
_SHARE_BESIDE = re.compile(
    r"(?:\s+[a-z'\u2019-]+){1,3},\s+(?:(?:about|around|roughly|nearly|almost|some|just\s+over|just\s+under|more\s+than"
    r"|less\s+than|over|under)\s+)?(?:(?:a|one|two|three|four)\s+(?:half|third|quarter|fifth|sixth|tenth)s?"
    r"|half|\d+(?:\.\d+)?\s*(?:percent|per\s+cent|%))\s+of\s+(?:the|all|its|their)\b"
    r"(?!\s+(?:[a-z]+\s+)?(?:capacity|target|limit|maximum|goal|budget)\b)",  # "a third of its capacity": a level
    re.IGNORECASE,
)
# "15 of their first 19": the figure after "of" is the group a part is counted of, so far (not "20 of the 52", which
# may name again a part counted before: "withdraw patrols from 52 of its 148 sites", round25)
_WHOLE_OF_PART = re.compile(r"\b\d[\d,]*\s+of\s+(?:(?:the|its|their|our|his|her)\s+)?(?:first|last)\s+$")
# "all 640,000 of our customers", "every one of": the whole group, told with "of"
_ALL_BEFORE = re.compile(r"\b(?:all|every|each)\s*$", re.IGNORECASE)
_PART_BEFORE = re.compile(
    r"\bamong\s+(?:them|whom|those|these)\s*,?\s*(?:some|about|around|nearly|almost)?\s*$"
    # "the remaining 370 schools", "the other 12": the rest of a group, counted apart from the part named first
    r"|\bthe\s+(?:remaining|other)\s*$"
    # "a team of six artists", "a crew of four": the members of one group, a part of all those counted
    r"|\b(?:a|one|the)\s+(?:team|crew|squad|gang)\s+of\s*$"
    # "accounted for 1,044 people", "made up 40": a share of a total named elsewhere
    r"|\b(?:(?:accounted|accounts|accounting)\s+for|made\s+up)(?:\s+(?:some|about|around|nearly|almost))?\s*$"
    # a sentence fronting the group its figure is part of: "Of the roughly 17,000 bookings made, 2,870 were ..."
    r"|(?:^|[.!?]\s+)of\s+(?:the|its|their|those|these|our|his|her|my|your)\b(?:[^,.;|\n]|(?<=\d)[,.](?=\d)){0,70},\s*"
    r"(?:some|about|around|nearly|almost)?\s*$"
    # a table row of the row above: "| of which net international migration | +31,700 |", "| including ... |"
    r"|(?:^|\n)\s*\|\s*(?:[-\u2013\u2022]\s*)?(?:of\s+(?:which|whom)|including|incl\.)\s[^|\n]*\|[^\n]*$"
    # a row its label says is counted in another: "| Flights diverted (included above) | 14 |"
    r"|(?:^|\n)\s*\|[^|\n]*\((?:included|counted|also\s+counted)\s+(?:above|in\s+(?:the\s+)?(?:total|above|row\s+above))"
    r"\)[^|\n]*\|[^\n]*$",
    re.I,
)


def counts_a_part(sentence: str, start: int, end: int, before_text: str) -> bool:
    """Whether the bare count at [start, end) of `sentence` counts a part of a group (`before_text`: up to 80
    characters before it)."""
    return (
        bool(_PART_AFTER.match(sentence, end) or _PART_BEFORE.search(before_text))
        and not _ALL_BEFORE.search(before_text)
        and _bare_count(sentence[start:end])
    )


def told_with_its_share(sentence: str, start: int, end: int) -> bool:
    """Whether the bare count ending at `end` is told with the share of a group it makes ("312 school teams, about a
    quarter of the field"; a bare number): a part, though not of the group the other side's part may be of
    ("205,400 of them")."""
    return bool(_SHARE_BESIDE.match(sentence, end)) and _bare_count(sentence[start:end])


def holds_a_part(sentence: str, start: int) -> bool:
    """Whether the figure starting at `start` is the group a part is counted of ("15 of their first 19")."""
    return bool(_WHOLE_OF_PART.search(sentence, max(0, start - 40), start))


def _bare_count(surface: str) -> bool:
    """A number with no unit ("41,800", "eleven"): "50 miles of the plant" is a distance, not a part."""
    read = find_quantities(surface)
    return len(read) == 1 and read[0].unit is None


# A sum told across the parts it adds up: "8,600 tickets across the four sessions", "128 players across the men's,
# women's and junior events" (the parts: a number of a plural noun, or a list of two or more modifiers of it).
_SPREAD_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}?(?:across|over)\s+(?:the|all|its|their|our)\s+"
    rf"(?:(?P<count>\d+|{NUMBER_WORD})\s+|(?P<listed>(?:[\w'\u2019-]+,\s+)*[\w'\u2019-]+,?\s+and\s+[\w'\u2019-]+)\s+)"
    r"(?P<noun>[a-z]{3,})s\b",
    re.IGNORECASE,
)


def _part_of_a_spread(claim_clause: str, passage_text: str, passage_end: int) -> str | None:
    """The part the claim's figure is told of when the passage's figure is a sum across parts and the claim's clause
    names one of them: "the Saturday evening session" against "across the four sessions" (the noun, one of it), "in
    the men's draw" against "across the men's, women's and junior events" (one modifier of the list, not all). None
    otherwise: a sum against a sum is one thing counted twice."""
    spread = _SPREAD_AFTER.match(passage_text, passage_end)
    if spread is None:
        return None
    words = re.findall(r"[\w'\u2019-]+", claim_clause.lower())
    noun = spread["noun"].lower()
    if spread["count"]:
        return noun if noun in words and noun + "s" not in words else None
    items = {item.strip().lower() for item in re.split(r",\s*|\s+and\s+", spread["listed"]) if item.strip()}
    named = items & set(words)
    return next(iter(named)) if len(named) == 1 and len(items) >= 2 else None


def another_part(claim_clause: str, passage_clause: str, passage_text: str, passage: Figure) -> tuple[str, str] | None:
    """How a passage figure counts another part than the claim's, as two phrases (the passage's, the claim's), or
    None: one part of a sum told across its parts (`_part_of_a_spread`), one day's row of a count over several days
    (`_one_day_of_several`), another place in a result (`_placings_differ`). Asked only of figures that differ."""
    part = _part_of_a_spread(claim_clause, passage_text, passage.end)
    if part is not None:
        return "as a sum across its parts", f"for one part (\u201c{part}\u201d)"
    day = _one_day_of_several(claim_clause, row_label(passage_text, passage.start))
    if day is not None:
        return f"for one day (\u201c{day}\u201d)", "over several days"
    return _placings_differ(claim_clause, passage_clause)


# A count told over several days ("sold 5,800 tickets over the two days", "across the weekend", "over all three
# days"), and a table row labelled with one day ("| Tickets sold, Saturday | 2,450 | 2,600 |", "| Sunday (final
# day) | 2,700 | 3,150 |", "| Day 2 | 410 |"): the row counts one day of the several.
_OVER_DAYS = re.compile(
    r"\b(?:over|across|during|in|for)\s+(?:the|both|all|its|their|our)\s+"
    rf"(?:(?:\d+|{NUMBER_WORD})\s+(?:days|nights|evenings)|days|weekend)\b"
    r"|\b(?:over|across|during|throughout)\s+the\s+(?:(?:whole|entire|long)\s+)?weekend\b",
    re.IGNORECASE,
)
_ONE_DAY_LABEL = re.compile(
    r"^(?:[^|]*?[,:(-]\s*)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|day\s+(?:\d|one|two|three|four))\b"
    r"(?!\s+and\b)",
    re.IGNORECASE,
)


def _one_day_of_several(claim_clause: str, label: str | None) -> str | None:
    """The day a table row's label names (`label`, its first cell) when the claim's clause counts over several
    days: "sold 5,800 tickets over the two days" against "| Tickets sold, Saturday | 2,450 | 2,600 |" (the row is
    one day's part of the sum). None otherwise, or when the clause names that day itself."""
    if not label or not _OVER_DAYS.search(claim_clause):
        return None
    found = _ONE_DAY_LABEL.search(label.strip())
    if found is None:
        return None
    day = re.sub(r"^[^A-Za-z]*", "", re.split(r"[,:(-]\s*", found.group(0))[-1])
    return None if day.lower() in claim_clause.lower() else day


# Places in a contest's result, each its own figure: "the winner gave 5.8 litres", "The runner-up gave 5.4 litres".
_PLACINGS = (
    ("winner", re.compile(r"\b(?:winners?|winning|champions?|victors?|first[- ]placed|first\s+place)\b", re.I)),
    ("runner-up", re.compile(r"\b(?:runners?-up|second[- ]placed|second\s+place)\b", re.I)),
    ("third place", re.compile(r"\b(?:third[- ]placed|third\s+place)\b", re.I)),
)


def _placings_differ(claim_clause: str, passage_clause: str) -> tuple[str, str] | None:
    """The places in a result two figures' clauses name, passage's first, when each names one and they differ ("the
    winner gave 5.8 litres" against "The runner-up gave 5.4 litres"); None otherwise."""

    def placing(clause: str) -> str | None:
        named = [name for name, pattern in _PLACINGS if pattern.search(clause)]
        return named[0] if len(named) == 1 else None

    theirs, mine = placing(passage_clause), placing(claim_clause)
    return (f"for the {theirs}", f"for the {mine}") if theirs and mine and theirs != mine else None


# "88 climbers under 18", "40 runners aged over 60", "38 riders under the age of 16": a count of the people an age
# bound picks out of a field
_AGE_BOUND_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?!(?:was|has|does|is)\b)[a-z]{3,}s\s+\(?(?:aged\s+)?(?:under|over)\s+(?:the\s+age\s+of\s+)?(?:\d{1,2}|[a-z]+teen|twelve|eleven|ten|nine|eight"
    r"|seven|six|five|twenty|thirty|forty|fifty|sixty|seventy|eighty)\b"
    # not a span, a measure or another count: "7 cities over 12 days", "32 finalists over 14 rounds"
    r"(?!\s*(?:-|%)|\s+(?:[a-z]+s|day|week|month|year|hour|minute|night|mile|km|kilometre|metre|percent)\b)"
)


# "11 non-native species", "40 non-resident students": a "non-" word before the noun picks out a part of the field
_NON_BEFORE_NOUN = re.compile(r"\s+non-[a-z]{3,}\s+[a-z]{3,}\b")


def narrowed_after(sentence: str, end: int) -> str:
    """The words narrowing the group a count counts, right after it: an age bound after its noun ("climbers under
    18") or a "non-" word before it ("non-native species"), or ""."""
    found = _AGE_BOUND_AFTER.match(sentence, end) or _NON_BEFORE_NOUN.match(sentence, end)
    return found.group(0).strip() if found else ""


# A figure counted over a whole, not one part of it: "across the whole metro network", "the network as a whole",
# "Across the country, 76.9 percent ..." (a phrase opening the sentence, before the figure's clause),
# "nationwide", "across the country", "nationally", "the national average" (read in the figure's clause). "A total
# of 583 volunteers" and "the whole programme" are only phrasing: on the seen splits they marked the same figure as
# often as a whole against a part.
WHOLE = re.compile(
    r"\b(?:across\s+(?:the\s+(?:whole|entire|country|nation)|all)\b|as\s+a\s+whole\b|nationwide\b"
    r"|countrywide\b|nationally\b|national\s+average\b)",
    re.IGNORECASE,
)

# The noun a sum is told as, right before its figure: "the hospice's share stood at £206,200" (a part of a sum),
# "the fundraising total stood at £312,400", "The total this morning is £312,400" (the sum).
_PORTION_BEFORE = re.compile(
    r"\b(?:(?P<part>share|portion)|(?P<sum>total|grand\s+total))\b(?:\s+(?!of\b)[a-z'\u2019]+){0,3}?"
    r"\s+(?:stood\s+at|stands\s+at|was|is|came\s+to|comes\s+to|reached|amounted\s+to|amounts\s+to)"
    r"(?:\s+(?:about|around|roughly|nearly|almost|just\s+over|just\s+under|more\s+than|some))?\s*$",
    re.IGNORECASE,
)


def portion_at(clause_before: str) -> str:
    """ "part" when the words right before a figure tell it as a share of a sum ("the hospice's share stood at"),
    "sum" when they tell it as the total ("the total stood at"), "" otherwise."""
    told = _PORTION_BEFORE.search(clause_before)
    if told is None:
        return ""
    return "part" if told["part"] else "sum"


# A count over the busiest stretch of an event, not over all of it: "the busiest hour was between 7 p.m. and 8 p.m.,
# when 2,800 people came through", "| Arrivals in busiest hour |" (not "at the busiest point numbered 40 people",
# which is a claim's "up to 40")
_PEAK = re.compile(
    r"\b(?:busiest|peak|quietest)\s+(?:hour|day|night|morning|afternoon|evening|session|period|weekend|week)\b",
    re.IGNORECASE,
)
_LINKED_BACK = re.compile(r"\s*(?:(?:when|with|as)\b.*)?$", re.IGNORECASE | re.DOTALL)


def over_a_peak(sentence: str, start: int) -> bool:
    """Whether the figure starting at `start` is counted over the busiest stretch its sentence names before it: in
    its own clause, after a fronted "In the busiest hour,", or in a clause linked back by "when" (not "Saturday was
    the busiest day, and ... 30 percent of all visitors stayed")."""
    window = sentence[max(0, start - 100) : start]
    found = max(_PEAK.finditer(window), key=lambda match: match.start(), default=None)  # the nearest before it
    if found is None or ";" in window[found.end() :]:
        return False
    clauses = re.split(r",\s", window[found.end() :])
    return len(clauses) == 1 or bool(_LINKED_BACK.match(clauses[-1]))


# A sentence that opens by narrowing who is counted ("Applicants whose ...", "For applicants who ...").
_SUBGROUP = re.compile(
    r"\s*(?:(?:for|among|of)\s+)?(?:the\s+|those\s+)?(?:[a-z]+\s+)?([a-z]+s|those)\s+(?:who|whose)\b"
    # "Among first-time visitors, 84 percent ...": a group a modifier narrows, named before the figure
    r"|\s*among\s+(?!(?:all|the|them|whom|those|these|its|their)\b)[a-z][\w-]*\s+(?:[a-z][\w-]*\s+)?[a-z]+s\s*,",
    re.IGNORECASE,
)
# "Of those who replied, 34 percent said ...", "Beekeepers who responded to the survey harvested ...": the people a
# survey heard from, the base of every share it gives, not a group narrowed from it.
_SURVEY_BASE = re.compile(
    r"\s*(?:(?:for|among|of)\s+)?(?:the\s+)?(?:those|people|respondents|[a-z]+s)\s+who\s+"
    r"(?:replied|responded|answered|took\s+part|were\s+(?:surveyed|asked|polled)|completed|filled\s+in)\b",
    re.IGNORECASE,
)


def narrowed_opening(sentence: str) -> re.Match[str] | None:
    """The words opening `sentence` that narrow who its figures count (`_SUBGROUP`), or None; not the people a
    survey heard from (`_SURVEY_BASE`), the base of every share it gives."""
    return _SUBGROUP.match(sentence) if not _SURVEY_BASE.match(sentence) else None
