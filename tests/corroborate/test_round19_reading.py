"""Readings of session 16, made after round19 was read (its held-out run is in its README). Each case is in fresh
words; those of a change failed before it, and the guards beside them held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.numbers import compare_numbers
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.spoken_times import spoken_times
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims
from factcheck.extract.figures import find_days_and_times, find_quantities
from tests.helpers import numeric_claim


def _stance(claim: str, passage: str) -> Stance:
    return corroborate(numeric_claim(claim), passage, passage, passage_start=0).stance


def test_a_named_figure_that_agrees_with_none_meets_the_nearest_claim_figure_of_its_noun() -> None:
    # "nearly 10,000 barnacle geese ... along with 5,270 brent geese" against "9,850 barnacle geese, ... 5,720 brent
    # geese": the 5,720 went to the claim's first "geese" figure, and the claim's 5,270 met nothing at all.
    claim = "The survey logged nearly 8,000 curlews in the bay, along with 3,140 curlews on the inland fields."
    passage = "Observers logged 7,910 curlews in the bay and 3,410 curlews on the inland fields."
    pairs = compare_numbers(find_quantities(claim), passage, claim).pairs
    assert [(p.claim_surface, p.passage_surface) for p in pairs] == [("8,000", "7,910"), ("3,140", "3,410")]
    assert _stance(claim, passage) is Stance.CONFLICTS


def test_a_sum_told_with_the_same_period_is_the_claim_s_sum_told_otherwise() -> None:
    # "will spend £25 million over two years fitting reclining seats" against "We are putting £18 million over the next
    # two years into reclining seats": no event word in common, so the sums were two things and "two years" agreeing
    # made a support of a figure the source contradicts.
    claim = "The trust will spend £12 million over three years fitting new boilers in its schools."
    assert _stance(claim, "We are putting £9 million over the next three years into boilers.") is Stance.CONFLICTS
    # The same period beside an unrelated sum in another clause ties nothing.
    assert _stance(claim, "Over the next three years the roof repairs will cost £9 million.") is not Stance.SUPPORTS


def test_words_told_of_the_speaker_in_the_third_person_are_not_an_altered_quote() -> None:
    # "We started with two fermenting tanks in a railway arch" against a wire's "Cressida Tollemache, 52, who started
    # with two second-hand tanks in a railway arch": a report of her life, not her words changed.
    article = '"We opened with three borrowed ovens in a church hall," Ines Marlow said.'
    (claim,) = [c for c in extract_claims(Document.from_text(article, doc_id="a")) if c.kind is ClaimKind.QUOTE]
    report = "The bakery was set up in 2011 by Ines Marlow, 47, who opened with three borrowed ovens in a church hall."
    signal = corroborate(claim, report, report, passage_start=0)
    assert signal.stance is not Stance.CONFLICTS, signal.reasons
    # Inside quotation marks the same change is the speaker's words altered.
    quoted = '"They opened with three borrowed ovens in a church hall," Marlow said.'
    changed = corroborate(claim, quoted, quoted, passage_start=0).quote
    assert changed is not None and changed.status.value == "altered"


def test_second_hand_is_no_duration() -> None:
    # "two second-hand tanks" read as "two second", a duration set against the claim's "two tanks"
    found = find_quantities("She began with two second-hand tanks and a 30-second advert.")
    assert [(q.surface, q.unit) for q in found] == [("two", None), ("30-second", "second")]


def test_times_of_day_told_in_words_meet_the_claim_s_clock_times() -> None:
    # "7.52 in the morning", "from eight in the morning to ten at night", "eight minutes to six" and "half past
    # eleven" were no times at all, so the claims' "7.52 a.m.", "8 a.m. to 10 p.m.", "5.52 a.m." and "11.30 a.m."
    # had nothing to meet.
    assert _stance("The first flock rose at 6.48 a.m.", "The first flock went up at 6.48 in the morning.") is (
        Stance.SUPPORTS
    )
    assert _stance(
        "The library opens from 9 a.m. to 9 p.m. daily.", "It opens from nine in the morning to nine at night."
    ) is (Stance.SUPPORTS)
    assert _stance("The boat left at 4.50 a.m.", "We set off at ten minutes to five, before it was light.") is (
        Stance.SUPPORTS
    )
    assert _stance("The ceremony began at 10.30 a.m.", "The ceremony was at half past ten.") is Stance.SUPPORTS
    # A time whose half of the day the words leave open is never a conflict by choice.
    assert _stance("The ceremony began at 10.15 a.m.", "The ceremony was at half past ten.") is not Stance.CONFLICTS
    # Told with its half of the day, it still disagrees.
    assert _stance("The ceremony began at 10.15 a.m.", "The ceremony was at half past ten this morning.") is (
        Stance.CONFLICTS
    )
    # A count with an evening is no time of day.
    assert [f.surface for f in spoken_times("They found 10,000 in the evening and 12 at night.", [1320.0])] == []
    assert [(f.surface, f.low) for f in spoken_times("It closed at ten o'clock this morning.")] == [
        ("ten o'clock this morning", 600.0)
    ]


def test_the_dates_of_a_plan_since_changed_contradict_nothing() -> None:
    # "will not reach every home ... until the end of 2027" against an earlier wire's "had been due to reach all
    # 11,200 homes ... by December 2026": the old plan's year was a conflict of the claim's agreeing 14 villages.
    claim = "The bypass will open to traffic across its 6 junctions at the end of 2028."
    assert _stance(claim, "The bypass had been due to open across all 6 junctions by June 2027.") is Stance.SUPPORTS
    # A plan told as it stands still gives its own year.
    assert _stance(claim, "The bypass is due to open across all 6 junctions by June 2027.") is not Stance.SUPPORTS


def test_a_people_s_name_is_its_country_s_place() -> None:
    # "about one in eight of the pink-footed geese wintering in Britain" against "| share of British wintering
    # population | about 12% |": "British" and "Britain" were read as two places.
    claim = "The lake now holds about one in four of the whooper swans wintering in Ireland."
    assert _stance(claim, "| Whooper swans as share of Irish wintering population | 26% |") is Stance.SUPPORTS
    # Two countries are still two places.
    assert _stance(claim, "| Whooper swans as share of Scottish wintering population | 26% |") is not Stance.SUPPORTS


def test_a_time_in_a_clause_joined_after_the_figure_s_own_does_not_date_it() -> None:
    # "has recruited 40 new staff for the unit, including 19 radiographers, and aims to bring every wait under six
    # weeks by the end of March": "by the end of March" dated the 40, and the source's 34 recruits were another time.
    claim = "The depot has hired 52 new drivers, including 11 mechanics, and aims to cut delays by the end of June."
    assert _stance(claim, "We have hired 45 new drivers, 11 of them mechanics.") is Stance.CONFLICTS
    # A time in the figure's own clause still dates it.
    dated = "The depot hired 52 new drivers by the end of June, and 11 mechanics."
    assert _stance(dated, "We have hired 45 new drivers.") is not Stance.CONFLICTS


def test_a_part_is_set_against_the_claim_s_part_not_its_whole_the_passage_meets() -> None:
    # "10 of its 14 consultant posts" against the claim's "only six of its 14 consultant posts": the nearest value
    # is the claim's 14, which the passage's own 14 already meets; the 10 is the claim's six told otherwise.
    claim = "Only six of its 14 consultant posts are filled, the trust said."
    passage = "The trust said 10 of its 14 consultant posts were filled."
    pairs = compare_numbers(find_quantities(claim), passage, claim).pairs
    assert [(p.claim_surface, p.passage_surface) for p in pairs] == [("six", "10"), ("14", "14")]


def test_a_year_in_a_later_clause_or_a_change_s_bare_base_dates_nothing() -> None:
    later = "The depot has hired 52 new drivers, including 11 mechanics, and aims to double that by 2028."
    assert _stance(later, "We have hired 45 new drivers, 11 of them mechanics.") is Stance.CONFLICTS
    base = "The survey found 8,000 curlews, up 12 percent on last year, and 3,140 lapwings."
    assert _stance(base, "Observers counted 3,410 lapwings.") is Stance.CONFLICTS


def test_a_demonym_is_no_other_place_for_the_cues_either() -> None:
    from factcheck.corroborate.cues import conflicting_cues

    reasons = conflicting_cues("Most of the swans winter in Ireland.", "Most of the swans winter in Irish waters.")
    assert not any("places it" in reason for reason in reasons), reasons
    assert any("places it" in r for r in conflicting_cues("Swans winter in Ireland.", "Swans winter in Scotland."))


def test_hours_at_night_and_digit_times_read_once() -> None:
    assert [(f.surface, f.low) for f in spoken_times("The bar stays open until ten at night.")] == [
        ("ten at night", 1320.0)
    ]
    assert [f.low for f in spoken_times("The alarm rang at two at night.")] == [120.0]
    # A time the digits reader finds ("03:41") is not read a second time with its part of the day.
    from factcheck.corroborate.figure_pairing import passage_figures_of
    from factcheck.corroborate.figure_readings import read_alike
    from factcheck.corroborate.number_rules import to_figures

    claim_text, passage_text = "The jet landed at 3.02 a.m.", "The jet landed at 03:41 this morning."
    quantities = find_days_and_times(claim_text)
    _, passage = read_alike(
        to_figures(quantities), passage_figures_of(passage_text), claim_text, passage_text, quantities
    )
    assert [f.surface for f in passage if f.family == "clock_time"] == ["03:41"]


def test_two_times_of_day_of_two_happenings_are_two_moments() -> None:
    # round9's "saw the sample-tracking system fail at 2.15 a.m." against "systems were restored at 14:40" was a
    # conflict: each clause says what happened at its time, and not the same thing.
    assert _stance("The pumps failed at 3.25 a.m.", "The pumps were restarted at 5 a.m.") is not Stance.CONFLICTS
    # The same happening at another time still conflicts; so does a time whose clause names no happening.
    assert _stance("The pumps failed at 3.25 a.m.", "The pumps failed at 5 a.m.") is Stance.CONFLICTS
    assert _stance("The ferry left the harbour at 7.10 a.m.", "The ferry sailed from the harbour at 6 a.m.") is (
        Stance.CONFLICTS
    )


def test_a_plan_since_changed_keeps_its_dates_only_in_its_own_sentence() -> None:
    # "had been due to" in another sentence of the passage says nothing of the year beside the agreeing figure.
    claim = "The bypass will open to traffic across its 6 junctions at the end of 2028."
    passage = "The bypass is due to open across all 6 junctions by June 2027. A link road had been due to open in 2025."
    assert _stance(claim, passage) is not Stance.SUPPORTS
