"""Readings found in the round8 split after its held-out run (seen since), each case in fresh words: a role that
labels a transcript's turns, a change against a signed share, a figure for the whole country, and a legal maximum.
Each failed before its change."""

from __future__ import annotations

import pytest

from factcheck.corroborate.dated_guards import times_of_two_days
from factcheck.corroborate.signals import NumberStatus, SpeakerStatus, Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims
from tests.helpers import numeric_claim

HEARING = (
    "Present: Dr Ines Falk, chair; Mr Owen Tredegar, counsel to the inquest.\n\n"
    "THE JUDGE: I have heard every witness. This was a death that nobody should have had to die.\n\n"
)


def _quote_claim(article: str):
    (claim,) = [c for c in extract_claims(Document.from_text(article, doc_id="a")) if c.kind is ClaimKind.QUOTE]
    return claim


def test_words_a_role_label_owns_are_the_speakers_when_the_article_gives_them_to_that_role() -> None:
    claim = _quote_claim(
        "Judge Helen Achterberg closed the inquest on Monday. "
        '"This was a death that nobody should have had to die," the judge said.'
    )
    assert claim.speaker == "Helen Achterberg"
    signals = corroborate(claim, HEARING)
    assert signals.quote is not None and signals.quote.speaker is SpeakerStatus.SAME
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_words_a_role_label_owns_are_still_not_the_words_of_someone_named_otherwise() -> None:
    claim = _quote_claim('Tredegar told the court: "This was a death that nobody should have had to die."')
    signals = corroborate(claim, HEARING)
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        (
            "The scheme is expected to cut traffic in the centre by 18 percent.",
            "| Traffic in the centre | -18% |",
            Stance.SUPPORTS,
        ),
        ("Shoplifting fell 6 percent.", "| Shoplifting | 4,100 | 3,854 | -6.0% |", Stance.SUPPORTS),
        ("Shoplifting fell 6 percent.", "| Shoplifting | 4,100 | 4,346 | +6.0% |", Stance.CONFLICTS),
        ("Shoplifting rose 6 percent.", "| Shoplifting | 4,100 | 3,854 | -6.0% |", Stance.CONFLICTS),
        ("Shoplifting fell 6 percent.", "| Shoplifting | 4,100 | 3,731 | -9.0% |", Stance.CONFLICTS),
        (
            "Police recorded a 6 percent drop in shoplifting.",
            "| Shoplifting | 4,100 | 3,854 | -6.0% |",
            Stance.SUPPORTS,
        ),
    ],
    ids=["cut-by-minus", "fell-minus", "fell-plus", "rose-minus", "fell-other-value", "percent-drop-in"],
)
def test_a_fall_told_in_words_is_a_minus_sign_in_a_table(claim: str, passage: str, stance: Stance) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is stance


@pytest.mark.parametrize(
    "claim",
    [
        "At Harwood General Hospital, 64.8 percent of patients were seen within four hours.",
        "At Selby General, 64.8 percent of patients were seen within four hours, while Eastfield reached 81 percent.",
    ],
    ids=["one-site", "two-sites"],
)
def test_a_measure_for_one_site_is_neither_confirmed_nor_contradicted_by_the_countrys(claim: str) -> None:
    passage = "Across the country, 76.9 percent of patients were seen within four hours."
    signals = corroborate(numeric_claim(claim), passage)
    assert signals.stance is Stance.RELATED, signals.reasons
    assert signals.numbers is not None and signals.numbers.status is NumberStatus.DIFFERENT_THING


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("The maximum sentence for the offence is 14 years.", "The judge jailed him for six years and three months."),
        ("The maximum sentence for the offence is 14 years.", "The sentence is six years and three months."),
        ("The maximum fine for the offence is 20,000 pounds.", "The fine is 4,500 pounds."),
        ("Drivers face a penalty of up to 2,000 euros.", "The court fined the driver 750 euros."),
    ],
    ids=["maximum-sentence-jailed", "maximum-sentence", "maximum-fine", "penalty-of-up-to"],
)
def test_the_most_a_law_allows_is_not_contradicted_by_what_a_court_gave(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is Stance.RELATED


def test_a_legal_maximum_still_meets_the_same_maximum() -> None:
    signals = corroborate(
        numeric_claim("Flying a drone there carries a penalty of up to five years in prison."),
        "The offence carries a maximum sentence of five years' imprisonment.",
    )
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_line_named_first_in_its_sentence_is_a_part() -> None:
    signals = corroborate(
        numeric_claim("Line 4, which carries about 90,000 passengers on a typical weekday, stayed shut."),
        "Across the whole network we carry about 400,000 passengers on an average weekday.",
    )
    assert signals.stance is Stance.RELATED, signals.reasons


def test_another_holder_of_a_labelled_title_is_another_speaker() -> None:
    transcript = "SENATOR HALE: We will not vote for a budget that cuts the hospitals.\n\n"
    claim = _quote_claim(
        'Unlike Hale, Senator Ada Briggs said: "We will not vote for a budget that cuts the hospitals."'
    )
    assert corroborate(claim, transcript).stance is Stance.CONFLICTS


def test_an_unnamed_figure_may_be_the_wholes_too() -> None:
    signals = corroborate(
        numeric_claim("Across the country, some 48,000 households are without heating."),
        "The agency said 41,000 households were without heating.",
    )
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        (
            "The trust has set aside 90,000 pounds for repairs.",
            "We have set aside £90,000 for repairs.",
            Stance.SUPPORTS,
        ),
        ("She has paid back 41,000 pounds.", "She has paid back £14,000 so far.", Stance.CONFLICTS),
        ("He has paid back £41,000.", "His lawyer put it at 41,000 pounds.", Stance.SUPPORTS),
    ],
    ids=["claim-pounds", "claim-pounds-other-value", "passage-pounds"],
)
def test_pounds_are_sterling_when_the_other_side_gives_sterling(claim: str, passage: str, stance: Stance) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is stance


def test_pounds_stay_a_weight_beside_a_weight() -> None:
    signals = corroborate(
        numeric_claim("The seal weighed 300 pounds."), "The seal weighed 136 kg and cost £300 to feed."
    )
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    assert signals.numbers is not None and "136 kg" in signals.reasons[0]


@pytest.mark.parametrize(
    ("claim", "stance"),
    [
        ("More than three in five crashes happened at night.", Stance.SUPPORTS),
        ("About 60 percent of the crashes happened at night.", Stance.SUPPORTS),
        ("About 40 percent of the crashes happened at night.", Stance.CONFLICTS),
    ],
    ids=["more-than-three-in-five", "about-60-percent", "another-share"],
)
def test_n_of_m_is_also_a_share(claim: str, stance: Stance) -> None:
    passage = "In all, 310 of the 498 crashes happened at night."
    assert corroborate(numeric_claim(claim), passage).stance is stance


def test_all_of_a_group_is_a_whole_share() -> None:
    signals = corroborate(
        numeric_claim("Every one of the district's schools, 100 percent, reopened."),
        "In all, 30 of 30 schools reopened.",
    )
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Last winter 12 cyclists were killed on the pass.", "Cyclists made up 12 of the 31 deaths on the pass."),
        ("The storm caused 88 of the cancellations.", "The storm cancelled 88 trains on Monday."),
    ],
    ids=["killed-deaths", "cancellations-cancelled"],
)
def test_one_event_counted_with_a_noun_and_with_a_verb_is_one_figure(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is Stance.SUPPORTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        ("Police made 40 arrests.", "Police deployed 40 officers."),  # no event on the other side
        ("There were 23 reports of flooding.", "Officials reported 23 deaths."),  # "reported" says who told of it
        ("Last winter 12 cyclists were killed.", "Cyclists made up 12.0 percent of the 31 deaths."),  # not the count
    ],
    ids=["no-event", "reporting-verb", "written-otherwise"],
)
def test_the_same_number_of_another_event_is_not_one_figure(claim: str, passage: str) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is not Stance.SUPPORTS


def test_a_noun_and_a_verb_tie_only_the_same_number_written_alike() -> None:
    # "12 killed" against "14 of the deaths" may be two counts (a month, a road): the tie is kept for one number
    signals = corroborate(
        numeric_claim("Last winter 12 cyclists were killed."), "Cyclists made up 14 of the 31 deaths last winter."
    )
    assert signals.stance is Stance.RELATED, signals.reasons


# Read on round9 after its held-out run (seen since).
STATEMENT = (
    "The Minister for Rural Transport, Ines Okonjo, today announced new funding for village bus routes.\n\n"
    'Asked about fares, the Minister said: "Nobody should pay more to reach a hospital than to reach a shop."\n'
)


def test_a_role_in_prose_is_the_person_the_document_names_in_it() -> None:
    claim = _quote_claim('"Nobody should pay more to reach a hospital than to reach a shop," Okonjo said.')
    signals = corroborate(claim, STATEMENT)
    assert signals.quote is not None and signals.quote.source_speaker == "Ines Okonjo"
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_role_label_is_the_person_the_document_names_in_it_beside_an_aside() -> None:
    hearing = (
        "Present: Judge Petra Halloran (retired), chair; Mr Colm Reddy, counsel to the inquiry.\n\n"
        "THE CHAIR: This inquiry will not look for someone to blame.\n\n"
    )
    claim = _quote_claim('Reddy told the hearing: "This inquiry will not look for someone to blame."')
    signals = corroborate(claim, hearing)
    assert signals.quote is not None and signals.quote.source_speaker == "Petra Halloran"
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage", "stance"),
    [
        ("The pumps failed at 3.15 a.m.", "The pumps failed at a quarter past three this morning.", Stance.SUPPORTS),
        ("The pumps failed at 04:40.", "The pumps failed at twenty to five in the morning.", Stance.SUPPORTS),
        ("The pumps failed at 9.05 p.m.", "The pumps failed at five past nine on Friday evening.", Stance.SUPPORTS),
        ("The pumps failed at 3.25 a.m.", "The pumps failed at a quarter past three this morning.", Stance.CONFLICTS),
        # Which half of the day, the words do not say: the reading that gives the claim's minute agrees (session 16:
        # round19's "half past eleven" for "11.30 a.m."), and no reading is chosen to disagree.
        ("The pumps failed at 3.15 a.m.", "The pumps failed at a quarter past three.", Stance.SUPPORTS),
        ("The pumps failed at 3.25 a.m.", "The pumps failed at a quarter past three.", Stance.RELATED),
    ],
    ids=[
        "quarter-past-morning",
        "twenty-to-morning",
        "five-past-evening",
        "another-time",
        "half-of-day-unsaid",
        "half-of-day-unsaid-other-minute",
    ],
)
def test_a_time_told_in_words_is_a_time(claim: str, passage: str, stance: Stance) -> None:
    assert corroborate(numeric_claim(claim), passage).stance is stance


def test_times_on_two_named_days_are_two_moments() -> None:
    signals = corroborate(
        numeric_claim("The pumps restarted at 4.30 p.m. on Thursday."), "The pumps failed at 03:10 on Tuesday."
    )
    assert signals.stance is Stance.RELATED, signals.reasons
    # Session 16: the two clauses name two happenings (failed, restarted), which decides before the days are read.
    assert signals.reasons[0].startswith("A different figure: the source counts 03:10"), signals.reasons
    same_day = corroborate(
        numeric_claim("The pumps restarted at 4.30 p.m. on Thursday."), "The pumps restarted at 17:30 on Thursday."
    )
    assert same_day.stance is Stance.CONFLICTS, same_day.reasons


def test_the_words_of_a_spoken_time_are_not_counts_beside_it() -> None:
    signals = corroborate(
        numeric_claim("Twenty pumps failed at 04:40."), "Twelve pumps failed at twenty to five in the morning."
    )
    assert signals.stance is Stance.CONFLICTS, signals.reasons  # 20 against 12 pumps, not "twenty" of the time


def test_only_times_are_read_as_moments_of_two_days() -> None:
    # counts of two days are left to the rules that read counts (the weekday stays a stated reason)
    claim = numeric_claim("Some 40 pumps were running on Thursday.")
    signals = corroborate(claim, "Some 25 pumps were running on Tuesday.")
    weekdays = [cue for cue in signals.cues if cue.startswith("The claim gives the day as Thursday")]
    assert weekdays
    assert times_of_two_days(claim, signals.numbers, weekdays) is None
