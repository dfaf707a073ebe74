"""The numbers signal: each figure of a claim set against the passage figure it can be compared with.

Which passage figure a claim figure is compared with: `figure_pairing.py` (comparable units and counted things,
figures of one scale, which claim figure a passage figure belongs to). Among comparable figures the one closest to
the claim's value (for a bound or range: to the values it allows) is chosen.

Which comparable figures count the same thing (only when the claim's sentence is given)
    The figures' frames (`figure_frames.py`) must agree: no other place, no other month or year for a value that
    is not the same, no earlier time the source dates a value within rounding to ("Last year ... 31,500" for
    "about 32,000"), and, for a mismatch of a count whose noun does not say what is counted ("people"), a shared event
    word in the two sentences. A mismatch must also be *grounded*: an event word within five words of both
    figures ("remaining" / "remained"), the same three words beside both, or the same counted thing named with
    nothing beside it to disagree; and not figures of two times (a year, "last year", a forecast on one side
    only). Otherwise the pair is `different_thing`. When the learned same-thing judgement is switched on
    (`same_thing.py`: a model over the words around both figures; off by default), a compared pair must also pass
    it, else it is `different_thing` too.

Statuses of one claim figure
    - `match`: the same value (or the same bound or range); a unit conversion must be exact (48 hours = 2 days).
      A hedge does not matter when the values are equal ("some 1.2m" and 1.2 million).
    - `within_rounding`: two single values at most 5% apart (of the claim's value) where one rounds to the other at
      the other's last significant digit ("1 million" and 950,000; 80 km = 49.7 miles, which rounds to "50 miles"),
      or where either one is hedged ("about", "nearly", "some") and they are at most one step of the hedged
      figure's last significant digit apart ("about 4,100" and 4,030, not 3,918), five steps when that digit is a
      5 ("about 7,500" and 7,320); a share in words ("almost three in four" and 72%) and a time of day ("about 4.40
      a.m." and 04:38) only within the 5%. An inexact conversion is rounding, not a match.
    - `consistent_with_qualifier`: the claim's bound or range allows the passage figure or bound ("more than
      14,000" and 14,300; "less than half" and 41%; "between 300 and 400" and 350; "at least 20" and 23), or the
      claim's single value lies inside the passage's bound and rounds to it ("more than 40" and 41) or at an end
      of the passage's range ("39 to 41C" and 41C). A value the passage's bound or range only allows ("at least
      12" and 17; "from 64% to 112%" and 71%) is `different_thing`: an early or partial count, a spread of others.
    - `mismatch`: comparable, and outside all of the above ("8,000" and "6,000"; "more than 600,000" and 590,000;
      "more than 70%" and "more than 60%": a weaker bound does not back a stronger one; nor does a stronger bound
      back a weaker one told at the same precision: "more than 450" and "more than 540" are two tellings of one
      bound that disagree, where "more than 1,000" is "more than 1,200" rounded down).
    - `unit_mismatch`: no comparable figure agrees, and the passage has the same number in a unit or for a thing
      that cannot be compared ("5%" and "5 percentage points"; "8,000 residents" and "8,000 fighters"; "40
      trucks" and "40 tonnes"), which usually means one text misreads the other; or the passage only has figures
      of a related but unconvertible family (percent and percentage points, two currencies).
    - `different_thing`: figures in the same unit that count different things (above: another place, period or
      event, nothing but the unit in common, another counted noun such as "2,500 parcels" and "40,000 people",
      or a bound that allows a figure far from it: "more than 300" and 1,300). Never decisive; its reason reads
      "A different figure: the source counts X, the claim Y."
    - `no_numbers`: nothing in the passage to compare the figure with.

Overall status (the order a fact-checker reads them in)
    Any `mismatch` makes the whole `mismatch`: a conflicting figure is never hidden by agreeing ones. Else a
    `unit_mismatch` between kindred units (percent and points, two currencies: a likely misreading) makes it
    `unit_mismatch`. Else, when at least one figure agrees, the weakest agreement (`consistent_with_qualifier` <
    `within_rounding` < `match`): figures the passage is silent about, or that count other things, do not undo
    it, and they stay listed in `pairs`; but a claim's part of a group met by another part of the same named
    thing ("nine of its 31 runs" / "Seven of our 31 runs") makes it `different_thing`: the whole alone agrees.
    Else `unit_mismatch`, `different_thing`, `no_numbers` in that order. A claim without figures gets
    `no_numbers`, no pairs.

A pair's `claim_value`/`passage_value` are in the pair's shared base unit (metres, seconds, percent; a bound's
bound, a range's middle), so the two can be read side by side.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from factcheck.corroborate.ages import aged_alike
from factcheck.corroborate.change_pairs import change_or_rule_pair
from factcheck.corroborate.contrasts import contrast_partners, unmet_contrasts
from factcheck.corroborate.event_years import (
    EVENT_MONTH,
    EVENT_YEAR,
    event_year_pair,
    not_on_dates_alone,
    without_unmet_dates,
)
from factcheck.corroborate.far_apart import far_apart_pair, too_far_apart
from factcheck.corroborate.figure_limits import bare_bound_met_by_another
from factcheck.corroborate.figure_pairing import (
    counts_compatible,
    denominator_in,
    names_same_thing,
    owned_by,
    owners_of,
    passage_figures_of,
    plausible,
    restatements,
)
from factcheck.corroborate.figure_pairs import (
    another_days_figures,
    bounding_day_alone,
    described,
    different_pair,
    echo_of,
    made_pair,
    overall_status,
    whole_without_its_part,
    with_reason,
)
from factcheck.corroborate.figure_readings import read_alike
from factcheck.corroborate.figure_ties import (
    another_part_met,
    bound_of_one,
    grounded_pair,
    item_of_a_total,
    named_slip,
    not_earlier,
    one_event,
    row_of,
    same_frame,
    slip_counts_alike,
    spread_of_values,
    synonyms,
)
from factcheck.corroborate.frequencies import FREQUENCY, frequency_pair
from factcheck.corroborate.number_rules import (
    Figure,
    related_families,
    to_figures,
)
from factcheck.corroborate.number_values import classify, distance, offset, transposed
from factcheck.corroborate.paired_frames import PairedFrames
from factcheck.corroborate.rating_groups import RatedGroups, rated_groups
from factcheck.corroborate.row_ties import agreeing_elsewhere, another_figures_row, row_held_by_another, subgroup_row
from factcheck.corroborate.same_thing import SameThingModel, configured_model, gate_pairs
from factcheck.corroborate.scores import same_score_lead, score_pair, score_side
from factcheck.corroborate.signals import AGREEING, FigurePair, NumberSignal, NumberStatus
from factcheck.corroborate.table_columns import YearColumns
from factcheck.corroborate.table_rows import bound_in_row_label
from factcheck.corroborate.told_figures import with_told_figures
from factcheck.extract import Quantity

__all__ = ["compare_numbers"]

_RANK = {status: rank for rank, status in enumerate((*AGREEING, NumberStatus.MISMATCH, NumberStatus.DIFFERENT_THING))}


def compare_numbers(
    claim_quantities: Sequence[Quantity],
    passage_text: str,
    claim_text: str | None = None,
    passage_context: str | None = None,
    same_thing: SameThingModel | None | str = "configured",
    money_note: str | None = None,
) -> NumberSignal:
    """Each claim figure against its comparable figure in `passage_text`, with the overall status.

    Args:
        claim_quantities: the claim's figures, from `find_quantities` on the claim text.
        passage_text: the candidate passage; the pairs' `passage_start`/`passage_end` index into it.
        claim_text: the claim's sentence; when given, a passage figure whose frame (place, period, event: see
            `figure_frames.py`) differs from the claim figure's counts a different thing (`different_thing`).
        passage_context: where the passage's places are read when its sentence names none (its paragraph or
            section heading in the stored document).
        same_thing: the learned same-thing judgement (`same_thing.py`) a compared pair must also pass when
            `claim_text` is given; "configured" (the default) is the one `FACTCHECK_SAME_THING` names (none unless
            it is set), None the rules alone.
        money_note: the money unit the passage's document gives its tables once ("All figures in pounds": "£",
            `table_units.money_note_of`). When the claim has money in it, the passage's bare cells are also read in
            it, and that reading is kept if it compares more of the claim's figures: a row of costs meets the
            claim's "£412,000", a row of members still its "380 rowers".

    Returns:
        A `NumberSignal` whose `pairs` list every claim figure with a reason in plain language.

    Raises:
        TypeError: when `passage_text` is not a str.
    """
    if not isinstance(passage_text, str):
        raise TypeError(f"expected the passage text as a str, found {type(passage_text).__name__}")
    plain = _compare(claim_quantities, passage_text, claim_text, passage_context, same_thing, None)
    sign = money_note.rstrip("mbnk") if money_note else None
    if not sign or not any(q.dimension == "currency" and q.surface.lstrip().startswith(sign) for q in claim_quantities):
        return plain
    noted = _compare(claim_quantities, passage_text, claim_text, passage_context, same_thing, money_note)
    return noted if _compared(noted) > _compared(plain) else plain


def _compared(signal: NumberSignal) -> int:
    return sum(pair.status in (*AGREEING, NumberStatus.MISMATCH) for pair in signal.pairs)


def _compare(
    claim_quantities: Sequence[Quantity],
    passage_text: str,
    claim_text: str | None,
    passage_context: str | None,
    same_thing: SameThingModel | None | str,
    money_note: str | None,
) -> NumberSignal:
    claim_figures = to_figures([q for q in claim_quantities if not denominator_in(claim_text, q.surface)])
    if not claim_figures:
        return NumberSignal(NumberStatus.NO_NUMBERS)
    claim_figures, passage_figures = read_alike(
        claim_figures,
        passage_figures_of(passage_text, passage_context, money_note),
        claim_text,
        passage_text,
        claim_quantities,
    )
    if claim_text:  # "17 shops were rated five": the five names the group counted, it is no figure to compare
        claim_groups, passage_groups = (
            RatedGroups(claim_text, claim_figures),
            RatedGroups(passage_text, passage_figures),
        )
        claim_figures = claim_groups.without_ratings(claim_figures)
        passage_figures = passage_groups.without_ratings(passage_figures)
        if not claim_figures:
            return NumberSignal(NumberStatus.NO_NUMBERS)
    partners = contrast_partners(claim_text, claim_figures)
    if claim_text:
        claim_figures, passage_figures = with_told_figures(claim_text, passage_text, claim_figures, passage_figures)
    owners = owners_of(claim_figures, passage_figures, passage_text, partners, claim_text)
    frames = (
        PairedFrames(claim_text, passage_text, passage_context, claim_figures, passage_figures) if claim_text else None
    )
    alike = restatements(claim_text, claim_figures)
    columns = YearColumns(passage_text, passage_context) if frames is not None else None
    pairs = tuple(
        _pair(
            claim,
            owned_by(i, passage_figures, owners, alike)
            if columns is None or frames is None
            else columns.in_claims_column(claim, owned_by(i, passage_figures, owners, alike), frames),
            frames,
            claim_groups.same_group(passage_groups) if claim_text else None,
        )
        for i, claim in enumerate(claim_figures)
    )
    if claim_text:
        pairs = rated_groups(claim_groups, passage_groups, claim_figures, passage_figures, pairs)
    model = configured_model() if same_thing == "configured" else same_thing
    if claim_text and isinstance(model, SameThingModel):
        pairs = gate_pairs(pairs, claim_text, passage_text, passage_context, model)
    pairs = unmet_contrasts(another_days_figures(claim_figures, pairs), partners, claim_text)
    pairs = bounding_day_alone(claim_text, claim_figures, whole_without_its_part(claim_text, pairs))
    status = overall_status(pairs)
    if status in AGREEING:
        status = not_on_dates_alone(status, claim_figures, passage_figures, pairs, overall_status)
    if status in AGREEING and frames is not None and another_part_met(claim_figures, passage_figures, pairs, frames):
        status = NumberStatus.DIFFERENT_THING
    return NumberSignal(status, without_unmet_dates(claim_figures, pairs))


def _pair(
    claim: Figure,
    passage: list[Figure],
    frames: PairedFrames | None = None,
    same_group: Callable[[Figure, Figure], bool] | None = None,
) -> FigurePair:
    if claim.family.startswith((EVENT_YEAR, EVENT_MONTH)):
        return event_year_pair(claim, passage, frames, grounded_pair)
    if claim.family == FREQUENCY:
        return frequency_pair(claim, passage, frames.shared if frames is not None else lambda _c, _p: False)
    if frames is not None and bound_of_one(claim, frames.claim_figures):
        return made_pair(claim, None, NumberStatus.NO_NUMBERS)  # "borrowed at least one item": who is counted
    comparable = [
        p
        for p in passage
        if p.family == claim.family
        and (counts_compatible(claim, p) or one_event(claim, p, frames))
        and plausible(claim, p)
    ]
    side = score_side(frames.claim_text, claim) if frames is not None else None
    if side is not None and frames is not None:
        comparable = [p for p in comparable if score_side(frames.passage_text, p) == side]
        if not comparable:
            return made_pair(claim, None, NumberStatus.NO_NUMBERS)  # a score's half has no count to meet
    if frames is not None and comparable:
        # The same value needs no frame (a place or date told differently is a cue, read by `cues.py`).
        # a rated group's count, and transposed digits of one named count ("1,860 new graves" for "1,680"), too
        same = [
            p
            for p in comparable
            if same_frame(claim, p, frames)
            or (same_group and same_group(claim, p))
            or named_slip(claim, p, frames.passage_text)
            or (side == "tail" and same_score_lead(claim, p, frames.claim_text, frames.passage_text))
        ]
        if not same:
            echo = echo_of(claim, passage, comparable)
            if echo is not None:
                # "rose 5%" against "rose 5 percentage points, to 34%": the same number in another unit tells more
                # than the level beside it
                return made_pair(
                    claim, echo, NumberStatus.UNIT_MISMATCH, misread=related_families(claim.family, echo.family)
                )
            other = min(comparable, key=lambda p: (distance(claim, p), offset(claim, p)))
            return different_pair(claim, other, frames)
        comparable = not_earlier(claim, same, frames)
    if comparable:
        best = min(comparable, key=lambda p: (distance(claim, p), _RANK[classify(claim, p)], offset(claim, p)))
        status = classify(claim, best)
        whole = score_pair(claim, best, frames.claim_text, frames.passage_text) if side == "lead" and frames else None
        if whole is not None:
            return whole  # "won 6-4" and "beat ... 6-4": one score told alike
        if claim.is_point and frames is not None and bound_in_row_label(frames.passage_text, best):
            return different_pair(claim, best, frames)  # "| Veterans (over 60) |" names a group, it reports no age
        if status is not NumberStatus.MATCH and frames is not None and item_of_a_total(claim, best, frames):
            return different_pair(claim, best, frames)  # "the largest single cost at £31,000" against the £86,000 total
        if (
            status is NumberStatus.CONSISTENT_WITH_QUALIFIER
            and frames
            and (spread_of_values(claim, best, frames) or bare_bound_met_by_another(frames.claim_text, claim, best))
        ):  # "range in age from 11 to 78" against an average age of 62; "were under 18" against "16 teams"
            return different_pair(claim, best, frames)
        if status is NumberStatus.WITHIN_ROUNDING and frames is not None and frames.overshoots(claim, best):
            status = NumberStatus.MISMATCH
        if (
            status is NumberStatus.CONSISTENT_WITH_QUALIFIER
            and frames is not None
            and frames.limits_differ(claim, best)
        ):
            status = NumberStatus.MISMATCH  # "up to 360 metres" is not the "| Maximum ship length | 350 m |" rule
        if status is NumberStatus.MISMATCH and frames is not None and frames.base_unmet(claim, best):
            return with_reason(
                made_pair(claim, best, NumberStatus.DIFFERENT_THING),
                f"A different figure: the claim's {described(claim)} is the value before the change, and the source's "
                f"{described(best)} is not told as one.",
            )
        # counts of one rated group ("shops rated five") are counts of one thing
        grounded = grounded_pair(claim, best, frames) or (same_group is not None and same_group(claim, best))
        grounded = grounded or aged_alike(claim, best, frames)  # "Zelphine Merriclough, 67" and "MERRICLOUGH: I'm 67"
        row = frames.row_subject(best, claim) if frames is not None and status is NumberStatus.MISMATCH else None
        if status is NumberStatus.MISMATCH and frames is not None and row_held_by_another(claim, best, frames):
            return different_pair(claim, best, frames)  # "| Adult ticket |" for "Adults paid £9 and children £4"
        if frames is not None and status is NumberStatus.MISMATCH and subgroup_row(best, frames):
            return different_pair(claim, best, frames)  # "| Lots sold online |", "| Other streets |": a part's row
        if row and frames is not None and another_figures_row(claim, best, frames):
            row = False  # "Fourteen owners were prosecuted and nine were convicted": "| Owners convicted |" is nine's
        slip = status is NumberStatus.MISMATCH and transposed(claim, best) and slip_counts_alike(claim, best, frames)
        # a row labelled for another noun stays another row, transposed digits or not ("| Students on roll |" is not
        # "2,130 lecturers"); a sum or a measure in a row named otherwise ("| Total cost | £14.6 million |") is tied
        if row is False and frames is not None and not (slip and frames.label_holds_noun(best, claim)):
            return different_pair(claim, best, frames)  # another row of a table: another candidate, another runner
        grounded = grounded or bool(row)
        if status in AGREEING and frames is not None and agreeing_elsewhere(claim, best, frames):
            return different_pair(claim, best, frames)  # another row, or another year's day
        told = change_or_rule_pair(claim, best, status, frames) if frames is not None else None
        if told is not None:
            return told  # the start or end of a change, or a minimum advised (`change_pairs.py`)
        if status in AGREEING:  # an agreeing value of the same named thing needs nothing more
            tied = grounded or synonyms(claim, best) or row_of(claim, best, status, frames)
            return made_pair(claim, best, status, tied)
        echo = echo_of(claim, passage, comparable) if not names_same_thing(claim, best) else None
        if echo is not None:
            return made_pair(
                claim, echo, NumberStatus.UNIT_MISMATCH, misread=related_families(claim.family, echo.family)
            )
        if status is NumberStatus.MISMATCH and frames is not None and not grounded:
            # another figure of the clause agrees (the same sum), the digits are transposed, or both are the value
            # before a change whose end the source confirms
            grounded = frames.clause_confirms(best, claim) or slip or frames.bases_meet(claim, best)
        # the second half of a score whose first half agrees is that score, whatever the times told around it
        score = (
            status is NumberStatus.MISMATCH
            and frames is not None
            and same_score_lead(claim, best, frames.claim_text, frames.passage_text)
        )
        grounded = grounded or score
        if (
            status is NumberStatus.MISMATCH
            and frames is not None
            and not score
            and (not grounded or (frames.other_time(claim, best) and not named_slip(claim, best, frames.passage_text)))
        ):
            return different_pair(claim, best, frames)  # nothing but the unit in common, or figures of two times
        if status is NumberStatus.MISMATCH and frames is not None and not slip and frames.earlier_count(claim, best):
            return with_reason(
                made_pair(claim, best, NumberStatus.DIFFERENT_THING),
                f"An earlier count: the source gives {described(best)} as it stood then, the claim {described(claim)}.",
            )
        if status is NumberStatus.MISMATCH and frames is not None and frames.threshold(claim, best):
            return different_pair(claim, best, frames)  # "waiting more than 52 weeks" picks a group, it measures none
        if status is NumberStatus.MISMATCH and frames is not None and frames.two_moments(claim, best):
            return different_pair(claim, best, frames)  # "failed at 2.15 a.m." / "restored at 14:40": two moments
        if status is NumberStatus.MISMATCH and frames is not None and too_far_apart(claim, best):
            return far_apart_pair(claim, best)  # another row, group or total (`far_apart.py`)
        if slip:
            return with_reason(
                made_pair(claim, best, status, grounded),
                f"The source says {described(best)}, the claim {described(claim)}: the figures disagree, the same "
                "digits in another order (a likely slip in copying the figure).",
            )
        return made_pair(claim, best, status, grounded)
    echo = echo_of(claim, passage, comparable)
    if echo is None:
        echo = next((p for p in passage if related_families(claim.family, p.family)), None)
    if echo is not None:
        return made_pair(claim, echo, NumberStatus.UNIT_MISMATCH, misread=related_families(claim.family, echo.family))
    unlike = [p for p in passage if p.family == claim.family and not counts_compatible(claim, p)]
    if unlike:
        nearest = min(unlike, key=lambda p: (distance(claim, p), offset(claim, p)))
        reason = f"A different figure: the source counts {described(nearest)}, the claim {described(claim)}."
        return with_reason(made_pair(claim, nearest, NumberStatus.DIFFERENT_THING), reason)
    return made_pair(claim, None, NumberStatus.NO_NUMBERS)
