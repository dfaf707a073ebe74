"""Figures too far apart to be one figure misreported (session 15; `corroborate/far_apart.py`). Read on round18: "The
fund has awarded £38 million to 190 sports projects" conflicted with the same statement's "We awarded a grant of 2.6
million pounds to the project"."""

from __future__ import annotations

import pytest

from factcheck.corroborate.far_apart import slipped
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim


def _signals(claim: str, passage: str):
    return corroborate(numeric_claim(claim), passage, passage, passage_start=0)


def test_values_three_times_apart_that_nothing_names_alike_are_two_things() -> None:
    signals = _signals(
        "The fund has awarded £38 million to sports projects this year.",
        "The fund awarded 2.6 million pounds to the hall project.",
    )
    assert signals.stance is Stance.RELATED, signals.reasons
    assert signals.reasons == (
        "A different figure: the source's 2.6 million pounds and the claim's £38 million are too far apart to be one"
        " figure misreported, and they do not name the same counted thing.",
    )


def test_close_values_slips_and_figures_named_alike_still_conflict() -> None:
    # Less than three times apart.
    assert _signals("The bridge repair cost £5.5 million.", "The bill for the bridge came to £2.2 million.").stance is (
        Stance.CONFLICTS
    )
    # A decimal point moved and digits transposed are how figures are misreported.
    assert _signals("The regulator fined the firm £1.4m.", "The regulator fined the firm £14 million.").stance is (
        Stance.CONFLICTS
    )
    assert _signals("The ward logged 1,290 complaints.", "The ward logged 9,210 complaints.").stance is (
        Stance.CONFLICTS
    )
    # Both name the same counted thing: a large gap is still a conflict (FEVER's refuted population figures).
    assert (
        _signals(
            "Valmora is home to about 800,000 inhabitants.",
            "The city, third smallest in the land, counts 10,000 inhabitants.",
        ).stance
        is Stance.CONFLICTS
    )
    assert _signals("One million people attended the march.", "Police counted 250,000 people at the march.").stance is (
        Stance.CONFLICTS
    )


def test_a_ratio_says_nothing_on_scales_without_a_zero() -> None:
    assert _signals("The low on the pass was 2 °C.", "The low on the pass was 9 °C.").stance is Stance.CONFLICTS
    assert _signals("The ferry left at 2 a.m.", "The ferry left at 11 p.m.").stance is Stance.CONFLICTS


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (85, 58, True),
        (1.2e6, 12e6, True),
        (214, 241, True),
        (5, 50, True),
        (3.14, 3.41, True),
        (300, 350, False),
        (1140, 290, False),
        (7, 7, False),
        (4, 9, False),
    ],
)
def test_slips(claim: float, passage: float, expected: bool) -> None:
    assert slipped(claim, passage) is expected
