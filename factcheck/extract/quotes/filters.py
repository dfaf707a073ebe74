"""Quoted words that are not speech: titles of works and shows, nicknames, headings, and how words are counted."""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.extract.quotes.lexicon import WORK_NOUNS, words
from factcheck.extract.quotes.marks import QuotedSpan

# A figure with separators ("3,210", "4.7") is one word; "don't" and "Russia’s" are one word.
_WORD = re.compile(r"\d+(?:[.,]\d+)*|[\w'’]+")
_TITLE_SMALL_WORDS = words("a an the of in on at to for and or but by with from as vs is")
_FINAL_STOPS = (".", "!", "?", "…")
MIN_HEADLINE_WORDS = 3
MAX_HEADLINE_WORDS = 25
# The words before an opening mark that make the quote a show's or a publication's name: `on CNN's "`, `on
# "`, `on Fox News’s “`.
_ON_A_SHOW = re.compile(r"\bon(?:\s+(?:[A-Z][\w.&-]*\s+){0,3}[A-Z][\w.&-]*['’]s?)?\s*$")
_WORK_BEFORE = re.compile(r"\b([a-z-]+),?\s*$")
_CAPITALISED_BEFORE = re.compile(r"\b[A-Z][a-z]+\.?\s$")
_CAPITALISED_AFTER = re.compile(r"\s[A-Z][a-z]")


def word_count(stretch: str) -> int:
    return len(_WORD.findall(stretch))


def is_title(quoted: str, *, final_stop: bool = False) -> bool:
    """A name of a work, show, law or a nickname: every longer word capitalised ("Face the Nation," "Miss
    Piggy", "Justice Against Sponsors of Terrorism Act"). A closing full stop ("Yes.", "We Will Win.") makes the
    words a sentence unless `final_stop` says the context has already shown them to be a name."""
    tokens = _WORD.findall(quoted)
    if not tokens or (not final_stop and quoted.rstrip().endswith(_FINAL_STOPS)):
        return False
    small_or_capital = (t[0].isupper() or t.lower() in _TITLE_SMALL_WORDS or t[0].isdigit() for t in tokens)
    return tokens[0][0].isupper() and all(small_or_capital)


def names_a_work(text: str, span: QuotedSpan) -> bool:
    """A title that the words before announce: a show after "on" (`said on CNN's "State of the Union."`), or
    a work after its noun (`the civil rights anthem "A Change Is Gonna Come,"`, `a paper titled "..."`)."""
    before = text[max(0, span.open_start - 60) : span.open_start]
    noun = _WORK_BEFORE.search(before)
    if not (_ON_A_SHOW.search(before) or (noun is not None and noun.group(1) in WORK_NOUNS)):
        return False
    return is_title(_quoted(text, span), final_stop=True)


def is_nickname(text: str, span: QuotedSpan) -> bool:
    """One or two capitalised words quoted between the parts of a name: `Del. Marcia "Cia" Price`."""
    tokens = _WORD.findall(_quoted(text, span))
    if not 1 <= len(tokens) <= 2 or not all(t[0].isupper() for t in tokens):
        return False
    before = text[max(0, span.open_start - 30) : span.open_start]
    after = text[span.close_end : span.close_end + 3]
    return bool(_CAPITALISED_BEFORE.search(before)) and bool(_CAPITALISED_AFTER.match(after))


_MARK_CHARACTERS = frozenset("\"“”„‟«»‘’'‚`")


def blank_marks(text: str, spans: Sequence[QuotedSpan]) -> str:
    """`text` with the quote marks of `spans` replaced by spaces, offsets unchanged."""
    characters = list(text)
    for span in spans:
        for position in [
            *range(span.open_start, span.parts[0][0]),
            *range(span.parts[-1][1], span.close_end),
        ]:
            # Only the marks themselves: with broken marks (`“""` then a new paragraph) the stretch before the
            # first part can hold other characters, which must stay as they are.
            if characters[position] in _MARK_CHARACTERS:
                characters[position] = " "
    return "".join(characters)


def _quoted(text: str, span: QuotedSpan) -> str:
    return " ".join(text[start:end] for start, end in span.parts)


def stands_alone(text: str, open_start: int, close_end: int) -> bool:
    """Whether the quote is a line of its own (a heading or a subheading, when it is also title-cased)."""
    line_start = text.rfind("\n", 0, open_start) + 1
    line_end = text.find("\n", close_end)
    line_end = len(text) if line_end == -1 else line_end
    return not text[line_start:open_start].strip() and not text[close_end:line_end].strip(" .,;:!?")


def is_headline(text: str, position: int) -> bool:
    """Whether the line holding `position` is a headline: a line of its own of `MIN_HEADLINE_WORDS` to
    `MAX_HEADLINE_WORDS` words in which every word longer than three letters, but for "with" or "from", is
    capitalised (`Obama Sees 'Personal Insult' if Blacks Don't Rally`)."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line = text[line_start : len(text) if line_end == -1 else line_end]
    tokens = [t for t in _WORD.findall(line) if t[0].isalpha()]
    if not MIN_HEADLINE_WORDS <= len(tokens) <= MAX_HEADLINE_WORDS:
        return False
    longer = [t for t in tokens if len(t) > 3 and t.lower() not in _TITLE_SMALL_WORDS]
    return all(t[0].isupper() for t in longer)
