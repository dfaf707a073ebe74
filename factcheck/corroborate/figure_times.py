"""When a figure was counted, read from the words around it: the time half of a figure's frame.

Two figures of one thing can still be figures of two times: last year's 4.6 percent and this year's 5.1; a
forecast of 25C and the 27C measured; 134 operations postponed "so far" and 198 by the evening. This module reads
those marks from a sentence; `figure_frames.py` keeps them in a `Frame` and compares two frames. Pure functions,
no I/O.

- periods: month names and years named in the sentence (weekdays are left out: a report's day is often not the
  event's); two sentences naming different years, or different months, are of two times.
- eras: years, relative periods ("last year", "the past 12 months", "by 2030"), a day or month the figure is
  given as of ("at the end of February"), and "forecast" when the words next to the figure predict it.
- looking back: a fronted "A year ago, ...", "In a normal year ...", "That fire ...", "In the previous
  storm, ..." or "Before the slide ..." dates a figure to an earlier or a usual time, or to an earlier event;
  "than a year earlier" is the base of a change, not the figure's own time.
- running counts: "so far", "by midday", "provisional" tell a count as it stood at a moment of a running event.
- timed sentences: a weekday, a month, "since ...", a time of day: the sentence ties what it tells to a time.
"""

from __future__ import annotations

import re

from factcheck.extract.figures import NUMBER_WORD

__all__ = [
    "MONTHS",
    "WEEKDAYS",
    "eras_of",
    "is_running",
    "is_timed",
    "later_clause_start",
    "looks_back",
    "periods_clash",
    "periods_of",
    "moments_differ",
    "told_before",
    "without_base_years",
]

MONTHS = (
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec"
).split()
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_MONTH = re.compile(
    r"\b(" + "|".join(m.capitalize() for m in MONTHS if m != "may") + r")\b\.?|\b(?:in|of|since|until|by|last|next)"
    r" (May)\b|\b(May)(?= \d)"
)
_MONTH_NAMES = {m[:3]: m.capitalize() for m in MONTHS[:12]}
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_RELATIVE = re.compile(  # not "more than in any previous year": a record, told against every year before
    r"\b(?<!any )(?:last|previous|next|coming|past|following) (?:year|month|season|edition|decade|week)(?:'s)?"
    r"|\b(?:a|the) (?:year|decade) (?:earlier|before|later|ago)|\bthe past \w+ (?:years|months|weeks)"
    r"|\b(?:by|in|since|until) (?:19|20)\d\d\b",
    re.IGNORECASE,
)
# ("project" alone is the noun: "The £18.6 million project is backed by ..." foretells nothing)
_FORECAST = re.compile(r"\b(?:forecast\w*|predict\w*|project(?:ed|ing|ions?)\b|expect\w*|anticipat\w*)", re.IGNORECASE)
_MODAL = re.compile(r"\b(?:[Cc]ould|[Mm]ight|may|[Ll]ikely)\b")  # what may happen, not what will ("may": not the month)
# what something could not have done without: "The tournament could not happen without its 190 volunteers" thanks
# the volunteers there were, it foretells nothing
_COULD_NOT_WITHOUT = re.compile(
    r"\b(?:could|would|might)(?:\s+not|n't|\s+never)\s+(?:have\s+)?(?:[\w-]+\s+){0,4}?without\b", re.IGNORECASE
)
# what is set to happen, or aimed at: "will take", "is due to", "Our aim is to reopen on May 16"
_FUTURE = re.compile(
    r"\b(?:will|shall|(?:is|are)\s+(?:due|set|scheduled)\s+to|(?:aim|plan|intention)\s+is\s+to|(?:aim|plan|intend)s?\s+to)\b",
    re.IGNORECASE,
)
_FORETOLD = re.compile(r"\b(?:is|are)\s+(?:likely|forecast|expected|predicted)\b", re.IGNORECASE)
# A figure given as of a day or month ("at the end of February", "as of 1 March"): a count of that time.
_SNAPSHOT = re.compile(
    r"\b(?:(?:at|by|until)\s+the\s+(?:end|start|beginning|middle)\s+of|as\s+of|as\s+at)\s+(?:\d{1,2}\s+)?"
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
    re.IGNORECASE,
)
# "a year ago", "last year", "the previous month": a time before the one reported; "than a year earlier" and
# "from last year" are the base of a change, not the figure's own time.
_BACK = re.compile(
    r"\b(?:(?:a|the|one|two|three|\w+) (?:years?|months?|weeks?|decades?) (?:ago|earlier|before)"
    r"|(?:last|previous) (?:year|month|week|decade))\b",
    re.IGNORECASE,
)
# A figure told as what was said or sought before: "had put the number at", "had initially told", "had originally
# applied for", "initially estimated".
_EARLIER_SAID = re.compile(
    r"\bhad\s+(?:(?:initially|originally|first|earlier|previously)\s+)?(?:put|said|told|estimated|given|reported"
    r"|expected|forecast|projected|predicted|applied|promised|announced|claimed)\b"
    r"|\b(?:initially|originally)\s+(?:put|said|told|estimated|expected|reported|gave|applied|promised|announced)\b"
    # "had been due to reach all 11,200 homes by December 2026": a plan since changed
    r"|\bhad\s+been\s+(?:due|expected|scheduled|planned|set|supposed|meant)\s+to\b"
    # "Early reports on Sunday night put the number evacuated at about 1,500": a first estimate, since revised
    # ("Calder Grid's preliminary report said ..." is the report itself, not an estimate since revised)
    r"|\b(?:early|earlier|initial|first)\s+(?:reports?|estimates?|figures?|counts?|tall(?:y|ies))\b"
    r"[^.;]{0,60}?\b(?:put|puts|gave|suggested)\b",
    re.IGNORECASE,
)
_CHANGE_BASE = re.compile(r"\b(?:than|from|with|since|on|over)\s+$", re.IGNORECASE)
# The base a change is measured against, with no figure of its own: "up 38 percent on last year", "higher than last
# year": that time dates no figure of the sentence ("over the past year" and "since last year" are the figure's own).
_COMPARED_WITH = re.compile(r"\b(?:than|from|with|on|to|as)\s+$", re.IGNORECASE)  # "the same as last year"
# The base of a change with its own date: "up from 167 the year before", "from 54.6 percent in 2022". The date is that
# figure's, not the sentence's: another figure of the sentence ("fines totalling £64,500") is not dated by it.
_SHARE_BASE = r"(?:an?\s+)?(?:half|third|quarter|fifth|tenth)s?\b"
_DATED_BASE = re.compile(
    # the base in figures or in words ("up from nine in 2023")
    # (or a share: "up from a third last year", "from half")
    rf"\b(?:[Tt]han|[Ff]rom|[Ww]ith|[Ss]ince|[Oo]n|[Oo]ver)\s+(?:\S*\d\S*|(?:{NUMBER_WORD})\b|{_SHARE_BASE})(?:\s+(?!(?:January|February|March|April|May|June"
    r"|July|August|September|October|November|December)\b)[a-z%]+)?\s+(?:(?:in|on|at|for|over)\s+"
    r"(?:the\s+(?:whole|course|rest|end|start|beginning|middle)\s+of\s+)?)?$"  # "up from 48 in the whole of last year"
)


# "14 concerts in 12 towns over 19 days next month": a span "over" a length of time is no change's base.
_SPAN_OVER = re.compile(r"[Oo]ver\s+\S*\d\S*\s+(?:days?|weeks?|months?|years?|hours?|nights?)\b")


def without_base_years(text: str) -> str:
    """`text` with each year that dates a change's base blanked ("up 54 percent from 41 in 2024"), offsets
    unchanged: the base's year is not the time of the claim's news, so it is no period to set against a source's."""
    return _YEAR.sub(lambda m: " " * len(m.group(0)) if _of_a_change_base(text, m.start(), None) else m.group(0), text)


def _of_a_change_base(sentence: str, at: int, figure: tuple[int, int] | None) -> bool:
    """Whether the date at `at` of `sentence` dates a change's base figure other than `figure` (its offsets)."""
    start = max(0, at - 60)
    base = _DATED_BASE.search(sentence[start:at])
    if base is None or _SPAN_OVER.match(base.group(0)):
        return False
    number = re.search(r"\s\S", base.group(0))  # the base figure, past its preposition
    where = start + base.start() + (number.start() + 1 if number else 0)
    return figure is None or not figure[0] <= where < figure[1] + 1


# "In a normal year we receive around 5,000": what usually happens, not the figure of the time reported.
_USUAL = re.compile(
    r"\b(?:in|during|for) an? (?:normal|typical|usual|average|ordinary) (?:year|month|week|day|season)\b",
    re.IGNORECASE,
)
# A count told as it stood at a moment of a still running event: a later report counts more.
_RUNNING = re.compile(
    r"\b(?:so far|to date|as of|as at|at that (?:point|time|stage)|by then|initially|at first|early figures?"
    r"|provisional\w*|preliminary|by (?:midday|noon|mid-?morning|mid-?afternoon|nightfall|the (?:morning|afternoon"
    r"|evening|end of the day)|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?: morning| evening)?"
    r"|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.|am|pm)|\d{1,2}[:.]\d\d))\b",
    re.IGNORECASE,
)
# A sentence that ties its figures to a time: a weekday, a month, "since ...", a time of day, "yesterday".
_TIMED = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|june|july|august"
    r"|september|october|november|december|since|yesterday|today|tonight|overnight|last night|this (?:week|morning"
    r"|afternoon|evening)|\d{1,2}(?:[:.]\d\d)?\s*(?:a\.m\.|p\.m\.))\b",
    re.IGNORECASE,
)


def periods_of(text: str) -> frozenset[str]:
    """The years and month names (capitalised, in full) named in `text`."""
    periods = {m.group(0) for m in _YEAR.finditer(text)}
    for match in _MONTH.finditer(text):
        month = next(g for g in match.groups() if g)
        periods.add(_MONTH_NAMES[month[:3].lower()])
    return frozenset(periods)


def periods_clash(first: frozenset[str], second: frozenset[str]) -> bool:
    """Both name a year and share none, or both name a month and share none (a month and a year do not clash)."""
    for kind in (str.isdigit, lambda period: not period.isdigit()):
        mine, theirs = {p for p in first if kind(p)}, {p for p in second if kind(p)}
        if mine and theirs and not mine & theirs:
            return True
    return False


def eras_of(sentence: str, near: str, clause_before: str = "", figure: tuple[int, int] | None = None) -> frozenset[str]:
    """The times a figure of `sentence` is dated to: years, relative periods, a day or month it is given as of,
    and "forecast" when `near` (the words next to the figure) or its own clause before it predicts it
    ("forecasters predicted 25C" is not the 27C measured on the day; "said it expected totals of no more than 10
    cm"), or when the sentence's main verb foretells what the figure is in ("Further snow is likely ..., with up
    to 10 cm on lower ground")."""
    eras = {m.group(1) for m in _YEAR.finditer(sentence) if not _dates_another(sentence, m.start(), figure)}
    eras |= {
        m.group(0).lower()
        for m in _RELATIVE.finditer(sentence)
        if not _dates_another(sentence, m.start(), figure)
        and (
            not _COMPARED_WITH.search(sentence[max(0, m.start() - 14) : m.start()])
            # "rose 12 percent on last season's 1,052 pups": the base's own time dates the base figure
            or (
                figure is not None
                and m.group(0).endswith("'s")
                and figure[0] >= m.end()
                and not sentence[m.end() : figure[0]].strip()
            )
        )
    }
    # "Last summer it put on 18 concerts", "Next summer we plan 40": a season set against another season only
    # (`figure_frames.eras_differ`; "an outbreak last summer" may date another clause's event)
    eras |= {
        SEASON + " ".join(m.group(0).lower().split())
        for m in _SEASON.finditer(sentence)
        if not _of_a_later_clause(sentence, m.start(), figure)
    }
    before_figure = sentence[: sentence.find(clause_before)] if clause_before and clause_before in sentence else ""
    modal = _MODAL.search(clause_before) and not _COULD_NOT_WITHOUT.search(clause_before)
    foreseen = _FORECAST.search(clause_before) or modal  # "could take up to two years"
    if _FORECAST.search(near) or foreseen or _FORETOLD.search(before_figure):
        eras.add("forecast")
    elif _FUTURE.search(clause_before):
        eras.add("future")  # "will take four years": what is set to happen, neither forecast nor done
    # "At the end of February, 560,000 people were living under siege": an estimate of its day, not of now
    eras |= {
        m.group(0).lower() for m in _SNAPSHOT.finditer(sentence) if not _of_a_later_clause(sentence, m.start(), figure)
    }
    return frozenset(eras)


# "the longest such spell since records began in 1962": the year record keeping started, not the figure's time
_SEASON = re.compile(r"\b(?:last|next|this)\s+(?:summer|winter|spring|autumn)\b", re.IGNORECASE)
SEASON = "season: "  # the mark of a season's era
# "since the count began in 1991", "since our survey started in 2004": the first year of the count, likewise
_RECORDS_BEGAN = re.compile(
    r"\b(?:records|(?:the|our|its|their)\s+(?:counts?|surveys?|census|monitoring|records?|logs?))\s+"
    r"(?:began|started|were\s+first\s+kept)\s+(?:in\s+)?$|\bon\s+record\s+since\s+$",
    re.IGNORECASE,
)
# "the highest number since 2019", "the most for any event since it reopened in 2019": the time a superlative is
# measured from, not the figure's
_HIGHEST_SINCE = re.compile(
    r"\b(?:highest|lowest|most|fewest|biggest|largest|best|worst|busiest|greatest|smallest)\b[^.;]{0,80}?"
    r"\bsince\s[^.;]{0,60}$",
    re.IGNORECASE,
)


def _dates_another(sentence: str, at: int, figure: tuple[int, int] | None) -> bool:
    """Whether the time at `at` dates something other than the figure at `figure` (its offsets): a change's base, a
    later clause, an aside, the year records began, or the time a superlative is measured from."""
    return (
        _of_a_change_base(sentence, at, figure)
        or _of_a_later_clause(sentence, at, figure)
        or _of_an_aside(sentence, at, figure)
        or bool(_RECORDS_BEGAN.search(sentence[max(0, at - 40) : at]))
        or _superlatives_base(sentence, at)
    )


def _superlatives_base(sentence: str, at: int) -> bool:
    """Whether the time at `at` ("2019", "since 2019") is what a superlative before it is measured from."""
    window = sentence[max(0, at - 160) : at]
    if sentence[at:].lower().startswith("since"):
        window += "since "
    return bool(_HIGHEST_SINCE.search(window))


# A clause joined after the figure's own ("recruited 40 new staff ..., and aims to ... by the end of March"): its
# time is of what that clause tells, not of the figure before it.
_LATER_CLAUSE = re.compile(r";|,\s*(?:and|but|while|whereas)\b", re.IGNORECASE)


# A clause set off by commas that tells about a noun before the figure's verb: "The shelter, which had been derelict
# since 1987, cost £483,000": 1987 is the shelter's, not the cost's.
# So does a participle set off by commas that tells when the noun began: "The station, founded in 1971, relies on 27
# ringers" (1971 is the founding's, not the ringers').
_ASIDE = re.compile(
    r",\s*(?:which|who|whose)\b[^,;]*,"
    r"|,\s*(?:(?:first|originally|newly|only)\s+)?(?:founded|established|opened|built|formed|launched|created|set\s+up"
    r"|started|begun|introduced|completed|erected|put\s+up|bought|acquired|restored|rebuilt|held)\s+(?:in|on|since)\b[^,;]*,",
    re.IGNORECASE,
)


def _of_an_aside(sentence: str, at: int, figure: tuple[int, int] | None) -> bool:
    """Whether the time at `at` of `sentence` stands in a which- or who-clause closed before `figure` (offsets)."""
    return figure is not None and any(
        m.start() < at < m.end() <= figure[0] for m in _ASIDE.finditer(sentence, 0, figure[0])
    )


def later_clause_start(sentence: str, end: int) -> int | None:
    """Where the first clause joined after the figure ending at `end` begins in `sentence` ("Nine ducks were still
    missing ..., and the Wenn Valley Rivers Trust said ..."), or None: its places and times are of what it tells."""
    match = _LATER_CLAUSE.search(sentence, end)
    return match.start() if match else None


def _of_a_later_clause(sentence: str, at: int, figure: tuple[int, int] | None) -> bool:
    """Whether the time at `at` of `sentence` stands in a clause joined after that of `figure` (its offsets)."""
    return figure is not None and at > figure[1] and bool(_LATER_CLAUSE.search(sentence, figure[1], at))


# "That fire was put out by four engines", "In that outbreak, 1.3 million birds ...": a sentence that opens on an
# event named before it ("that", "the previous", "the last") tells of that earlier event, not of the one reported.
_THAT_EVENT = re.compile(
    r"^\W*(?:(?:in|during|after|before|since)\s+)?(?:that|the\s+previous|the\s+last|an\s+earlier|the\s+earlier)\s+"
    r"(?:outbreaks?|epidemics?|pandemics?|fires?|blazes?|storms?|floods?|quakes?|earthquakes?|crash(?:es)?|attacks?"
    r"|strikes?|disputes?|elections?|wars?|crisis|crises|disasters?|slides?|landslides?|accidents?|riots?|spills?"
    r"|culls?|cyclones?|hurricanes?|droughts?|heatwaves?|eruptions?|collapses?|explosions?|derailments?|avalanches?)\b",
    re.IGNORECASE,
)


# "Before the slide the pass carried 7,500 vehicles", "In the 24 hours before the collapse ...": a fronted time
# before the event reported ("Before the end of March ..." is a deadline, not an earlier time).
_BEFORE_EVENT = re.compile(
    r"^\W*(?:before\s+the\s+(?!(?:end|start|beginning|middle|close|deadline)\b)\w+|in\s+the\s+(?:\w+\s+){1,2}(?:hours|days|weeks|months|years)\s+before\b)",
    re.IGNORECASE,
)


def looks_back(text: str, own: str | None = None) -> bool:
    """Whether `text` dates a figure to an earlier or a usual time, or tells it as an earlier statement ("On Tuesday
    it had put the number at up to 900,000", "had originally applied for 96 turbines"). Read before the figure in
    its sentence (a fronted "A year ago, ...") and in its own clause, not in a later clause ("18,000 ..., several
    times the number it handles in a normal year"). A change's base with its own date ("up from 167 the year
    before") dates that base only: `own`, the figure read, when the text holds it. A which- or who-clause closed
    before the figure (`_ASIDE`: "The club, who took over the sessions five years ago, said ...") dates its own
    doing, not the figure."""
    text = _ASIDE.sub(lambda m: " " * len(m.group(0)), text)
    if _USUAL.search(text) or _THAT_EVENT.search(text) or _BEFORE_EVENT.search(text) or _EARLIER_SAID.search(text):
        return True
    return any(
        not _CHANGE_BASE.search(text[: m.start()]) and not _others_base(text, m.start(), own)
        for m in _BACK.finditer(text)
    )


def told_before(text: str) -> bool:
    """Whether `text` tells what had been said, planned or estimated before ("had been due to reach all homes by
    December 2026", "had initially put the number at"): its dates are those of a plan or an account since changed."""
    return bool(_EARLIER_SAID.search(text))


def _others_base(text: str, at: int, own: str | None) -> bool:
    base = _DATED_BASE.search(text[max(0, at - 60) : at])
    return base is not None and (own is None or own not in base.group(0))


def is_running(text: str) -> bool:
    """Whether `text` tells a count as it stood at a moment ("So far 134 ...", "By midday, 198 ...")."""
    return bool(_RUNNING.search(text))


def is_timed(sentence: str) -> bool:
    """Whether `sentence` ties what it tells to a time ("on Wednesday evening", "since Sunday", "at 6 p.m.")."""
    return bool(_TIMED.search(sentence))


# What happened at a time of day, by the verb of its clause: each name one kind of moment (opening, leaving,
# failing, being restored ...), its inflections and near synonyms together.
_MOMENTS = {
    "open": r"(?:re)?open(?:s|ed|ing)?",
    "start": r"beg[iau]n(?:s|ning)?|start(?:s|ed|ing)?|commenc(?:e|es|ed|ing)|kick(?:s|ed)?\s+off",
    "leave": r"le(?:ft|ave|aves|aving)|depart(?:s|ed|ing)?|set(?:s|ting)?\s+off|took\s+off|sail(?:s|ed|ing)?",
    "arrive": r"arriv(?:e|es|ed|ing)|land(?:s|ed|ing)?|reach(?:es|ed|ing)?|docked",
    "close": r"clos(?:e|es|ed|ing)|shut(?:s|ting)?",
    "end": r"end(?:s|ed|ing)?|finish(?:es|ed|ing)?|conclud(?:e|es|ed|ing)",
    "fail": r"fail(?:s|ed|ing)?|crash(?:es|ed|ing)?|went\s+down|broke\s+down|collaps(?:e|es|ed|ing)",
    "restore": r"restor(?:e|es|ed|ing)|resum(?:e|es|ed|ing)|restart(?:s|ed|ing)?|came\s+back|back\s+online",
    "stop": r"stop(?:s|ped|ping)?|halt(?:s|ed|ing)?|suspend(?:s|ed|ing)?",
    "call": r"call(?:s|ed)?|alert(?:s|ed)?|rais(?:e|ed)\s+the\s+alarm",
}
_MOMENT_WORDS = {name: re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE) for name, pattern in _MOMENTS.items()}


def moments_differ(first_clause: str, second_clause: str) -> bool:
    """Whether each clause names what happened at its time of day, and not the same thing ("the pumps failed at
    3.25 a.m." / "the pumps were restarted at 5 a.m."): two moments of one story, not one moment told two ways."""
    first = {name for name, pattern in _MOMENT_WORDS.items() if pattern.search(first_clause)}
    second = {name for name, pattern in _MOMENT_WORDS.items() if pattern.search(second_clause)}
    return bool(first) and bool(second) and not first & second
