"""The words around a figure: whether it is a year, a label, a name or a pronoun, its qualifier, what it counts."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable

from factcheck.extract.figures.joins import Figure
from factcheck.extract.figures.numeral_type import SPACE, Numeral, NumeralKind
from factcheck.extract.figures.units import dimension_of
from factcheck.extract.figures.vocabulary import (
    DURATION_OPENERS,
    FUNCTION_WORDS,
    KEEP_ONE,
    LABEL_NOUNS,
    NOUN_MODIFIERS,
    ONE_IDIOMS,
    ONE_PRONOUN_OPENERS,
    PLURAL_NOUNS,
    QUALIFIER_AFTER,
    QUALIFIER_BEFORE,
    QUALIFIER_WORDS,
    SOURCE_VERBS,
    WORD_LABEL_NOUNS,
    YEAR_OPENERS,
)
from factcheck.extract.values import Qualifier

_SPACE = SPACE
_PREVIOUS_WORD = re.compile(r"([A-Za-z][\w.'’]*)[ \t\u00a0]+$")
_NEXT_WORDS = re.compile(rf"{_SPACE}+([A-Za-z][A-Za-z'’-]*)")
HYPHEN_NOUN = re.compile(r"-([a-z]{2,})\b")
_OF_THE = re.compile(
    rf"{_SPACE}+of{_SPACE}+(?:(?:the|all|its|their|these|those|our|his|her){_SPACE}+)?"
    # "91 percent of last winter's saplings": a season's possessive before the whole
    rf"(?:(?:last|this|next){_SPACE}+(?:year|winter|summer|spring|autumn|season|month|week)['\u2019]s{_SPACE}+)?"
)
# A number in words as a count is written ("seventy-one", "twelve", "fifteen"), for reading the whole of a part.
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
NUMBER_WORD = (
    rf"(?:{_TENS})(?:-(?:one|two|three|four|five|six|seven|eight|nine))?|(?:thir|four|fif|six|seven|eigh|nine)teen"
    r"|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|hundred"
)
# "of 71", "of the camp's 71", "of our seventy-one": the whole a count is part of, up to its number.
_OF_A_NUMBER = re.compile(
    rf"{_SPACE}+of{_SPACE}+(?:(?:the|its|their|these|those|our|his|her|my|your){_SPACE}+)?"
    rf"(?:[A-Za-z]+['’]s{_SPACE}+)?(?:\d[\d,.]*\d|\d|{NUMBER_WORD})\b",
    re.IGNORECASE,
)
_NEGATION_BEFORE = re.compile(
    r"\b(?:not|never|no|nor|without)\b(?:\s+\w+){0,3}\s+$|n[’']t\s+(?:\w+\s+){0,3}$", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?;\n]\s")


def looks_like_year(text: str, numeral: Numeral, surface: str) -> bool:
    """1000-2100 in four digits is a year, unless a plural noun follows and no "in", "the", ... precedes."""
    if len(surface) != 4 or not 1000 <= numeral.value <= 2100:
        return False
    following = _NEXT_WORDS.match(text, numeral.end)
    if following and noun_like(following.group(1), plural=True):
        return (previous_word(text, numeral.start) or "").lower() in YEAR_OPENERS
    return True


_PHONE_VERBS = frozenset(
    "call calls called calling ring rings rang ringing dial dials dialled dialed dialling dialing".split()
)
_SERVICE_NUMBER = re.compile(r"(?:999|911|112|111|101|000)\b")


# A small score after a name: "Ravens 19-16", "Spinners 6-4" (not "Boeing 737-800", "Route 66-A").
_SCORE_AFTER_NAME = re.compile(r"(?:1\d\d|\d{1,2})\s?[-\u2013]\s?\d{1,3}(?![\w\u2013-])")


def is_label(text: str, start: int) -> bool:
    """A bare number naming something: "page 3", "Resolution 2254", "Boeing 757", "No. 10"."""
    match = _PREVIOUS_WORD.search(text, max(0, start - 40), start)
    if match is None:
        return False
    word = match.group(1)
    lowered = word.lower()
    if lowered in LABEL_NOUNS:
        return not _told_time(text, match.start(1), lowered)
    if lowered in _PHONE_VERBS and _SERVICE_NUMBER.match(text, start):
        return True  # "ring 999 for a code", "call 911": a telephone number
    if lowered.endswith("ed") and len(lowered) > 4:
        return False  # a verb in a title-case headline: "Priest Who Raped 200 Children"
    if _SCORE_AFTER_NAME.match(text, start):
        return False  # "beat Rotherfield Spinners 6-4": a score after a team's name
    return (
        word[0].isupper()
        and lowered.rstrip(".") not in FUNCTION_WORDS
        and not lowered.endswith(("'s", "’s"))
        and not at_sentence_start(text, match.start(1))
    )


def after_label_noun(text: str, start: int) -> bool:
    """Number words naming something: "number one", "phase two", "Article One". A capitalised number word after
    the answer "No." opens a new sentence ("No. Seven of our 31 runs were closed"), it is not "number seven"."""
    word = previous_word(text, start) or ""
    if word == "No." and text[start : start + 1].isupper():
        return False
    return word.lower() in WORD_LABEL_NOUNS and not _told_time(text, text.rfind(word, 0, start), word.lower())


def _told_time(text: str, at: int, noun: str) -> bool:
    """Whether the label noun at `at` is a time told relative to now ("Last season 20 teams took part", "this season
    twelve clubs"), not the name of a season ("Season 20")."""
    return noun == "season" and (previous_word(text, at) or "").lower() in ("last", "this", "next", "each", "every")


def inside_name(text: str, numeral: Numeral, surface: str) -> bool:
    """Capitalised number words next to capitals: "Formula One", "the Big Four", "Three Gorges Dam"."""
    if not surface[:1].isupper() or (surface.isupper() and len(surface) > 1):
        return False
    following = [m.group(1) for m in _iterate_words(text, numeral.end, 2)]

    def capitalised(word: str | None) -> bool:
        return word is not None and word[:1].isupper() and word.lower() not in FUNCTION_WORDS

    ahead = [m.group(1) for m in _iterate_words(text, numeral.end, 5)]
    if len(ahead) >= 3 and all(word[:1].isupper() or word in FUNCTION_WORDS for word in ahead):
        return False  # a title-case headline ("Two Russian Helicopters Shot Down in Kyiv")
    if at_sentence_start(text, numeral.start):
        return len(following) == 2 and capitalised(following[0]) and capitalised(following[1])
    return capitalised(previous_word(text, numeral.start)) or capitalised((following or [None])[0])


def one_counts(text: str, figure: Figure, *, in_company: bool) -> bool:
    """Whether a bare "one" is a count: after "only", "just", "single"; or before a noun ("one driver", "a
    one-question test") where a negation comes before it ("not one study") or another count shares its sentence
    (`in_company`: "37 vehicles ... and one driver"). Elsewhere "one tweet" means "a tweet", and "one of the",
    "no one", "one's", "one can" are pronouns."""
    previous = (previous_word(text, figure.start) or "").lower()
    if previous in KEEP_ONE:
        return True
    if previous in ONE_PRONOUN_OPENERS or text[figure.start - 1 : figure.start] == "-":  # "one-on-one"
        return False
    if text.startswith("-", figure.end):
        noun = HYPHEN_NOUN.match(text, figure.end)
        if noun is None or noun.group(1) in ONE_IDIOMS:
            return False
    else:
        following = _NEXT_WORDS.match(text, figure.end)
        if following is None:
            return False
        word = following.group(1)
        lowered = word.lower()
        if word[0].isupper() or lowered in FUNCTION_WORDS:
            return False  # "one Syrian people" (a name), "one of the"
        verb = lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))  # "one needs", "one wonders"
        if verb or not noun_like(word, plural=False):
            return False
        after = _NEXT_WORDS.match(text, following.end())
        if after and (after.group(1).lower() in SOURCE_VERBS or after.group(1).lower() == "of"):
            return False  # "one study found", "one official said", "one part of the deal": "a study", ...
    return in_company or bool(_NEGATION_BEFORE.search(text, max(0, figure.start - 30), figure.start))


def sentence_numbers(text: str) -> Callable[[int], int]:
    """A function from an offset to the number of its sentence (a cheap split: ".", "!", "?", ";" or a line
    break, then a space)."""
    ends = [match.end() for match in _SENTENCE_END.finditer(text)]
    return lambda position: bisect.bisect_right(ends, position)


def qualifier_of(text: str, figure: Figure) -> Qualifier | None:
    before = QUALIFIER_BEFORE.search(text, max(0, figure.start - 25), figure.start)
    if before:
        word = " ".join(before.group(1).lower().split())
        if word in ("over", "under") and dimension_of(figure.unit) == "duration":
            opener = previous_word(text, before.start(1))
            if (opener or "").lower() not in DURATION_OPENERS:
                return None  # "over three years, prices rose": during, not more than
        return QUALIFIER_WORDS[word]
    after = QUALIFIER_AFTER.match(text, figure.end)
    if after:
        return QUALIFIER_WORDS[" ".join((after.group(1) or after.group(2) or after.group(3)).lower().split())]
    return None


# A survey's base told as a clause: "62 percent of those who answered", "of people who took part".
_OF_THOSE_WHO_ANSWERED = re.compile(
    r"\s+of\s+(?:the\s+)?(?:those|people)\s+who\s+(?:replied|responded|answered|took\s+part"
    r"|were\s+(?:surveyed|asked|polled|questioned)|completed\s+the\s+survey|filled\s+in)\b",
    re.IGNORECASE,
)


# A span of time right after a figure, back to when it held: "down from 131 two years ago" names no noun.
_SPAN_AGO = re.compile(
    r"\s+(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a\s+few)\s+"
    r"(?:years?|months?|weeks?|days?|decades?)\s+(?:ago|earlier|before|previously)\b",
    re.IGNORECASE,
)


def measured_noun(text: str, figure: Figure) -> str | None:
    """The noun a count counts ("8,000 remaining residents"), or a share's whole ("half of the requests"; "of
    those who answered" is "respondents")."""
    if _OF_THOSE_WHO_ANSWERED.match(text, figure.end):
        return "respondents"
    if _SPAN_AGO.match(text, figure.end):
        return None
    if figure.unit is not None:
        of = _OF_THE.match(text, figure.end)
        if of:
            return _head_noun(text, of.end() - 1, plural=False)
        return _head_noun(text, figure.end, plural=True) if figure.unit == "fraction" else None
    single = figure.value == 1
    whole = _OF_A_NUMBER.match(text, figure.end)
    if whole:  # "38 of the camp's 71 water points": a part counts what its whole counts
        return _head_noun(text, whole.end(), plural=True)
    of = _OF_THE.match(text, figure.end)  # "thousands of people", "3 of the 18 benchmarks"
    if _MEMBERS_OF_STAFF.match(text, figure.end):
        return "staff"  # "all 12 members of staff": the staff, counted
    return _head_noun(text, of.end() - 1 if of else figure.end, plural=not single)


_OBJECT_AFTER = re.compile(rf"{_SPACE}+(?:\d|(?:the|a|an){_SPACE})", re.IGNORECASE)
_MEMBERS_OF_STAFF = re.compile(r"\s+members?\s+of\s+staff\b", re.IGNORECASE)


def _head_noun(text: str, position: int, *, plural: bool) -> str | None:
    """The last word of the first run of noun-like words within the next four words."""
    head = None
    for match in _iterate_words(text, position, 4):
        word = match.group(1)
        lowered = word.lower()
        if lowered in NOUN_MODIFIERS:
            continue
        if lowered in FUNCTION_WORDS:
            break
        if not plural and head is not None and lowered.endswith("s") and not lowered.endswith("ss"):
            break  # "One convoy carries enough food": after a singular noun, a word in -s is its verb
        if head is not None and _OBJECT_AFTER.match(text, match.end()):
            break  # "46 Belted Galloway cattle grazes 1,200 hectares": a word before a figure or "the" is a verb
        if noun_like(word, plural=plural):
            head = word
        elif head is not None:
            break
    return head


def noun_like(word: str, *, plural: bool) -> bool:
    lowered = word.lower()
    if lowered in FUNCTION_WORDS or lowered.endswith(("ing", "ed", "'s", "’s", "ly")):
        return lowered in PLURAL_NOUNS
    if not plural:
        return True
    return lowered in PLURAL_NOUNS or (lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")))


def previous_word(text: str, position: int) -> str | None:
    match = _PREVIOUS_WORD.search(text, max(0, position - 40), position)
    return match.group(1) if match else None


def _iterate_words(text: str, position: int, limit: int):
    """The next `limit` words after `position`, separated by spaces only (punctuation ends the run)."""
    for _ in range(limit):
        match = _NEXT_WORDS.match(text, position)
        if match is None:
            return
        yield match
        position = match.end()


def at_sentence_start(text: str, position: int) -> bool:
    index = position - 1
    while index >= 0 and text[index] in " \t\u00a0\"'“‘«([":
        index -= 1
    return index < 0 or text[index] in ".!?\n:"


def is_someday(text: str, figure: Figure) -> bool:
    """ "One day, fans said, ...": a sentence that opens with "one day" and a comma means someday."""
    numeral = figure.numeral
    if numeral.value != 1 or numeral.kind is not NumeralKind.WORDS or dimension_of(figure.unit) != "duration":
        return False
    return text.startswith(",", figure.end) and at_sentence_start(text, numeral.start)
