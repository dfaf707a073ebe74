"""Spans whose digits are not figures: dates, clock times, web and e-mail addresses."""

from __future__ import annotations

import pytest

from factcheck.extract.figures.dates import (
    date_quantity,
    find_citation_spans,
    find_date_spans,
    find_link_spans,
    find_time_spans,
    first_of_overlapping,
)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("In July 2016 they met", ["July 2016"]),
        ("on 12 March the", ["12 March"]),
        ("on March 12, 2020, the", ["March 12, 2020"]),
        ("5 Nov 2019", ["5 Nov 2019"]),
        ("Jan. 6, 2021", ["Jan. 6, 2021"]),
        ("the 12th of March", ["12th of March"]),
        ("2020-03-12", ["2020-03-12"]),
        ("12/03/2020", ["12/03/2020"]),
        ("the 9/11 attacks", ["9/11"]),
        ("in the 1960s", ["1960s"]),
        ("500 BC", ["500 BC"]),
        ("In July", []),
        ("1/4 inch", []),
        ("you may 5", []),  # month names are capitalised
    ],
)
def test_date_spans(text, dates):
    assert [text[start:end] for start, end in find_date_spans(text)] == dates


@pytest.mark.parametrize(
    ("text", "times"),
    [
        ("at 10 a.m. Then", ["10 a.m."]),
        ("at 2.30pm", ["2.30pm"]),
        ("at 10am", ["10am"]),
        ("by 14:00 GMT", ["14:00 GMT"]),
        ("5 o'clock", ["5 o'clock"]),
        ("2015 am", []),
        ("I am 5", []),
    ],
)
def test_time_spans(text, times):
    assert [text[start:end] for start, end in find_time_spans(text)] == times


@pytest.mark.parametrize(
    ("text", "links"),
    [
        ("see https://example.org/2020/05/a?id=12 now", ["https://example.org/2020/05/a?id=12"]),
        ("www.un.org/2254", ["www.un.org/2254"]),
        ("write to desk2020@example.org.", ["desk2020@example.org"]),
        ("(see www.x.org/5).", ["www.x.org/5"]),
        ("3 @ 5", []),
    ],
)
def test_link_spans(text, links):
    assert [text[start:end] for start, end in find_link_spans(text)] == links


@pytest.mark.parametrize(
    ("text", "citations"),
    [
        ("shear-bands [12,48]. Then", ["[12,48]"]),
        ("as in Refs. [23,34,35] and [4-7]", ["[23,34,35]", "[4-7]"]),
        ("as shown [3]", ["[3]"]),
        ("[6,6]-phenyl", ["[6,6]"]),
        ("a list [a, 5]", []),
        ("no brackets 12,48", []),
    ],
)
def test_citation_spans(text, citations):
    assert [text[start:end] for start, end in find_citation_spans(text)] == citations


def test_first_of_overlapping_keeps_the_earliest_then_longest():
    assert first_of_overlapping([(5, 9), (0, 3), (2, 6), (0, 4), (10, 12)]) == [(0, 4), (5, 9), (10, 12)]


@pytest.mark.parametrize(
    ("text", "span", "value", "dimension"),
    [
        ("In July 2016 they met", (3, 12), 2016.0, "date"),
        ("on 12 March the", (3, 11), None, "date"),
        ("in 3000 BC", (3, 10), None, "date"),  # four digits, but not a year between 1000 and 2100
        ("at 10 a.m. Then", (3, 10), None, "time"),
    ],
)
def test_date_quantity(text, span, value, dimension):
    date = date_quantity(text, *span, dimension=dimension)
    assert (date.surface, date.value, date.dimension) == (text[span[0] : span[1]], value, dimension)
