"""Stance cues between a claim and a passage: negation, direction of change, period and place (word rules)."""

from __future__ import annotations

import difflib
import re

from factcheck.corroborate.figure_plans import COUNTERFACTUAL
from factcheck.extract.figures import find_dates

_NEGATION = re.compile(
    # "no more than 30 tonnes" and "not less than half" are bounds on a figure, not negations.
    # "not before six weeks" and "not until March" are bounds on a time ("at least six weeks"), not negations.
    # "not just four weeks" and "not only in Aleppo" add to what they name: more, not a denial.
    # So is "not fully restored until 2.15 p.m." (restored only then), a few words between.
    r"\b(?:(?:not|no)(?!\s+(?:more|fewer|less|later|earlier|sooner)\s+than\b)(?!\s+(?:\w+\s+){0,3}(?:before|until|till)\b)"
    r"(?!\s+(?:just|only|merely|simply)\b)"
    r"|never|none|nobody|nothing|neither"
    # "without" is left out: "test running without passengers" denies nothing about the figure.
    r"|nor|cannot|denied|denies|deny|refused|rejected)\b"
    r"|n['’]t\b",
    re.IGNORECASE,
)
_UP = re.compile(
    r"\b(?:ros[e]|rise[sn]?|rising|increase[sd]?|increasing|grew|grow(?:s|n|ing)?|gain(?:ed|s)?|climb(?:ed|s)?"
    r"|jump(?:ed|s)?|surg(?:ed|es)|soar(?:ed|s)?|doubl(?:ed|es)|tripl(?:ed|es)|up(?!\s+to\b)|higher|more(?!\s+than\b)|boost(?:ed|s)?"
    r"|rais(?:ed|es)|expand(?:ed|s)?|extra|additional)\b",  # "three extra turnstiles": more of them
    re.IGNORECASE,
)
_DOWN = re.compile(
    r"\b(?:fell|fall(?:s|en|ing)?|decrease[sd]?|decreasing|declin(?:e|ed|es|ing)|drop(?:ped|s)?|dropping"
    r"|shrank|shrink(?:s|ing)?|shrunk|slump(?:ed|s)?|plung(?:ed|es)|down|lower|fewer(?!\s+than\b)|less(?!\s+than\b)|cut(?:s|ting)?|lost|loss(?:es)?"
    r"|reduc(?:ed|es)|halv(?:ed|es))\b",
    re.IGNORECASE,
)
_MONTHS = "january february march april may june july august september october november december".split()
# Month names as written in dates (capitalised); "May" only next to a day, a year or a date preposition, since
# "may" is also a verb ("The plant may close").
_MONTH = re.compile(
    r"\b(" + "|".join(m.capitalize() for m in _MONTHS if m != "may") + r")\b"
    r"|\b(?:in|on|of|since|until|by|last|next|early|late|mid) (May)\b|\b(May)(?= \d)"
)
# A day told from the writer's own: "today", "this afternoon", "tonight", "yesterday", "last night".
_OWN_DAY = re.compile(r"\b(?:today|tonight|yesterday|this\s+(?:morning|afternoon|evening)|last\s+night)\b", re.I)
_WEEKDAY = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.IGNORECASE)
# A weekday naming what happens on that day of every week, not the day of an event: after a determiner and before
# its noun ("the Saturday market", "Saltinford's Saturday market", "its Sunday service"); not "on the Saturday before"
# or "Saturday night".
_WEEKDAY_MODIFIER = re.compile(
    r"\b(?:the|a|an|its|their|our|his|her|every|each|\w+['\u2019]s)\s+"
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+"
    r"(?!(?:night|morning|afternoon|evening|lunchtime|midday|noon|before|after|of|in|on|at|and|or|to|that|when|which"
    r"|the|a|last|next|this|was|is|had|has|will|would)\b)[a-z]{3,}\b",
    re.IGNORECASE,
)
# "in Aleppo", "near Homs", "from Darayya": a capitalised place after a locative preposition.
_PLACE = re.compile(r"\b(?:in|near|at|from|across|outside)\s+((?:[A-Z][\w’'-]+)(?:\s+[A-Z][\w’'-]+)*)")
_NOT_PLACES = frozenset(
    {
        "The",
        "A",
        "An",
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "I",
        "We",
        "He",
        "She",
        "They",
        "It",
    }
)


def conflicting_cues(
    claim: str,
    passage: str,
    focus: tuple[int, int] | None = None,
    places_and_periods: bool = True,
    negation_and_direction: bool = True,
    weekdays: bool = True,
    negation_on_shared_words: bool = False,
    periods: bool = True,
) -> list[str]:
    """Plain-language reasons why a passage on the same subject may say the opposite of the claim.

    `focus`: the span of the passage figure that agrees with the claim, if any. Places are then read where that
    figure is (its clause, else its sentence, else the whole passage), so "140 wounded in Mairab" is not taken for
    the claim's "140 wounded in Qasra" because Qasra is named elsewhere in the passage. `places_and_periods`:
    False leaves out places and periods; `negation_and_direction`: False leaves out negation and direction (a
    numeric claim reads those in the two figures' own clauses); `weekdays`: False leaves out weekdays (a
    numeric claim reads them in the two figures' own clauses: "announced on Tuesday that it opens on 14 June");
    `negation_on_shared_words`: a side is negated only when the word its negation governs is a word of the other
    side (`negations_differ_on_shared_words`; for a numeric claim whose figures agree: "found no problems" and
    "found nothing of concern" deny nothing of each other); `periods`: False leaves out days, months and years
    (a source telling what had been planned or said before: "had been due to finish by December 2026").
    """
    reasons = []
    if negation_on_shared_words:
        claim_negated, passage_negated = negations_differ_on_shared_words(claim, passage)
    else:
        claim_negated, passage_negated = _negated_about(claim, passage), _negated_about(passage, claim)
    if negation_and_direction and claim_negated != passage_negated:
        negated, other = ("The claim", "the source") if claim_negated else ("The source", "the claim")
        reasons.append(f"{negated} denies what {other} states: one says \u201cnot\u201d where the other does not.")
    for kind in ("change", "level"):  # "rose 3.4%" is a change, "fell to 3.4%" a level: each compared with its kind
        claim_up, claim_down = _direction(claim, kind)
        passage_up, passage_down = _direction(passage, kind)
        if negation_and_direction and claim_up != claim_down and passage_up != passage_down and claim_up != passage_up:
            said, other = ("a rise", "a fall") if claim_up else ("a fall", "a rise")
            reasons.append(f"The claim reports {said}, the source {other}.")
    if not places_and_periods:
        return reasons
    for kind, (claim_periods, passage_periods) in zip(
        ("day", "month", "year"), zip(_periods(claim), _periods(passage), strict=True), strict=True
    ):
        if (kind == "day" and not weekdays) or not periods:
            continue
        if claim_periods and passage_periods and not claim_periods & passage_periods:
            reasons.append(
                f"The claim gives the {kind} as {_listed(claim_periods)}, the source as {_listed(passage_periods)}."
            )
    claim_places, passage_places = _places(claim), _focused_places(passage, focus)
    if (
        claim_places
        and passage_places
        and not _places_overlap(claim_places, passage_places)
        and not _named_in(claim_places, focused_sentence(passage, focus))
    ):
        reasons.append(f"The claim places it in {_listed(claim_places)}, the source in {_listed(passage_places)}.")
    return reasons


def weekday_cue(claim: str, passage: str) -> list[str]:
    """The weekday cue alone: both texts name a weekday and share none (read on two figures' own clauses). A
    passage clause that dates its event by its own day ("brought down ... today after being caught by a storm on
    Saturday", "gathered this afternoon ... approved on Tuesday") gives its weekday to something else: no cue."""
    if _OWN_DAY.search(passage):
        return []
    claim_days, passage_days = _periods(claim)[0], _periods(passage)[0]
    if claim_days and passage_days and not claim_days & passage_days:
        return [f"The claim gives the day as {_listed(claim_days)}, the source as {_listed(passage_days)}."]
    return []


# Where a clause ends inside a sentence: punctuation, or a conjunction that starts another statement.
_CLAUSE_BREAK = re.compile(r"[.;:!?]+\s|,\s+|\s+(?:but|though|although|while|whereas|and)\s+", re.IGNORECASE)
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")
_STOPWORDS = frozenset(
    "the a an and or but of to in on at for from by with as is are was were be been being has have had do does did "
    "it its this that these those there their they them he she his her we our you your i me my not no never none "
    "nor without cannot said says say told would will could should can may might must than then also only just "
    "about after before over under into out up down very more most less some any all each other such".split()
)


_TO_LEVEL = re.compile(r"\s+to\b")


# Verbs whose "up" is part of the verb, not a rise: "gave up", "set up", "signed up", "picked up".
_PHRASAL_UP = re.compile(
    r"\b(?:gave|give[sn]?|giving|set(?:s|ting)?|sign(?:ed|s|ing)?|pick(?:ed|s|ing)?|took|take[sn]?|taking|turn(?:ed|s|ing)?"
    r"|show(?:ed|s|ing)?|end(?:ed|s|ing)?|fill(?:ed|s|ing)?|clean(?:ed|s|ing)?|follow(?:ed|s|ing)?|line[ds]?|lining"
    r"|call(?:ed|s|ing)?|hold(?:s|ing)?|held|put(?:s|ting)?|use[ds]?|using|wound|broke|break(?:s|ing)?|split(?:s|ting)?"
    r"|tid(?:y|ied|ies)|dug|dig(?:s|ging)?|sum(?:s|med)?|came|come[s]?|coming|woke|wake[s]?)\s+up\b",
    re.IGNORECASE,
)


def _direction(text: str, kind: str) -> tuple[bool, bool]:
    """Whether `text` reports a rise and a fall of `kind`: "level" for a verb followed by "to" ("fell to 3.4%"),
    "change" otherwise ("rose 3.4%"); the "up" of a verb ("gave up", "set up") is no rise."""
    text = _PHRASAL_UP.sub(lambda match: match.group(0)[:-2] + "__", text)
    found = []
    for pattern in (_UP, _DOWN):
        found.append(any(bool(_TO_LEVEL.match(text, m.end())) == (kind == "level") for m in pattern.finditer(text)))
    return found[0], found[1]


_CONDITION = re.compile(r"\s*(?:if|unless|whether)\b", re.IGNORECASE)
_CONDITION_AFTER = re.compile(r"\b(?:if|unless|whether)\b", re.IGNORECASE)  # a condition later in the clause


def _negated_about(text: str, other: str) -> bool:
    """Whether `text` negates something the `other` text talks about: a negation counts only in a clause that shares
    a content word with `other` ("The ceasefire held, though no aid arrived" does not negate "The ceasefire held")."""
    topic = _content_words(other)
    for clause in _CLAUSE_BREAK.split(text):
        if _CONDITION.match(clause):
            continue  # "If he does not pay ..." states a condition, not a denial
        clause = _CONDITION_AFTER.split(clause, maxsplit=1)[0]  # "... strike days in December if there is no offer"
        clause = _RELATIVE_NEGATION.sub(" ", clause)  # "children who have not received two doses": a group
        if _NEGATION.search(clause) and (_content_words(clause) & topic or not topic):
            return True
    return False


# Adjectives that say "not": "unsafe to enter" says what "cannot be entered" says.
_NEGATIVE_WORD = re.compile(
    r"\b(?:unsafe|unable|unfit|unusable|unavailable|unsuitable|uninhabitable|inaccessible|impassable)\b", re.I
)
# Words a negation passes over to the word it governs: number words and units ("not the 3.1 percent targeted").
_NOT_GOVERNED = frozenset(
    "percent per cent than one two three four five six seven eight nine ten eleven twelve hundred thousand million "
    "billion dozen".split()
)


def negations_differ_on_shared_words(claim: str, passage: str) -> tuple[bool, bool]:
    """Whether the claim, and the passage, negate the other's words: the first content word a negation governs
    ("did not approve the $2 billion aid package": approve) is a word of the other side ("approved"). A side
    whose negation governs none of the other's words denies nothing of it ("found no problems" / "found nothing
    of concern"; "14 percent was not eaten and was thrown away" / "a seventh was thrown away"); a negative
    adjective or a negation of its own on the other side ("unsafe to enter" / "cannot be entered"; "refused a
    ransom" / "refused to pay a ransom") says the same thing."""
    claim_negated, passage_negated = _denies_shared(claim, passage), _denies_shared(passage, claim)
    if claim_negated != passage_negated:
        other = passage if claim_negated else claim
        if _NEGATIVE_WORD.search(other) or _negated_about(other, claim if claim_negated else passage):
            return False, False  # both say "not", in their own words ("refused a ransom" / "refused to pay")
    return claim_negated, passage_negated


def _denies_shared(text: str, other: str) -> bool:
    stems = _content_words(other)
    for clause in _CLAUSE_BREAK.split(text):
        if _CONDITION.match(clause):
            continue
        clause = _CONDITION_AFTER.split(clause, maxsplit=1)[0]
        clause = _RELATIVE_NEGATION.sub(" ", clause)
        for match in _NEGATION.finditer(clause):
            governed = [w for w in _content_list(clause[match.end() :]) if w not in _NOT_GOVERNED][:1]
            if any(_same_stem(word, stem) for word in governed for stem in stems):
                return True
    return False


def _same_stem(first: str, second: str) -> bool:
    """Two crude stems of one word: equal, one the other with an ending ("approve", "approv"), or an irregular
    form ("uphold", "upheld")."""
    short, long = sorted((first, second), key=len)
    if first == second or (len(short) >= 4 and long.startswith(short)):
        return True
    return len(short) >= 5 and difflib.SequenceMatcher(None, first, second).ratio() >= 0.8


# A negation inside a relative clause says which people or things are meant ("all children who have not received
# two doses"), not that something is untrue: the relative clause up to its verb's object is left out.
# So is a negated second verb of the relative clause ("each household that has lost its home or cannot return").
_RELATIVE_NEGATION = re.compile(
    r"\b(?:who|whom|which|that)\s+(?:(?:\w+\s+){0,2}?|(?:\w+\s+){1,5}?(?:or|and)\s+)(?:not|never|cannot|n't)"
    r"\s+\w+(?:\s+\w+)?"
    # "The £25 entry fee has not changed for six years": unchanged, the same figure told again, no denial
    r"|\b(?:has|have|had)\s*(?:not|never|n't)\s+(?:been\s+)?changed\b"
    # "The fair would not happen without its 260 volunteers": what could not be without what was, no denial
    rf"|{COUNTERFACTUAL.pattern}",
    re.IGNORECASE,
)


def _content_words(text: str) -> set[str]:
    return set(_content_list(text))


def _content_list(text: str) -> list[str]:
    """The crude stems of `text`'s content words, in text order."""
    words = []
    for word in _WORD.findall(text.lower()):
        word = word.strip("'’-")
        if len(word) < 3 or word in _STOPWORDS:
            continue
        for suffix in ("ing", "ed", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 3:
                word = word[: -len(suffix)]
                break
        words.append(word)
    return words


def _periods(text: str) -> tuple[set[str], set[str], set[str]]:
    """The weekdays, months and years a text names, compared separately ("July 2016" vs "August 2016" differ)."""
    modifiers = [m.span() for m in _WEEKDAY_MODIFIER.finditer(text)]
    days = {
        m.group(1).capitalize() for m in _WEEKDAY.finditer(text) if not any(a <= m.start() < b for a, b in modifiers)
    }
    months = {next(g for g in m.groups() if g) for m in _MONTH.finditer(text)}
    years = {
        str(int(d.value))
        for d in find_dates(text)
        if d.value is not None
        and 1000 <= d.value <= 2999
        and not _SINCE.search(text, max(0, d.start - 8), d.start)
        and not _BASE_OR_START.search(text, max(0, d.start - 80), d.start)
    }
    return days, months, years


# "every December since 1987": a period that runs to now, no year to set against another
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
# "18 percent lower than in 2025", "compared with 2024": the year a figure is set against, not its own; "the lowest
# since the survey began in 2009": the start of a run of years, not the year of the figure
_BASE_OR_START = re.compile(
    r"\b(?:than|compared\s+(?:with|to))\s+(?:in\s+)?$"
    r"|\bsince\s+(?:[\w'\u2019-]+\s+){1,6}?(?:began|begun|started|opened|was\s+set\s+up)\s+in\s+$",
    re.IGNORECASE,
)


# A people's name read as its country's ("of British wintering geese" is in Britain): a demonym and its place are
# one place, not two.
DEMONYMS = {
    "British": "Britain",
    "English": "England",
    "Scottish": "Scotland",
    "Welsh": "Wales",
    "Irish": "Ireland",
    "French": "France",
    "German": "Germany",
    "Spanish": "Spain",
    "Italian": "Italy",
    "Dutch": "Netherlands",
    "European": "Europe",
    "American": "America",
    "Canadian": "Canada",
    "Australian": "Australia",
}


def _places(text: str) -> set[str]:
    places = set()
    for match in _PLACE.finditer(text):
        words = [DEMONYMS.get(w, w) for w in match.group(1).split() if w not in _NOT_PLACES]
        if words:
            places.add(" ".join(words))
    return places


_SENTENCE_BREAK = re.compile(r"[.;!?]+\s")


def _focused_places(passage: str, focus: tuple[int, int] | None) -> set[str]:
    if focus is None:
        return _places(passage)
    for breaks in (_CLAUSE_BREAK, _SENTENCE_BREAK):
        start = max((m.end() for m in breaks.finditer(passage, 0, focus[0])), default=0)
        following = breaks.search(passage, focus[1])
        places = _places(passage[start : following.start() if following else len(passage)])
        if places:
            return places
    return _places(passage)


def focused_sentence(passage: str, focus: tuple[int, int] | None) -> str:
    """The sentence of the agreeing figure (the whole passage without one)."""
    if focus is None:
        return passage
    start = max((m.end() for m in _SENTENCE_BREAK.finditer(passage, 0, focus[0])), default=0)
    following = _SENTENCE_BREAK.search(passage, focus[1])
    return passage[start : following.start() if following else len(passage)]


def _named_in(places: set[str], text: str) -> bool:
    """A place is named in `text` even without a preposition before it, as part of a longer name ("to Dravec
    Regional Hospital" names Dravec): the two texts then speak of the same place."""
    capitalised = set(re.findall(r"\b[A-Z][\w’'-]+", text)) - _NOT_PLACES
    return any(set(place.split()) <= capitalised for place in places)


def _listed(items: set[str]) -> str:
    return ", ".join(sorted(items))


def _places_overlap(first: set[str], second: set[str]) -> bool:
    """Two sets of places name a common one, counting a place named in part ("Ghouta" for "Eastern Ghouta")."""
    return any(set(a.split()) & set(b.split()) for a in first for b in second)
