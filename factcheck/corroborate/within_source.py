"""A figure conflict the source settles itself: when another passage of the same document confirms the very claim
figure a passage gives otherwise, that passage's figure counts something else (another row of the table, another
group, the year before), not the claim's thing. A report does not contradict itself: "| Upland parishes | 5.9 |"
confirms "an average of 5.9 kg a hive in the upland parishes", and the same table's "| Average yield per hive
(kg) | 8.4 |" is the county's average, not a second value for the uplands.

Pure logic over the cards `check.judge` built for one claim: nothing is searched or read again.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import replace

from factcheck.corroborate.numbers import overall_status
from factcheck.corroborate.signals import AGREED_LINE, FigurePair, NumberStatus, Signals, Stance, shortened

_BY_VALUE = (NumberStatus.MATCH, NumberStatus.WITHIN_ROUNDING)


def settled_within_sources(cards: Sequence[tuple[Hashable, str, Signals]]) -> list[Signals]:
    """The signals of `cards` (each: its document's key, its passage text, its signals), with every figure conflict
    whose contradicted figures another card of the same document confirms read again without them: a support of
    the figures it does confirm (the `agreed` reading), or related."""
    confirmed: dict[Hashable, dict[str, str]] = {}  # document -> claim figure -> the first passage confirming it
    for key, text, signals in cards:
        for surface in _confirmed(signals):
            confirmed.setdefault(key, {}).setdefault(surface, text)
    # a conflict confirms nothing (`_confirmed`), so what confirms its figures is always another passage
    return [_settled(signals, confirmed.get(key, {})) for key, _, signals in cards]


def _confirmed(signals: Signals) -> tuple[str, ...]:
    """The claim figures a support confirms by value: the same figure, or the same within rounding. A claim's
    "more than 1,400" is consistent with many figures; that one of them is elsewhere settles nothing."""
    if signals.stance is not Stance.SUPPORTS or signals.numbers is None or signals.quote is not None:
        return ()
    return tuple(p.claim_surface for p in signals.numbers.pairs if p.status in _BY_VALUE)


def _settled(signals: Signals, elsewhere: dict[str, str]) -> Signals:
    numbers = signals.numbers
    if signals.stance is not Stance.CONFLICTS or numbers is None or signals.quote is not None:
        return signals
    disputed = numbers.disputed
    if not disputed or any(surface not in elsewhere for surface in disputed):
        return signals
    pairs = tuple(_other_thing(pair, elsewhere) if pair.claim_surface in disputed else pair for pair in numbers.pairs)
    dropped = {pair.reason for pair in numbers.pairs if pair.claim_surface in disputed}
    reasons = [reason for reason in signals.reasons if reason not in dropped and not reason.startswith(AGREED_LINE)] + [
        pair.reason for pair in pairs if pair.claim_surface in disputed
    ]
    reread = replace(numbers, status=overall_status(pairs), pairs=pairs)
    if signals.agreed:
        return replace(
            signals,
            stance=Stance.SUPPORTS,
            reasons=tuple(reasons),
            numbers=reread,
            confidence=signals.agreed_confidence,
            agreed=(),
            agreed_confidence=0.0,
        )
    return replace(signals, stance=Stance.RELATED, reasons=tuple(reasons), numbers=reread, confidence=0.0)


def _other_thing(pair: FigurePair, elsewhere: dict[str, str]) -> FigurePair:
    where = shortened(elsewhere[pair.claim_surface])
    reason = (
        f"A different figure: the same source confirms the claim's {pair.claim_surface} elsewhere (“{where}”), so its"
        f" {pair.passage_surface} here counts something else."
    )
    return replace(pair, status=NumberStatus.DIFFERENT_THING, reason=reason, grounded=False)
