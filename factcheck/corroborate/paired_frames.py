"""The frames of a claim's and a passage's figures, read once each, and what the numbers signal asks of a pair:
another frame, another kind of amount, shared event words, another time, a hedge overshot."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from factcheck.corroborate.change_ends import base_unmet, bases_meet
from factcheck.corroborate.cues import weekday_cue
from factcheck.corroborate.disputed_phrases import duration_threshold
from factcheck.corroborate.event_words import WORD_RUN, content_stems, one_event_before
from factcheck.corroborate.figure_frames import (
    Frame,
    frame_at,
    frame_difference,
    running_earlier,
    shares_event,
)
from factcheck.corroborate.figure_kinds import kind_difference
from factcheck.corroborate.figure_limits import both_limits, limit_apart
from factcheck.corroborate.figure_parts import another_part
from factcheck.corroborate.figure_plans import PLANNED_LABEL, hours_against_one_time, plan_against_done
from factcheck.corroborate.figure_times import MONTHS, WEEKDAYS, moments_differ
from factcheck.corroborate.frame_times import times_differ
from factcheck.corroborate.number_rules import DERIVED_CHANGE, Figure
from factcheck.corroborate.number_values import classify, same_value
from factcheck.corroborate.signals import AGREEING, NumberStatus
from factcheck.corroborate.table_rows import (
    GENERIC_LABELS,
    cells_before,
    label_of_an_activity,
    label_opens_with_noun,
    label_words,
    names_among,
    of_another_name,
    proper_label_words,
    row_label,
    row_names,
    whole_cell,
)
from factcheck.corroborate.table_units import line_at, total_of_noun
from factcheck.extract.figures import CALENDAR_DAY, CLOCK_TIME

__all__ = ["PairedFrames"]

_TIMES = frozenset({"second", CALENDAR_DAY, CLOCK_TIME})  # durations, days and times of day
_UNDER_HEDGES = frozenset({"almost", "nearly"})  # hedges that stay below the value they name


class PairedFrames:
    """The frames of the claim's and the passage's figures, read once each."""

    def __init__(
        self,
        claim_text: str,
        passage_text: str,
        passage_context: str | None,
        claim_figures: Sequence[Figure] = (),
        passage_figures: Sequence[Figure] = (),
    ) -> None:
        self.claim_text, self.passage_text, self.context = claim_text, passage_text, passage_context
        # the figures the comparison read from both texts (`numbers.compare_numbers`), for reading a table row whole
        self.claim_figures, self.passage_figures = claim_figures, passage_figures
        self._claims: dict[int, Frame | None] = {}
        self._passages: dict[int, Frame] = {}

    def of_claim(self, figure: Figure) -> Frame | None:
        """The claim figure's frame (None when its surface is not in the claim's sentence)."""
        if figure.start not in self._claims:
            at = self.claim_text.find(figure.surface)
            found = at >= 0
            self._claims[figure.start] = (
                frame_at(
                    self.claim_text, at, at + len(figure.surface), figure.measured, percent=figure.family == "percent"
                )
                if found
                else None
            )
        return self._claims[figure.start]

    def of_passage(self, figure: Figure) -> Frame:
        key = figure.start  # a share worked out from "118 of 190" is read in the frame of its part, as before
        if key not in self._passages:
            derived = figure.measured == DERIVED_CHANGE
            frame = frame_at(
                self.passage_text,
                figure.start,
                figure.end,
                None if derived else figure.measured,
                self.context,
                figure.family == "percent",
            )
            # a change worked out from its two ends ("| 314,000 | 412,000 |") is a change, whatever the words say
            self._passages[key] = replace(frame, kind=replace(frame.kind, movement="change")) if derived else frame
        return self._passages[key]

    def difference(self, claim: Figure, passage: Figure, events: bool = True) -> tuple[str, str] | None:
        claim_frame = self.of_claim(claim)
        if claim_frame is None:
            return None
        passage_frame = self.of_passage(passage)
        at = self.claim_text.find(claim.surface) if claim.family == CALENDAR_DAY == passage.family else -1
        if at >= 0 and one_event_before(self.claim_text, at, self.passage_text, passage.start):
            # two days of one event: their months are their values, not their frames ("reopen on October 31" / "will
            # reopen on 7 November"); the months of other figures in the clauses go with them (a year still frames
            # a day)
            claim_frame, passage_frame = (
                replace(frame, periods=frozenset(p for p in frame.periods if p.isdigit()))
                for frame in (claim_frame, passage_frame)
            )
        return frame_difference(claim_frame, passage_frame, events)

    def kind(self, claim: Figure, passage: Figure) -> tuple[str, str] | None:
        """Another kind of thing in the same frame ("two-bedroom" for "one-bedroom"; an addition for a total)."""
        claim_frame = self.of_claim(claim)
        if claim_frame is None:
            return None
        status = classify(claim, passage)
        if status is not NumberStatus.MATCH:
            # "the Saturday session" of "the four sessions", "| Tickets, Saturday |" of "over the two days", "the
            # winner gave" for "The runner-up gave", "open from 08:00 to 21:00 daily" for "opened at 10 a.m."
            other = another_part(claim_frame.clause, self.of_passage(passage).clause, self.passage_text, passage)
            at = (
                self.claim_text.find(claim.surface)
                if other is None and claim.family == CLOCK_TIME == passage.family
                else -1
            )
            if at >= 0:
                other = hours_against_one_time(self.claim_text, at, self.passage_text, passage.start)
            if other is not None:
                return other
        dated = claim.family in (CALENDAR_DAY, CLOCK_TIME)
        passage_kind = self.of_passage(passage).kind
        return kind_difference(
            claim_frame.kind,
            passage_kind,
            status is NumberStatus.MATCH,
            dated,
            agreeing=status in AGREEING,
            clock=claim.family == CLOCK_TIME
            and plan_against_done(self.claim_text, claim.surface, self.passage_text, passage.start),
            to_come=any(era.startswith(("next ", "coming ")) for era in claim_frame.eras),
        )

    def labelled_otherwise(self, passage: Figure) -> bool:
        """Whether the passage figure is a cell of a table row whose label shares no word with the claim's sentence
        ("| Website visits | 1.9m | 2.3m | +21% |" for "The total is ... up 21 percent from 520,500"): a share or a
        change that agrees by value is then another row's."""
        label = row_label(self.passage_text, passage.start)
        if label is None or cells_before(self.passage_text, passage.start) < 2:
            return False  # a row's first figure is the row's own: the claim's words name it or not (`row_subject`)
        stems = content_stems(label)
        return bool(stems - GENERIC_LABELS) and not stems & content_stems(self.claim_text)

    def overshoots(self, claim: Figure, passage: Figure) -> bool:
        """ "Almost 59 percent" is a little under 59: a figure above it (60.2) is not the same within rounding;
        likewise a claim above a passage's "nearly"."""
        claim_frame = self.of_claim(claim)
        below = lambda frame: bool(frame and frame.before and frame.before[-1] in _UNDER_HEDGES)  # noqa: E731
        if below(claim_frame) and passage.anchor > claim.anchor + claim.precision / 2:
            return True
        return below(self.of_passage(passage)) and claim.anchor > passage.anchor + passage.precision / 2

    def shared(self, claim: Figure, passage: Figure) -> bool:
        """Whether the words next to the two figures share an event word (more than the value in common)."""
        claim_frame = self.of_claim(claim)
        if claim_frame is None:
            return False
        moments = claim.family == CLOCK_TIME == passage.family
        return shares_event(claim_frame, self.of_passage(passage), moments)

    def threshold(self, claim: Figure, passage: Figure) -> bool:
        """Whether either figure is a duration bound that picks out who is counted ("21,700 patients had been
        waiting for more than 52 weeks", "the number waiting more than two years"): a threshold, not a wait."""
        claim_frame = self.of_claim(claim)
        if claim_frame is not None and duration_threshold(claim, claim_frame.clause):
            return True
        return duration_threshold(passage, self.of_passage(passage).clause)

    def row_subject(self, passage: Figure, claim: Figure | None = None) -> bool | None:
        """For a passage figure in a table row or a short "Label: figure" line ("Marcus Hale (National Party):
        543,200 votes"), whether the claim's sentence names the row's label; None when the figure is in running
        text. A row says whose figure it is only by its label. A label word the claim writes in lower case
        ("Cargo on board" / "ruptured cargo tanks") is a common noun, not a name: it ties the row to the claim's
        figure (`claim`) only within `_ROW_REACH` words of it ("| Officers on duty | 31 |" / "37 officers")."""
        names = row_names(self.passage_text, passage.start)
        if names is None:
            return None
        if claim is not None and self.both_limits(claim, passage) and self.label_holds_noun(passage, claim):
            return True  # "| Maximum nights charged per stay | 7 |" is the limit "up to five nights" states
        if claim is not None and self.total_of_noun(passage, claim):
            return True  # "| Total |" under "| Graves |" is the claim's "4,800 graves"
        if claim is not None and label_of_an_activity(
            row_label(self.passage_text, passage.start) or "", self.claim_text
        ):
            return False  # "| Buses operating |" is not the depot's "19 buses"
        words = re.findall(r"[A-Za-z][\w'\u2019-]*", self.claim_text)
        label_text = self.passage_text[line_at(self.passage_text, passage.start)[0] : passage.start]
        if any(name in words and not of_another_name(name, label_text, self.claim_text) for name in names):
            return True
        if claim is not None and self._names_another(passage, claim, names):
            # "| Fernside Infant School | 180 |" against "Hollinsford High has 1,240 pupils": two named schools
            return self._row_confirms_clause(passage, claim)
        near = self._words_near(claim) if claim is not None else None
        if near is not None:
            words = near
        return names_among(names, words) or (claim is not None and self._row_confirms_clause(passage, claim))

    def total_of_noun(self, passage: Figure, claim: Figure) -> bool:
        """Whether `passage` is a total row's cell under a column header naming the claim figure's counted noun."""
        return total_of_noun(self.passage_text, passage, claim.measured, self.context)

    def row_names_noun(self, passage: Figure, claim: Figure) -> bool:
        """Whether `passage` is a table row's bare cell whose label opens with the noun the claim's figure counts and
        picks out no subgroup of it ("| Pupils on roll, ages 11-18 | 1,140 |" for "1,410 pupils"; not "| Residents
        funded by the council | 31 |" for "55 residents", nor "| Former staff | 12,200 |" for "6,300 staff"). Words
        before the noun the claim also writes pick out nothing ("| Camera vans | 13 |" for "its 11 camera vans")."""
        noun = (claim.measured or "").casefold()
        label = row_label(self.passage_text, passage.start)
        if not noun or label is None or not whole_cell(self.passage_text, passage):
            return False
        return label_opens_with_noun(label, noun, self.claim_text)

    def label_holds_noun(self, passage: Figure, claim: Figure) -> bool:
        """Whether the label of the row holding `passage` has the claim figure's counted noun among its words (a
        figure in a unit other than a count needs none)."""
        noun = (claim.measured or "").casefold()
        label = row_label(self.passage_text, passage.start) or ""
        if not noun:
            return claim.family != "count"  # a measure in a unit ("up to 15 metres"): the unit says what it is
        return noun in label_words(label)

    def both_limits(self, claim: Figure, passage: Figure) -> bool:
        """Whether each figure is a limit and one says so in words (`figure_limits.both_limits`)."""
        return both_limits(self.claim_text, self.passage_text, claim, passage)

    def limits_differ(self, claim: Figure, passage: Figure) -> bool:
        """Whether the claim's limit, bound or hedge misses the source's value (`figure_limits.limit_apart`)."""
        return limit_apart(self.claim_text, self.passage_text, claim, passage)

    def bases_meet(self, claim: Figure, passage: Figure) -> bool:
        """Whether both figures are the value before one change (`figure_limits.bases_meet`)."""
        return bases_meet(self.claim_text, self.passage_text, self.claim_figures, self.passage_figures, claim, passage)

    def base_unmet(self, claim: Figure, passage: Figure) -> bool:
        """Whether the claim's starting value meets a passage figure not told as one (`figure_limits.base_unmet`)."""
        return base_unmet(self.claim_text, self.passage_text, self.claim_figures, self.passage_figures, claim, passage)

    def row_agrees(self, passage: Figure, claim: Figure) -> bool:
        """For an agreeing pair whose passage figure is a table row's value ("| Cancelled | 412 |" against "More
        than 400 flights were cancelled"), whether the row is the claim figure's: the figure is all its cell says
        (not a heading's "Seen within four hours", nor "| 10, of whom 1 died |") and a word of the row's label
        stands within `_ROW_REACH` words of the claim's figure."""
        names = row_names(self.passage_text, passage.start)
        if names is None or not whole_cell(self.passage_text, passage):
            return False
        return names_among(names, self._words_near(claim) or []) or self._last_name_before(claim) in names

    def _last_name_before(self, claim: Figure) -> str | None:
        """The last capitalised word before the claim's figure in its sentence, past its first word and not a month
        or weekday: the name the figure is told of however far back ("The Eastern Fen sector accounted for about a
        quarter of the occupied sites, with 53")."""
        at = self.claim_text.find(claim.surface)
        words = [m for m in WORD_RUN.finditer(self.claim_text[: max(at, 0)]) if m.start() > 0]
        bare = lambda m: re.sub(r"['\u2019]s$", "", m.group(0))  # noqa: E731  "February's" is February
        named = [m for m in words if m.group(0)[:1].isupper() and bare(m).casefold() not in _CALENDAR_WORDS]
        if not named or _JOINED_CLAUSE.search(self.claim_text, named[-1].end(), at):
            return None  # "the Abbey Park estate complained ..., and organisers said ... 9,000": another clause
        return bare(named[-1])

    def _words_near(self, claim: Figure) -> list[str] | None:
        """The words within `_ROW_REACH` of the claim's figure (one more after it: the figure's own unit word does
        not count), or None when its surface is not in the claim's text."""
        at = self.claim_text.find(claim.surface)
        if at < 0:
            return None
        before = re.findall(r"[A-Za-z][\w'\u2019-]*", self.claim_text[:at])[-_ROW_REACH:]
        after = re.findall(r"[A-Za-z][\w'\u2019-]*", self.claim_text[at + len(claim.surface) :])
        return before + after[: _ROW_REACH + 1]

    def _names_another(self, passage: Figure, claim: Figure, names: frozenset[str]) -> bool:
        """Whether the row's label names something (capitalised words past a cell's first word) and the claim names
        something else beside its figure (capitalised words within `_ROW_REACH` words before it, not opening the
        sentence, none of them in the label)."""
        proper = proper_label_words(self.passage_text, passage.start)
        at = self.claim_text.find(claim.surface)
        if not proper or at < 0:
            return False
        spans = list(re.finditer(r"[A-Za-z][\w'\u2019-]*", self.claim_text[:at]))[-_ROW_REACH:]
        named = {m.group(0) for m in spans if m.group(0)[:1].isupper() and m.start() > 0}
        return (
            bool(named)
            and not named & names
            and not proper & set(re.findall(r"[A-Za-z][\w'\u2019-]*", self.claim_text))
        )

    def _row_confirms_clause(self, passage: Figure, claim: Figure) -> bool:
        """Whether the row of `passage` also holds another figure of `claim`'s clause, the same value of the same
        kind: a row that confirms one figure of a clause is that clause's row for its others ("| Monthly pass |
        68 euros | 79 euros |" for "a monthly pass will go up from 68 euros to 81 euros"; not for "a day ticket from
        6.50 euros" in the next clause). A bare count below ten ties nothing, nor a day or a time of day, which every
        document of a story repeats."""
        low = self.passage_text.rfind("\n", 0, passage.start) + 1
        high = self.passage_text.find("\n", passage.start)
        high = len(self.passage_text) if high < 0 else high
        row = [f for f in self.passage_figures if low <= f.start < high and f.start != passage.start]
        return self._confirms_clause(claim, row)

    def clause_confirms(self, passage: Figure, claim: Figure) -> bool:
        """Whether the clause of `passage` also holds another figure of `claim`'s clause, the same value of the
        same kind: "£18 million over the next two years" is the claim's "£25 million over two years" told
        otherwise, not another sum that shares only its currency (`_row_confirms_clause`, for running text).
        A count ties nothing here: "Five of our 22 lifts" shares its whole with "eight of its 22 lifts", and two
        parts of one whole are two groups, not one figure told two ways."""
        clause = self.of_passage(passage).clause
        others = [
            f
            for f in self.passage_figures
            if f.start != passage.start and f.family != "count" and self.of_passage(f).clause == clause
        ]
        return self._confirms_clause(claim, others)

    def _confirms_clause(self, claim: Figure, others: list[Figure]) -> bool:
        own = self.of_claim(claim)
        if own is None:
            return False
        telling = [
            f
            for f in self.claim_figures
            if (f.family != "count" or f.anchor >= 10)
            and f.family not in (CALENDAR_DAY, CLOCK_TIME)
            and (frame := self.of_claim(f)) is not None
            and frame.clause == own.clause
        ]
        return any(same_value(mine, theirs) for mine in telling for theirs in others)

    def other_time(self, claim: Figure, passage: Figure) -> bool:
        """Whether one figure is dated (a year, "last year") where the other is not, or dated otherwise
        (`frame_times.times_differ`)."""
        claim_frame = self.of_claim(claim)
        if claim_frame is None:
            return False
        return times_differ(
            claim_frame,
            self.of_passage(passage),
            self.claim_figures,
            self.passage_figures,
            self._timeless_cell(passage),
        )

    def _timeless_cell(self, passage: Figure) -> bool:
        """A table row's bare cell with no date, forecast or look back in its row."""
        frame = self.of_passage(passage)
        if frame.eras or frame.looks_back or not whole_cell(self.passage_text, passage):
            return False
        return not PLANNED_LABEL.search(row_label(self.passage_text, passage.start) or "")

    def earlier_time(self, claim: Figure, passage: Figure) -> bool:
        """Whether the passage dates its count to an earlier or a usual time ("Last year the festival welcomed
        31,500") and the claim does not: a figure of another time, even when its value is close to the claim's."""
        claim_frame = self.of_claim(claim)
        if claim_frame is None or claim.family in _TIMES:
            return False  # "26 months before the fire" is the figure itself, not a time it is dated to
        passage_frame = self.of_passage(passage)
        if claim_frame.looks_back and not passage_frame.looks_back and passage_frame.eras & {"forecast", "future"}:
            return True  # "Last year's event drew 31,000" is not this year's "30,000 visitors expected"
        return passage_frame.looks_back and not claim_frame.looks_back

    def earlier_count(self, claim: Figure, passage: Figure) -> bool:
        """Whether one of two amounts is a smaller running amount told as of a moment ("So far 134 ...", "By Friday
        evening oil had come ashore along about 12 km"): an earlier count or extent of the other's total
        (`figure_frames.running_earlier`). Durations, days and times of day do not grow that way."""
        claim_frame = self.of_claim(claim)
        if claim_frame is None or claim.family in _TIMES:
            return False
        return running_earlier(claim_frame, self.of_passage(passage), claim.anchor, passage.anchor)

    def two_moments(self, claim: Figure, passage: Figure) -> bool:
        """Whether two times of day are of two moments, the clause of each naming another happening
        (`figure_times.moments_differ`): "failed at 2.15 a.m." is not contradicted by "were restored at 14:40"."""
        if claim.family != CLOCK_TIME:
            return False
        claim_frame = self.of_claim(claim)
        return claim_frame is not None and moments_differ(claim_frame.clause, self.of_passage(passage).clause)

    def other_day(self, claim: Figure, passage: Figure) -> bool:
        """Whether two times of day are on different weekdays: "6 a.m. on Monday" and "06:00 on Thursday" are two
        moments (a pause's start and its end), not one moment given the wrong day."""
        if claim.family != CLOCK_TIME:
            return False
        claim_frame = self.of_claim(claim)
        return claim_frame is not None and bool(weekday_cue(claim_frame.clause, self.of_passage(passage).clause))


_CALENDAR_WORDS = frozenset(MONTHS) | WEEKDAYS
_JOINED_CLAUSE = re.compile(r"[,;]\s*(?:and|but|while|whereas)\b|;", re.IGNORECASE)
_ROW_REACH = 5  # words either side of a claim figure where a row label's common noun ties the row to it
