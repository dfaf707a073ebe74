"""What a document's own dates say, and do not say, of a claim's figures: a support resting only on a heading's day,
a date line or a document's stamp (`only_a_heading_agrees`); a figure conflict with a report filed on another day,
over times of two days, with a table's header row or with the day a document was issued (`no_contradiction`); next
year's days against a report told before this year's event (`next_years_days_told_earlier`); and an earlier report's
rounder figure for the article's later count (`earlier_rounder`). `stance.corroborate` applies them in turn; pure
functions, no I/O."""

from __future__ import annotations

import re

from factcheck.corroborate.figure_frames import sentence_of
from factcheck.corroborate.number_rules import is_currency
from factcheck.corroborate.signals import AGREEING, NumberSignal, NumberStatus, Stance
from factcheck.corroborate.stance_guards import units_of
from factcheck.extract import Claim, ClaimKind, Quantity, filed_on, without_date_lines, without_stamp_lines
from factcheck.extract.figures import CALENDAR_DAY, CLOCK_TIME, find_quantities

ONLY_HEADING_REASON = (
    "Only the day or time of a heading or a date line agrees: it labels a document, not the claim's figures."
)


_HEADING = re.compile(r"^\s*#{1,6}\s")
_ROW = re.compile(r"^\s*\|")
_SEPARATOR = re.compile(r"^\s*\|?\s*:?-{3,}")


def only_a_heading_agrees(
    stance: Stance,
    claim: Claim,
    numbers: NumberSignal | None,
    passage_text: str,
    document_text: str | None = None,
    passage_start: int | None = None,
) -> bool:
    """Whether a support rests on a day or a time alone, read from a passage made only of Markdown headings and table
    header rows (a row its document follows with a separator line) with no figure of their own ("## Timeline (11
    October)" over "| Time | Event |", "| Day | Trains now | From 13 December | Change |"): the heading dates the
    document or its table and says nothing of the claim's figures (blind annotators of round15 and round16 called
    most such cards wrong; the writers seldom labelled them: six decisions over sixteen splits whose news is the date
    a title gives), or from a line that is a date and nothing else ("4 March" over a statement: the day it was
    issued); or a support on any figure read from a table's header row ("| Roll five years ago (pupils) |": the
    figures name its columns). A timeline's rows ("| 02:14 | Two men leave their cell |") are data, not headings."""
    if stance is not Stance.SUPPORTS or numbers is None:
        return False
    units = units_of(claim)
    agreeing = [p for p in numbers.pairs if p.status in AGREEING]
    if not agreeing:
        return False
    when_only = all(units.get(p.claim_surface) in (CALENDAR_DAY, CLOCK_TIME) for p in agreeing)
    undated = without_date_lines(passage_text)
    if when_only and all(p.passage_start is not None and undated[p.passage_start].isspace() for p in agreeing):
        return True  # "4 March" alone on the line above a statement: the day it was issued, not a day it reports
    unstamped = without_stamp_lines(passage_text) if when_only else ""  # four regexes: only for a day or a time
    if when_only and all(
        p.passage_start is not None
        and (unstamped[p.passage_start].isspace() or _in_row_label(passage_text, p.passage_start))
        and _end_of_days(claim, p.claim_surface)
        for p in agreeing
    ):
        # "Millgate Park, festival office, Sunday 2 August 2026, 21:15" against "ran from Friday, July 31 to Sunday,
        # August 2": a document made on an event's last day does not report the days it ran (round50: six cards);
        # nor does a table's row of one day ("| Saturday 15 August | 79,000 |") report the stretch it ends
        return True
    header_rows = _header_rows_only(passage_text, document_text, passage_start)
    if header_rows is None:
        return False
    # a header row's figures name its columns ("| Roll five years ago (pupils) |"), not figures it reports
    return bool(header_rows) or (when_only and not find_quantities(passage_text))


def _in_row_label(text: str, position: int) -> bool:
    """Whether `position` is in the first cell of a table row (its label: "| Saturday 15 August | 79,000 |")."""
    line_start = text.rfind("\n", 0, position) + 1
    row = text[line_start:position].lstrip()
    return row.startswith("|") and row.count("|") == 1


# Two days told as one stretch: "from Friday, July 31 to Sunday, August 2", "September 12 and 13", "19-22 November".
_BETWEEN_DAYS = re.compile(
    r"\s*(?:-|\u2013|\u2014|to|and|until|till|through)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?",
    re.IGNORECASE,
)


def _end_of_days(claim: Claim, surface: str) -> bool:
    """Whether the claim's day `surface` is one end of two days it tells together (a stretch or a pair)."""
    days = [q for q in claim.quantities if q.unit == CALENDAR_DAY]
    for first, second in zip(days, days[1:], strict=False):
        if surface in (first.surface, second.surface) and _BETWEEN_DAYS.fullmatch(
            _between(claim, first, second) or "x"
        ):
            return True
    return False


def _between(claim: Claim, first: Quantity, second: Quantity) -> str | None:
    """The claim's words between two of its figures, or None when its offsets do not index its sentence."""
    sentence = claim.sentence
    for offset in (-claim.start, sentence.find(first.surface) - first.start):
        if (
            sentence[first.start + offset : first.end + offset] == first.surface
            and sentence[second.start + offset : second.end + offset] == second.surface
        ):
            return sentence[first.end + offset : second.start + offset]
    return None


def no_contradiction(
    claim: Claim,
    numbers: NumberSignal | None,
    weekdays: list[str],
    passage_text: str,
    document_text: str | None = None,
    passage_start: int | None = None,
) -> str | None:
    """Why a numeric claim's figure conflict is not a contradiction (the first that applies), or None: the source is
    a report of another day (`filed_apart`), the two times are of two days (`times_of_two_days`), or the passage is
    a table's header row (`header_row_figures`), or the source's figure is the day it was issued (`issue_date_only`)."""
    return (
        filed_apart(claim, document_text, numbers)
        or times_of_two_days(claim, numbers, weekdays)
        or header_row_figures(claim, passage_text, document_text, passage_start)
        or issue_date_only(numbers, passage_text)
    )


def issue_date_only(numbers: NumberSignal | None, passage_text: str) -> str | None:
    """Why a conflict is not one when every disagreeing passage figure stands on a line that is only the day the
    document was issued ("Issued by the race recorder, ..., 10 May 2026."): that day dates none of its figures."""
    if numbers is None:
        return None
    mismatched = [p for p in numbers.pairs if p.status is NumberStatus.MISMATCH]
    undated = without_date_lines(passage_text)
    if not mismatched or not all(
        p.passage_start is not None and undated[p.passage_start].isspace() for p in mismatched
    ):
        return None
    return "The source's date is the day it was issued, which dates none of the figures it reports."


def header_row_figures(
    claim: Claim, passage_text: str, document_text: str | None = None, passage_start: int | None = None
) -> str | None:
    """Why a figure conflict is not one when the passage is a table's header row (and headings): its figures name
    the columns ("| Measure | Fires | Share of 63 |"), they report nothing a claim's figure could disagree with."""
    if claim.kind is not ClaimKind.NUMERIC or not _header_rows_only(passage_text, document_text, passage_start):
        return None
    return "The passage is a table's header row: its figures name the columns, they report no value."


def _header_rows_only(passage_text: str, document_text: str | None, passage_start: int | None) -> int | None:
    """How many table header rows (a row its document follows with a separator line) the passage is made of, with
    Markdown headings; None when it holds anything else or nothing."""
    lines = [line for line in passage_text.splitlines() if line.strip()]
    after = ""  # the line that follows the passage in its document: a header row's separator may stand there
    if document_text and passage_start is not None:
        rest = document_text[passage_start + len(passage_text) :].lstrip("\n")
        after = rest.split("\n", 1)[0]
    header_rows = 0
    for n, line in enumerate(lines):
        if _HEADING.match(line):
            continue
        following = lines[n + 1] if n + 1 < len(lines) else after
        if not (_ROW.match(line) and not _SEPARATOR.match(line) and _SEPARATOR.match(following)):
            return None
        header_rows += 1
    return header_rows if lines else None


# "in the first three days", "over the past 12 months", "over the two days": a duration that is the period a claim's
# figures are told for


def filed_apart(claim: Claim, document_text: str | None, numbers: NumberSignal | None) -> str | None:
    """Why a figure conflict is not one when the source's dateline gives another day than the article's (a wire of
    Nov 29 counts the search area of that Sunday, an article of Dec 2 the area searched since), unless the claim's
    sentence names the source's day or year, or the figures that disagree are the day or time of the event (they
    do not change between reports); None when both were filed on the same day or the source has no dated dateline.
    An article without a dated dateline may be of any day, so a dated source's figure conflicts with it no more."""
    source = filed_on(document_text) if isinstance(document_text, str) else None
    if source is None or (claim.filed is not None and not source.differs(claim.filed)):
        return None
    if source.named_in(claim.sentence):
        return None
    units = units_of(claim)
    disagreeing = [p for p in numbers.pairs if p.status is NumberStatus.MISMATCH] if numbers is not None else []
    if disagreeing and all(units.get(p.claim_surface) in (CALENDAR_DAY, CLOCK_TIME) for p in disagreeing):
        return None
    if claim.filed is None:
        return (
            f"The source is a report filed on {source} and the article gives no day: a figure of a report of another "
            "day may have changed since, which is not a contradiction."
        )
    return (
        f"The source is a report filed on {source}, the article on {claim.filed}: a figure of another day's report "
        "may have changed since, which is not a contradiction."
    )


def times_of_two_days(claim: Claim, numbers: NumberSignal | None, weekdays: list[str]) -> str | None:
    """Why a conflict is not one when every disagreeing figure is a time of day and the two sides name different
    weekdays for it ("came back at 2.40 p.m. on Wednesday", "failed at 02:15 on Monday"): two moments, not one."""
    units = units_of(claim)
    disagreeing = [p for p in numbers.pairs if p.status is NumberStatus.MISMATCH] if numbers is not None else []
    if not disagreeing or not all(units.get(p.claim_surface) == CLOCK_TIME for p in disagreeing):
        return None
    if not weekdays:
        return None
    return f"{weekdays[0].removesuffix('.')}: the two times are of two days, not two readings of one moment."


_NEXT_YEAR = re.compile(r"\bnext\s+year\b", re.IGNORECASE)
_ANY_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_DEADLINE_BEFORE = re.compile(r"\b(?:by|before)\s+(?:the\s+)?$", re.IGNORECASE)


def next_years_days_told_earlier(
    stance: Stance, claim: Claim, numbers: NumberSignal | None, passage_text: str, document_text: str | None
) -> str | None:
    """The reason a decision on next year's days is related when the source is a report filed before the article
    that tells its days with no year and no "next year" ("The sportive is on Sunday September 7" in a wire of
    August 20, against an article of September 8 on "next year's sportive ... September 6, 2026"): told before
    this year's event, those are this year's days. A deadline ("must be finished by 31 March") is a rule that holds
    from year to year and is still compared. Also related, whatever the filing days: next year's days against a
    source sentence of this year's or last year's event, and back (`_another_years_days`). None otherwise."""
    if stance is Stance.RELATED or numbers is None:
        return None
    deciding = NumberStatus.MISMATCH if stance is Stance.CONFLICTS else None
    pairs = [p for p in numbers.pairs if (p.status is deciding if deciding else p.status in AGREEING)]
    units = units_of(claim)
    if not pairs or any(units.get(p.claim_surface) != CALENDAR_DAY or p.passage_start is None for p in pairs):
        return None
    told = _another_years_days(claim.sentence, [_source_sentence(passage_text, p.passage_start or 0) for p in pairs])
    if told is not None:
        return told
    if claim.filed is None or not _NEXT_YEAR.search(claim.sentence):
        return None
    if _NEXT_YEAR.search(passage_text) or _ANY_YEAR.search(passage_text):
        return None
    if any(_DEADLINE_BEFORE.search(passage_text[max(0, (p.passage_start or 0) - 12) : p.passage_start]) for p in pairs):
        return None
    source = filed_on(document_text) if isinstance(document_text, str) else None
    article = claim.filed
    if source is None or (source.year is not None and article.year is not None and source.year != article.year):
        return None
    if (source.month, source.day) >= (article.month, article.day):
        return None
    return (
        f"The source was filed on {source}, before the article: days it gives with no year are this year's, and the "
        "claim's are next year's."
    )


# the year an event is told for, not a year it is measured against ("one day longer than this year")
_THIS_OR_LAST_YEAR = re.compile(r"(?<!than )(?<!with )(?<!from )(?<! on )\b(?:this|last)\s+year\b", re.IGNORECASE)
# what is yet to happen: "will take place", "is due", "plans to hold"
_AHEAD = re.compile(r"\b(?:will|next|due|plans?|planned|set\s+to|to\s+be\s+held|would|expects?|expected)\b", re.I)


def _another_years_days(sentence: str, sources: list[str]) -> str | None:
    """The reason days that decide are of two years: the claim's told as next year's and each source sentence's as
    this year's or last year's ("Next year's gala ... July 10 and 11, 2027" against "this year's gala on 11 and 12
    July"), or the source's told as next year's and the claim's as what happened, with no word of what is to come
    ("took part in the gala on July 11 and 12" against "Next year's gala will be held on 10 and 11 July 2027")."""
    if _NEXT_YEAR.search(sentence):
        if all(_THIS_OR_LAST_YEAR.search(told) and not _NEXT_YEAR.search(told) for told in sources):
            return "The source gives the days of this year's or last year's event, the claim next year's."
        return None
    if not _AHEAD.search(sentence) and all(_NEXT_YEAR.search(told) for told in sources):
        return "The source gives next year's days, the claim those of an event told as done."
    return None


def _source_sentence(text: str, position: int) -> str:
    """The sentence of the source holding `position` (`figure_frames.sentence_of`)."""
    return sentence_of(text, position, position + 1)[0]


# An earlier report's figure that only rounds to the article's or meets its bound ("more than 60 stalls had booked"
# on June 3 against "64 stalls traded" on June 20): the writers of the article set label such a superseded, rounder
# figure a near miss, not a confirmation (round6 onwards: "Superseded rounded count", "Earlier running count").
EARLIER_ROUNDER_REASON = (
    "The source is a report filed before the article and gives only a rounder figure than the claim's: a superseded "
    "account, not a confirmation of the later count."
)


def earlier_rounder(stance: Stance, claim: Claim, numbers: NumberSignal | None, document_text: str | None) -> bool:
    """Whether a support rests only on figures that agree within rounding or the wording (not exactly) with a source
    whose dateline is earlier than the article's, days and times of day aside (they do not change between reports)."""
    if stance is not Stance.SUPPORTS or claim.kind is not ClaimKind.NUMERIC or numbers is None or claim.filed is None:
        return False
    source = filed_on(document_text) if isinstance(document_text, str) else None
    article = claim.filed
    if source is None or not source.differs(article):
        return False
    if source.year is not None and article.year is not None and source.year != article.year:
        earlier = source.year < article.year
    else:
        earlier = (source.month, source.day) < (article.month, article.day)
    units = units_of(claim)
    agreeing = [p for p in numbers.pairs if p.status in AGREEING]
    return (
        earlier
        and bool(agreeing)
        and all(p.status is not NumberStatus.MATCH for p in agreeing)
        # a count, a sum of money or a share, which later reports revise; not a length, a limit or a span of years
        # ("more than a decade" for "12 years of campaigning" stays true)
        and all(_revised_kind(units.get(p.claim_surface)) for p in agreeing)
    )


def _revised_kind(unit: str | None) -> bool:
    """Whether a figure in `unit` is of a kind later reports revise: a count, a sum of money, a share."""
    return unit is None or unit in ("percent", "fraction") or is_currency(unit)
