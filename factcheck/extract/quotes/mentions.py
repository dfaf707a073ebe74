"""People a text names outside its quotes, whom a later he or she in a quote's attribution may stand for: a
Mr./Ms. mention, a name with an age, a sentence's subject, a name with its role; and a headline's extent."""

from __future__ import annotations

import re

from factcheck.extract.quotes.layout import Layout
from factcheck.extract.quotes.lexicon import (
    NAME_DESCRIPTORS,
    NOT_NAME_WORDS,
    ORGANISATION_WORDS,
    ROLE_ENDINGS,
    ROLE_NOUNS,
    TITLES,
    words,
)
from factcheck.extract.quotes.phrases import SpeakerKind, SpeakerPhrase, first_name_gender

# Role nouns that name a body, not a person: "the ministry said" is not someone a "she" can stand for.
BODIES = words(
    "ministry department agency government administration office campaign committee police army military",
    "group team staff panel board council statement website account family",
)

_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?[ ]+((?:[A-Z][\w'’\-]+[ ]+)?[A-Z][\w'’\-]+)")


def honorific_mentions(text: str) -> list[SpeakerPhrase]:
    """People written with Mr./Mrs./Ms.: the text names them and says their gender, so a he or she can mean
    them before they speak (`Ms. Jones disagreed. "...," she said.`)."""
    mentions = []
    for match in _HONORIFIC.finditer(text):
        gender = "male" if match.group(1) == "Mr" else "female"
        mentions.append(
            SpeakerPhrase(match.group(), match.start(), match.end(), SpeakerKind.NAME, match.group(2), gender)
        )
    return mentions


# "Nora Elling, 18,": a full name with an age set off by commas, the way news copy introduces a person; or the age
# before it ("67-year-old Hugo Brackenbury").
_AGED = re.compile(r"(?<![\w'’])([A-Z][\w'’\-]+(?:[ ]+[A-Z][\w'’\-]+){1,2}),[ ]+(\d{1,3}),")
_AGED_BEFORE = re.compile(r"\b(\d{1,3})-year-old[ ]+([A-Z][\w'’\-]+(?:[ ]+[A-Z][\w'’\-]+){1,2})(?![\w'’])")
# "won by Greta Lindqvist, a 31-year-old baker": a full name set off by an apposition that gives the age.
_AGED_APPOSED = re.compile(r"(?<![\w'’])([A-Z][\w'’\-]+(?:[ ]+[A-Z][\w'’\-]+){1,2}),[ ]+an?[ ]+(\d{1,3})-year-old\b")
# "was Harold Wadsworth, who is 91 and learned to swim here": a full name a relative clause about a person follows.
_WHO_AFTER = re.compile(r"(?<![\w'’])([A-Z][\w'’\-]+(?:[ ]+[A-Z][\w'’\-]+){1,2}),[ ]+who[ ]")


def aged_mentions(text: str) -> list[SpeakerPhrase]:
    """People introduced with their age ("Among those waiting is Nora Elling, 18, ...", "Greta Lindqvist, a
    31-year-old baker") or a relative clause about a person ("was Harold Wadsworth, who is 91 and ..."): the text
    names a person, so a he or she can mean them before they speak."""
    mentions = []
    found = [(m, 1, 2) for m in _AGED.finditer(text)] + [(m, 2, 1) for m in _AGED_BEFORE.finditer(text)]
    found += [(m, 1, 2) for m in _AGED_APPOSED.finditer(text)]
    found += [(m, 1, 0) for m in _WHO_AFTER.finditer(text)]
    for match, name_group, age_group in found:
        tokens = name_words(match.group(name_group).split())
        if len(tokens) < 2 or (age_group and not 0 < int(match.group(age_group)) < 120):
            continue
        name = " ".join(tokens)
        surface = match.group(name_group)
        mentions.append(
            SpeakerPhrase(
                surface, match.start(), match.end(name_group), SpeakerKind.NAME, name, first_name_gender(name)
            )
        )
    return mentions


# A sentence opening on a name, after any titles, then an apposition or a verb: "Finance Minister Rafael Odum
# declined ...", "Mira Joss, chief economist at Harbourline Bank, is among ...".
_SUBJECT = re.compile(
    r"(?P<name>(?:[A-Z][\w'’\-]*|[A-Z]\.)(?:[ ]+(?:[A-Z][\w'’\-]*|[A-Z]\.)){1,5})(?=,[ ]+[a-z]|[ ]+[a-z]{2,})"
)
# Words with a role's ending that name a business or a vessel, not a person ("Torvane Ferries, Ambry's largest
# employer", "the trawler Sea Lark").
_BUSINESS_ROLES = words(
    "employer employers provider operator supplier carrier retailer manufacturer insurer lender trawler tanker",
    "freighter steamer cruiser liner schooner tender dredger",
)


_DETERMINERS = frozenset({"The", "A", "An", "This", "That", "These", "Those", "Its", "Their", "Our"})
_ROLE_THEN_NAME = re.compile(r"[ ]+(?:[a-z\-]+[ ]+){1,4}[A-Z][\w'’\-]+[ ]+[A-Z]")


def subject_mentions(text: str, layout: Layout) -> list[SpeakerPhrase]:
    """People a sentence opens on ("Finance Minister Rafael Odum declined to criticise the decision."): the text
    names a person as the subject, so a he or she in a quote's attribution after it can mean them."""
    mentions = []
    for sentence in layout.sentences:
        found = _SUBJECT.match(text, sentence.start)
        if found is None:
            continue
        if found.group("name").split()[0] in _DETERMINERS or _ROLE_THEN_NAME.match(text, found.end()):
            continue  # "The Tarvana Red Cross said", "Northvale Water chief executive Sarah Pennington said"
        tokens = name_words(found.group("name").split())
        if not 2 <= len(tokens) <= 3 or any(t in ORGANISATION_WORDS or t.isupper() for t in tokens):
            continue
        name = " ".join(tokens)
        mentions.append(
            SpeakerPhrase(found.group(), found.start(), found.end(), SpeakerKind.NAME, name, first_name_gender(name))
        )
    return mentions


# A full name with its role: "Ines Delacroix, the campaign's lawyer," / "Stefan Isaksen, Larchsound's chief
# engineer," / "Housing minister Bridget Ansell".
_NAME = r"[A-Z][\w'’\-]+[ ]+[A-Z][\w'’\-]+(?:[ ]+[A-Z][\w'’\-]+)?"
_APPOSED_ROLE = re.compile(
    rf"({_NAME}),[ ]+(?:the|a|an|its|their|his|her|[A-Z][\w\-]*['’]s)[ ]+(?:[\w'’\-]+[ ]+){{0,3}}?([a-z]+)[,.]"
)
# (not "the 640-member Sallowby River Swimmers", a compound's noun)
_TITLED_ROLE = re.compile(rf"(?<![\w\-])([a-z]+)[ ]+({_NAME})(?=[ ]+[a-z]{{2,}}|,)")
# "according to Skerrow's doctor, Isla Muirhead.": a role, a comma, then the name it introduces
_ROLE_BEFORE_NAME = re.compile(rf"\b([a-z]+),[ ]+({_NAME})(?=[.,;:]|[ ]+[a-z]{{2,}})")


# Words with a role's ending that name no role ("It came after Runa Castell resigned").
_NOT_ROLES = words(
    "after over under never ever other later rather either neither whether together further"
    " for nor per went sent spent meant"  # prepositions and verbs with a role's ending: "director for Tallow Mobile"
)


def role_mentions(text: str) -> list[SpeakerPhrase]:
    """People the text introduces with their role ("Ines Delacroix, the campaign's lawyer, had foreshadowed",
    "Housing minister Bridget Ansell rejected a cap.", "according to the island's doctor, Isla Muirhead."): a
    person named, so a he or she after it can mean them."""
    found = [(m, m.group(1), m.group(2)) for m in _APPOSED_ROLE.finditer(text)]
    found += [
        (m, m.group(2), m.group(1)) for pattern in (_TITLED_ROLE, _ROLE_BEFORE_NAME) for m in pattern.finditer(text)
    ]
    mentions = []
    for match, name_text, role in found:
        if not (role in ROLE_NOUNS or role.endswith(ROLE_ENDINGS)) or role in BODIES | _NOT_ROLES | _BUSINESS_ROLES:
            continue
        tokens = name_words(name_text.split())
        if len(tokens) < 2 or any(t in ORGANISATION_WORDS for t in tokens):
            continue
        name = " ".join(tokens)
        mentions.append(
            SpeakerPhrase(name_text, match.start(), match.end(), SpeakerKind.NAME, name, first_name_gender(name))
        )
    return mentions


def headline_end(text: str) -> int:
    """Where a headline ends: the first line, when a blank line follows it and it has no full stop (0 otherwise)."""
    first, _, rest = text.partition("\n")
    if not rest.startswith("\n") and not rest.lstrip(" \t").startswith("\n"):
        return 0
    return 0 if first.rstrip().endswith((".", ":", "\u201d", '"')) else len(first)


def name_words(tokens: list[str]) -> list[str]:
    """The words of a name in a mention: after any organisation word ("the Washington Post | Trump"), leading
    titles, labels and sentence words ("Republican", "The"), and the last title ("Secretary of State | John
    Kerry"); possessives dropped."""
    tokens = [_without_possessive(t) for t in tokens]
    last_organisation = max((i for i, t in enumerate(tokens) if t in ORGANISATION_WORDS), default=-1)
    tokens = tokens[last_organisation + 1 :]
    while tokens and (tokens[0] in TITLES or tokens[0] in NOT_NAME_WORDS or tokens[0] in NAME_DESCRIPTORS):
        tokens = tokens[1:]
    last_title = max((i for i, t in enumerate(tokens) if t in TITLES), default=-1)
    return tokens[last_title + 1 :]


def _without_possessive(word: str) -> str:
    for ending in ("’s", "'s"):
        if word.endswith(ending):
            return word[: -len(ending)]
    return word
