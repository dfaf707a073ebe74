"""Whether two figures of the same unit count the same thing: the place, period and event around each figure.

Two figures in the same unit can still count different things: 30 trucks to Moadamiyeh and 20 trucks into
eastern Aleppo; 275,000 people cut off and 40,000 people one convoy can feed. A comparison may decide (support or
conflict) only when the two *frames* agree. A frame is read from the clause and sentence around a figure:

- places: capitalised names after a place word ("in", "into", "near", "across", "of", "reached", ...), allowing
  lower-case modifiers between ("into eastern Aleppo", "in the eastern, opposition-held part of Aleppo");
  acronyms ("UN") are organisations, not places. A passage sentence that names no place takes the places of its
  paragraph, else of the heading above it ("## Aleppo"), from the stored document.
- periods: month names and years named in the sentence (weekdays are left out: a report's day is often not the
  event's).
- event words: the lower-case content words of the figure's sentence, without function words, reporting verbs,
  periods, numbers and the counted noun, reduced to a crude stem ("remaining" and "remained" -> "remai").

The frames differ when both name places and share none; when both name a month or year and share none; when
both clauses say whom or what the figure is for and share none ("for orthopaedics", "for ophthalmology"); when
only the passage's sentence names another one of a kind ("a separate count", "the sister ship"); or, when
the counted noun does not say what is counted (missing, or a generic "people"), when both sentences have event
words and share none ("275,000 people are cut off" and "enough food to feed 40,000 people"). The clause around
each figure (split at commas, semicolons, dashes and conjunctions) is kept to show in a reason. Pure functions,
no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.corroborate.cues import DEMONYMS
from factcheck.corroborate.event_words import content_stems
from factcheck.corroborate.figure_kinds import FigureKind, kind_at
from factcheck.corroborate.figure_times import (
    MONTHS,
    SEASON,
    WEEKDAYS,
    eras_of,
    is_running,
    is_timed,
    later_clause_start,
    looks_back,
    periods_clash,
    periods_of,
)
from factcheck.corroborate.for_whom import for_another
from factcheck.corroborate.signals import shortened
from factcheck.extract import split_sentences
from factcheck.extract.quotes import FEMALE_FIRST_NAMES, MALE_FIRST_NAMES

__all__ = ["Frame", "eras_differ", "frame_at", "frame_difference", "running_earlier", "sentence_of", "shares_event"]

_PLACE_WORDS = (
    r"in|into|inside|near|at|from|across|outside|throughout|to|towards?|of|around|reached|reaching|reaches|reach"
    r"|entered|enter|enters|left|leaving|via|through|within|between|and"
)
_MODIFIER = (
    r"(?:the|eastern|western|northern|southern|central|north|south|east|west|rural|greater|neighbouring"
    r"|neighboring|nearby|besieged|[a-z]+-held|[a-z]+-controlled|north-?eastern|north-?western|south-?eastern"
    r"|south-?western|northeast|northwest|southeast|southwest|part|parts|city|town|village|district|province"
    r"|region|capital|suburb|area|areas|edge|outskirts|centre|center)"
)
_PLACE = re.compile(
    rf"\b(?i:{_PLACE_WORDS})\s+(?:{_MODIFIER}[\s,]+(?:of\s+)?)*"
    r"((?:[A-Z][a-z][\w'\u2019\-]*)(?:\s+(?:[A-Z][a-z][\w'\u2019\-]*|al-[A-Z]\w+|de|du|el))*)"
)
NEAR_WORDS = 5  # words either side of a figure that say what happened to what it counts
_NOT_PLACE_NAMES = frozenset({m.capitalize() for m in MONTHS} | {d.capitalize() for d in WEEKDAYS}) | {
    "The",
    "A",
    "An",
    "I",
    "We",
    "He",
    "She",
    "They",
    "It",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    # question words opening a heading ("## How visitors travelled"): read as "in How" they made a place
    "How",
    "What",
    "Why",
    "Where",
    "When",
    "Who",
    "Which",
}
# "which" after a preposition ("28 days in which to appeal") goes on describing the figure: not a break.
_FIRST_NAMES = MALE_FIRST_NAMES | FEMALE_FIRST_NAMES
_CAPITALISED = re.compile(r"\b[A-Z][a-z][\w'\u2019-]*")
_CLAUSE_BREAK = re.compile(
    r"[,;:()\u2013\u2014]|\s-\s|\b(?:and|but|while|whereas|although|though|when)\b"
    r"|(?<!\bin )(?<!\bof )(?<!\bby )(?<!\bat )(?<!\bfor )(?<!\bwith )(?<!\bfrom )\b(?:which|who)\b"
)
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019\-]*")
_CONVERSION = re.compile(r"\s*\(\s*(?:about\s+|around\s+)?[\d.,]+\s*[A-Za-z°%][\w°/.]*\s*\)")


@dataclass(frozen=True, slots=True)
class Frame:
    """What surrounds one figure: the places, periods and event stems of its sentence and clause, and the clause
    itself (shown in reasons)."""

    places: frozenset[str]
    periods: frozenset[str]
    events: frozenset[str]
    clause: str
    clause_events: frozenset[str] = frozenset()
    near_events: frozenset[str] = frozenset()  # the event words within `NEAR_WORDS` words of the figure
    before: tuple[str, ...] = ()  # the three words before the figure and the three after, lower case
    after: tuple[str, ...] = ()
    eras: frozenset[str] = frozenset()  # years and relative periods ("last year", "the past 12 months")
    named: frozenset[str] = frozenset()  # every capitalised word of the sentence ("Arden city has reported")
    kind: FigureKind = FigureKind()  # an addition, a change, a proposal ... (`figure_kinds.py`)
    looks_back: bool = False  # dated to an earlier or a usual time ("A year ago, ...", "In a normal year ...")
    running: bool = False  # a running count told as of a moment ("So far 134 ...", "By midday, 198 ...")
    timed: bool = False  # the sentence ties what it tells to a time ("on Wednesday evening", "since Sunday")
    sentence: str = ""  # the figure's whole sentence


def frame_at(
    text: str,
    start: int,
    end: int,
    counted: str | None = None,
    context: str | None = None,
    percent: bool = False,
) -> Frame:
    """The frame of the figure at [start, end) of `text`.

    Args:
        text: the text holding the figure (a claim's sentence, a passage).
        start, end: the figure's offsets in `text`.
        counted: the noun the figure counts ("trucks"), left out of the event words.
        context: text read for places when the figure's sentence names none (the passage's paragraph or section
            heading in its document).
        percent: the figure is a percentage (whose kind may be a change or a level).
    """
    sentence, offset = sentence_of(text, start, end)
    clause = _clause_of(sentence, start - offset, end - offset)
    later = later_clause_start(sentence, end - offset)  # a place named in a clause joined after is that clause's
    places = _places(sentence[:later] if later is not None else sentence)
    if not places and context:
        places = _places(_placing_lines(context, sentence))
    periods = periods_of(sentence)
    skip = {w.lower() for w in _WORD.findall(f"{counted or ''} {text[start:end]}")}  # the figure's own words
    # a sentence ending on a clause of the figure alone ("So far this term, one point eight million pounds.", an
    # answer in a transcript): the words before it say what the figure is of
    alone = sentence.rstrip(" .!?\n").endswith(clause.rstrip(" .!?\n")) and not sentence.startswith(clause)
    alone = alone and not [w for w in _WORD.findall(clause) if w.lower() not in skip]
    near = _near_text(sentence, sentence if alone else clause, start - offset, end - offset, skip)
    before = tuple(w.lower() for w in _WORD.findall(sentence[max(0, start - offset - 60) : start - offset])[-3:])
    after = tuple(w.lower() for w in _WORD.findall(sentence[end - offset : end - offset + 60])[:3])
    return Frame(
        places,
        periods,
        _events(sentence, skip),
        clause.strip(),
        clause_events=_events(clause, skip),
        near_events=_events(near, skip),
        before=before,
        after=after,
        eras=eras_of(sentence, near, _own_clause_before(clause, text[start:end]), (start - offset, end - offset)),
        named=frozenset(_CAPITALISED.findall(sentence)),
        kind=kind_at(sentence, clause, start - offset, end - offset, percent),
        looks_back=looks_back(sentence[: start - offset]) or looks_back(clause, text[start:end]),
        running=is_running(sentence[: start - offset]) or is_running(clause),
        timed=is_timed(sentence),
        sentence=sentence,
    )


def _placing_lines(context: str, sentence: str) -> str:
    """What of a passage's context places a figure whose sentence names no place: for a table row, the lines
    around the table and its heading, not the other rows ("| Last float at Pelliter Parade |" places that row's
    time, not the "| Floats |" above it); for a sentence of running text, only its heading ("in Aleppo"): a place
    another sentence of the paragraph names ("at the Market Square", "in Next Stop") is that sentence's."""
    if sentence.lstrip().startswith("|"):
        return "\n".join(line for line in context.split("\n") if not line.lstrip().startswith("|"))
    last = context.rsplit("\n", 1)[-1]
    return last if last.startswith("in ") else ""


def running_earlier(claim: Frame, passage: Frame, claim_value: float, passage_value: float) -> bool:
    """Whether one figure is a running count told as of a moment ("So far 134 operations have been postponed",
    "By midday, 198 people had been rescued") and smaller than the other, whose sentence ties it to a time of its
    own ("since Sunday", "on Wednesday evening") without saying so: an earlier count of a total still growing, not
    a contradiction of it. Against a count told with no time ("Almost 600,000 people have received the dose"), a
    smaller "so far" still conflicts: nothing says the claim is the later count."""
    if claim.running == passage.running or not (passage.timed if claim.running else claim.timed):
        return False
    return passage_value < claim_value if passage.running else claim_value < passage_value


def eras_differ(claim: Frame, passage: Frame) -> bool:
    """One side dates its figure (a year, "last year", "the past 12 months") or forecasts it and the other does
    not, or both do and share nothing: figures of two times, not one figure told two ways. Both naming the same
    month is one time ("from April" and "from 1 April 2027": an article leaves out the year it is about)."""
    # a forecast against what is set to happen ("is expected to take five years" / "will take four years") is two
    # accounts of one future; against what happened, two times
    one_forecast = ("forecast" in claim.eras) != ("forecast" in passage.eras)
    if one_forecast and not ({"forecast", "future"} <= claim.eras | passage.eras):
        return True
    if claim.looks_back != passage.looks_back:
        # "A year ago, in October 2025, ... 4.6 percent" is not this October's rate, nor a normal year's this one's
        return True
    if {p for p in claim.periods if not p.isdigit()} & passage.periods:
        return False
    seasons = [{era for era in frame.eras if era.startswith(SEASON)} for frame in (claim, passage)]
    if all(seasons) and not seasons[0] & seasons[1]:
        return True  # "Last summer ... 18 concerts" / "Next summer ... 40": a season against a season only
    told = {"forecast", "future", *seasons[0], *seasons[1]}
    claim_dates, passage_dates = claim.eras - told, passage.eras - told
    return claim_dates != passage_dates and not claim_dates & passage_dates


def _own_clause_before(clause: str, surface: str) -> str:
    """The words of a figure's clause before it ("the weather service said it expected totals of no more than")."""
    at = clause.find(surface)
    return clause[:at] if at > 0 else ""


def _near_text(sentence: str, clause: str, start: int, end: int, skip: set[str] | None = None) -> str:
    """The words of the figure's clause within `NEAR_WORDS` words either side of it, not counting the figure's own
    words (its counted noun: "38,000 containers are sitting on our quays" reaches "quays")."""
    before = sentence[max(0, start - 200) : start]
    after = sentence[end : end + 200]
    own = skip or set()
    before_words = [w for w in _WORD.findall(before) if w.lower() not in own][-NEAR_WORDS:]
    after_words = [w for w in _WORD.findall(after) if w.lower() not in own][:NEAR_WORDS]
    words = [w for w in before_words + after_words if w in clause]
    return " ".join(words)


def shares_event(claim: Frame, passage: Frame, moments: bool = False) -> bool:
    """Whether the words next to the two figures share an event word ("8,000 remaining residents" and "4,000
    civilians remained"; not "worked for 14 years" and "jailed for 7 years"), or the three words on one side of
    them are the same; for two times of day (`moments`), only when their clauses share an event word or tell none.
    """
    if claim.near_events & passage.near_events:
        return True
    if moments and claim.clause_events and passage.clause_events and not claim.clause_events & passage.clause_events:
        return False  # two times of day: "full by 11 a.m. on both days" / "Gates closed at 18:00 on both days"
    # The same three words on one side ("every 10 minutes at other times" / "every 12 minutes at other times").
    return (len(claim.after) == 3 and claim.after == passage.after) or (
        len(claim.before) == 3 and claim.before == passage.before
    )


def _events(text: str, skip: set[str]) -> frozenset[str]:
    return content_stems(text, skip, lower_only=True)


def frame_difference(claim: Frame, passage: Frame, events: bool = True) -> tuple[str, str] | None:
    """What sets the passage's figure apart from the claim's, as two phrases (the passage's, the claim's: "in
    Aleppo", "in Moadamiyeh"), or None when the two frames may count the same thing. `events`: False when the
    counted noun already says what is counted ("teachers", "trucks"), so only places and periods are read."""
    if (
        claim.places
        and passage.places
        and not (claim.places & passage.places)
        and not _nested(claim, passage)
        and not _named_by_other(claim, passage)
    ):
        return f"in {_listed(passage.places)}", f"in {_listed(claim.places)}"
    if periods_clash(claim.periods, passage.periods):
        return f"in {_listed(passage.periods)}", f"in {_listed(claim.periods)}"
    whom = for_another(claim.sentence, claim.clause, passage.sentence, passage.clause)
    if whom is not None:
        return whom
    if events and claim.events and passage.events and not (claim.events & passage.events):
        return f"in \u201c{shortened(passage.clause)}\u201d", f"in \u201c{shortened(claim.clause)}\u201d"
    return None


def _named_by_other(claim: Frame, passage: Frame) -> bool:
    """One side's place is named in the other's sentence without a place word before it ("Arden city has
    reported 311 cases" is about Arden, though its paragraph names Onset)."""
    words = lambda names: {w for name in names for w in name.split()}  # noqa: E731
    return bool(words(claim.places) & passage.named) or bool(words(passage.places) & claim.named)


def _nested(claim: Frame, passage: Frame) -> bool:
    """Multi-word names sharing a word ("Castello Road" and "Castello") are one place."""
    words = lambda names: {w for name in names for w in name.split()}  # noqa: E731
    return bool(words(claim.places) & words(passage.places))


# A name before one of these names a site, not a place ("at the Calvert container terminals", "the Hartwell mill"):
# a site lies inside a town the other text may name instead.
_SITE_AFTER = re.compile(
    r"\s+(?:[a-z]+\s+)?(?:terminals?|mills?|plants?|factory|factories|refinery|refineries|mines?|depots?|warehouses?"
    r"|substations?|power\s+stations?|hospitals?|clinics?|schools?|prisons?|camps?|bases?|airports?|stadiums?|docks?"
    r"|quays?|works|site|sites|centres?|centers?|offices?)\b"
)


_SOURCE_TOLD = re.compile(r"\baccording\s+$", re.IGNORECASE)


def _places(text: str) -> frozenset[str]:
    found = set()
    for match in _PLACE.finditer(text):
        if _SITE_AFTER.match(text, match.end(1)) or _SOURCE_TOLD.search(
            text, max(0, match.start() - 12), match.start()
        ):
            continue  # "according to the Northern Bird Conservancy": who says so, not where
        name = match.group(1)
        if _SITE_AFTER.match(" " + name.split()[-1].lower()) and len(name.split()) > 1:
            continue  # "Ashgrove General Hospital", "Calvert Terminal": a site named in full
        words = [
            DEMONYMS.get(w, w)
            for w in (re.sub(r"['\u2019]s?$", "", w) for w in name.split())
            if w not in _NOT_PLACE_NAMES
        ]
        if len(words) >= 2 and words[0] in _FIRST_NAMES:
            continue  # "won ahead of Ruth Chebet": a person, not a place
        if words:
            found.add(" ".join(words))
    return frozenset(found)


def sentence_of(text: str, start: int, end: int) -> tuple[str, int]:
    """The sentence holding [start, end) and its offset in `text`."""
    for sentence in split_sentences(text):
        if sentence.start <= start < sentence.end:
            return text[sentence.start : max(sentence.end, end)], sentence.start
    return text, 0


def _clause_of(sentence: str, start: int, end: int) -> str:
    """The stretch of `sentence` between the clause breaks around [start, end) (a figure's own commas, as in
    "8,000", are not breaks; a relative pronoun before the figure is kept at the clause's start)."""
    low, high = 0, len(sentence)
    conversion = _CONVERSION.match(sentence, end)  # "a 3.5-mile (5.6 km) diversion": the figure told twice
    for match in _CLAUSE_BREAK.finditer(sentence):
        if match.group(0) == "," and _inside_number(sentence, match.start()):
            continue
        if conversion is not None and conversion.start() <= match.start() < conversion.end():
            continue
        if match.end() <= start:
            # a relative pronoun opens the clause and stays in it ("who have not received two doses")
            low = (
                match.start()
                if match.group(0).isalpha() and match.group(0).lower() in ("who", "which")
                else match.end()
            )
        elif match.start() >= end and high == len(sentence):
            high = match.start()
    return sentence[low:high]


def _inside_number(text: str, position: int) -> bool:
    return 0 < position < len(text) - 1 and text[position - 1].isdigit() and text[position + 1].isdigit()


def _listed(names: frozenset[str]) -> str:
    return " and ".join(sorted(names))
