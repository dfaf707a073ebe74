"""The unit of a bare number in a table cell, read from its row label or its column header.

Reports write units once for a whole row or column: "| Water level (m) | 6.8 |" (the row label), or "| Month |
Mean temperature anomaly (°C) | Rainfall (mm) |" above "| March | +0.9 | 40 |" (the column headers). A bare cell
is read in that unit, so "+0.9" is 0.9 °C and 40 is 40 mm, and each is compared only with a claim figure of its
own kind.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from factcheck.corroborate.number_rules import Figure, same_counted
from factcheck.corroborate.table_rows import whole_cell
from factcheck.extract import Quantity
from factcheck.extract.figures import find_quantities

__all__ = [
    "in_cell_unit",
    "latest_cell",
    "line_at",
    "money_note_of",
    "total_column_noun",
    "total_of_noun",
    "under_a_year",
]

# A row label that names the unit of its figures: "| Days of hearings | 46 |", "| Average days to let | 16 | 9 |",
# "| Water level (m) | 6.8 |", "| Cost (million euros) | 22.0 |". The unit opens the label (after "Average", "Mean",
# "Median" or "Total"), closes it ("| Operating days | 164 |") or stands in brackets at its end (whatever the number
# reader reads as a unit after the figure: "(estimate)" and "(Selby)" are none); "| Patients waiting over 18 weeks |
# 4,200 |" counts patients, and "| Median age (years) | 42.3 |" is an age, told bare ("rose to 42.3"), where "|
# Average wait (years) | 4.5 |" is a span of years. A unit may also close the label after a comma ("| Diesel use,
# litres per year | 1.1 million |").
_NOT_BEFORE_CLOSING = (
    r"on|in|at|of|for|per|to|from|over|under|within|after|before|during|by|first|last|past|next|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|twelve|several|few"
)
_ROW_UNIT = re.compile(
    r"^\|\s*(?:(?:average|mean|median|total)\s+)?(?P<opening>days|hours|minutes|weeks|months|years)\b"
    r"|\((?P<bracketed>[^()|\n]{1,30})\)\s*\|"
    # or closes a label with no figure in it as its head noun: "| Operating days | 158 | 164 |" (not "| Waiting over
    # 18 weeks |", "| Parking spaces open on market days |", "| Calls to contact centre, first three hours |")
    rf"|^\|(?![^|\n]*\b(?:{_NOT_BEFORE_CLOSING})\b)[^|\d\n,]*\s(?P<closing>days|nights|hours|weeks|months|years)\s*\|"
    # or after a comma ending it: "| Kelpie Star diesel use, litres per year | 1.1 million |"
    r"|,\s*(?P<trailing>[^,()|\n]{1,30}?)\s*\|",
    re.IGNORECASE,
)
# A column header's unit: the brackets ending its cell ("Mean temperature anomaly (°C)", "Level (%)").
_HEADER_UNIT = re.compile(r"\((?P<bracketed>[^()|\n]{1,30})\)\s*$")
_AGE = re.compile(r"\bages?\b|\baged\b|\bold\b", re.IGNORECASE)
_YEARS = re.compile(r"^\s*years?\s*$", re.IGNORECASE)
# A header cell that is a unit and nothing else: "| Item | £m |", "| Sector | km |", "| Route | % |".
# "(£m)", "(£000)": money, in a scale or not ("£000" and "£'000s" are thousands)
_MONEY_UNIT = re.compile(r"^(?P<sign>US\$|[£$€])\s*(?P<scale>m|bn|k|million|billion|thousand|'?000s?)?$", re.IGNORECASE)
# A report's note of the unit its tables' money is in, written once for the document: "All figures in pounds.",
# "Money in £ million.", "Amounts are in £000s unless stated". ("All figures in these tables are taken from ..." is
# no note: no unit follows.)
_MONEY_NOTE = re.compile(
    r"\b(?:all\s+)?(?:figures|money|amounts|sums|costs|values)"
    r"(?:\s+in\s+(?:this|these|the)\s+(?:tables?|report|summary))?\s+(?:are\s+)?(?:given\s+|shown\s+|stated\s+)?in\s+"
    r"(?:(?P<sign>£|€|US\$|\$)\s*(?P<scale>m|bn|k|'?000s?|millions?|billions?|thousands?)?(?![\w£€$])"
    r"|(?:(?P<scale_words>thousands|millions|billions)\s+of\s+)?(?P<currency>pounds|euros|(?:US\s+)?dollars)\b)",
    re.IGNORECASE,
)
_WEIGHED = re.compile(r"\b(?:weigh\w*|heav\w*|light\w*|mass|loads?|catch\w*|yields?)\b", re.IGNORECASE)
_NOTE_SIGNS = {"pounds": "£", "euros": "€", "dollars": "$", "us dollars": "US$"}
_NOTE_SCALES = {"m": "m", "million": "m", "millions": "m", "bn": "bn", "billion": "bn", "billions": "bn"}
_NOTE_AFTER = re.compile(r"^\s*\([^()|\n]{1,30}\)")  # a note in brackets after a cell's number
_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}")
_MONEY_SIGNS = frozenset({"£", "$", "€", "US$"})


def in_cell_unit(text: str, quantity: Quantity, context: str | None = None, money_note: str | None = None) -> Quantity:
    """A bare count that is a whole cell of a table row, read in the unit its row label names (`_ROW_UNIT`), else
    the unit its column's header names (the header found in `context`, the passage's table in its document), else
    the money unit its document's note names when one is given (`money_note`: "£m", from `money_note_of`). Any
    other quantity unchanged."""
    if quantity.unit is not None:
        return quantity
    low, high = line_at(text, quantity.start)
    line = text[low:high]
    before = text[low : quantity.start].rstrip().rstrip("+-−±").rstrip()  # a signed cell: "| +0.9 |"
    after = _NOTE_AFTER.sub("", text[quantity.end : quantity.end + 40], count=1).lstrip()  # "| 198 (29 July) |"
    if not line.startswith("|") or not before.endswith("|") or not after.startswith("|"):
        return quantity
    label_cell = line[: line.find("|", 1) + 1]
    label = _ROW_UNIT.search(label_cell)
    unit_word = (
        (label.group("opening") or label.group("bracketed") or label.group("closing") or label.group("trailing"))
        if label
        else None
    )
    if unit_word is not None and _YEARS.match(unit_word) and _AGE.search(label_cell):
        return quantity  # an age, told bare
    if unit_word is not None:
        read = _read_in(quantity, unit_word)
        if read.unit is not None:
            return read
    # the row label names no unit ("| 16:20 (peak) |" brackets a note): the column's header may, else the heading
    # over the table ("## Table 2: Energy and money (£)"); "pounds" there is money ("## Table 3: Money (pounds)")
    # unless the row or the heading weighs something ("| Heaviest pig (pounds) |" is read by the row's label)
    for unit_word in (
        _column_unit(line, text[low : quantity.start].count("|") - 1, context),
        _heading_unit(line, context),
    ):
        if (
            unit_word
            and unit_word.strip().lower() == "pounds"
            and not _WEIGHED.search(f"{line} {_heading_of(line, context)}")
        ):
            unit_word = "£"
        read = _read_in(quantity, unit_word) if unit_word else quantity
        if read.unit is not None:
            return read
    return _read_in(quantity, money_note) if money_note else quantity


def total_of_noun(text: str, figure: Figure, noun: str | None, context: str | None) -> bool:
    """Whether `figure` is a whole cell of a total row under a column header naming `noun` (a claim figure's counted
    noun): "4,800 graves" and the "| Total | ... | 4,200 |" cell under "| Graves |"."""
    if not noun or not whole_cell(text, figure):
        return False
    return same_counted(noun, total_column_noun(text, figure.start, context))


def total_column_noun(text: str, position: int, context: str | None) -> str | None:
    """The plural noun the column header names over a total row's cell at `position` ("| Total | ... | 4,200 |"
    under "| Graves |": "graves"), or None: a total row names no noun of its own, its column does. Read only to tie a
    claim figure of that noun to the row, never to set it apart (a header may put the claim's noun otherwise)."""
    low, high = line_at(text, position)
    line = text[low:high]
    if not _TOTAL_ROW.match(line):
        return None
    # a column of years ("| Day | 2024 | 2025 |") names no noun: the table's heading may ("Visitors by day")
    # (in a row of years, only the last year's cell: an earlier year's total is no figure of now)
    column = _column_noun(line, text[low:position].count("|") - 1, context)
    return column or (_heading_noun(line, context) if latest_cell(text, position) else None)


@lru_cache(maxsize=64)  # asked for every pair of a claim and a passage of the same document
def money_note_of(document_text: str | None) -> str | None:
    """The money unit a document's note gives its tables ("All figures in pounds." -> "£", "Money in £ million." ->
    "£m", "in £000s" -> "£k"), or None."""
    if not document_text:
        return None
    found = _MONEY_NOTE.search(document_text)
    if found is None:
        return None
    sign = found.group("sign") or _NOTE_SIGNS[" ".join(found.group("currency").lower().split())]
    scale = (found.group("scale") or found.group("scale_words") or "").lower().lstrip("'")
    if scale.startswith(("000", "k", "thousand")):
        return f"{sign}k"
    return f"{sign}{_NOTE_SCALES.get(scale, '')}"


def _header_cell(row: str, column: int, context: str | None) -> str | None:
    """The header cell of column `column` (0: the first cell) of the table holding `row`, or None."""
    if not context or column < 1:
        return None
    place = context.find(row)
    if place < 0:
        return None
    lines = context[:place].split("\n")[:-1]  # the lines above the row, nearest last
    while lines and lines[-1].lstrip().startswith("|") and not _SEPARATOR.match(lines[-1].strip()):
        lines.pop()  # the rows above this one
    if len(lines) < 2 or not _SEPARATOR.match(lines[-1].strip()) or not lines[-2].lstrip().startswith("|"):
        return None
    cells = [cell.strip() for cell in lines[-2].strip().strip("|").split("|")]
    return cells[column] if column < len(cells) else None


# A column header that is a plural noun and nothing else, maybe with one word after it: "| Graves |", "| Dogs
# entered |", "| Handlers |": what the column's bare cells count.
_HEADER_NOUN = re.compile(r"^(?P<noun>[A-Za-z]{3,}s)(?:\s+[a-z]+)?$")
_TOTAL_ROW = re.compile(r"^\s*\|\s*(?:total|all|overall|combined)\b", re.IGNORECASE)
_NOT_NOUNS = frozenset({"years", "totals", "notes", "plans", "targets", "sources", "items"})


def _column_noun(row: str, column: int, context: str | None) -> str | None:
    """The plural noun a column's header names (`_HEADER_NOUN`), lower case, or None."""
    cell = _header_cell(row, column, context)
    found = _HEADER_NOUN.match(cell) if cell else None
    if found is None or found.group("noun").lower() in _NOT_NOUNS or found.group("noun").endswith("ss"):
        return None
    return found.group("noun").lower()


def _column_unit(row: str, column: int, context: str | None) -> str | None:
    """The bracketed unit of column `column` (0: the first cell) in the header of the table holding `row`."""
    cell = _header_cell(row, column, context)
    if cell is None:
        return None
    found = _HEADER_UNIT.search(cell)
    if found:
        return None if _YEARS.match(found.group("bracketed")) and _AGE.search(cell) else found.group("bracketed")
    return cell if _is_unit(cell) else None


def _heading_unit(row: str, context: str | None) -> str | None:
    """The bracketed unit ending the heading or caption line right above the table holding `row` ("## Table 2:
    Energy and money (£)"), when it is a unit only."""
    heading = _heading_of(row, context)
    found = _HEADER_UNIT.search(heading) if heading else None
    return found.group("bracketed") if found and _is_unit(found.group("bracketed")) else None


def _heading_of(row: str, context: str | None) -> str | None:
    """The heading or caption line right above the table holding `row`, or None."""
    if not context:
        return None
    place = context.find(row)
    if place < 0:
        return None
    lines = [line.strip() for line in context[:place].split("\n")[:-1]]
    while lines and lines[-1].startswith("|"):
        lines.pop()  # the rows and the header above this one
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        # the table opens its paragraph: the heading over it is the context's last line ("in Table 2: ... (£)",
        # `stance.passage_context`)
        lines = [line for line in context.split("\n")[-1:] if line.startswith("in ")]
    return lines[-1] if lines else None


# A heading that opens with the plural noun its table counts: "## Table 1. Visitors by day", "in Visitors by day"
_HEADING_NOUN = re.compile(r"^(?:in\s+)?#*\s*(?:Table\s+)?(?:\d+[.:]?\s*)?(?P<noun>[A-Za-z]{3,}s)\b(?!\s*\()")


def _heading_noun(row: str, context: str | None) -> str | None:
    """The plural noun opening the heading over the table holding `row` (`_HEADING_NOUN`), lower case, or None."""
    heading = _heading_of(row, context)
    found = _HEADING_NOUN.match(heading) if heading else None
    if found is None or found.group("noun").lower() in _NOT_NOUNS or found.group("noun").endswith("ss"):
        return None
    return found.group("noun").lower()


@lru_cache(maxsize=512)  # asked for every bare cell of a column under the same header
def _is_unit(cell: str) -> bool:
    """A header cell that names a unit only ("£m", "km", "%"), not a heading that happens to read as one."""
    if _MONEY_UNIT.match(cell):
        return True
    if not cell or len(cell) > 12 or any(ch.isdigit() for ch in cell):
        return False
    read = find_quantities(f"7 {cell}")
    return len(read) == 1 and read[0].unit is not None and read[0].surface == f"7 {cell}"


def _read_in(quantity: Quantity, unit_word: str) -> Quantity:
    money = _MONEY_UNIT.match(unit_word.strip())
    if money is not None:  # "£m": the cell is pounds in millions ("£16.8m")
        scale = money.group("scale") or ""
        scale = "k" if scale.lstrip("'").startswith("000") else scale
        read = find_quantities(f"{money.group('sign')}{quantity.surface}{' ' if len(scale) > 2 else ''}{scale}")
        read = [q for q in read if q.dimension == "currency"]
        return (
            replace(quantity, unit=read[0].unit, dimension="currency", value=read[0].value)
            if len(read) == 1
            else quantity
        )
    if unit_word.strip() in ("C", "F"):  # "| Top temperature (C) | 1,260 |": a scale letter in brackets
        unit_word = f"°{unit_word.strip()}"
    read = find_quantities(f"{quantity.surface} {unit_word}")
    if (len(read) != 1 or read[0].unit is None) and "/" in unit_word:
        # a rate's unit ("(p/kWh)", "(£/month)"): the cells are that money per the unit after the slash
        sign = unit_word.split("/", 1)[0].strip()
        read = find_quantities(f"{sign}{quantity.surface}" if sign in _MONEY_SIGNS else f"{quantity.surface}{sign}")
        read = [q for q in read if q.dimension == "currency"]
    if (len(read) != 1 or read[0].unit is None) and re.fullmatch(r"[a-zA-Z]{1,3}", unit_word.strip()):
        read = find_quantities(f"{quantity.surface}{unit_word.strip()}")  # "| Winning berry (g) |": a symbol read glued
    if len(read) != 1 or read[0].unit is None:
        return quantity
    return replace(quantity, unit=read[0].unit, dimension=read[0].dimension, value=read[0].value)


def latest_cell(text: str, position: int) -> bool:
    """Whether no cell after `position` in its table row holds a count or an amount (a share may follow): in a row of
    years, the last year's cell ("| Total | 30,200 | 33,700 | 38,400 |": 38,400; "| Total | 2,095 | 2,240 | 100% |":
    2,240)."""
    rest = text[position : line_at(text, position)[1]].split("|", 1)
    later = rest[1] if len(rest) > 1 else ""
    return all(re.search(r"%|percent", cell) for cell in later.split("|") if re.search(r"\d", cell))


# A column header that is a year or a season of years: "2026", "2025-26", "2025/26".
_YEAR_HEADER = re.compile(r"^(?:19|20)\d\d(?:\s*[-/\u2013]\s*(?:\d\d){1,2})?$")


def under_a_year(text: str, position: int, context: str | None) -> bool:
    """Whether the cell at `position` of a table row in `text` stands under a column headed by a year ("| Measure |
    2025 | 2026 |"), as `context` (the stored document) lays the table out."""
    low, high = line_at(text, position)
    cell = _header_cell(text[low:high], text[low:position].count("|") - 1, context)
    return cell is not None and _YEAR_HEADER.match(cell) is not None


def line_at(text: str, position: int) -> tuple[int, int]:
    """The start and end of the line of `text` holding `position`."""
    end = text.find("\n", position)
    return text.rfind("\n", 0, position) + 1, len(text) if end < 0 else end
