"""Which year a table row's cells report: the year columns of the row's table, read from its header row.

A report's table often gives one measure per row and one year per column ("| Measure | 2024 | 2025 | 2026 |"). A
claim that dates its figure to no time tells the latest of them, as a story tells this year's figure: the row's
earlier columns are other years' counts of the same thing. A claim's "£15 each" is neither confirmed by the 2024 and
2025 cells of "| Fee per adult (£) | 15 | 15 | 18 |" nor read against them: it is set against the 2026 cell. A
claim that names one year ("In 2025 ...") is read in that year's column. Columns of plans ("2027 target"), shares,
changes and totals report no year's count and are left as they are, and so are rows of a plan ("| Programme budget
|"), rows with no figure in the claim's column, claim figures dated otherwise (a change's base, a forecast, a plan,
an earlier telling), claims whose sentence tells of another time anywhere outside a change's dated base ("up on last
year, when 27 gardens opened": which figure the time dates, the words do not always say), and claims with another
figure in the same row (a change told with both ends: "118 stalls, up from 96 in 2024"). A table of a plan column
beside a column of what happened ("| Event | Planned start | Actual start |") is read the same way: a claim telling
what happened is set against the actual column, a plan is left as it is. Pure functions over the
passage and its paragraph in the document (`stance.passage_context`, where the row's table header is), no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from factcheck.corroborate.figure_frames import Frame
from factcheck.corroborate.figure_plans import PROSPECTIVE
from factcheck.corroborate.figure_times import SEASON
from factcheck.corroborate.number_rules import DERIVED_CHANGE, Figure
from factcheck.corroborate.number_values import classify
from factcheck.corroborate.signals import NumberStatus
from factcheck.corroborate.table_rows import cells_before

if TYPE_CHECKING:
    from factcheck.corroborate.paired_frames import PairedFrames

__all__ = ["YearColumns"]

_YEAR = re.compile(r"(?<!\d)((?:19|20)\d{2})(?:[-/\u2013]((?:19|20)?\d{2}))?(?!\d)")
_RELATIVE_HEADER = {"this year": (9999, 9999), "last year": (9998, 9998)}
# words of a plan, in a column header ("2027 target") or a row label ("| Programme budget |")
_PLAN_WORDS = re.compile(r"target|forecast|plan|project|expect|budget|estimate|goal|\baim|limit|capacity|\bcap\b", re.I)
# header words of a column that reports no one year's count
_NOT_A_YEARS_COUNT = re.compile(
    _PLAN_WORDS.pattern + r"|share|change|total|average|mean|%|percent|rise|fall|growth|difference", re.IGNORECASE
)
# a column of a plan beside a column of what happened ("Planned start", "Actual start")
_PLANNED_HEADER = re.compile(r"\b(?:planned|scheduled|due|expected|target)\b", re.IGNORECASE)
_ACTUAL_HEADER = re.compile(r"\b(?:actual|actually|outturn|achieved)\b", re.IGNORECASE)
_PLANNED_PERIOD = (1, 1)  # no year: a claim that names one is read in neither column
_SEPARATOR = re.compile(r"^\|\s*:?-{2,}")
# the base of a change just before a figure: "up from 38", "compared with about 1,800", "the 9 of"
_BASE_BEFORE = re.compile(
    r"\b(?:from|(?<!more\s)(?<!less\s)(?<!fewer\s)(?<!other\s)than|on|against|versus|vs\.?|compared\s+(?:with|to))\s+"
    r"(?:(?:about|around|some|nearly|almost|just"
    r"|roughly|only|over|under|more\s+than|fewer\s+than|less\s+than|last\s+year's|the)\s+)*[£$€]?$",
    re.IGNORECASE,
)
# a change's base told with its own time ("up from 240 km the year before", "from 52 percent in 2021"): that time
# dates the base, not the other figures of the sentence
_DATED_BASE = re.compile(
    r"\b(?:from|than|on|with|against)\s+(?:(?:about|some|nearly|almost|around|just)\s+)?[£$€]?\d[\d,.]*"
    r"(?:\s+[a-z%]+){0,2}\s+(?:in\s+(?:19|20)\d\d|(?:the|a)\s+(?:year|season)\s+(?:before|earlier)|last\s+(?:year|season)"
    r"|the\s+previous\s+(?:year|season))(?!,?\s+when\b)",  # "last year, when 27 gardens opened" dates the clause after
    re.IGNORECASE,
)
# words of a time before the latest: "last year", "the year before", "a year earlier", "previous", "since 2016",
# "ago", "before the closure" (a year in figures is read apart, `_claims_column`)
_OTHER_TIME = re.compile(
    r"\b(?:last|previous|prior|preceding)\s+(?:year|years|season|seasons|month|months|edition|time|summer|winter"
    r"|spring|autumn|week|weekend|festival|event|fair|show|race)\b"
    r"|\b(?:the|a|one|two|three|four|five|six|ten)\s+(?:years?|seasons?|months?|decades?)\s+(?:before|earlier|ago)\b"
    r"|\bago\b|\bsince\b|\bbefore\s+the\b|\bearlier\b|\bused\s+to\b|\bhad\s+been\b|\bonce\b",
    re.IGNORECASE,
)
# a count told as an estimate of what happened ("An estimated 172,000 people lined the seafront"): no forecast
_ESTIMATED_COUNT = re.compile(r"\b(?:an\s+)?estimated\s+(?=[£$€]?\d)", re.IGNORECASE)
_BRACKETED = re.compile(r"\([^)]*\)")
_DIGIT = re.compile(r"\d")

Columns = dict[int, tuple[int, int]]  # a column's index (0: the row label) -> (its last year, its first year)


class YearColumns:
    """The year columns of the table rows of one passage, read once per row."""

    def __init__(self, passage_text: str, passage_context: str | None) -> None:
        self.passage_text = passage_text
        self._context = passage_context or ""
        self._offset = self._context.find(passage_text) if passage_text else -1
        self._tables: dict[int, Columns | None] = {}

    def in_claims_column(self, claim: Figure, owned: Sequence[Figure], frames: PairedFrames) -> list[Figure]:
        """`owned` (the passage figures `claim` may be compared with) without the cells of year columns other than
        the claim figure's (module docstring)."""
        claim_frame = frames.of_claim(claim)
        if self._offset < 0 or claim_frame is None:
            return list(owned)
        wanted: dict[int, int | None] = {}  # a row line's start -> the claim's column in its table, read once
        kept = []
        for figure in owned:
            if figure.measured == DERIVED_CHANGE or not self._outside_claims_column(
                figure, claim, claim_frame, frames, wanted
            ):
                kept.append(figure)
        return kept

    def _outside_claims_column(
        self, figure: Figure, claim: Figure, claim_frame: Frame, frames: PairedFrames, wanted: dict[int, int | None]
    ) -> bool:
        text = self.passage_text
        line_start = text.rfind("\n", 0, figure.start) + 1
        line_end = text.find("\n", figure.end)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        if not line.lstrip().startswith("|"):
            return False
        columns = self._columns(line_start)
        column = cells_before(text, figure.start)
        if not columns or column not in columns:
            return False
        label = line.strip().strip("|").split("|")[0]
        if _PLAN_WORDS.search(label):
            return False  # "| Programme budget | £860,000 | £790,000 |": a plan's years, not counts of past ones
        if line_start not in wanted:
            wanted[line_start] = _claims_column(claim, claim_frame, columns)
        claims_column = wanted[line_start]
        if claims_column is None or claims_column == column or not _filled(line, claims_column):
            return False
        # a change told with both ends in one row ("118 stalls, up from 96 in 2024"): the claim reads two columns
        in_row = [p for p in frames.passage_figures if line_start <= p.start < line_start + len(line)]
        return not any(
            other is not claim and other.family == p.family and classify(other, p) is NumberStatus.MATCH
            for other in frames.claim_figures
            for p in in_row
        )

    def _columns(self, line_start: int) -> Columns | None:
        """The year columns of the table holding the passage's row at `line_start`, from the table's header row (the
        first row of its block of rows, followed by a separator row); None when the row is the header itself or
        the table has fewer than two year columns."""
        if line_start not in self._tables:
            self._tables[line_start] = self._read_columns(self._offset + line_start)
        return self._tables[line_start]

    def _read_columns(self, absolute: int) -> Columns | None:
        before = self._context[:absolute].split("\n")[:-1]
        block: list[str] = []
        for line in reversed(before):
            if not line.strip().startswith("|"):
                break
            block.append(line.strip())
        block.reverse()
        if len(block) < 2 or not _SEPARATOR.match(block[1]):
            return None
        cells = [cell.strip() for cell in block[0].strip("|").split("|")]
        columns: Columns = {}
        for index, cell in enumerate(cells[1:], 1):
            period = _period_of(cell)
            if period is not None:
                columns[index] = period
        if not columns:
            return _planned_and_actual(cells)
        if len(columns) < 2 or len(set(columns.values())) < len(columns):
            return None
        return columns


def _planned_and_actual(cells: list[str]) -> Columns | None:
    """A table of one plan column and one column of what happened ("| Event | Planned start | Actual start |"):
    the actual column is read as the latest period, so a claim telling what happened is set against it alone."""
    planned = [index for index, cell in enumerate(cells[1:], 1) if _PLANNED_HEADER.search(cell)]
    actual = [index for index, cell in enumerate(cells[1:], 1) if _ACTUAL_HEADER.search(cell)]
    if len(planned) != 1 or len(actual) != 1 or planned == actual:
        return None
    return {actual[0]: _RELATIVE_HEADER["this year"], planned[0]: _PLANNED_PERIOD}


def _period_of(header: str) -> tuple[int, int] | None:
    """The years a column header names ("2026", "2025-26", "Apr 2025 - Mar 2026", "This year") as (last, first);
    None for a column of something else ("Change", "2027 target", "Share of 2026")."""
    plain = " ".join(_BRACKETED.sub(" ", header).split())
    if _NOT_A_YEARS_COUNT.search(plain):
        return None
    if plain.lower() in _RELATIVE_HEADER:
        return _RELATIVE_HEADER[plain.lower()]
    years = []
    for match in _YEAR.finditer(plain):
        first = int(match.group(1))
        years.append(first)
        if match.group(2):
            end = match.group(2)
            years.append(int(end) if len(end) == 4 else first // 100 * 100 + int(end))
    return (max(years), min(years)) if years else None


def _claims_column(claim: Figure, frame: Frame, columns: Columns) -> int | None:
    """The column a claim figure reports: the latest when its sentence dates nothing to another time, the column of
    the one year its own clause names; None when the figure is a change's base ("from 38"), a plan, a forecast or
    an earlier telling, or when its sentence tells of another time ("last year, when 27 gardens opened", "down
    since 2016"): which figure that time dates, the words around it do not always say."""
    sentence = frame.sentence
    at = sentence.find(claim.surface)
    if frame.looks_back or frame.running or frame.kind.planned or frame.kind.early:
        return None
    if frame.kind.prospective and PROSPECTIVE.search(_ESTIMATED_COUNT.sub(" ", sentence[: max(at, 0)])):
        return None  # "could stop the racing for more than three hours": a forecast, not the year's count
    if at >= 0 and _BASE_BEFORE.search(sentence[max(0, at - 40) : at]) and not _origin(sentence, at, claim.surface):
        return None  # "climbed to 54 from 38": the base of a change is an earlier column's
    if at >= 0 and any(base.start() <= at < base.end() for base in _DATED_BASE.finditer(sentence)):
        return None  # "compares with 189 million litres in 2024-25": the base's own time dates it
    told = _DATED_BASE.sub(" ", sentence)  # the sentence without a change's base and its own time
    if _OTHER_TIME.search(told) or any(
        not re.search(r"(?:19|20)\d{2}", era) and not era.startswith(SEASON + "this") for era in frame.eras
    ):
        return None  # "last year", "a forecast", "next summer": another time than the table's latest
    years = {int(year) for year in re.findall(r"(?<!\d)(?:19|20)\d{2}(?!\d)", told)}
    if not years:
        latest = max(columns.values())
        return next(index for index, period in columns.items() if period == latest)
    own = {int(year) for era in frame.eras for year in re.findall(r"(?:19|20)\d{2}", era)}
    if len(years) != 1 or own != years:
        return None  # a year of another clause ("463 species but numbers down since 2016")
    year = years.pop()
    holding = [index for index, (last, first) in columns.items() if first <= year <= last]
    return holding[0] if len(holding) == 1 else None


_FROM_AFTER_NOUN = re.compile(
    r"\b([a-z]{3,}s|arriv(?:e|es|ed|ing)|c[oa]me|comes|coming|travel(?:s|l?ed|l?ing)?|drawn|hail(?:s|ed|ing)?)"
    r"\s+from\s+$"
)
_NOUN_AFTER = re.compile(r"\s+([a-z]{3,}s)\b")


def _origin(sentence: str, at: int, surface: str) -> bool:
    """Whether "from" before the figure tells where something counted comes from, not a change's base: a plural noun
    or a verb of coming before it and another plural noun after the figure ("212 crews from 31 clubs", "dancers
    arrive from 23 countries")."""
    before = _FROM_AFTER_NOUN.search(sentence[max(0, at - 40) : at])
    after = _NOUN_AFTER.match(sentence, at + len(surface))
    return before is not None and after is not None and before.group(1) != after.group(1)


def _filled(line: str, column: int) -> bool:
    """Whether the row's cell in `column` holds a figure."""
    cells = line.strip().strip("|").split("|")
    return column < len(cells) and bool(_DIGIT.search(cells[column]))
