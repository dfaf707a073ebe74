"""The vocabularies that tell a figure's context: qualifiers, function words, labels, year and duration openers."""

from __future__ import annotations

import re

from factcheck.extract.values import Qualifier


def _word_set(words: str) -> frozenset[str]:
    """A vocabulary written as one string of space-separated words, as a set."""
    return frozenset(words.split())


# The documented mapping from words to qualifiers ("or ..." and "+"/"plus" follow the figure).
_QUALIFIER_TABLE = {
    Qualifier.APPROXIMATELY: "about|around|approximately|approx.|roughly|nearly|almost|some|an estimated"
    "|estimated|close to|just under|just over|just below|just above|circa|c.|more or less|or so",
    Qualifier.MORE_THAN: "more than|over|above|in excess of|upwards of|upward of|greater than|higher than"
    "|well over|well above|has passed|has now passed|have passed|have now passed|has topped|has now topped"
    "|has exceeded|have exceeded",
    Qualifier.AT_LEAST: "at least|no fewer than|no less than|not less than|a minimum of|or more|or above"
    "|or over|+|plus",
    Qualifier.LESS_THAN: "less than|fewer than|under|below|well under|well below|lower than",
    Qualifier.AT_MOST: "at most|no more than|not more than|a maximum of|or less|or fewer",
    Qualifier.UP_TO: "up to|as many as|as much as",
    Qualifier.EXACTLY: "exactly|precisely",
}
QUALIFIER_WORDS: dict[str, Qualifier] = {
    words: qualifier for qualifier, vocabulary in _QUALIFIER_TABLE.items() for words in vocabulary.split("|")
}
_PREFIXES = sorted((w for w in QUALIFIER_WORDS if w[:3] != "or " and w not in ("+", "plus")), key=len)[::-1]
QUALIFIER_BEFORE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in _PREFIXES) + r")\s+$", re.IGNORECASE
)
QUALIFIER_AFTER = re.compile(  # "50 or more", "50 people or more", "50+", "50-plus"
    r"(?:[ \t\u00a0]+[A-Za-z]+){0,2}?\s+(or\s+(?:more|so|less|fewer|above|over))\b|(\+)|-(plus)\b",
    re.IGNORECASE,
)

# Words that end a noun phrase or are not nouns: they stop the search for what a count counts.
FUNCTION_WORDS = _word_set(
    "a an the this that these those some any each every all both either neither no not nor and or but so "
    "yet of in on at by for from to with without into onto over under above below about around between "
    "among through during before after since until till per than as via within across against along "
    "toward towards upon amid past i you he she it we they me him her us them my your his its our their who "
    "whom whose which what where when why how there here is are was were be been being am has have had "
    "having do does did will would shall should can could may might must said says say told according "
    "more most less least fewer many much few only just also even still again almost nearly roughly "
    "approximately exactly precisely estimated close up out off down ago away last next first such other "
    "another own same live lived lives living die died dies dying remain remained remains left stay "
    "stayed flee fled need needed get got go went come came make made take took see saw give gave want "
    "wanted like times percent himself herself itself themselves myself yourself ourselves else several various "
    "numerous though however too"
)
# A bare number right after one of these words is a label, not a figure: "page 3", "Resolution 2254".
LABEL_NOUNS = _word_set(
    "page pages p. pp. chapter article section paragraph para resolution room flight route channel bus "
    "platform gate phase stage category tier level grade version model series episode season vol. volume "
    "issue no. number item exhibit figure fig. table step district ward precinct zone sector unit block "
    "highway interstate amendment proposition prop rule clause act bill code line floor terminal "
    "apartment suite box lot verse psalm track lane road squad"
)
# Number words after these name something ("number one", "phase two", "Article One"); a shorter list than
# `LABEL_NOUNS`, as "the Brady Bill five times" and "a lot two years ago" count.
WORD_LABEL_NOUNS = _word_set(
    "number no. phase stage level grade version season episode chapter article volume part tier category step"
)
YEAR_OPENERS = _word_set(
    "in since by from until till to of the during before after between and or early late mid circa year "
    "fiscal summer winter spring autumn fall election census"
)
DURATION_OPENERS = _word_set(
    "for in to of after than with took take takes taking lasted lasts last spent spend served serve been "
    "aged age sentenced within waited waiting queued queuing queueing lasting stayed"
)
NOUN_MODIFIERS = frozenset({"more", "other", "additional", "extra", "further", "new", "fewer"})
KEEP_ONE = frozenset({"only", "just", "single"})
# Before "one", these make it a pronoun even when a noun follows: "no one", "the one who", "each one".
ONE_PRONOUN_OPENERS = _word_set("no any every each some which this that the for to at")
# Hyphenated "one-" words that are idioms, not a count of one.
ONE_IDIOMS = _word_set("time off way sided stop on to size shot liner dimensional")
# "one study found", "one official said": "one" then a source and its verb is an article, not a count.
SOURCE_VERBS = _word_set(
    "said says told found finds shows showed show suggests suggested estimated estimates estimate reported "
    "reports claimed claims argued argues noted notes wrote writes concluded concludes warned warns added adds"
)
PLURAL_NOUNS = _word_set(
    "people children men women police staff personnel cattle sheep fish deer troops youth folk livestock "
    "feet teeth mice geese data media crew"
)
