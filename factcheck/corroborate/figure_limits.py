"""Limits, read from the words around two figures: whether both are a rule's limit ("up to five nights" and "cap
the charge at seven nights", "| Maximum nights charged per stay | 7 |") and whether they name the same one, or the
claim tells the limit by its bound ("below £36,000"); whether a minimum is advice the source's figure is not; whether
"nearly N" or "up to N" is met. The ends of a change are `change_ends.py`. `paired_frames.PairedFrames` and
`change_pairs.py` ask these for a pair. Pure functions, no I/O.
"""

from __future__ import annotations

import re

from factcheck.corroborate.number_rules import Figure
from factcheck.corroborate.table_rows import row_label
from factcheck.extract import Qualifier

__all__ = [
    "bare_bound_met_by_another",
    "both_limits",
    "bound_not_met",
    "bound_against_limit",
    "limit_apart",
    "limits_differ",
    "required_minimum_unmet",
]

# A limit's words: "capped at", "a maximum of", "limited to", "no more than" (at the end of the text before a figure).
_LIMIT_WORD = re.compile(r"\b(?:cap|caps|capped|capping|maximum|max|limit|limits|limited|ceiling)\b", re.IGNORECASE)
_LIMIT_BEFORE = re.compile(
    r"\b(?:cap|caps|capped|capping|maximum|max|limit|limits|limited|ceiling)\b(?:\s+[\w'-]+){0,3}?\s+(?:at|of|to)\s*$"
    r"|\b(?:no\s+more\s+than|at\s+most)\s*$",
    re.IGNORECASE,
)
_LIMIT_QUALIFIERS = (Qualifier.UP_TO, Qualifier.AT_MOST)
_EXTREME_LABEL = re.compile(r"(?:highest|largest|tallest|longest|deepest|peak)\b", re.IGNORECASE)


def both_limits(claim_text: str, passage_text: str, claim: Figure, passage: Figure) -> bool:
    """Whether each figure is a limit and at least one says so in words: "up to five nights" and "cap the charge at
    seven nights" or "| Maximum nights charged per stay | 7 |" state the same rule's number, whatever else their
    clauses say. Two "up to"s alone are two estimates of a largest value ("waves of up to 3 metres", "repayments
    paused for up to 12 months"), not a rule."""
    at = claim_text.find(claim.surface)
    claim_said = at > 0 and bool(_LIMIT_BEFORE.search(claim_text[max(0, at - 60) : at]))
    label = row_label(passage_text, passage.start)
    if label is not None:
        # a row of the largest value ("| Highest cabin above ground | 58 m |") states the most there was, as a
        # limit states the most allowed: "up to 85 metres" is not it
        passage_said = bool(_LIMIT_WORD.search(label) or _EXTREME_LABEL.match(label.strip()))
    else:
        passage_said = bool(_LIMIT_BEFORE.search(passage_text[max(0, passage.start - 60) : passage.start]))
    claim_limit = claim_said or claim.qualifier in _LIMIT_QUALIFIERS
    passage_limit = passage_said or passage.qualifier in _LIMIT_QUALIFIERS
    return claim_limit and passage_limit and (claim_said or passage_said)


# A rule's or advice's words before a minimum: "recommends that towns keep at least", "must hold a minimum of".
_REQUIRED = re.compile(
    r"\b(?:recommend(?:s|ed|ation)?|advi(?:ce|se|ses|sed)|guidance|should|must|require[sd]?|requirement|minimum"
    r"|obliged|expected\s+to|needs?\s+to)\b",
    re.IGNORECASE,
)


def required_minimum_unmet(claim_text: str, passage_text: str, claim: Figure, passage: Figure) -> bool:
    """Whether `claim` is a minimum that advice or a rule sets ("recommends that towns keep a reserve of at least
    5,000 sandbags") and `passage` a figure told without any such words (a count of bags issued, a row of bags
    filled): a count is not the advice, whether it meets the minimum or not."""
    minimum = (Qualifier.AT_LEAST, Qualifier.MORE_THAN)
    if claim.qualifier not in minimum or passage.qualifier in minimum:
        return False  # a minimum told as one ("at least 25 years", "21 or over") is the same rule
    at = claim_text.find(claim.surface)
    opening = max(claim_text.rfind(". ", 0, at), 0)
    if at < 0 or not _REQUIRED.search(claim_text[opening:at]):
        return False
    label = row_label(passage_text, passage.start)
    told = label if label is not None else passage_text[max(0, passage.start - 120) : passage.start]
    return not _REQUIRED.search(told)


def bound_against_limit(claim_text: str, passage_text: str, claim: Figure, passage: Figure) -> bool:
    """Whether the claim tells a limit by its bound that the source states as a limit: "a household income below
    £36,000" and "| Household income limit | £36,000 |", "under 5 tonnes" and "a weight limit of 5 tonnes". The
    two numbers are then the same rule's, equal or not (`both_limits` is the case of "up to")."""
    if claim.qualifier not in (Qualifier.LESS_THAN, Qualifier.AT_MOST, Qualifier.MORE_THAN, Qualifier.AT_LEAST):
        return False
    if passage.qualifier is not None or claim.family == "percent":
        return False  # a share is told as a bound far more often than as a rule's limit
    label = row_label(passage_text, passage.start)
    told = label if label is not None else passage_text[max(0, passage.start - 60) : passage.start]
    told = _PAST_THE_LIMIT.sub(" ", told)  # "| Notices for 1 to 10 mph over the limit |" names no limit's value
    return bool((_LIMIT_WORD if label is not None else _LIMIT_BEFORE).search(told) or _THRESHOLD.search(told))


_PAST_THE_LIMIT = re.compile(r"\b(?:over|under|above|below|within|past|beyond)\s+the\s+(?:speed\s+)?limit\b", re.I)


_THRESHOLD = re.compile(r"\bthreshold\b", re.IGNORECASE)


def limits_differ(claim_text: str, passage_text: str, claim: Figure, passage: Figure) -> bool:
    """Whether two limits (`both_limits`) name different largest values: "up to 360 metres" allows 350 but is not
    the rule "| Maximum ship length | 350 m |" states. A rule's number is written as set, not rounded: the finer
    of the two precisions decides ("up to 300 kg" is not "a limit of 250 kg")."""
    slack = min(claim.precision, passage.precision) / 2
    return both_limits(claim_text, passage_text, claim, passage) and abs(claim.anchor - passage.anchor) > slack


# "nearly 7,900", "almost 600,000", "just under 50": a value told from below, which a source's "more than 8,000"
# or "at least 7,900" cannot be.
_FROM_BELOW = re.compile(r"\b(?:nearly|almost|just\s+(?:under|below|short\s+of)|not\s+quite)\s+$", re.IGNORECASE)
_RISE_UP_TO = re.compile(
    r"\b(?:go|goes|going|gone|went|rise|rises|rising|risen|rose|climb\w*|move\w*|put|puts|push\w*)\s+up\s+to\s*$",
    re.IGNORECASE,
)
_AHEAD = re.compile(
    r"\b(?:will|would|could|can|may|might|should|shall|(?:expected|planned|due|set)\s+to)\b", re.IGNORECASE
)
_UP_TO_REACH = 1.1  # "up to 11 hours" tells the longest: a source's longest at 9 hours is another figure


def bound_not_met(claim_text: str, claim: Figure, passage: Figure, passage_text: str = "") -> bool:
    """Whether a claim's hedge or bound leaves out the source's value although a loose reading allows it: "nearly
    7,900" against "more than 8,000" (a value told from below against a floor above it), or "up to 11 hours"
    against "closed for nine hours" (the largest value told of what happened is not the source's, more than a tenth
    below it; not "will go up to £9.50", a rise, nor "could last up to 72 hours" against a value also to come)."""
    at = claim_text.find(claim.surface)
    if claim.hedged and at >= 0 and _FROM_BELOW.search(claim_text[max(0, at - 20) : at]):
        return passage.qualifier in (Qualifier.MORE_THAN, Qualifier.AT_LEAST) and passage.low >= claim.anchor
    if claim.qualifier is Qualifier.UP_TO and passage.is_point and 0 < passage.anchor < claim.anchor:
        rise = at >= 0 and _RISE_UP_TO.search(claim_text[max(0, at - 30) : at])  # "will go up to £9.50": a rise
        # "could last up to 72 hours" against "could be without power for 48 hours": a ceiling to come allows less
        # told to come; what happened ("were closed for up to 11 hours") tells the largest value there was, and a
        # ceiling ("could support up to 60 wolves") is not met by a count found ("found 31 wolves")
        ahead = (
            at >= 0
            and _AHEAD.search(claim_text[max(0, at - 60) : at])
            and _AHEAD.search(passage_text[max(0, passage.start - 60) : passage.start])
        )
        return not rise and not ahead and claim.anchor / passage.anchor > _UP_TO_REACH
    return False


def limit_apart(claim_text: str, passage_text: str, claim: Figure, passage: Figure) -> bool:
    """`limits_differ` or `bound_not_met`: a claim's limit, bound or hedge that the source's value does not meet."""
    return limits_differ(claim_text, passage_text, claim, passage) or bound_not_met(
        claim_text, claim, passage, passage_text
    )


_CEILINGS = frozenset({Qualifier.LESS_THAN, Qualifier.AT_MOST, Qualifier.UP_TO})


def bare_bound_met_by_another(claim_text: str, claim: Figure, passage: Figure) -> bool:
    """Whether the claim's figure is a ceiling on a bare number naming nothing ("spectators were under 18") and the
    passage's a count of something the claim's sentence does not name ("16 teams"): any smaller count meets "under
    18", so the value ties nothing."""
    if claim.qualifier not in _CEILINGS or claim.measured or claim.family != "count" or passage.family != "count":
        return False
    noun = (passage.measured or "").lower()
    return bool(noun) and re.search(rf"\b{re.escape(noun.rstrip('s'))}", claim_text, re.IGNORECASE) is None
