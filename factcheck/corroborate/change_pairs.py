"""A claim figure and its best passage figure decided by what the words around them say of a change or a rule:
the two starts of changes that end apart ("from £5 to £6" and "£9, up from £6.50"), the end of one change and
the start of the next ("from £28 to £32" and "from £32 to £45"), a minimum advised against a figure told as it is
("recommends at least 5,000 sandbags" and "| Sandbags issued | 6,200 |"), and a value to come against the start of
the change to another ("juniors will pay £2.50" and "going up from £2.50 to £3.50"). The words are read by
`figure_limits.py` and `change_ends.py`; this module turns them into pairs with their reasons. Pure functions, no I/O.
"""

from __future__ import annotations

from factcheck.corroborate.change_ends import (
    changes_apart,
    end_meets_base,
    ends_apart,
    future_end,
    shares_of_other_changes,
)
from factcheck.corroborate.figure_limits import bound_against_limit, required_minimum_unmet
from factcheck.corroborate.figure_pairs import described, made_pair, with_reason
from factcheck.corroborate.number_rules import Figure
from factcheck.corroborate.paired_frames import PairedFrames
from factcheck.corroborate.signals import AGREEING, FigurePair, NumberStatus

__all__ = ["change_or_rule_pair"]


def change_or_rule_pair(claim: Figure, best: Figure, status: NumberStatus, frames: PairedFrames) -> FigurePair | None:
    """The pair of `claim` and `best` (compared as `status`) when a change or a rule decides it, else None."""
    claim_text, passage_text = frames.claim_text, frames.passage_text
    agreeing = status in AGREEING
    if (agreeing or status is NumberStatus.MISMATCH) and ends_apart(
        claim_text, passage_text, frames.claim_figures, frames.passage_figures, claim, best
    ):
        return with_reason(
            made_pair(claim, best, NumberStatus.DIFFERENT_THING),
            f"A different figure: the claim's change from {described(claim)} and the source's from "
            f"{described(best)} end at different values.",
        )
    if status in (NumberStatus.MISMATCH, NumberStatus.CONSISTENT_WITH_QUALIFIER) and bound_against_limit(
        claim_text, passage_text, claim, best
    ):
        same = abs(claim.anchor - best.anchor) <= 1e-9 * max(1.0, abs(claim.anchor))
        return with_reason(
            made_pair(claim, best, NumberStatus.MATCH if same else NumberStatus.MISMATCH, grounded=True),
            f"The source's limit of {described(best)} is {'' if same else 'not '}the claim's {described(claim)}.",
        )
    if status is NumberStatus.MISMATCH and changes_apart(
        claim_text, passage_text, frames.claim_figures, frames.passage_figures, claim, best
    ):
        return with_reason(
            made_pair(claim, best, NumberStatus.DIFFERENT_THING),
            f"A different figure: the claim's {described(claim)} and the source's {described(best)} belong to two "
            "changes that share no value.",
        )
    if (agreeing or status is NumberStatus.MISMATCH) and shares_of_other_changes(
        claim_text, passage_text, frames.claim_figures, frames.passage_figures, claim, best
    ):
        return with_reason(
            made_pair(claim, best, NumberStatus.DIFFERENT_THING),
            f"A different figure: the claim's {described(claim)} and the source's {described(best)} measure two "
            "changes that share no value.",
        )
    if not agreeing:
        return None
    if end_meets_base(claim_text, passage_text, claim, best):
        return with_reason(
            made_pair(claim, best, NumberStatus.DIFFERENT_THING),
            f"A different figure: the claim's {described(claim)} is the value after its change, the source's "
            f"{described(best)} the value before another change.",
        )
    if required_minimum_unmet(claim_text, passage_text, claim, best):
        return with_reason(
            made_pair(claim, best, NumberStatus.DIFFERENT_THING),
            f"A different figure: the claim's {described(claim)} is a minimum advised or required, the source's "
            f"{described(best)} a figure told as it is.",
        )
    future = future_end(claim_text, passage_text, frames.claim_figures, frames.passage_figures, claim, best)
    if future is not None:
        return with_reason(
            made_pair(claim, future, NumberStatus.MISMATCH, grounded=True),
            f"The source says {described(future)}, the claim {described(claim)}: its {described(best)} is the value "
            "before the change, the claim's the value to come.",
        )
    return None
