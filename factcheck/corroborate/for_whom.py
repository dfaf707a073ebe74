"""What or whom a figure is for, read in its clause: "£206,200 for the hospice", "a median wait of nine months for
orthopaedics", "a separate count" or "the sister ship" (another one of the same kind). Two figures told for different
ones count different things (`figure_frames.frame_difference`). Pure functions, no I/O.
"""

from __future__ import annotations

import re

from factcheck.corroborate.event_words import STOPWORDS, content_stems

__all__ = ["for_another"]

# "a median wait of nine months for orthopaedics", "The median wait for ophthalmology": what or whom a figure is for.
_FOR = re.compile(r"\bfor\s+(?:the\s+|a\s+|an\s+)?([A-Za-z][A-Za-z-]{3,})\b")


# "Thornbeck District carried out a separate count", "the sister ship, the Orla Marel": another one of the same kind
# ("two separate attacks" counts the attacks the claim may report, so only "a separate ..."; "his sister" is a
# person, so only a sister ship, company, site ...).
_OTHER_ONE = re.compile(
    r"\ba\s+separate\s+[a-z]+|\bsister\s+(?:ship|vessel|ferry|company|plant|site|hospital|school|station|paper"
    r"|newspaper|airline|brand|organi[sz]ation|project|city|town|refinery|mine|factory|fund|charity)\b",
    re.IGNORECASE,
)


# "for example"; a stretch of time ("the hall fee of £5,600 for the weekend") says for how long, not for whom
_NOT_FOR_WHOM = frozenset(
    """example instance free good sure once while long weekend weekends season seasons fortnight decade summer
    winter spring autumn""".split()
)


def _for_whom(clause: str) -> dict[str, str]:
    """The words of the phrase after "for" in a figure's clause, by stem, each shown by the phrase's first word
    (function and time words left out): "for the Crosmere Village Hall Trust" and "for the repair of the village hall
    roof" share the hall."""
    found: dict[str, str] = {}
    for match in _FOR.finditer(clause):
        first = match.group(1)
        if first.lower() in STOPWORDS or first.lower() in _NOT_FOR_WHOM:
            continue
        phrase = re.split(r"[,;:.()]", clause[match.start(1) : match.start(1) + 60])[0]
        for word_stem in content_stems(" ".join(phrase.split()[:6]), _NOT_FOR_WHOM):
            found.setdefault(word_stem, first)
    return found


# "for the charity", "for the hospice's appeal": a one-word kind after "the" refers back to the one named before
_REFERS_BACK = re.compile(r"\bfor\s+the\s+[a-z]{3,}(?:['\u2019]s)?(?![\w-])(?!\s+[a-z]{3,}(?<!and)\b)")


def _names_one(clause: str) -> bool:
    """Whether the clause tells whom its figure is for by a name ("for Hollin Hospice")."""
    return any(match.group(1)[0].isupper() for match in _FOR.finditer(clause))


def for_another(
    claim_sentence: str, claim_clause: str, passage_sentence: str, passage_clause: str
) -> tuple[str, str] | None:
    """What sets the passage's figure apart by what or whom it is for, as two phrases (the passage's, the
    claim's): another one of the same kind in the passage's sentence, or for-phrases that share no word. A one-word
    kind ("for the charity") against a name ("for Hollin Hospice") is the same one told again."""
    other_one = _OTHER_ONE.search(passage_sentence)
    if other_one and not _OTHER_ONE.search(claim_sentence):
        return f"for \u201c{other_one.group(0)}\u201d", "for the one it names"
    claim_for, passage_for = _for_whom(claim_clause), _for_whom(passage_clause)
    if not claim_for or not passage_for or set(claim_for) & set(passage_for):
        return None
    if (_REFERS_BACK.search(passage_clause) and _names_one(claim_clause)) or (
        _REFERS_BACK.search(claim_clause) and _names_one(passage_clause)
    ):
        return None
    return (
        f"for {', '.join(dict.fromkeys(passage_for.values()))}",
        f"for {', '.join(dict.fromkeys(claim_for.values()))}",
    )
