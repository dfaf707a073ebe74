"""Issue 16, round 7 preparation: rules found reading the wrong cards and missed decisions of the seen round6 split
(`docs/corroboration.md`, "Session 9"); each case is written here in fresh words."""

from __future__ import annotations

import pytest

from factcheck.corroborate.signals import NumberStatus, Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims, filed_on
from tests.helpers import numeric_claim

ARTICLE = "Search for missing yacht scaled back\n\nPORT ELLIS, Dec 2 - {sentence} The search goes on.\n"
EARLIER_WIRE = (
    "Yacht missing off Port Ellis\n\nPORT ELLIS, Nov 29 (Harbour Wire) - {sentence} Lifeboats were out all day.\n"
)


def _dated_claim(sentence: str):
    document = Document.from_text(ARTICLE.format(sentence=sentence), doc_id="article.txt")
    (claim,) = [c for c in extract_claims(document) if c.kind is ClaimKind.NUMERIC and sentence[:20] in c.text]
    return claim


def _against_wire(claim_sentence: str, wire_sentence: str, dateline: str = EARLIER_WIRE):
    claim = _dated_claim(claim_sentence)
    document = dateline.format(sentence=wire_sentence)
    return corroborate(claim, wire_sentence, document, None, document.find(wire_sentence))


def test_the_dateline_gives_the_day_a_story_was_filed() -> None:
    assert str(filed_on("Headline\n\nPORT ELLIS, Nov 29 (Harbour Wire) - Text.")) == "November 29"
    assert str(filed_on("DRAYMOOR, April 2, 2025 - Text.")) == "April 2, 2025"
    assert filed_on("LINDEN PASS, Saturday (Wire) - Text.") is None  # a weekday names no date
    assert filed_on("The council met on Nov 29 - and voted.") is None  # not a dateline
    assert _dated_claim("The coastguard has searched about 7,000 square km.").filed == filed_on(ARTICLE)
    assert filed_on("DRAYMOOR, April 42, 2025 - Text.") is None  # no such day


def test_two_datelines_differ_by_day_or_by_year_when_both_give_one() -> None:
    dated, undated = filed_on("DRAYMOOR, April 2, 2025 - Text."), filed_on("DRAYMOOR, April 2 - Text.")
    assert dated is not None and undated is not None
    assert dated.differs(filed_on("DRAYMOOR, April 2, 2024 - Text."))  # type: ignore[arg-type]
    assert not dated.differs(undated)
    assert dated.named_in("Figures for 2025 show 40 cases.")
    assert dated.named_in("On 2 April the count was 40.") and undated.named_in("By April 2 the count was 40.")
    assert not undated.named_in("Figures for 2025 show 40 cases.")


def test_a_figure_of_an_earlier_days_report_is_not_a_conflict() -> None:
    # (The values are under three times apart: further apart and not named alike, `far_apart.py` decides first.)
    signals = _against_wire(
        "The coastguard has searched more than 2,000 square km.",
        "The coastguard said it had searched about 1,200 square km.",
    )
    assert signals.stance is Stance.RELATED, signals.reasons
    assert any("filed on November 29" in reason for reason in signals.reasons)


@pytest.mark.parametrize(
    ("claim_sentence", "wire_sentence", "wire"),
    [
        # the same day's report: a conflict
        (
            "The coastguard has searched more than 2,000 square km.",
            "The coastguard said it had searched about 1,200 square km.",
            EARLIER_WIRE.replace("Nov 29", "Dec 2"),
        ),
        # the claim names the earlier report's day: it is about that day's figure
        (
            "On Nov 29 the coastguard said it had searched 1,500 square km.",
            "The coastguard said it had searched about 1,200 square km.",
            EARLIER_WIRE,
        ),
        # the time of the event does not change between reports
        ("The yacht sent its last message at 4.10 p.m. on Saturday.", "Its last message came at 16:40.", EARLIER_WIRE),
    ],
    ids=["same-day", "claim-names-the-day", "event-time"],
)
def test_a_conflict_stays_when_the_days_agree_or_the_claim_is_of_that_day(
    claim_sentence: str, wire_sentence: str, wire: str
) -> None:
    signals = _against_wire(claim_sentence, wire_sentence, wire)
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage", "status"),
    [
        ("The lake warmed to 24.5C (76F) on Saturday.", "The lake reached 24.5 degrees on Saturday.", Stance.SUPPORTS),
        ("The water was about 9 degrees Celsius.", "The water is about nine degrees.", Stance.SUPPORTS),
        ("Temperatures in Phoenix reached 95F on Sunday.", "Phoenix hit 95 degrees on Sunday.", Stance.SUPPORTS),
    ],
    ids=["celsius", "celsius-words", "fahrenheit"],
)
def test_bare_degrees_are_read_on_the_claims_scale(claim: str, passage: str, status: Stance) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is status


def test_a_target_in_the_claim_is_not_contradicted_by_what_happened() -> None:
    signals = corroborate(
        numeric_claim("The agency's target is to reopen a closed motorway within 12 hours."),
        "This time the motorway reopened 15 hours after the snow stopped.",
    )
    assert signals.stance is Stance.RELATED, signals.reasons
    assert signals.numbers is not None and signals.numbers.status is NumberStatus.DIFFERENT_THING


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The council's target is to clear about 1,200 homes of flood debris by Friday.",
            "Crews cleared 1,180 homes of flood debris by Friday.",
        ),
        (
            "The weather service forecast highs of up to 41C (106F) on Wednesday.",
            "Maximum temperatures: 39 to 41C on Wednesday.",
        ),
    ],
    ids=["target-met-within-rounding", "forecast-within-its-bound"],
)
def test_a_target_met_is_still_compared(claim: str, passage: str) -> None:
    # the claim's plan against what happened decides only for values that disagree
    assert corroborate(numeric_claim(claim), passage).stance is Stance.SUPPORTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The scheme has cut the nitrate entering the river by about 15 percent.",
            "Algae now covers about 40 percent of the river's surface.",
        ),
        ("Sales show a 9 percent fall this year.", "Online sales are 30 percent of all sales."),
        ("The region saw a 15 percent cut in woodland cover.", "Woodland cover is 40 percent of the region."),
        ("The city recorded a 20 percent drop in water use.", "Water use is 35 percent of the supply."),
    ],
    ids=["cut-by-against-covers", "percent-fall-against-share", "percent-cut-in", "percent-drop-in"],
)
def test_a_change_is_not_compared_with_a_level(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_make_up_is_a_share_not_a_rise() -> None:
    signals = corroborate(
        numeric_claim("The plant accounts for nearly one in eight jobs in the town."),
        "The plant's jobs make up 12 percent of all jobs in the town.",
    )
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_change_still_conflicts_with_another_change() -> None:
    signals = corroborate(
        numeric_claim("The scheme has cut the nitrate entering the river by about 15 percent."),
        "The scheme reduced the nitrate reaching the river by 6 percent.",
    )
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "The Blue Line, which carries about 90,000 riders on a weekday, stayed shut.",
            "Across the whole tram network we carry about 260,000 riders on a weekday.",
        ),
        (
            "The tram network as a whole carries more than 250,000 riders a day.",
            "The Blue Line carries 90,000 riders a day.",
        ),
    ],
    ids=["part-against-whole", "whole-against-part"],
)
def test_a_figure_for_the_whole_is_not_compared_with_one_for_a_part(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons


def test_two_figures_for_the_whole_are_still_compared() -> None:
    signals = corroborate(
        numeric_claim("More than 600,000 people live under siege nationwide."),
        "An estimated 417,000 people live under siege across the country.",
    )
    assert signals.stance is Stance.CONFLICTS, signals.reasons


# Found reading the round7 split after its held-out run (seen since): general readings, each in fresh words.
@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Eleven climbers were brought down safely.", "All 11 climbers stranded overnight were brought down."),
        ("Nine hikers spent the night on the ridge.", "The nine walkers spent the night on the ridge."),
        ("The old stand holds 6,100 fans.", "The existing stand has room for 6,100 spectators."),
    ],
    ids=["same-noun", "hikers-walkers", "fans-spectators"],
)
def test_people_named_by_what_they_do_there_are_the_same_people(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is Stance.SUPPORTS


def test_a_change_and_the_level_it_reached_are_two_figures_not_a_range() -> None:
    signals = corroborate(
        numeric_claim("Arson offences rose by 12 percent to 4,480."), "| Arson | 4,000 | 4,480 | +12.0% |"
    )
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_taken_to_hospital_and_admitted_are_one_event() -> None:
    signals = corroborate(
        numeric_claim("Three climbers were taken to hospital in Dunmere with hypothermia."),
        "Two climbers have been admitted to Dunmere General Hospital, both with hypothermia.",
    )
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_a_row_naming_one_school_is_not_the_figure_of_another_named_school() -> None:
    signals = corroborate(
        numeric_claim("The biggest school shut, Marlow Grange, has 1,150 pupils."),
        "| Eastbrook Primary School | 210 | Closed |",
    )
    assert signals.stance is Stance.RELATED, signals.reasons


def test_a_title_case_row_label_still_ties_an_unnamed_claim() -> None:
    signals = corroborate(
        numeric_claim("Lorries now pay 16 pounds."), "| Heavy Goods Vehicle | £11.50 | £16.00 | +39% |"
    )
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Burglaries rose 4 percent to 12,300.", "The national rate was 2,118 burglaries per 100,000 households."),
        ("The rate in the south was 512 cases per 100,000 people.", "The report counts cases per 100,000 people."),
        ("The town has 100,000 households.", "The rate was 31 burglaries per 100,000 households."),
        ("The rate in the town was 31 burglaries per 100,000 households.", "The town has 90,000 households."),
    ],
    ids=["count-against-base", "base-against-base", "count-against-passage-base", "claim-base-against-count"],
)
def test_the_base_of_a_rate_is_not_a_figure(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is Stance.RELATED


def test_one_for_every_n_keeps_its_figure() -> None:
    signals = corroborate(
        numeric_claim("The camp has one tap for every 60 people."), "At the camp there is one tap for every 90 people."
    )
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The 300-metre pier opened in 1962.", "The pier opened to the public in 1962."),
        ("The ferry, 40 metres long, was built in 2004.", "Year built: 2004"),
        ("The library, which holds 80,000 books, opened in 1931.", "| Opened | 1931 |"),
    ],
    ids=["prose", "label-line", "table-row"],
)
def test_the_year_of_a_named_event_confirms_it(claim: str, passage: str) -> None:
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The 300-metre pier opened in 1962.", "A second pier opened in 1975."),  # another year: shown, not decided
        ("The 300-metre pier opened in 1962.", "The pier was repaired in 1962."),  # another event
        ("The 300-metre pier opened in 1962.", "In 1962 the town had 12,000 people."),  # a year alone
    ],
    ids=["another-year", "another-event", "bare-year"],
)
def test_a_year_decides_nothing_without_the_same_event_and_year(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is Stance.RELATED


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        (
            "The 14-bed ward that closed in May reopened in July.",
            "The children's ward, which closed in May, reopened in July.",
            Stance.SUPPORTS,
        ),
        (
            "The 12-member panel will make its decision in June.",
            "The panel's decision is due in June 2027.",
            Stance.SUPPORTS,
        ),
        ("Three wards that closed in May reopened in July.", "The wards closed in April.", Stance.RELATED),
        ("The 12-member panel will make its decision in June 2027.", "Its decision came in June 2025.", Stance.RELATED),
    ],
    ids=["same-months", "month-and-year", "another-month", "another-year"],
)
def test_the_month_of_a_named_event_confirms_it_and_decides_nothing_else(
    claim: str, passage: str, stance: Stance
) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is stance


def test_a_signed_share_in_a_table_is_a_change() -> None:
    signals = corroborate(numeric_claim("Burglary rose 6 percent."), "| Burglary | 9,310 | 9,870 | +9.0% |")
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    "passage",
    [
        "Date: 3 May 2026. Harrow House is a ten-storey block of 80 flats built in 1972.",
        "Report of 2 June 2026: Harrow House is a block of 80 flats built in 1972.",
    ],
    ids=["date-line", "report-of"],
)
def test_a_year_compared_as_the_figure_is_no_date_that_sets_the_passage_apart(passage: str) -> None:
    # The report's own date (2026) beside the building's year is not another year for the claim's "1972": that
    # year was compared as the figure itself.
    signals = corroborate(numeric_claim("Harrow House, built in 1972, is one of 14 blocks of its kind."), passage)
    assert signals.stance is Stance.SUPPORTS, signals.reasons
