"""Figure frames: the place, period and event words around a figure, and when two frames count different things."""

from __future__ import annotations

import pytest

from factcheck.corroborate.figure_frames import eras_differ, frame_at, frame_difference, shares_event


def frame(text: str, figure: str, counted: str | None = None, context: str | None = None):
    start = text.index(figure)
    return frame_at(text, start, start + len(figure), counted, context)


@pytest.mark.parametrize(
    ("claim", "claim_figure", "passage", "passage_figure", "differs"),
    [
        # places: both named, none shared
        ("30 trucks reached Moadamiyeh.", "30", "The first convoy into eastern Aleppo had 20 trucks.", "20", True),
        (
            "In Aleppo 275,000 remain cut off.",
            "275,000",
            "Some 270,000 people remain in eastern Aleppo.",
            "270,000",
            False,
        ),
        ("Across Syria, 590,000 are besieged.", "590,000", "About 275,000 remain in Aleppo.", "275,000", True),
        # periods: both named, none shared
        ("Cases reached 18,000 in March.", "18,000", "Officials recorded 18,000 cases in April.", "18,000", True),
        ("Cases reached 18,000 in March 2024.", "18,000", "In 2024, cases reached 18,000.", "18,000", False),
        # events: both sentences have event words and share none
        ("About 275,000 people are cut off.", "275,000", "Enough food to feed 40,000 people.", "40,000", True),
        ("The 8,000 remaining residents left.", "8,000", "Around 4,000 civilians remained.", "4,000", False),
    ],
)
def test_frame_difference(claim, claim_figure, passage, passage_figure, differs):
    difference = frame_difference(frame(claim, claim_figure), frame(passage, passage_figure))
    assert (difference is not None) is differs, difference


def test_the_difference_is_told_as_two_phrases():
    claim = frame("30 trucks reached Moadamiyeh.", "30")
    passage = frame("20 trucks went into Aleppo.", "20")
    assert frame_difference(claim, passage) == ("in Aleppo", "in Moadamiyeh")


def test_a_passage_sentence_without_a_place_takes_its_paragraph_or_heading():
    passage = frame("Plans describe a first convoy of 20 trucks.", "20", context="in Aleppo")
    assert passage.places == {"Aleppo"}


def test_events_can_be_left_out_when_the_counted_noun_says_enough():
    claim = frame("Some 12,000 teachers went on strike.", "12,000", "teachers")
    passage = frame("12,400 teachers walked out.", "12,400", "teachers")
    assert frame_difference(claim, passage) is not None
    assert frame_difference(claim, passage, events=False) is None


def test_words_next_to_the_figures():
    remaining = frame("The 8,000 remaining residents of Darayya left.", "8,000", "residents")
    remained = frame("Around 4,000 civilians remained in Darayya.", "4,000", "civilians")
    worked = frame("Kerrigan had worked for the company for 14 years.", "14 years")
    jailed = frame("He was jailed for 7 years at the crown court for defrauding the company.", "7 years")
    assert shares_event(remaining, remained) and not shares_event(worked, jailed)
    tail = frame("Trams run every 10 minutes at other times.", "10 minutes")
    other_tail = frame("Trams will run every 12 minutes at other times.", "12 minutes")
    assert shares_event(tail, other_tail)  # the same three words after both figures


@pytest.mark.parametrize(
    ("claim", "passage", "differs"),
    [
        ("Medical teams treated 214 runners.", "Last year's edition saw 130 runners treated.", True),
        ("Wind supplied 62 percent of power.", "Over the past 12 months, wind supplied 38% of power.", True),
        ("It reached 27C by late morning.", "Forecasters predicted 25C by late morning.", True),
        ("The operator expects 48,000 a day.", "We expect 60,000 a day by 2030.", True),
        ("It laid off 900 workers in 2022.", "It laid off 900 workers in 2022, he said.", False),
        ("Around 4,000 civilians remained.", "Some 8,000 residents remained.", False),
    ],
)
def test_figures_of_two_times(claim, passage, differs):
    first = frame(claim, next(w for w in claim.split() if w[0].isdigit()))
    second = frame(passage, next(w for w in passage.split() if w[0].isdigit()))
    assert eras_differ(first, second) is differs
