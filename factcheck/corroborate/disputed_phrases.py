"""Which of a sentence's figures a source may confirm apart from one it contradicts: not a figure in one phrase with
the contradicted one ("one toilet for every 120 people", "£5.4 million over three years"), nor a bound right after it
that picks out who it counts ("43 percent stayed at least one night"). `stance.py` reads the passage again against
the figures kept. Pure functions, no I/O.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.corroborate.number_rules import BOUND_QUALIFIERS, Figure
from factcheck.extract import Quantity
from factcheck.extract.figures import find_quantities

__all__ = ["SCORE_LEAD", "bound_of", "confirmable_apart", "duration_threshold"]


def confirmable_apart(
    sentence: str, quantities: Sequence[Quantity], contradicted: Sequence[str]
) -> tuple[Quantity, ...]:
    """The quantities of `sentence` other than the `contradicted` ones (their surfaces, or a part of one: "6 minutes"
    of the contradicted "6 minutes 18 seconds") and those tied to them."""
    disputed = [sentence.find(surface) for surface in contradicted]
    return tuple(
        q
        for q in quantities
        if not any(re.search(rf"(?<![\w.,]){re.escape(q.surface)}(?!\w)", surface) for surface in contradicted)
        and not any(_one_phrase(sentence, at, sentence.find(q.surface)) for at in disputed if at >= 0)
        and not any(bound_of(sentence, at, q) for at in disputed if at >= 0)
    )


# Two figures of one phrase: a short stretch between them with no comma, semicolon or conjunction, ending in a word
# that ties the second to the first: a rate ("one toilet for every 120 people"), a part and its whole ("46 of 71
# schools"), the period of an amount ("£5.4 million over three years", "62 aircraft took part across the two days"),
# the two ends of a change or a vote ("from 68 euros to 81 euros", "34 to 19"), the halves of a score ("21-14").
# Round16, held out, showed the cost of confirming them apart: three supports on a figure mismatch in one run (a
# confirmed period beside a disputed amount); round44 two more (the 21 of a bowls score "21-14" against "21-17").
_PHRASE_GAP = re.compile(
    r"[^,;:()\n]{0,24}\b(?:every|per|each|a|an|of|over|for|in|within|during|across|throughout|to|by"
    r"|on\s+the\s+same)\s+(?:the\s+)?"  # "up 18 percent on the same ten days last year": the change's base period
)
_SPREAD_WORD = re.compile(r"\b(?:across|throughout)\s+(?:the\s+)?$")
_PERIOD_AFTER = re.compile(r"[\w.,-]*\s+(?:days?|nights?|weeks?|weekends?|months?|years?|hours?|seasons?)\b", re.I)
_FIGURE_TOKEN = re.compile(r"^[\w.,%$£€-]*")
# the first half of a score before its second: "21-" of "won 21-14", "14½-", "by 14½ rounders to " (also read by
# `figure_pairs.same_score_lead`)
SCORE_LEAD = re.compile(r"(?<![\d.,])(\d+(?:½|\.5)?)(?:\s?[-\u2013]\s?|\s+(?:[a-z]+\s+)?to\s+)$")
_CONJUNCTION = re.compile(r"\b(?:and|but|while|whereas|or)\b", re.IGNORECASE)


def _one_phrase(sentence: str, first: int, second: int) -> bool:
    """Whether the figures starting at `first` and `second` of `sentence` belong to one phrase (`_PHRASE_GAP`)."""
    if second < 0 or first == second:
        return False
    low, high = sorted((first, second))
    gap = sentence[low:high]
    if SCORE_LEAD.fullmatch(gap):
        return True
    gap = _FIGURE_TOKEN.sub("", gap, count=1)  # past the first figure itself
    if not _PHRASE_GAP.fullmatch(gap) or _CONJUNCTION.search(gap):
        return False
    # "across" and "throughout" tie a period ("across the two days"), not a spread ("across 31 zones")
    return not _SPREAD_WORD.search(gap) or bool(_PERIOD_AFTER.match(sentence, high))


# A bound of time or distance a few words after a figure, in its clause, past a verb of staying, living, waiting or
# travelling: "43 percent stayed at least one night", "1,200 waited more than 18 weeks", "520,000 people now live
# more than 5 km from a pharmacy", "210,000 people are aged 85 or over": it picks out who the figure counts, and
# agreeing confirms nothing of the count. ("More than 5,000 people came", "fewer than 300 today" are counts.)
_BOUND_GAP = re.compile(r"[^,;:()\n\d]{0,40}")
_BOUND_VERB = re.compile(
    r"\b(?:liv\w*|stay(?:s|ed|ing)?|wait(?:s|ed|ing)?|aged|travel(?:s|led|ling)?|spen[dt]\w*)\b",
    re.IGNORECASE,
)
_TIME_NOUNS = frozenset({"night", "nights", "day", "days", "week", "weeks", "month", "months", "year", "years"})


def bound_of(sentence: str, disputed_at: int, quantity: Quantity) -> bool:
    """Whether `quantity` is a bound of time or distance a few words after the figure at `disputed_at` of
    `sentence`, in its clause, that picks out who that figure counts."""
    at = sentence.find(quantity.surface)
    if quantity.qualifier not in BOUND_QUALIFIERS or at <= disputed_at:
        return False
    if quantity.dimension not in ("duration", "length") and (quantity.measured or "").lower() not in _TIME_NOUNS:
        return False
    gap = _FIGURE_TOKEN.sub("", sentence[disputed_at:at], count=1)
    return bool(_BOUND_GAP.fullmatch(gap)) and len(gap.split()) <= 6 and bool(_BOUND_VERB.search(gap))


_COUNTED_GROUP = re.compile(r"\b(?:number|numbers|share|proportion)\s+(?:of\s+\w+\s+)?(?:\w+ing)\b", re.IGNORECASE)


def duration_threshold(figure: Figure, clause: str) -> bool:
    """A duration bound in a clause that counts those it applies to: another figure counting them ("21,700
    patients"), or "the number (of people) waiting"."""
    if figure.family != "second" or figure.qualifier not in BOUND_QUALIFIERS:
        return False
    others = [q for q in find_quantities(clause) if q.dimension == "count" and q.surface != figure.surface]
    return bool(others) or bool(_COUNTED_GROUP.search(clause))
