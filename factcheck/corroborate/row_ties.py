"""Which table row a passage figure belongs to, beyond its value: the row of another figure of the claim's sentence
(`another_figures_row`), a subgroup, a narrower group or another kind the claim does not single out (`subgroup_row`,
`narrower_row`), a named thing the claim does not name (`row_of_another`); and, for an agreeing value, whether it is
still another thing's (`agreeing_elsewhere`: another row, another year's day). `numbers.py` asks
these before it calls a pair a match or a conflict. Pure functions, no I/O.
"""

from __future__ import annotations

import re

from factcheck.corroborate.event_words import STOPWORDS, content_stems, stem
from factcheck.corroborate.figure_pairing import names_same_thing
from factcheck.corroborate.frame_times import days_of_other_years
from factcheck.corroborate.number_rules import Figure, same_counted
from factcheck.corroborate.number_values import classify
from factcheck.corroborate.paired_frames import PairedFrames
from factcheck.corroborate.signals import AGREEING, NumberStatus
from factcheck.corroborate.table_rows import (
    WHOLE_WORDS,
    label_of_a_sibling,
    label_of_a_subgroup,
    label_of_another_figure,
    label_restricted,
    name_runs,
    row_label,
    singular,
)
from factcheck.extract.figures import CALENDAR_DAY, CLOCK_TIME

__all__ = [
    "agreeing_elsewhere",
    "agreeing_row_of_another",
    "another_doings_row",
    "another_figures_row",
    "narrower_row",
    "row_held_by_another",
    "row_of_another",
    "subgroup_row",
]

_OF_BEFORE = re.compile(r"\d\s+of\s+$")  # the whole of a "381 of 412" cell
_WHEN = (CALENDAR_DAY, CLOCK_TIME)  # a day or a time of day frames a sentence; its clause is no other figure's row


def another_figures_row(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether the table row holding `passage` is another figure's of the claim's sentence: its label has a word of
    that figure's clause and not of this one's (`table_rows.label_of_another_figure`; clauses as the figures' frames
    read them)."""
    label = row_label(frames.passage_text, passage.start)
    own = frames.of_claim(claim)
    if label is None or own is None:
        return False
    other_figures = [
        figure
        for figure in frames.claim_figures
        if figure.surface != claim.surface and figure.family not in _WHEN and not figure.family.startswith("year")
    ]
    # a cell naming the claim figure's noun ("| £612,000 | from 4,300 donors |"), or a cell or label holding another
    # figure of the claim beside it ("| Busiest day | Sunday 14 June: 18,940 trips |", "| Contract (three years) |"),
    # is read by its lower-case label words only
    text = frames.passage_text
    line_start = text.rfind("\n", 0, passage.start) + 1
    cell_end = text.find("|", passage.end)
    cell = (text.rfind("|", 0, passage.start), len(text) if cell_end < 0 else cell_end)
    label_cell = (line_start, text.find("|", text.find("|", line_start) + 1))
    beside = [
        p
        for p in frames.passage_figures
        if p.start != passage.start and any(low <= p.start < high for low, high in (cell, label_cell))
    ]
    shared = any(classify(other, p) in AGREEING for other in other_figures for p in beside if other.family == p.family)
    names = not shared and not names_same_thing(claim, passage)
    # a clause holding the claim's figure too is not another figure's ("about 520,000 people now live more than 5 km
    # (3 miles) from the nearest pharmacy": the 5 km's clause is the 520,000's)
    frames_of_others = (frames.of_claim(figure) for figure in other_figures)
    others = [frame.clause for frame in frames_of_others if frame is not None and claim.surface not in frame.clause]
    return label_of_another_figure(label, own.clause, others, frames.claim_text, names)


def subgroup_row(passage: Figure, frames: PairedFrames) -> bool:
    """Whether the table row holding `passage` counts a subgroup the claim's sentence does not single out ("| Lots
    sold online | 460 |" for "more than 1,200 lots sold"; `table_rows.label_of_a_subgroup`)."""
    label = row_label(frames.passage_text, passage.start)
    return label is not None and (
        label_of_a_subgroup(label, frames.claim_text)
        or label_restricted(label, frames.claim_text)
        or _label_of_another_kind(label, frames.context or frames.passage_text, frames.claim_text)
    )


def _written_value(figure: Figure) -> float | None:
    """The value as the figure's surface writes it ("96 percent": 96; "Nine": None, no digits)."""
    digits = re.search(r"\d[\d,]*(?:\.\d+)?", figure.surface)
    return float(digits.group(0).replace(",", "")) if digits else figure.written[0]


def agreeing_elsewhere(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether a passage figure whose value agrees with the claim figure's is still another thing's: another row
    (`agreeing_row_of_another`) or another year's day (next year's June 20 is not last year's)."""
    if agreeing_row_of_another(claim, passage, frames):
        return True
    return claim.family == CALENDAR_DAY and days_of_other_years(
        frames.of_claim(claim), frames.of_passage(passage), frames.claim_text, claim.surface
    )


def agreeing_row_of_another(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether the table row holding `passage`, whose value agrees with the claim figure's, is another thing's row: a
    share's row labelled with no word of the claim (`PairedFrames.labelled_otherwise`), a named thing the claim does
    not name ("| Morwenstow Downs |"), a narrower group ("| Teams with at least one student member |"), or, for a
    value that agrees only within rounding, the row of another figure of the claim's of the same kind ("| Women (%) |
    37 |" is not the claim's "about two in five" first-timers when its "31 percent" are the women)."""
    return (
        (claim.family == "percent" and frames.labelled_otherwise(passage))
        or row_of_another(claim, passage, frames)
        or narrower_row(claim, passage, frames)
        or another_doings_row(claim, passage, frames)
        or (classify(claim, passage) is NumberStatus.WITHIN_ROUNDING and _row_of_a_told_figure(claim, passage, frames))
    )


def _row_of_a_told_figure(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether another figure of the claim's, of the same kind, is told in the row label's words (two of them, or
    the label's only one) and this figure's clause has none: "Women made up 31 percent of participants" owns "| Women
    (% of participants) |", whose 37 is no support of "about two in five were taking part" (one shared word, "the
    average grant", does not make "| Maximum grant per home |" the average's row)."""
    label = row_label(frames.passage_text, passage.start)
    own = frames.of_claim(claim)
    if label is None or own is None:
        return False
    words = _content_words(label)
    if not words or words & _content_words(own.clause):
        return False
    for other in frames.claim_figures:
        frame = frames.of_claim(other) if other.family == claim.family and other.surface != claim.surface else None
        if frame is not None and claim.surface not in frame.clause:
            shared = words & _content_words(frame.clause)
            if len(shared) >= min(2, len(words)):
                return True
    return False


def row_held_by_another(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether the table row holding `passage` gives another figure of the claim's exactly, told right after a word
    of the row's label, while the words right before this figure name none of it: "Adults paid £9 and children £4"
    owns "| Adult ticket | £7 | £8 | £9 |" by its £9, and the row's £7 is no children's price."""
    label = row_label(frames.passage_text, passage.start)
    if label is None:
        return False
    words = _content_words(label)
    own = _content_words(_words_before(frames.claim_text, claim.surface))
    if not words or words & own:
        return False
    if passage.measured and same_counted(passage.measured, claim.measured):
        return False  # the cell names the claim figure's noun: "| £518,000 | from 7,200 donors |"
    text = frames.passage_text
    line_start = text.rfind("\n", 0, passage.start) + 1
    cells_start = text.find("|", text.find("|", line_start) + 1)  # past the label's cell
    line_end = text.find("\n", passage.end)
    own_cell = (text.rfind("|", 0, passage.start), text.find("|", passage.end))
    row = [
        p
        for p in frames.passage_figures
        if cells_start < p.start < (line_end if line_end >= 0 else len(text))
        and not own_cell[0] < p.start < own_cell[1]  # "| 521-407 |": both halves of one score
    ]
    return any(
        other.surface != claim.surface
        and other.family == claim.family
        and _told_apart(frames.claim_text, other.surface, claim.surface)
        and words & _content_words(_words_before(frames.claim_text, other.surface))
        and any(p.family == other.family and classify(other, p) is NumberStatus.MATCH for p in row)
        for other in frames.claim_figures
    )


def _told_apart(text: str, first: str, second: str) -> bool:
    """Whether a content word stands between two figures of `text` ("£9 and children £4"), so each is told of its
    own thing; "from 9 percent to 21 percent" tells one thing's two ends."""
    at, other = text.find(first), text.find(second)
    if at < 0 or other < 0:
        return False
    low, high = sorted((at, other))
    between = text[low + len(first if low == at else second) : high]
    return bool(_content_words(between) - {"from", "than", "over", "with", "that", "this"})


def _words_before(text: str, surface: str) -> str:
    """The three words right before `surface` in `text` ("" when it is not there)."""
    at = text.find(surface)
    return " ".join(text[:at].split()[-3:]) if at >= 0 else ""


def _content_words(text: str) -> set[str]:
    """The lower-case words of four letters or more, without a plural's s."""
    return {
        w[:-1] if w.endswith("s") and not w.endswith("ss") else w for w in re.findall(r"[a-z]{4,}", text.casefold())
    }


def narrower_row(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether the table row holding `passage` counts only those that have something the claim's sentence does not
    name ("| Teams with at least one student member |"; `table_rows.label_restricted`), or is a sibling of the row
    the sentence names (`table_rows.label_of_a_sibling`)."""
    label = row_label(frames.passage_text, passage.start)
    own = frames.of_claim(claim)
    whole = bool(_OF_BEFORE.search(frames.passage_text[max(0, passage.start - 12) : passage.start]))
    return label is not None and (
        (label_restricted(label, frames.claim_text) and not whole)  # "| Stores with a partner | 381 of 412 |": 412
        or label_of_a_sibling(
            label,
            frames.context or frames.passage_text,
            frames.claim_text,
            own.clause if own else None,
            _written_value(claim),
        )
    )


def row_of_another(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether the table row holding `passage` belongs to a named thing the claim does not name ("| Morwenstow Downs
    |" for "Cridland Moor ... recorded 640 glows"): an agreeing value there is another row's figure."""
    label = row_label(frames.passage_text, passage.start)
    return label is not None and _name_unwritten(label, frames.claim_text)


# irregular past forms a count is told with ("withdrew three ferrets", "sold 40 tickets")
_PAST_FORMS = frozenset(
    "withdrew drew took gave sold won lost made ran saw caught found kept met paid spent sent brought bought held "
    "left grew threw rode flew wrote built fed shot dug stole".split()
)
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|or|but|while|with)\b")
_VERB_BEFORE = re.compile(r"\b([a-z]+)(?:\s+([a-z]+))?\s*$")


def another_doings_row(claim: Figure, passage: Figure, frames: PairedFrames) -> bool:
    """Whether the claim's figure is told with a verb ("withdrew three ferrets", "turned away 14 cars") that another
    row of the table names in its label ("| Ferrets withdrawn by vets |") and the row holding `passage` does not ("|
    Ferrets treated for heat stress |"): the two rows count the same things done different things to, and the
    verb picks the claim's row."""
    label = row_label(frames.passage_text, passage.start)
    at = frames.claim_text.find(claim.surface)
    if label is None or at < 0:
        return False
    near = _CLAUSE_BREAK.split(frames.claim_text[max(0, at - 40) : at])[-1]  # "prosecuted and eight": no verb
    before = _VERB_BEFORE.search(near)
    words = [w for w in (before.groups() if before else ()) if w and w not in STOPWORDS and len(w) > 2]
    if not any(word.endswith("ed") or word in _PAST_FORMS for word in words):
        return False  # "dogs from 112 breeds", "nest in 312 boxes": no verb told the figure
    verbs = {stem(word) for word in words}
    own = content_stems(label.casefold().replace("-", " "))
    if not verbs or own & verbs:
        return False
    for line in (frames.context or frames.passage_text).splitlines():
        other = row_label(line, len(line))
        theirs = content_stems(other.casefold().replace("-", " ")) if other else frozenset()
        if theirs and theirs != own and theirs & own and theirs & verbs:
            return True
    return False


def _label_of_another_kind(label: str, table: str | None, sentence: str) -> bool:
    """Whether a row's `label` is one kind of a thing its table breaks down by kind ("| Community choirs |" beside "|
    Youth and school choirs |" and "| Male voice choirs |": rows whose labels end in the same noun) and the claim's
    `sentence` writes none of the words that make it that kind: "14 choirs came from six countries" is not the
    community choirs' 41, digits or no digits."""
    words = re.findall(r"[a-z]+", label.casefold())
    if len(words) < 2 or not table or len(words[-1]) < 4:
        return False
    noun = singular(words[-1])
    kinds = [w for w in words[:-1] if len(w) >= 3 and w not in _KIND_LINKS]
    if not kinds:
        return False
    others = [re.findall(r"[a-z]+", (row_label(line, len(line)) or "").casefold()) for line in table.splitlines()]
    alike = sum(len(other) >= 2 and other != words and singular(other[-1]) == noun for other in others)
    if alike < 2:
        return False
    said = {singular(w) for w in re.findall(r"[a-z]+", sentence.casefold())}
    return not any(singular(kind) in said for kind in kinds)


_KIND_LINKS = frozenset({"and", "or", "the", "for", "with", "other", "all"})


def _name_unwritten(label: str, claim_text: str) -> bool:
    """Whether a row's `label` is a name of two or more capitalised words ("| Morwenstow Downs | 570 | 640 |") none of
    which the claim's sentence writes, in any case, while the sentence names something of its own with two or more
    ("Cridland Moor ... recorded 640 glows"): the row is that named thing's, not the claim's. A claim naming
    nothing may still be told by a label in title case ("| Heavy Goods Vehicle |" for "Lorries now pay 16 pounds")."""
    words = re.findall(r"[\w'\u2019-]+", label)
    if len(words) < 2 or not all(word[:1].isupper() and word.isalpha() for word in words):
        return False
    if any(word.casefold() in WHOLE_WORDS for word in words):
        return False
    written = {singular(word.casefold()) for word in re.findall(r"[A-Za-z][\w'\u2019-]*", claim_text)}
    return not any(singular(word.casefold()) in written for word in words) and bool(name_runs(claim_text))
