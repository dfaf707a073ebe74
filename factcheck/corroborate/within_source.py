"""A figure conflict the source settles itself: when another passage of the same document confirms the very claim
figure a passage gives otherwise, that passage's figure counts something else (another row of the table, another
group, the year before), not the claim's thing. A report does not contradict itself: "| Upland parishes | 5.9 |"
confirms "an average of 5.9 kg a hive in the upland parishes", and the same table's "| Average yield per hive
(kg) | 8.4 |" is the county's average, not a second value for the uplands.

Pure logic over the cards `check.judge` built for one claim: nothing is searched or read again.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import replace

from factcheck.corroborate.figure_pairs import overall_status
from factcheck.corroborate.signals import AGREED_LINE, FigurePair, NumberStatus, Signals, Stance, shortened
from factcheck.corroborate.table_rows import WHOLE_WORDS

_BY_VALUE = (NumberStatus.MATCH, NumberStatus.WITHIN_ROUNDING)


def settled_within_sources(cards: Sequence[tuple[Hashable, str, Signals]], sentence: str = "") -> list[Signals]:
    """The signals of `cards` (each: its document's key, its passage text, its signals), with every figure conflict
    whose contradicted figures another card of the same document confirms read again without them: a support of
    the figures it does confirm (the `agreed` reading), or related; and, given the claim's `sentence`, the rows of
    one table that contradict one claim figure kept only where the row names who the figure's clause names
    (`_rows_of_another_party`)."""
    confirmed: dict[Hashable, dict[str, str]] = {}  # document -> claim figure -> the first passage confirming it
    for key, text, signals in cards:
        for surface in _confirmed(signals):
            confirmed.setdefault(key, {}).setdefault(surface, text)
    # a conflict confirms nothing (`_confirmed`), so what confirms its figures is always another passage
    settled = [_settled(signals, confirmed.get(key, {})) for key, _, signals in cards]
    return _rows_of_another_party(cards, settled, sentence) if sentence else settled


_NAME_WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")
_WHOLE = re.compile(rf"\b(?:{'|'.join(sorted(WHOLE_WORDS))})\b", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,;]|\s+(?:and|but|with|while)\s+")


def _rows_of_another_party(
    cards: Sequence[tuple[Hashable, str, Signals]], settled: list[Signals], sentence: str
) -> list[Signals]:
    """Two or more rows of one table contradicting the same claim figure ("The Kelmorth Agency put £27 million
    into the project" against "| Kelmorth Agency grant | 22 |" and "| Verdano Composites equity | 48 |"): when some
    rows' labels name a capitalised word of the figure's own clause and others name none, those others are rows of
    another party or item, not a second value for the claim's (a funding table lists every funder); a total's row
    stays."""
    rows: dict[tuple[Hashable, str], list[int]] = {}
    for index, ((key, text, _), signals) in enumerate(zip(cards, settled, strict=True)):
        if signals.stance is Stance.CONFLICTS and signals.numbers is not None and _label(text):
            for surface in signals.numbers.disputed:
                rows.setdefault((key, surface), []).append(index)
    result = list(settled)
    for (_, surface), indexes in rows.items():
        own = set(_NAME_WORD.findall(_clause_of(sentence, surface)))
        naming = [i for i in indexes if own & set(_NAME_WORD.findall(_label(cards[i][1])))]
        if len(indexes) < 2 or not naming or len(naming) == len(indexes):
            continue
        for i in indexes:
            numbers = result[i].numbers
            if (
                i in naming
                or numbers is None
                or set(numbers.disputed) != {surface}
                or _WHOLE.search(_label(cards[i][1]))
            ):
                continue  # a total's row ("| Public subsidy, total |") is every party's
            reason = (
                f"A different row: “{shortened(_label(cards[i][1]))}” names none of “{', '.join(sorted(own))}”,"
                f" whose {surface} the claim gives, and another row of this table does."
            )
            result[i] = replace(result[i], stance=Stance.RELATED, reasons=(reason, *result[i].reasons), confidence=0.0)
    return result


def _label(text: str) -> str:
    """The first cell of a passage that is one table row ("| Verdano Composites equity | 48 |"), or ""."""
    lines = [line.strip() for line in text.splitlines() if line.strip() and not set(line.strip()) <= set("|-: ")]
    if len(lines) != 1 or not lines[0].startswith("|"):
        return ""
    cells = [cell.strip() for cell in lines[0].strip("|").split("|")]
    return cells[0] if cells else ""


def _clause_of(sentence: str, surface: str) -> str:
    """The clause of `sentence` that holds `surface`: from the comma or semicolon before it to the next break."""
    at = sentence.find(surface)
    if at < 0:
        return ""
    start = max(sentence.rfind(",", 0, at), sentence.rfind(";", 0, at)) + 1
    end = _CLAUSE_END.search(sentence, at + len(surface))
    return sentence[start : end.start() if end else len(sentence)]


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
