"""Reading a speaker phrase ("Secretary of State John Kerry", "a coalition official", "he") from text."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, replace

from factcheck.extract.quotes.lexicon import (
    CLAUSE_WORDS,
    DETERMINERS,
    FEMALE_FIRST_NAMES,
    FEMALE_WORDS,
    FIGURE_OPENERS,
    GROUP_NOUNS,
    HONORIFICS,
    LEADING_CONNECTIVES,
    MALE_FIRST_NAMES,
    MALE_WORDS,
    NAME_DESCRIPTORS,
    NAME_PARTICLES,
    NOT_NAME_WORDS,
    OFFICE_ADJECTIVES,
    ORGANISATION_WORDS,
    PARTICIPLE_ADJECTIVES,
    PHRASE_LINKS,
    PREPOSITIONS,
    PRONOUN_GENDER,
    PRONOUNS,
    ROLE_ENDINGS,
    ROLE_NOUNS,
    SPEAKER_VERB_FILLERS,
    TIME_WORDS,
    TITLE_OF_HEADS,
    TITLES,
)


class SpeakerKind(enum.Enum):
    NAME = "name"  # a person (or a body) named with capitalised words: "John Kerry", "Zero Hedge"
    PRONOUN = "pronoun"  # "he", "she", "they": resolved later against named speakers
    DESCRIPTION = "description"  # "a coalition official", "the ministry", "officials": kept as written


@dataclass(frozen=True, slots=True)
class SpeakerPhrase:
    """A speaker as the text gives it: `surface` at `start`:`end`; `name` without titles (NAME only); `gender`
    ("male"/"female") when a word of the phrase says it (Mr., spokeswoman, a common first name)."""

    surface: str
    start: int
    end: int
    kind: SpeakerKind
    name: str | None = None
    gender: str | None = None

    def with_gender(self, gender: str) -> SpeakerPhrase:
        return replace(self, gender=gender)


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a phrase (without a sentence-final full stop) or a parenthesis group such as "(D-Mo.)"."""

    start: int
    end: int
    word: str

    @property
    def lower(self) -> str:
        return self.word.lower()

    @property
    def capitalised(self) -> bool:
        word = self.word
        return word[:1].isupper() or (word[:3] in ("al-", "el-") and word[3:4].isupper())

    @property
    def parenthesis(self) -> bool:
        return self.word.startswith("(")


_TOKEN = re.compile(r"\([^()\n]{0,60}\)|[\w@#&$%][\w'’.\-&@/]*")
_KEEP_DOT = ("Jr.", "Sr.", "Inc.", "Corp.", "Co.")
_POSSESSIVE_END = ("’s", "'s", "s’", "s'")
_PLACE_LINKS = ("of", "from", "for", "at", "with")  # "Rep. Elijah Cummings of Maryland"
_TIME_LINKS = ("on", "last", "this", "early", "late", "in", "the", "of", "next")  # "on Tuesday", "last week"
_LY_NOUNS = frozenset({"family", "ally", "rally", "supply", "assembly", "bully", "monopoly", "anomaly"})
MAX_PHRASE_TOKENS = 12


def tokens_of(text: str, start: int, end: int) -> list[Token]:
    """The tokens of `text[start:end]`. A full stop stays on initials, titles and dotted abbreviations
    only."""
    tokens = []
    for match in _TOKEN.finditer(text, start, end):
        word = match.group()
        if word.endswith(".") and not _keeps_dot(word):
            word = word[:-1]
        tokens.append(Token(match.start(), match.start() + len(word), word))
    return tokens


def _keeps_dot(word: str) -> bool:
    """An initial (J.), a title (Sen.), Jr., or an abbreviation with inner dots (U.N.) keeps its full stop."""
    initial = len(word) == 2 and word[0].isupper()
    return initial or word in TITLES or word in _KEEP_DOT or "." in word[:-1]


def parse_speaker(text: str, start: int, end: int) -> SpeakerPhrase | None:
    """The speaker phrase that `text[start:end]` is, or None if it is not one.

    The stretch should be the whole subject of a reporting verb (or the words after an inverted verb). Leading
    connectives ("But"), trailing adverbs and auxiliaries ("also", "has") and time words ("on Tuesday") are
    dropped. A stretch with a clause word (that, who, was, would, met ...), a preposition first, a verb-like
    -ed or -ing word, a possessive last, or more than `MAX_PHRASE_TOKENS` words is not a speaker.

    A NAME is a run of capitalised words at the end, after its titles ("Secretary of State | John Kerry",
    "Clinton campaign spokesman | Jesse Lehrich"); a run after a determiner or ending in an organisation word
    is a DESCRIPTION kept as written ("the White House", "Justice Department").
    """
    tokens = _trim(tokens_of(text, start, end))
    affiliated = _affiliated_name(text, tokens)
    if affiliated is not None:
        return affiliated
    if not tokens or len(tokens) > MAX_PHRASE_TOKENS:
        return None
    surface_start, surface_end = tokens[0].start, tokens[-1].end
    surface = text[surface_start:surface_end]
    words = [t for t in tokens if not t.parenthesis]
    lowers = [w.lower for w in words]
    if not words or lowers[0] in PREPOSITIONS or any(w in CLAUSE_WORDS for w in lowers):
        return None
    if len(words) == 1 and words[0].word in NAME_DESCRIPTORS:
        return None  # "Democratic claims": an adjective, not a speaker
    if len(words) == 1 and lowers[0] in PRONOUNS:
        gender = PRONOUN_GENDER.get(lowers[0])
        return SpeakerPhrase(surface, surface_start, surface_end, SpeakerKind.PRONOUN, gender=gender)
    if any(w in PRONOUNS for w in lowers) or any(
        _verb_like(w) and not (i and lowers[i - 1] == "of") and not _names_a_role(words, i) for i, w in enumerate(words)
    ):
        return None  # "he and I", "Trump attacked Clinton": a clause, not a speaker ("head of marketing" is one)
    if all(w.word in TITLES for w in words) and not (len(words) >= 2 and _is_honorific(words[-2].word)):
        return None  # "Rep." alone: a name cut off by a sentence splitter
    if words[-1].word.endswith(_POSSESSIVE_END):
        return None  # "Warren's" is not a subject
    gender = _gender_of(words)
    name_tokens, before_name = _name_run(words)
    if len(name_tokens) == 1 and name_tokens[0].word in FIGURE_OPENERS | NOT_NAME_WORDS:
        name_tokens = []  # "Nearly 19,000 people have reached ...": a sentence's first word, not a name
    if name_tokens and not all(t.lower in TIME_WORDS for t in name_tokens):
        pre_name = words[: words.index(name_tokens[0])]
        if any(_adverbial(w) for w in pre_name):
            return None  # "shortly after Trump": an adverbial, not a subject
        # "the Very Rev Ansel Pryderi": a title between the determiner and the name makes it a person's
        titled = any(w.word in TITLES for w in pre_name)
        after_determiner = before_name is not None and before_name.lower in DETERMINERS and not titled
        group = len(name_tokens) == 1 and name_tokens[0].lower in GROUP_NOUNS  # "Officials say"
        if not after_determiner and not group and name_tokens[-1].word not in ORGANISATION_WORDS:
            name = " ".join(t.word for t in name_tokens)
            gender = gender or first_name_gender(name)
            return SpeakerPhrase(surface, surface_start, surface_end, SpeakerKind.NAME, name=name, gender=gender)
    if _description_ok(words):
        return SpeakerPhrase(surface, surface_start, surface_end, SpeakerKind.DESCRIPTION, gender=gender)
    return None


def _affiliated_name(text: str, tokens: list) -> SpeakerPhrase | None:
    """A full name followed by its affiliation, "Col. Viktor Ostrov of the Russian military's reconciliation
    centre": the speaker is the person, the affiliation is kept in the surface. Only for a name of two words or
    more before "of the" / "of" + a capital, so "University of Chicago" or "Secretary of State" are not split."""
    for index in range(2, len(tokens) - 1):
        token = tokens[index]
        if token.lower != "of" or _title_of(tokens, index):
            continue
        following = tokens[index + 1]
        if not (following.lower == "the" or following.capitalised):
            return None
        head = parse_speaker(text, tokens[0].start, tokens[index - 1].end)
        if head is None or head.kind is not SpeakerKind.NAME or len((head.name or "").split()) < 2:
            return None
        surface_start, surface_end = tokens[0].start, tokens[-1].end
        return replace(head, surface=text[surface_start:surface_end], start=surface_start, end=surface_end)
    return None


def trailing_speaker(text: str, start: int, end: int) -> SpeakerPhrase | None:
    """The speaker phrase that ends `text[start:end]`, when the whole stretch is not one.

    Reads back from the end over what a subject can hold: capitalised words, titles, a role before a name
    ("campaign spokesman Jesse Lehrich") or a plain description ("what | multiple lawmakers"), up to a
    determiner. Stops at a clause word, a preposition, an adverb or any other lowercase word: "In a Bloomberg
    interview | Trump", "As | Ms. Simonyan".
    """
    tokens = _trim(tokens_of(text, start, end))
    position = len(tokens)
    while position > 0:
        token = tokens[position - 1]
        lower = token.lower
        if lower in CLAUSE_WORDS or lower in PREPOSITIONS or lower in LEADING_CONNECTIVES:
            break
        if _name_word(token) or _title_of(tokens, position - 1):
            position -= 1
        elif lower in DETERMINERS or (lower in PRONOUNS and position == len(tokens)):
            position -= 1
            break
        elif _role_word(token):
            position -= 1
        else:
            break
    if position == len(tokens):
        return None
    if tokens[position].capitalised and any(t.lower in PREPOSITIONS for t in tokens[max(0, position - 2) : position]):
        return None  # "councils in eastern | Aleppo": the object of a preposition, not a subject
    return parse_speaker(text, tokens[position].start, tokens[-1].end)


def leading_speaker(text: str, start: int, end: int) -> SpeakerPhrase | None:
    """The speaker phrase that opens `text[start:end]`: a sentence's subject before its verb ("Mr. Trump |
    hardly clarified ..."), or None when the stretch opens with a preposition, a clause word or a
    connective."""
    tokens = tokens_of(text, start, end)
    while len(tokens) > 1 and tokens[0].lower in LEADING_CONNECTIVES:
        tokens = tokens[1:]
    if not tokens:
        return None
    first = tokens[0].lower
    if first in PREPOSITIONS or first in CLAUSE_WORDS or first in LEADING_CONNECTIVES:
        return None
    if first in PRONOUNS:
        return parse_speaker(text, tokens[0].start, tokens[0].end)
    position = 1 if first in DETERMINERS else 0
    while position < len(tokens):
        token = tokens[position]
        if _name_word(token) or _role_word(token) or _title_of(tokens, position):
            position += 1
        else:
            break
    if position == 0 or (position == 1 and first in DETERMINERS):
        return None
    return parse_speaker(text, tokens[0].start, tokens[position - 1].end)


def first_name_gender(name: str) -> str | None:
    """The gender a common first name says, for a name of two words or more ("Hillary Clinton" ->
    "female")."""
    parts = name.split()
    if len(parts) < 2:
        return None
    first = parts[0]
    if first in MALE_FIRST_NAMES and first not in FEMALE_FIRST_NAMES:
        return "male"
    if first in FEMALE_FIRST_NAMES and first not in MALE_FIRST_NAMES:
        return "female"
    return None


def _trim(tokens: list[Token]) -> list[Token]:
    """Drop leading connectives and trailing adverbs, auxiliaries and time phrases ("Warren on Tuesday")."""
    while len(tokens) > 1 and tokens[0].lower in LEADING_CONNECTIVES:
        tokens = tokens[1:]
    dropped_time = False
    while tokens:
        last = tokens[-1]
        if last.lower in TIME_WORDS or last.word.isdigit():
            dropped_time = True
        elif not (last.lower in SPEAKER_VERB_FILLERS or _adverb(last)):
            break
        tokens = tokens[:-1]
    if dropped_time:
        while tokens and tokens[-1].lower in _TIME_LINKS:
            tokens = tokens[:-1]
        while tokens and (tokens[-1].lower in SPEAKER_VERB_FILLERS or _adverb(tokens[-1])):
            tokens = tokens[:-1]
    return tokens


def _adverb(token: Token) -> bool:
    return token.word.islower() and token.word.endswith("ly") and token.word not in _LY_NOUNS


def _adverbial(token: Token) -> bool:
    return (token.lower in PREPOSITIONS and token.lower not in ("of", "for")) or _adverb(token)


def _verb_like(token: Token) -> bool:
    word = token.lower
    if not token.word.islower() or word in PARTICIPLE_ADJECTIVES or "-" in word:
        return False
    return (word.endswith("ed") and len(word) > 4) or (word.endswith("ing") and len(word) > 5)


def _names_a_role(words: list[Token], index: int) -> bool:
    """Whether the -ing word at `index` is the first half of a role ("planning director", "nursing officer"): a
    role noun follows it."""
    if not words[index].lower.endswith("ing") or index + 1 >= len(words):
        return False
    role = words[index + 1]
    return role.word.islower() and (role.lower in ROLE_NOUNS or role.lower.endswith(_ROLE_NOUN_ENDINGS))


_ROLE_NOUN_ENDINGS = ("or", "er", "ist", "ian", "manager", "officer")


def _name_word(token: Token) -> bool:
    """A word that can be part of a name: capitalised, a particle (de, van, al) or a parenthesis (D-Mo.)."""
    return token.parenthesis or token.capitalised or token.lower in NAME_PARTICLES


def _title_of(tokens: list[Token], index: int) -> bool:
    """Whether `tokens[index]` is the "of" of a title such as "Secretary of State"."""
    return tokens[index].lower == "of" and index >= 1 and tokens[index - 1].word in TITLE_OF_HEADS


def _role_word(token: Token) -> bool:
    """A lowercase word that can stand in a speaker's description: a role or an adjective of office."""
    lower = token.lower
    if not token.word.islower() or lower in CLAUSE_WORDS or lower in PREPOSITIONS or lower in PRONOUNS:
        return False
    if _adverb(token) or _verb_like(token):
        return False
    return lower.endswith(ROLE_ENDINGS) or lower in ROLE_NOUNS or lower in OFFICE_ADJECTIVES


def _name_run(words: list[Token]) -> tuple[list[Token], Token | None]:
    """The name at the end of a phrase (titles removed) and the token just before its capitalised run."""
    run_start = len(words)
    while run_start > 0:
        word = words[run_start - 1]
        if word.capitalised or word.lower in NAME_PARTICLES:
            run_start -= 1
        elif word.lower == "of" and run_start >= 2 and words[run_start - 2].word in TITLE_OF_HEADS:
            run_start -= 1  # Secretary of State, Minister of Foreign Affairs
        else:
            break
    run = words[run_start:]
    while run and (run[0].lower in NAME_PARTICLES or run[0].lower == "of"):
        run = run[1:]
    if run and run_start >= 2 and words[run_start - 1].lower in _PLACE_LINKS and len(run) <= 3:
        # "Rep. Elijah Cummings of Maryland": the name is before the place; "the envoy for Syria" has none
        return _name_run(words[: run_start - 1])
    if not run or not run[-1].capitalised:
        return [], None
    last_title = -1
    for position, word in enumerate(run):
        acronym = word.word.isupper() and word.word.isalpha() and len(word.word) <= 4 and position < len(run) - 1
        if word.word in TITLES or acronym or word.lower == "of":  # "Wells Fargo CEO John Stumpf"
            last_title = position
    name = run[last_title + 1 :]
    if not name and len(run) >= 2 and _is_honorific(run[-2].word):
        name = run[-1:]  # "Mr. King": an honorific is always followed by a name, even one that is a title
    before = words[run_start - 1] if run_start > 0 else None
    if name and name[0].word in ("The", "A", "An"):
        return [], None
    return name, before


def _is_honorific(word: str) -> bool:
    return word in TITLES and (word.endswith(".") or word in HONORIFICS)


def _description_ok(words: list[Token]) -> bool:
    """A description is a determiner phrase ("a coalition official", "the ministry"), a capitalised body
    ("Justice Department"), a plural ("senior officials"), a possessive ("Scott's family") or capitalised
    words before a role ("Clinton campaign spokesman"). Lowercase words between capitalised ones make a
    clause."""
    if len(words) > 9 or words[-1].lower in PHRASE_LINKS:
        return False
    if words[0].lower in DETERMINERS:
        return True
    tail = 0
    while tail < len(words) and not words[len(words) - 1 - tail].capitalised:
        tail += 1
    head = words[: len(words) - tail]
    if any(not (w.capitalised or w.lower in PHRASE_LINKS or _role_word(w)) for w in head):
        return False  # "Blige sings to Clinton"; but "senior US officials", "top White House aides"
    if tail == 0:
        return True
    if head and head[-1].word.endswith(_POSSESSIVE_END) and _role_word(words[len(head)]) and tail <= 6:
        return True  # "Aurex Cargo's director of flight operations": an organisation's role, "of" and all
    if tail > 3 or any(w.lower in PHRASE_LINKS for w in words[len(head) :]):
        return False
    last = words[-1].lower
    if not head:
        return last.endswith("s") and not last.endswith("ss")  # "officials", "senior US officials"
    if head[-1].word.endswith(_POSSESSIVE_END):
        return True
    return last.endswith(ROLE_ENDINGS) or last in ROLE_NOUNS


def _gender_of(words: list[Token]) -> str | None:
    for word in words:
        if word.lower in MALE_WORDS:
            return "male"
        if word.lower in FEMALE_WORDS:
            return "female"
    return None
