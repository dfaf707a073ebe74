"""Attributions introduced by a colon: the subject of the clause that ends in it (`Sanders made the following
comment: "..."`, `Statement by Leon Mbatha, regional organiser: "..."`), or a speaker phrase alone before it at a
line's start (`Warren: "..."`, headlines and transcripts). Split from `attribution.py` by concept; `finding.py`
decides when to read them.
"""

from __future__ import annotations

from factcheck.extract.quotes.attribution import SPEAKER_BOUNDARY, Attribution, clause_segments
from factcheck.extract.quotes.lexicon import CLAUSE_WORDS, OPENING_WORDS
from factcheck.extract.quotes.phrases import SpeakerKind, Token, leading_speaker, parse_speaker, tokens_of

__all__ = ["attribution_colon_sentence", "attribution_headline_colon"]


def attribution_colon_sentence(text: str, sentence_start: int, colon: int) -> Attribution | None:
    """`Sanders made the following comment:` before a quote: the subject of the clause ending in the colon,
    with ":" as the cue (`..., that I had to change my answer:` -> "I")."""
    for start, end in reversed(clause_segments(text, sentence_start, colon)):
        tokens = tokens_of(text, start, end)
        while tokens and tokens[0].lower in CLAUSE_WORDS:
            tokens = tokens[1:]
        tokens = _after_statement_noun(tokens)
        if not tokens or tokens[0].lower in OPENING_WORDS or tokens[0].word[0].isdigit():
            continue
        speaker = leading_speaker(text, tokens[0].start, end)
        if speaker is not None:
            return Attribution(speaker, ":", True, colon + 1)
    return None


# "Statement by Leon Mbatha, regional organiser:", "A joint statement from the mayors:": the words that follow are
# the named author's, not the statement's.
_STATEMENT_NOUNS = frozenset(
    "statement statements remarks comment comments message letter response reply tribute testimony speech".split()
)
_STATEMENT_LEAD = frozenset("a an the joint written full short brief further".split())


def _after_statement_noun(tokens: list[Token]) -> list[Token]:
    """`tokens` without a leading "Statement by" / "A joint statement from" (the author follows), else unchanged."""
    position = 0
    while position < len(tokens) and tokens[position].lower in _STATEMENT_LEAD:
        position += 1
    if (
        position + 2 < len(tokens)
        and tokens[position].lower in _STATEMENT_NOUNS
        and tokens[position + 1].lower in ("by", "from", "of")
    ):
        return tokens[position + 2 :]
    return tokens


def attribution_headline_colon(
    text: str, line_start: int, open_start: int, headline: bool = False
) -> Attribution | None:
    """`Warren: "..."` — a speaker phrase alone before a colon at a line's start (headlines, transcripts). In
    a `headline`, other words may stand between the colon and the quote that closes the line (`Pat Caddell:
    Democrat Voters Worried ...; It’s ‘in Their Heads.’`), the attribution then not adjacent, and the speaker
    may come with a topic (`Obama on Climate Change: The Trends Are 'Terrifying.'`)."""
    before = text[line_start:open_start].rstrip()
    colon = len(before) - 1 if before.endswith(":") else (before.find(":") if headline else -1)
    if colon < 0 or SPEAKER_BOUNDARY.search(before[:colon]):
        return None
    speaker = parse_speaker(text, line_start, line_start + colon)
    topic = before.find(" on ", 0, colon)
    if speaker is None and headline and topic > 0:
        speaker = parse_speaker(text, line_start, line_start + topic)  # `Obama on Climate Change: ...`
    if speaker is None or speaker.kind is SpeakerKind.PRONOUN:
        return None
    return Attribution(speaker, ":", colon == len(before) - 1, speaker.end + 1)
