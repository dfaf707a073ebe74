"""Whether a percentage is a change, a level or a share of people for or against something, from the words around
it: "rose 7 percent", "up by 7 percent", "an increase of 18 percent on the same date last year", "a 15 percent cut",
a signed table cell "+14.0%" are changes;
"fell to 1.8 percent", "stood at 2.9 percent", "of 34 percent" are levels. A change set against a level of the same
number is another figure (`figure_kinds.py`), and so is "71 percent opposed the rise" against the rise itself
(`of_opinion`). Pure functions, no I/O.
"""

from __future__ import annotations

import re

from factcheck.corroborate.event_words import content_stems

__all__ = ["movement_at", "of_opinion", "said_of_share"]

_MOVES = (
    r"ris(?:e|es|en|ing)|rose|jump(?:s|ed|ing)?|climb(?:s|ed|ing)?|increas(?:e|es|ed|ing)|grow(?:s|n|ing)?|grew"
    r"|soar(?:s|ed|ing)?|surg(?:e|es|ed|ing)|gain(?:s|ed|ing)?|fall(?:s|en|ing)?|fell|drop(?:s|ped|ping)?"
    r"|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)|shr[iau]nk(?:s|ing)?"
    r"|cut|lost|los(?:e|es|ing)|reduc(?:e|es|ed|ing)|lower(?:s|ed|ing)?|rais(?:e|es|ed|ing)|boost(?:s|ed|ing)?"
    r"|slash(?:es|ed|ing)?|up|down"
)
# the words that may hedge a figure after its verb: "cut deaths by more than 70 percent"
_HEDGE = r"(?:\s+(?:some|about|almost|nearly|around|roughly|more\s+than|less\s+than|over|under|at\s+least))?"
# "rose 7 percent", "up by 7 percent": a change; "fell to 1.8 percent", "stood at 2.9 percent": a level.
# "cut the phosphorus reaching the lake by about 15 percent": the verb's object may stand between it and "by".
_CHANGE_BEFORE = re.compile(rf"\b(?:{_MOVES})(?:(?:\s+[\w'-]+){{0,5}}?\s+by)?{_HEDGE}\s*$", re.I)
_LEVEL_BEFORE = re.compile(
    rf"\b(?:(?:{_MOVES})\s+to|stood\s+at|stands\s+at|was|were|is|are|reached|of)(?:\s+(?:some|about|almost|nearly"
    r"|around|roughly))?\s*$",
    re.IGNORECASE,
)
# "an increase of 18 percent on the same date last year": the noun of a change before "of" and the time it is
# measured from after the figure (not a level's "of"; "a pay rise of 11 percent over three years" may be a rise
# told as the level of the pay offer).
_CHANGE_OF = re.compile(
    r"\b(?:increases?|rises?|falls?|drops?|reductions?|decreases?|declines?|jumps?|growth|gains?)\s+of"
    rf"{_HEDGE}\s*$",
    re.IGNORECASE,
)
_DOWN_NOUN = re.compile(r"(?:falls?|drops?|reductions?|decreases?|declines?)\b", re.IGNORECASE)
_CHANGE_BASE_AFTER = re.compile(
    # "an increase of 18 percent on the same date", "a rise of 28 percent in the city centre compared with the same"
    r"\s*(?:percent|per\s+cent|%)?(?:\s+in\s+(?:the\s+)?[a-z]+(?:\s+[a-z]+)?)?"
    r"\s+(?:on|from|over|compared\s+with|than)\s+(?:the\s+)?(?:same|last|previous|a\s+year"
    r"|(?:19|20)\d\d)\b",
    re.IGNORECASE,
)
_SIGNED = re.compile(r"(?:^|[\s|(])[+\-\u2212]\d")
_MADE_UP = re.compile(rf"\b(?:make|makes|made|making|take|takes|took|add|adds|added|sum|sums)\s+up{_HEDGE}\s*$", re.I)
_CHANGE_AFTER = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:rise|rises|increase|increases|cut|cuts|fall|falls|drop|drops|reduction|decline|jump|gain"
    r"|growth|decrease)\b",
    re.IGNORECASE,
)

# "were 18 percent lower than in 2022": a figure set against another time's by a comparative is a change, whatever
# verb stands before it
_COMPARED_AFTER = re.compile(
    r"\s*(?:percent|per\s+cent|%)?\s+(?:higher|lower|more|less|fewer|greater|smaller|bigger|larger|cheaper|dearer)"
    r"\s+than\b",
    re.IGNORECASE,
)


def movement_at(sentence: str, start: int, end: int) -> str | None:
    """ "change", "level" or None for the percentage at [start, end) of `sentence`."""
    before_text = sentence[max(0, start - 80) : start]
    change_of = _CHANGE_OF.search(before_text)
    movement = (
        "change"
        # "a fall of 72 percent" is a change; "a pay rise of 11 percent" may be the offer's level, unless a base
        # follows ("an increase of 18 percent on the same date last year")
        if change_of and (_CHANGE_BASE_AFTER.match(sentence, end) or _DOWN_NOUN.match(change_of.group(0)))
        else "level"
        if _LEVEL_BEFORE.search(before_text)
        else "change"
        if _CHANGE_BEFORE.search(before_text)
        else None
    )
    if movement == "level" and _COMPARED_AFTER.match(sentence, end):
        movement = "change"  # "were 18 percent lower than in 2022"
    if movement == "change" and _MADE_UP.search(before_text):
        movement = None  # "make up 12 percent of all jobs": a share, not a rise
    if movement is None and _CHANGE_AFTER.match(sentence, end):
        movement = "change"  # "a 15 percent cut in phosphorus"
    if movement is None and _SIGNED.search(sentence[max(0, start - 2) : start + 2]):
        movement = "change"  # "| Homicide | 164 | 187 | +14.0% |": a signed share is a change
    return movement


# A share of people who hold a view, told after the figure ("71 percent opposed the rise", "58 percent of
# respondents were in favour") or in its row's label ("| Opposed to the rise, all respondents | 71% |").
_OPINION_WORDS = (
    r"opposed|oppose|supported|support|backed|favoured|favored|favour|favor|agreed|disagreed|objected|approved"
    r"|approve|disapproved|disapprove|wanted|preferred|against"
)
_OPINION_AFTER = re.compile(
    r"\s*(?:percent|per\s+cent|%)?\s*(?:of\s+(?:them|those\s+(?:who\s+)?\w+|respondents|people|residents|voters"
    r"|members|parents|staff|the\s+\w+)\s+|[a-z]+s\s+)?(?:(?:were|are|was|is|said\s+they|say\s+they)\s+)?"
    rf"(?:strongly\s+)?(?:in\s+favou?r|{_OPINION_WORDS})\b",
    re.IGNORECASE,
)
# in a row's label, only words that say for or against ("| Council tax support, largest reduction |" is a benefit)
_OPINION_LABEL = re.compile(r"\b(?:in\s+favou?r|opposed|supported|backed|against)\b", re.IGNORECASE)


def of_opinion(sentence: str, end: int) -> bool:
    """Whether the percentage ending at `end` is a share of people for or against something."""
    if _OPINION_AFTER.match(sentence, end):
        return True
    stripped = sentence.lstrip()
    if stripped.startswith("|"):
        label = stripped[1:].split("|", 1)[0]
        return bool(_OPINION_LABEL.search(label))
    return False


# "a quarter of visitors were under 18", "around 30 percent of all visitors stayed at least one night": a share of a
# group named after "of", then what is said of that part of it, to the end of the clause
_SAID_OF = re.compile(
    r"\s+of\s+(?:all\s+)?(?:the\s+|its\s+|their\s+|our\s+)?(?:[a-z'\u2019-]+\s+){0,2}?[a-z]+s\s+"
    r"(?:who\s+|that\s+)?(?P<said>(?:was|were|are|is|had|have|came|stayed|said|[a-z]+ed)\b[^,;:.()\n]{0,60})",
    re.IGNORECASE,
)


def said_of_share(sentence: str, end: int) -> frozenset[str]:
    """The content stems and numbers of what is said of the group a share ending at `end` counts part of ("were
    under 18" -> {"18"}; "stayed at least one night in the city" -> {"stay", "city"}), or none when the words after
    it do not name a group and a verb."""
    found = _SAID_OF.match(sentence, end)
    if found is None:
        return frozenset()
    return content_stems(found["said"]) | frozenset(re.findall(r"\d+", found["said"]))
