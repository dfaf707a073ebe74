"""Reading a table row or a "Label: figure" line from its text: the row's label, the capitalised words that name it,
and whether a figure is a whole cell. Pure functions over the passage text, no I/O; `paired_frames.py` asks them
whether a row is the claim figure's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from factcheck.corroborate.number_rules import BOUND_QUALIFIERS, Figure

__all__ = [
    "GENERIC_LABELS",
    "WHOLE_WORDS",
    "cells_before",
    "label_of_a_sibling",
    "label_of_a_subgroup",
    "label_of_an_activity",
    "label_of_another_figure",
    "label_opens_with_noun",
    "label_restricted",
    "label_words",
    "name_runs",
    "names_among",
    "of_another_name",
    "proper_label_words",
    "row_label",
    "row_names",
    "singular",
    "whole_cell",
]

# "Marcus Hale (National Party): 543,200 votes (44.2 percent)": a label, a colon, the figure within three words.
_ROW_LABEL = re.compile(r"\s*((?:[A-Z][\w'\u2019.-]*\s*){1,4})(?:\([^)]*\))?\s*:\s*(?:\S+\s+){0,2}$")
_SPEAKER = re.compile(r"[A-Z][A-Z'\u2019.-]+(?:\s+[A-Z][A-Z'\u2019.-]+)*")  # a speaker's name in capitals
_ROW_LINE_LIMIT = 100  # characters; a transcript turn ("MARANT: We check every vehicle ...") runs longer


def whole_cell(text: str, figure: Figure) -> bool:
    """Whether `figure` is the whole of a table cell: a "|" before it (a currency sign between) and after it."""
    before = text[: figure.start].rstrip(" $\u00a3\u20ac")
    after = text[figure.end :].lstrip(" ")
    return before.endswith("|") and after.startswith("|")


# Row labels that name no particular thing: a total row names whatever the table counts.
GENERIC_LABELS = frozenset({"total", "all", "overall", "chang", "share", "perce", "rate", "numbe", "count"})


def row_label(text: str, position: int) -> str | None:
    """The first cell of the table row holding `position`, when `position` lies in a later cell; else None."""
    low = text.rfind("\n", 0, position) + 1
    before = text[low:position].lstrip()
    if not before.startswith("|"):
        return None
    cells = before[1:].split("|")[:-1]  # the whole cells before the one holding `position`
    return cells[0].strip() if cells and cells[0].strip() else None


def bound_in_row_label(text: str, figure: Figure) -> bool:
    """Whether `figure` is a bound in the first cell of a table row ("| Veterans (over 60) | 7 | 9 |"): the bound
    names the row's group, it reports no figure."""
    low = text.rfind("\n", 0, figure.start) + 1
    return (
        figure.qualifier in BOUND_QUALIFIERS
        and text[low : figure.start].lstrip().startswith("|")
        and cells_before(text, figure.start) == 0
    )


def cells_before(text: str, position: int) -> int:
    """How many whole cells of its table row come before `position` (0 when it is not in a table row)."""
    low = text.rfind("\n", 0, position) + 1
    before = text[low:position].lstrip()
    return len(before[1:].split("|")) - 1 if before.startswith("|") else 0


def proper_label_words(text: str, position: int) -> frozenset[str]:
    """The capitalised words of a table row's label cells past each cell's first word ("Fernside", "Infant" and
    "School" but for the first, of "| Fernside Infant School | 180 |"; none of "| Officers on duty | 31 |"): the
    words that name one row apart from the others."""
    low = text.rfind("\n", 0, position) + 1
    line_start = text[low:position]
    if not line_start.lstrip().startswith("|"):
        return frozenset()
    cells = [cell.split() for cell in line_start.strip().strip("|").split("|")]
    return frozenset(
        word
        for cell in cells
        for word in cell[1:]
        if word[:1].isupper() and not any(c.isdigit() for c in word) and word.casefold() not in ("and", "of")
    )


# Words that make a row's label the whole of what it counts ("| All items |", "| Total pupils |").
WHOLE_WORDS = frozenset({"all", "total", "overall", "combined"})
_TOTAL_WORDS = WHOLE_WORDS | {"gross", "net", "whole"}


def row_names(text: str, position: int) -> frozenset[str] | None:
    """The capitalised words labelling the table row or "Label: figure" line that holds `position`, or None."""
    low = text.rfind("\n", 0, position) + 1
    high = text.find("\n", position)
    line = text[low : high if high >= 0 else len(text)]
    before = text[low:position]
    if line.lstrip().startswith("|"):
        cells = [cell.strip() for cell in before.strip().strip("|").split("|")]
        names = {
            word for cell in cells for word in cell.split() if word[:1].isupper() and not any(c.isdigit() for c in word)
        }
        # "| Total cost | ... |": the noun after a total's word is what the row counts, capitalised or not (not
        # "| Total damaged |", a participle standing for a noun the label leaves out)
        names |= {
            words[1]
            for words in (cell.split() for cell in cells)
            if len(words) > 1
            and words[0][:1].isupper()
            and words[0].lower() in _TOTAL_WORDS
            and not words[1].endswith(("ed", "ing"))
        }
        return frozenset(names) if names else None
    if len(line) > _ROW_LINE_LIMIT:
        return None
    label = _ROW_LABEL.match(before)
    if label is None or _SPEAKER.fullmatch(label.group(1).strip()):
        return None  # "QUORLEY: 114 volunteers": a transcript's turn, not a row
    return frozenset(label.group(1).split())


def names_among(names: frozenset[str], words: Sequence[str]) -> bool:
    """Whether a word of a row's label is among `words` (letter case and a plural's s aside), or, for a label with one
    capitalised word, shares its first `_STEM` letters with one ("| Vandalism incidents |" and "pianos vandalised 31
    times"; not "| Coastal Communities Fund grant |" and "a community share offer": a name is written whole)."""
    folded = {singular(word.casefold()) for word in words}
    stems = {word[:_STEM] for word in folded if len(word) > _STEM} if len(names) == 1 else set()
    return any(
        singular(name.casefold()) in folded or (len(name) > _STEM and name.casefold()[:_STEM] in stems)
        for name in names
    )


def of_another_name(name: str, label_text: str, claim_text: str) -> bool:
    """Whether every place the claim writes `name` (a capitalised word of a row's label) is inside a longer name that
    is not the label's, nor holds it: "Coastal" of "| Coastal Heritage Fund | 620,000 |" written only in "the
    Ballandry Sound Coastal Forum" is a word of two names, not the row's name told."""
    claim_runs = [run for run in name_runs(claim_text) if name in run]
    if not claim_runs or _told_alone(name, claim_text):
        return False
    label_runs = [run for run in name_runs(label_text) if name in run] or [frozenset({name})]
    return all(not (told <= label or label <= told) for told in claim_runs for label in label_runs)


_NAME_RUN = re.compile(r"[A-Z][\w'\u2019-]*(?:[ \t]+[A-Z][\w'\u2019-]*)+")
_RUN_DETERMINERS = frozenset({"The", "A", "An"})


def name_runs(text: str) -> list[frozenset[str]]:
    """The runs of two or more capitalised words of `text` (a leading "The" left out), each as a set of words."""
    runs = (frozenset(m.group(0).split()) - _RUN_DETERMINERS for m in _NAME_RUN.finditer(text))
    return [run for run in runs if len(run) > 1]


def _told_alone(name: str, text: str) -> bool:
    """Whether `text` writes `name` outside any run of capitalised words."""
    return any(
        not (m.start() > 0 and re.search(r"[A-Z][\w'\u2019-]*[ \t]+$", text[: m.start()]))
        and not re.match(r"[ \t]+[A-Z]", text[m.end() :])
        for m in re.finditer(rf"\b{re.escape(name)}\b", text)
    )


_STEM = 6  # letters two words of one stem share ("vandal" of "vandalism" and "vandalised")


def singular(word: str) -> str:
    """A word without a plural's final s ("repairs" and "repair" are one word to a row's label)."""
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


_CALENDAR_WORDS = frozenset(
    "january february march april may june july august september october november december monday tuesday wednesday"
    " thursday friday saturday sunday".split()
)
_LINKING_WORDS = frozenset(
    "about above after again along among before below during other since their there these those under until where"
    " which while".split()
)


def label_of_another_figure(
    label: str, own_clause: str, other_clauses: Sequence[str], sentence: str = "", names_count: bool = True
) -> bool:
    """Whether a lower-case word of a row's `label` stands in the clause of another figure of the claim's sentence
    (`other_clauses`) and not in the clause of this one (`own_clause`): "Fourteen owners were prosecuted and nine were
    convicted" makes "| Owners convicted | 6 | 9 |" the nine's row, not the fourteen's. A name in the label counts
    as written ("Brookfold ... with nine crossings out, followed by Wystead with eight": "| Brookfold | 22 | 9 | 7 |"
    is the nine's row); a capitalised word ("| Owners convicted |", "| Forecourt interchange |") counts in lower case
    only when no word of the label stands in this figure's clause ("nine were convicted" holds "convicted")."""
    words = {word for word in re.findall(r"\b[a-z][a-z'-]{4,}\b", label) if word not in _LINKING_WORDS}
    names = {
        word
        for word in re.findall(r"\b[A-Z][\w'-]{4,}\b", label)
        if names_count and word.casefold() not in WHOLE_WORDS | _LINKING_WORDS
    }
    own_words = set(re.findall(r"[a-z][a-z'-]+", own_clause.casefold()))
    own_names = set(re.findall(r"[\w'-]+", own_clause))
    if not (words | {name.casefold() for name in names}) & own_words:
        words |= {name.casefold() for name in names}
    others = [clause for clause in other_clauses if clause != own_clause]
    if others and names and not names & own_names and names & set(re.findall(r"[\w'-]+", sentence)):
        # "Ashcombe was hit hardest, with seven dark, ahead of Pellby with six": the six's clause names another place
        opening = sentence.split(maxsplit=1)[0] if sentence.strip() else ""
        if any(
            word != opening and word.casefold() not in _CALENDAR_WORDS and word not in names
            for word in re.findall(r"\b[A-Z][\w'-]{3,}\b", own_clause)
        ):
            return True
    return any(
        words & (set(re.findall(r"[a-z][a-z'-]+", clause.casefold())) - own_words)
        or names & (set(re.findall(r"[\w'-]+", clause)) - own_names)
        for clause in others
    )


# Words that split a count by how or where it was made ("| Bidders online |", "| Tickets sold abroad |").
_CHANNEL = re.compile(
    r"\b(?:online|offline|in\s+person|by\s+(?:post|phone|telephone)|abroad|overseas)\b", re.IGNORECASE
)


_OTHERS = re.compile(r"^\s*(?:other|all\s+other|rest\s+of|remaining)\b", re.IGNORECASE)
# A row of a breakdown: "| Shops by area: seafront |", "| Visitors by age: under 16 |" (the part after the colon).
_BREAKDOWN = re.compile(r"\bby\s+[a-z]+(?:\s+[a-z]+)?\s*:\s*(?P<part>[^|]+)", re.IGNORECASE)


def label_words(label: str) -> list[str]:
    """The words of a row's label, in lower case."""
    return [word.casefold() for word in re.findall(r"[A-Za-z][\w'\u2019-]*", label)]


# Words by which a row's label picks out part of what it counts: a participle or a clause ("Residents funded by the
# council", "Schools used as shelters", "Young people who answered"), "with"/"from"/"among" ("Residents with a new
# place found", "Objections from Stainmoor residents").
_SUBGROUP_WORDS = re.compile(
    r"\b(?:\w+ed|found|held|paid|sent|built|made|taken|given|who|which|that|with|without|from|among|by|using|per)\b",
    re.IGNORECASE,
)


_GROUP_WORDS = re.compile(r"\b(?:who|which|that|with|without|from|among)\b", re.IGNORECASE)


def label_opens_with_noun(label: str, noun: str, claim_text: str, participles: bool = True) -> bool:
    """Whether a row's `label` opens with `noun` (lower case) and picks out no subgroup of it ("| Pupils on roll, ages
    11-18 |" for pupils; not "| Residents funded by the council |"); a whole's word first ("| All items |") and words
    before the noun that `claim_text` also writes ("| Camera vans |" for "its 11 camera vans") pick out nothing.
    `participles`: False reads a participle as what happened to all of them ("| Runners taken to hospital |"), and
    only "with", "from", "who" and the like as a subgroup's mark ("| Schools with after-school clubs |")."""
    words = label_words(label)
    if len(words) > 1 and words[0] in WHOLE_WORDS:
        words = words[1:]
    written = set(label_words(claim_text))
    while len(words) > 1 and words[0] != noun and words[0] in written and len(words[0]) > 2:
        words = words[1:]
    marks = _SUBGROUP_WORDS if participles else _GROUP_WORDS
    return bool(words) and words[0] == noun and not marks.search(label)


def label_of_a_subgroup(label: str, sentence: str) -> bool:
    """Whether a row's `label` names a channel ("online", "by post", "abroad") that the claim's `sentence` does not
    give its figure alone: not written there, or written beside another ("in the hall and online") as part of a
    whole; or names the rest beside a part ("| Other city-centre streets |") where the sentence names no others; or
    is one part of a breakdown ("| Shops by area: seafront |") whose part the sentence does not name."""
    if _OTHERS.search(label) and not re.search(r"\b(?:other|others|rest|remaining)\b", sentence, re.IGNORECASE):
        return True
    breakdown = _BREAKDOWN.search(label)
    if breakdown is not None:
        part = re.findall(r"[a-z]{3,}", breakdown.group("part").lower())
        if part and not any(re.search(rf"\b{word}", sentence, re.IGNORECASE) for word in part):
            return True  # "| Shops by area: seafront |" for all 46 shops, not the seafront's
    channel = _CHANNEL.search(label)
    if channel is None:
        return False
    word = re.escape(channel.group(0))
    told = re.search(rf"\b{word}\b", sentence, re.IGNORECASE)
    joined = re.search(rf"\band\s+{word}\b|\b{word}\s+and\b", sentence, re.IGNORECASE)
    return told is None or joined is not None


# A row counting only those of a noun that have something: "| Teams with at least one student member |",
# "| Households without a car |" (the restriction after "with"/"without").
_RESTRICTED = re.compile(
    r"^\s*(?:[A-Za-z-]+\s+)?[A-Za-z-]{2,}[a-rt-z]s\s+(?:with|without)\s+(?P<restriction>[^|(]+)", re.IGNORECASE
)
_NOT_RESTRICTING = frozenset(
    {"least", "more", "than", "most", "over", "under", "some", "their", "each", "every", "the", "and", "one", "any"}
)


def label_restricted(label: str, sentence: str) -> bool:
    """Whether a row's `label` counts only the things that have something ("| Teams with at least one student
    member |") and the claim's `sentence` writes none of that restriction's words: "27 teams had built their
    entries on the portal" is not that row's 27, the same value or not."""
    restricted = _RESTRICTED.match(label)
    if restricted is None:
        return False
    words = [w for w in re.findall(r"[a-z]{3,}", restricted.group("restriction").lower()) if w not in _NOT_RESTRICTING]
    said = {singular(w) for w in re.findall(r"[a-z]+", sentence.casefold())}
    return bool(words) and not any(singular(word) in said for word in words)


_SIBLING_LINKS = frozenset({"and", "or", "the", "for", "with", "all", "on", "of", "in", "from", "to", "at"})


def label_of_an_activity(label: str, sentence: str) -> bool:
    """Whether a row's `label` is a plural noun and what those of it do ("| Buses operating |", "| Players
    travelling |") and the claim's `sentence` writes no word of that doing: "holds 19 buses" is not the operating
    buses' count, "68 full-time players" not the travelling players'."""
    words = re.findall(r"[a-z]+", label.casefold())
    if len(words) != 2 or not words[0].endswith("s") or not words[1].endswith("ing") or len(words[1]) < 6:
        return False
    stem = words[1][:4]
    return not any(word.startswith(stem) for word in re.findall(r"[a-z]+", sentence.casefold()))


def label_of_a_sibling(
    label: str, table: str | None, sentence: str, clause: str | None = None, value: float | None = None
) -> bool:
    """Whether the claim figure's `clause` names another row of the table in the words that set it apart from this
    row's `label` ("Nine of the entries dealt with waste collection": "| Entries on waste collection | 6 | 9 |" is
    its row, not "| Entries on housing and other themes | 10 | 9 |"), and its `sentence` none of this label's own
    such words; given the claim figure's `value`, only a sibling row that holds it too counts."""
    if not table:
        return False
    words = _label_word_set(label)
    said = {singular(w) for w in re.findall(r"[a-z]+", sentence.casefold())}
    near = {singular(w) for w in re.findall(r"[a-z]+", (clause or sentence).casefold())}
    for line in table.splitlines():
        other = _label_word_set(row_label(line, len(line)) or "")
        common = words & other
        if not common or other == words:
            continue
        own, theirs = words - common, other - common
        if value is not None and value not in _cell_values(line):
            continue  # the row the clause names gives the claim's value too: "| Entries on waste collection | 6 | 9 |"
        if own and theirs and not any(_said(word, said) for word in own) and all(_said(word, near) for word in theirs):
            return True
    return False


def _cell_values(line: str) -> set[float]:
    """The plain numbers of a table row's cells after its label."""
    cells = line.strip().strip("|").split("|")[1:]
    return {float(n.replace(",", "")) for cell in cells for n in re.findall(r"\d[\d,]*(?:\.\d+)?", cell)}


def _said(word: str, said: set[str]) -> bool:
    """Whether `word` or a word of its stem ("employed", "employs") is among `said`."""
    stem = word[:5]
    return word in said or any(other.startswith(stem) for other in said if len(stem) >= 4)


def _label_word_set(label: str) -> set[str]:
    return {singular(w) for w in re.findall(r"[a-z]{3,}", label.casefold()) if w not in _SIBLING_LINKS}
