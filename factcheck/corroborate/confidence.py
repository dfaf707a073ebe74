"""How sure a decisive stance is: what more than the bare rule backs a support or a conflict.

A decisive stance is *confident* (`Signals.confident`, at or above `types.CONFIDENT`) when:

- a numeric claim: every figure pair that decides it is grounded: the same counted noun named on both sides (or
  a synonym), or a place or event word shared by the two figures' frames. A value that merely matches ("40" and
  "40" with nothing else in common) stays a tentative decision;
- a quote claim: faithful words with the same named speaker (support), a changed number or negation in quoted
  speech or a swapped content word (conflict), or faithful words the source gives to another named speaker (conflict);
- a conflict from a negation or direction cue alone, or from the NLI model alone, is never confident.

Only confident stances count as independent sources (`check.CheckedClaim.independent`).

A tentative numeric support that rests only on *common* figures (`rests_on_common_figures`: bare counts below ten,
"five", "three") decides nothing: the passage is `related`; so does a confident one on a small count the claim
writes into a compound ("a two-classroom extension") when another figure of the claim is one the source gives for
another thing. A story's documents are full of small counts, and a
value alone ties "five consecutive meetings" to "the other five forecast" as easily as to the same five (round 5
preparation: 11 of 85 wrong cards on round3 and round4 were small counts or short periods matched on the value
alone; short periods are kept, as "nearly nine hours" or "within eight hours" are as often the same period).

A decision *stands alone* (`stands_alone`) when it may be shown from deep in the candidate list, below the few
passages a claim is always shown with: a support whose figures are the claim's own (every compared figure the same
value, none disagreeing or merely close), confident on a figure that is not a bare small count, or tentative (the
value alone ties the two) on a rare figure (`_rare`: "11 percent", "02:17", "4,200"; not "two years" or "12") or on
two counts of different values (`_two_counts_agree`), or with a figure merely close, named as the passage names it,
beside a rare figure the passage gives exactly; or faithful words by the same named speaker; and a confident
conflict on quoted words the passage holds with a word changed. On table rows (`is_table_rows`), a confident support
stands alone too, also when it is close rather than the same ("| Cancelled | 412 |" for "more than 400 flights") or
a small count whose row label the claim names beside it ("| Seriously injured | 3 |"), and so does a confident
conflict on a figure alone in its row, or on a count in a row's last cell under a year column, the row's label
naming what the claim's count counts ("| Volunteers | 160 | 190 |" for "210 volunteers"). A confident conflict on a
vote's tally ("nine votes to five" against "Nine for, four against"), and one whose every disagreeing figure holds
the claim's digits in another order ("£6.8 million" for "£8.6 million", a likely slip in copying the figure), stand
alone anywhere.
Looser agreements and other conflicts need a passage retrieval ranks near the top, where it is about the same story.
"""

from __future__ import annotations

import re

from factcheck.corroborate.event_words import content_stems
from factcheck.corroborate.number_rules import GENERIC_NOUNS
from factcheck.corroborate.number_values import surfaces_transposed
from factcheck.corroborate.signals import (
    AGREEING,
    FAITHFUL,
    FigurePair,
    NumberSignal,
    NumberStatus,
    QuoteSignal,
    QuoteStatus,
    Signals,
    SpeakerStatus,
    Stance,
)
from factcheck.corroborate.table_rows import GENERIC_LABELS, label_opens_with_noun, row_label
from factcheck.corroborate.table_units import line_at, under_a_year
from factcheck.extract import ClaimKind
from factcheck.extract.figures import find_days_and_times, find_quantities

SURE = 0.9
TENTATIVE = 0.6
# How the reason of a vote's tally told differently opens (`vote_tallies.py`): two counts name one vote, so such a
# confident conflict stands alone.
TALLY_DISAGREES = "The source gives the vote as "
# How the reason of a whole score told alike opens (`scores.py`): a score's halves are small counts, but one score
# told in both texts ties the passage to the claim.
SCORE_AGREES = "The source gives the same score: "
# The reason a support on common figures only is shown as related (`rests_on_common_figures`).
COMMON_FIGURES_REASON = (
    "Only a small count is shared, and many passages of a story give small counts: not enough to support the claim."
)


def confidence_of(
    kind: ClaimKind,
    stance: Stance,
    numbers: NumberSignal | None,
    quote: QuoteSignal | None,
    cues: tuple[str, ...],
) -> float:
    """The confidence of `stance` (0 for related), from the signals that decided it (rules in the module
    docstring)."""
    if stance is Stance.RELATED:
        return 0.0
    if kind is ClaimKind.QUOTE:
        if quote is None:
            return TENTATIVE
        if stance is Stance.SUPPORTS:
            return SURE if quote.status in FAITHFUL and quote.speaker is SpeakerStatus.SAME else TENTATIVE
        if quote.status is QuoteStatus.ALTERED and (
            quote.changed_numbers or quote.changed_negations or quote.changed_words
        ):
            return SURE
        if quote.status in FAITHFUL and quote.speaker is SpeakerStatus.DIFFERENT:
            return SURE
        return TENTATIVE
    if numbers is None:
        return TENTATIVE
    deciding = NumberStatus.MISMATCH if stance is Stance.CONFLICTS else None
    pairs = [p for p in numbers.pairs if (p.status is deciding) or (deciding is None and p.status in AGREEING)]
    if stance is Stance.CONFLICTS and not pairs:
        return TENTATIVE  # a cue alone
    return SURE if pairs and all(p.grounded for p in pairs) else TENTATIVE


_NOT_COMPARED = (NumberStatus.NO_NUMBERS, NumberStatus.DIFFERENT_THING)


def rests_on_common_figures(
    stance: Stance, confidence: float, numbers: NumberSignal | None, sentence: str = ""
) -> bool:
    """Whether a support agrees only on common figures (module docstring): bare counts below `_SMALL_COUNT`; a
    tentative support, or a confident one on small counts the claim's `sentence` writes into a compound ("a
    two-classroom extension") beside a figure the source gives for another thing (the claim's 215 children against
    the source's 159 pupils): the compound names the thing both talk about, not a count either reports."""
    if stance is not Stance.SUPPORTS or numbers is None:
        return False
    agreeing = [pair for pair in numbers.pairs if pair.status in AGREEING]
    if confidence >= SURE and not (
        all(re.search(rf"\b{re.escape(pair.claim_surface)}-[a-z]", sentence) for pair in agreeing)
        and any(pair.status is NumberStatus.DIFFERENT_THING for pair in numbers.pairs)
    ):
        return False
    return bool(agreeing) and not any(_telling(pair) for pair in agreeing)


def stands_alone(
    signals: Signals, passage_text: str | None = None, document_text: str | None = None, sentence: str = ""
) -> bool:
    """Whether `signals` decide enough to be shown from anywhere in the judged list (module docstring);
    `passage_text`, when given, lets a confident decision on a table row stand alone (`is_table_rows`),
    `document_text` shows which rows are over the years and the claim's `sentence` what its figures count."""
    rows = passage_text is not None and is_table_rows(passage_text)
    if passage_text is not None and rows and _confident_on_figures(signals, passage_text, document_text, sentence):
        return True
    if signals.stance is Stance.CONFLICTS:
        tally = signals.confident and any(reason.startswith(TALLY_DISAGREES) for reason in signals.reasons)
        # (a table row's other cells are other years and other things: there a rare cell agreeing ties less)
        tied = not rows and _tied_by_a_rare_match(signals)
        return tally or _confident_slip(signals) or _quotation_altered_here(signals) or tied
    if signals.stance is not Stance.SUPPORTS:
        return False
    if signals.quote is not None:
        return signals.confident and signals.quote.status in FAITHFUL and signals.quote.speaker is SpeakerStatus.SAME
    if signals.numbers is None:
        return False
    pairs = signals.numbers.pairs
    matched = [pair for pair in pairs if pair.status is NumberStatus.MATCH]
    if not all(pair.status is NumberStatus.MATCH or pair.status in _NOT_COMPARED for pair in pairs):
        # a close figure beside one the passage gives exactly ("nearly 7,900" for 7,850 beside 7,412 for 7,412):
        # the rare figure ties the passage to the claim, the close one is then the same figure rounded
        # (the close one naming what it counts as the passage does)
        close = all(pair.status in AGREEING or pair.status in _NOT_COMPARED for pair in pairs)
        named = signals.confident or any(p.grounded for p in pairs if p.status in AGREEING and p not in matched)
        # or a change worked out from a row whose end is the rare figure matched ("nearly a quarter higher than
        # last year's 2,750" against "| Singers | 2,310 | 2,750 | 3,400 |")
        named = named or any(_change_from(p, matched) for p in pairs if p.status in AGREEING and p not in matched)
        return close and named and any(_rare(pair) for pair in matched)
    if signals.confident:
        return any(_telling(pair) for pair in matched)
    return any(_rare(pair) for pair in matched) or _two_counts_agree(matched)


def _tied_by_a_rare_match(signals: Signals) -> bool:
    """A confident figure conflict beside another figure of the claim the passage gives exactly, a rare one ("began
    at 7.30 p.m. ... well past the arena's 10.30 p.m. curfew" against "The first heat went off at 19:30 ... past the
    22:00 curfew"): the rare figure ties the passage to the claim's story, as a rare figure ties a support."""
    if not signals.confident or signals.quote is not None or signals.numbers is None:
        return False
    return any(pair.status is NumberStatus.MATCH and _rare(pair) for pair in signals.numbers.pairs)


def _change_from(pair: FigurePair, matched: list[FigurePair]) -> bool:
    """Whether `pair` is a change worked out from two cells of a row ("2,750 | 3,400") one of which a matched pair
    gives exactly."""
    ends = [end.strip() for end in (pair.passage_surface or "").split("|")]
    return len(ends) == 2 and any(m.passage_surface in ends for m in matched)


def _two_counts_agree(matched: list[FigurePair]) -> bool:
    """Two of the claim's counts, of different values and neither a bare small count, both the passage's ("64
    defibrillators ... used on patients 23 times" and "| 2025 | 64 | 23 | 7 | 9 |"): one two-digit count turns up in
    any story's documents, two together tie the passage to the claim."""
    values = {pair.passage_value for pair in matched if _telling(pair)}
    return len(values) >= 2


def _quotation_altered_here(signals: Signals) -> bool:
    """A confident conflict on quoted words the passage itself holds with a word or number changed
    ("Every penny of surplus goes back ..." for "Every penny of profit goes back ..."): the words are located,
    so the finding does not rest on the passage being about the same story."""
    quote = signals.quote
    if not signals.confident or quote is None or quote.in_document or quote.status is not QuoteStatus.ALTERED:
        return False
    return bool(quote.changed_words or quote.changed_numbers)  # each needs most of the quote lined up


def _confident_slip(signals: Signals) -> bool:
    """A confident figure conflict whose every disagreeing figure holds the claim's digits in another order ("£6.8
    million" for "£8.6 million"): a likely slip in copying the figure, worth showing from deep in the list."""
    if not signals.confident or signals.quote is not None or signals.numbers is None:
        return False
    mismatched = [pair for pair in signals.numbers.pairs if pair.status is NumberStatus.MISMATCH]
    return bool(mismatched) and all(
        surfaces_transposed(pair.claim_surface, pair.passage_surface or "") for pair in mismatched
    )


def is_table_rows(text: str) -> bool:
    """A passage made of table rows only ("| Apprentices | 140 |"): retrieval ranks such short passages low, and
    a row says what it counts by its label."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return bool(lines) and all(line.startswith("|") and line.endswith("|") for line in lines)


def _confident_on_figures(signals: Signals, rows: str, context: str | None, sentence: str) -> bool:
    """A confident numeric decision on table rows (a row's label named beside the claim's figure, the same counted
    noun: `confidence_of`); a support may rest on a small count there ("| Seriously injured | 3 |": the label says
    what the 3 counts). A conflict also needs each disagreeing figure not a bare small count and alone in its row,
    and not a share, a day or a time: which column of "| Total | 3,412 | 2,846 | +19.9% |" is the claim's year, or
    which district's rate is its town's, the row does not say."""
    if signals.stance is Stance.RELATED or not signals.confident or signals.quote is not None:
        return False
    if signals.numbers is None:
        return False
    deciding = NumberStatus.MISMATCH if signals.stance is Stance.CONFLICTS else None
    pairs = [p for p in signals.numbers.pairs if p.status is deciding or (deciding is None and p.status in AGREEING)]
    if not pairs:
        return False
    return deciding is None or all(_telling(pair) and _alone_in_row(pair, rows, context, sentence) for pair in pairs)


def _alone_in_row(pair: FigurePair, rows: str, context: str | None, sentence: str) -> bool:
    """The disagreeing figure is its row's only figure, or this year's: the last cell of a row of like figures
    under year columns, the row's label naming what the claim's figure counts (`_label_names`; "| Volunteers | 160
    | 190 |" for "210 volunteers"), and not a share, a day or a time."""
    if pair.passage_start is None:
        return False
    low, high = line_at(rows, pair.passage_start)
    found = find_quantities(rows[low:high]) + find_days_and_times(rows[low:high])
    if any(figure.dimension in ("percent", "date", "time") for figure in found):
        return False
    if len(found) == 1:
        return True
    label = row_label(rows, pair.passage_start) or ""
    # (not a row of different measures, "| Saturday | 9,200 | 2,900 |" under "| Day | Visitors | Park-and-ride |",
    # nor a part's row, "| Runners - men |", "| Swimmers, high schools |", nor one ending in a year with no figure)
    return (
        not rows[pair.passage_end : high].strip(" |\t")
        and len({(figure.unit, figure.dimension) for figure in found}) == 1
        and not _LABEL_QUALIFIED.search(label)
        and under_a_year(rows, pair.passage_start, context)
        and _label_names(pair, label, sentence)
    )


_LABEL_QUALIFIED = re.compile(r",\s|\s[-\u2013\u2014]\s")
_NEAR = 60  # how far around the claim's figure its words are read


def _label_names(pair: FigurePair, label: str, sentence: str) -> bool:
    """Whether a row's label names what the claim's count in `sentence` counts: its counted noun ("| Choirs taking
    part |" for "74 choirs"), or, for a count of people, a word written in lower case near it ("| Treated by
    paramedics |" for "11 people were treated"). Never an amount (money, a length, a time): on the 54 seen splits
    such rows, named by the words around the claim's amount, were as often another row's ("| Sponsorship (£) |"
    for the cost "of which sponsors paid")."""
    figures = [q for q in find_quantities(sentence) if q.surface == pair.claim_surface]
    if not figures or pair.passage_end is None:
        return False
    figure = figures[0]
    if figure.unit is not None:
        return False  # an amount: its row is named by words the claim may share with another row's
    noun = (figure.measured or "").lower()
    if noun and noun not in GENERIC_NOUNS:
        return label_opens_with_noun(label, noun, sentence, participles=False)  # not "| Sculptures |" for sculptors
    named = content_stems(label) - GENERIC_LABELS
    near = sentence[max(0, figure.start - _NEAR) : figure.end + _NEAR // 2]
    return bool(content_stems(near, lower_only=True) & named)


# a vague small count told as a range of whole numbers ("one or two", "two to three"): as common as a bare count
_SMALL_RANGE = re.compile(r"(?:[a-z]+|\d)\s+(?:or|to)\s+(?:[a-z]+|\d)", re.IGNORECASE)
_SMALL_COUNT = 10  # a count below this ("two lines", "five exits") turns up in almost any passage of a story


def _telling(pair: FigurePair) -> bool:
    """A matched figure rare enough to tie a passage to the claim: not a bare count below `_SMALL_COUNT` (a bare
    decimal, "+2.2" in a table column of degrees, is a measurement, not a count)."""
    value = pair.passage_value
    if pair.reason.startswith(SCORE_AGREES):
        return True
    if value is None or abs(value) >= _SMALL_COUNT or not pair.passage_surface:
        return True
    if not float(value).is_integer() and not _SMALL_RANGE.fullmatch(pair.passage_surface):
        return True
    # "two", "five": a count; "six weeks", "$4": an amount, and so is a bare cell compared with "9 percent" (its row
    # or column gives it the unit: "| Egg-bearing females (% of crabs measured) | 6 | 9 |")
    return not all(_bare_count(surface) for surface in (pair.passage_surface, pair.claim_surface))


def _bare_count(surface: str) -> bool:
    read = find_quantities(surface)
    return len(read) == 1 and read[0].unit is None


_RARE_BARE_COUNT = 100  # a count with no unit ties a passage by its value alone only from three digits on


_DECIMAL = re.compile(r"\d\.\d")


def _rare(pair: FigurePair) -> bool:
    """A matched figure that ties a passage to the claim by its value alone: an amount of at least `_SMALL_COUNT`
    as written ("11 percent", "31 hours", "1,190 to 1,505") or a measure to a decimal place ("7.2 kg"), a day or a
    time of day ("October 27", "02:17"), or a count with no unit from `_RARE_BARE_COUNT` on ("4,200"). "Two years"
    turns up in any story, and two-digit counts ("12 remain pending", "14 other bridges") in the many counts of one
    story's documents."""
    if not pair.passage_surface:
        return False
    read = find_quantities(pair.passage_surface)
    if len(read) != 1:
        return pair.passage_value is not None and abs(pair.passage_value) >= _SMALL_COUNT  # a day, a time
    written = read[0].value if read[0].value is not None else read[0].high
    if written is None:
        return False
    if (
        read[0].unit not in (None, "percent", "fraction")
        and _DECIMAL.search(pair.passage_surface)
        and (2 * written) % 1
    ):
        return True  # a measure told to a decimal place, not a half ("7.2 kg", "3.4 percent"; not "2.5 hours")
    return abs(written) >= (_RARE_BARE_COUNT if read[0].unit is None else _SMALL_COUNT)
