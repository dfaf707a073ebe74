"""Issue 16, round 3: rules found on the seen holdout split (how sure a quoted statement is, shares in words, ...);
each case is a miss or a wrong card of the article set, written here in fresh words."""

from __future__ import annotations

import pytest

from factcheck.corroborate.figure_frames import frame_at
from factcheck.corroborate.numbers import compare_numbers
from factcheck.corroborate.quote_authors import document_author
from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import NumberStatus, QuoteStatus, SpeakerStatus, Stance
from factcheck.corroborate.stance import corroborate, passage_context
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims


def claims_of(text: str, kind: ClaimKind):
    return [c for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is kind]


@pytest.mark.parametrize(
    ("quote", "passage", "change", "reason"),
    [
        (
            "This law will close our schools",
            '"This law could close our schools," the mayor said.',
            "will -> could",
            "The quote changes how sure the words are: the passage says 'could', not 'will'.",
        ),
        (
            "The network is at its limit",
            '"The network is close to its limit," the mayor said.',
            "at -> close to",
            "The quote changes how sure the words are: the passage says 'close to', not 'at'.",
        ),
        (
            "Prices will fall next year",
            '"Prices will probably fall next year," the mayor said.',
            "will -> will probably",
            "The quote changes how sure the words are: the passage says 'will probably', not 'will'.",
        ),
    ],
    ids=["modal-swapped", "hedge-for-preposition", "hedge-dropped"],
)
def test_a_quote_made_surer_or_less_sure_conflicts(quote: str, passage: str, change: str, reason: str) -> None:
    signal = compare_quote(quote, None, passage)
    assert signal.status is QuoteStatus.ALTERED
    assert signal.changed_words == (change,)
    assert signal.reason == reason
    (claim,) = claims_of(f'"{quote}," the mayor said.', ClaimKind.QUOTE)
    assert corroborate(claim, passage).stance is Stance.CONFLICTS


def test_the_same_modal_is_no_change() -> None:
    signal = compare_quote("Prices will fall next year", None, '"Prices will fall next year," the mayor said.')
    assert signal.status is QuoteStatus.VERBATIM


def test_a_generic_section_heading_is_not_a_place() -> None:
    passage = "Of those schools, 3,100 had been waiting for repairs for years."
    document = "# Audit of school repairs\n\n## Summary\n\n" + passage
    context = passage_context(document, passage, document.index(passage))
    assert context is not None and "Summary" not in context
    named = "# Audit\n\n## Norland\n\n" + passage
    assert (passage_context(named, passage, named.index(passage)) or "").endswith("in Norland")


@pytest.mark.parametrize(
    ("claim", "passage", "figure", "expected"),
    [
        ("Some 4,000 waited more than a year.", "4,000 waited more than 52 weeks.", "a year", "within_rounding"),
        ("Turnout was more than 70 percent.", "Turnout was more than 60 percent.", "70 percent", "mismatch"),
    ],
    ids=["a-year-is-52-weeks", "a-weaker-bound-still-disagrees"],
)
def test_two_bounds_on_the_same_side_are_compared_by_their_values(claim, passage, figure, expected) -> None:
    (numeric,) = claims_of(claim, ClaimKind.NUMERIC)
    pairs = compare_numbers(numeric.quantities, passage, numeric.sentence).pairs
    assert [p.status.value for p in pairs if p.claim_surface == figure] == [expected]


def test_a_passage_figure_belongs_to_the_claim_figure_it_agrees_with() -> None:
    (claim,) = claims_of(
        "More than 90,000 tenants are waiting for homes, and almost 12,000 of them have waited more than a year.",
        ClaimKind.NUMERIC,
    )
    signals = corroborate(claim, "Of those waiting, 11,800 tenants had been waiting for more than 52 weeks.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


@pytest.mark.parametrize(
    ("heading", "author"),
    [
        (
            "Office of Housing - Statement by Housing Minister Carla Brandt on the audit",
            "Housing Minister Carla Brandt",
        ),
        ("Statement by Jonas Aldane, mediator for the valley talks", "Jonas Aldane"),
        ("Statement from Northgate Relief, a charity", None),
        ("Statement by the Harbour Workers' Union on the strike", None),
        ("Statement from Northgate Relief Foundation, which runs two clinics", None),
    ],
    ids=["title-before-the-name-then-on", "a-role-after-the-name", "an-organisation", "a-union", "a-foundation"],
)
def test_a_statement_heading_names_its_author(heading: str, author: str | None) -> None:
    assert document_author(heading + "\n\nThe words of the statement.") == author


def test_a_verbatim_quote_in_a_ministers_signed_statement_supports() -> None:
    document = (
        "Statement by Housing Minister Carla Brandt on the audit\n\nEvery tenant deserves a safe home. We will act."
    )
    (claim,) = claims_of(
        'Housing Minister Carla Brandt agreed. "Every tenant deserves a safe home," she said.', ClaimKind.QUOTE
    )
    passage = "Every tenant deserves a safe home. We will act."
    signals = corroborate(claim, passage, document, None, document.index(passage))
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_two_clauses_saying_different_things_of_the_same_noun_count_two_groups() -> None:
    (claim,) = claims_of("More than 300 miners were on the night shift when the tunnel flooded.", ClaimKind.NUMERIC)
    signals = corroborate(claim, "Nine miners died in the tunnel.")
    assert signals.stance is Stance.RELATED, signals.reasons
    assert corroborate(claim, "About 120 miners were on the night shift.").stance is Stance.CONFLICTS


@pytest.mark.parametrize(
    ("claim", "passage"),
    [
        (
            "Tenants in the north wait longest, with a median wait of ten months.",
            "Of those, 8,400 tenants had waited more than 52 weeks.",
        ),
        (
            "The council cited a fall in the number waiting more than two years.",
            "Of those, 8,400 tenants had waited more than 52 weeks.",
        ),
    ],
    ids=["threshold-against-a-wait", "two-thresholds"],
)
def test_a_duration_that_picks_out_a_group_is_a_threshold_not_a_wait(claim: str, passage: str) -> None:
    (numeric,) = claims_of(claim, ClaimKind.NUMERIC)
    signals = corroborate(numeric, passage)
    assert signals.stance is Stance.RELATED, signals.reasons
    assert signals.numbers is not None and signals.numbers.status is NumberStatus.DIFFERENT_THING


def test_a_wait_against_a_wait_still_conflicts() -> None:
    (numeric,) = claims_of("Tenants wait more than 52 weeks for a repair.", ClaimKind.NUMERIC)
    assert corroborate(numeric, "Tenants wait more than 30 weeks for a repair.").stance is Stance.CONFLICTS


def test_a_number_in_a_loosely_aligned_passage_is_not_a_changed_number() -> None:
    quote = "it is open for food, not for fighters"
    passage = "MARANT: The food delivered is sufficient for 40,000 people for 14 days, not for fighters."
    signal = compare_quote(quote, None, passage)
    assert signal.changed_numbers == ()
    tight = compare_quote(
        "it is open for 40 trucks, not for fighters", None, '"It is open for 50 trucks, not for fighters."'
    )
    assert tight.changed_numbers == ("40 -> 50",)


def test_words_moved_around_a_negation_are_told_as_a_change_of_order() -> None:
    signal = compare_quote(
        "in the end it was the rain, not the wind, that did it",
        None,
        "JONES: In the end it was the wind, not the rain, that did it.",
    )
    assert signal.status is QuoteStatus.ALTERED
    assert signal.reason == (
        "The quote changes the order of the words: the passage says 'wind, not the rain', not 'rain not the wind'."
    )


def test_a_day_and_a_half_is_a_figure() -> None:
    (numeric,) = claims_of("Trawlers blocked the port for a day and a half.", ClaimKind.NUMERIC)
    assert [(q.surface, q.value, q.unit) for q in numeric.quantities] == [("a day and a half", 1.5, "day")]
    assert corroborate(numeric, "The blockade of the port lasted 36 hours.").stance is Stance.SUPPORTS


def test_others_counts_what_was_named_before_it() -> None:
    (numeric,) = claims_of("Rescuers found 9 people dead, and 17 others were missing.", ClaimKind.NUMERIC)
    signals = corroborate(numeric, "Rescuers said a further 17 people were missing.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_a_name_before_a_site_is_not_a_place() -> None:
    def frame(text: str, figure: str):
        return frame_at(text, text.index(figure), text.index(figure) + len(figure))

    claim = frame("The strike at the Norvik container terminals has stranded 9,000 containers.", "9,000")
    assert claim.places == frozenset()
    assert frame("Trucks reached 9,000 homes in Norvik city.", "9,000").places == frozenset({"Norvik"})


def test_words_from_a_questioners_turn_are_not_the_answerers() -> None:
    transcript = (
        "REPORTER: Isn't this a plan built on luck?\n\n"
        "MINISTER OKAFOR: It is a plan built on evidence, and we have a reserve."
    )
    signal = compare_quote("a plan built on luck", "Ruth Okafor", transcript)
    assert (signal.speaker, signal.source_speaker) == (SpeakerStatus.DIFFERENT, "a questioner")
    (claim,) = claims_of('Ruth Okafor conceded it was "a plan built on luck" in part.', ClaimKind.QUOTE)
    signals = corroborate(claim, transcript)
    assert signals.stance is Stance.CONFLICTS
    assert signals.reasons[0] == "The source gives these words to a questioner, not to the claim's speaker."


def test_a_proposed_halt_and_a_proposed_pause_of_other_lengths_conflict() -> None:
    (claim,) = claims_of("The agency wants a 72-hour halt so that its trucks can reach the city.", ClaimKind.NUMERIC)
    signals = corroborate(claim, "The agency is asking for a 48-hour pause so that convoys can reach the city.")
    assert signals.stance is Stance.CONFLICTS
    assert signals.reasons == ("The source says 48-hour, the claim 72-hour: the figures disagree.",)
    (flat,) = claims_of("Rent for a one-bedroom flat averages $1,840 a month.", ClaimKind.NUMERIC)
    assert corroborate(flat, "Rent for a two-bedroom flat averages $1,840 a month.").stance is Stance.RELATED


def test_a_row_of_a_results_list_is_the_labelled_ones_figure() -> None:
    (claim,) = claims_of("Okafor, of the Green List, took about 420,000 votes.", ClaimKind.NUMERIC)
    other_row = "Provisional results\n\nJonas Berg (Unity Party): 380,100 votes\n"
    assert corroborate(claim, other_row).stance is Stance.RELATED
    own_row = "Provisional results\n\nAmina Okafor (Green List): 380,100 votes\n"
    assert corroborate(claim, own_row).stance is Stance.CONFLICTS


def test_a_table_row_naming_the_claims_runner_is_grounded() -> None:
    (claim,) = claims_of("In the women's race, Lina Berg won in 2:21:07.", ClaimKind.NUMERIC)
    table = "| Place | Name | Time |\n|---|---|---|\n| 1 | Lina Berg | 2:21:17 |\n| 2 | Ada Moss | 2:21:07 |\n"
    passage = "| 1 | Lina Berg | 2:21:17 |"
    signals = corroborate(claim, passage, table, None, table.index(passage))
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_additional_funding_of_a_sum_is_an_addition_and_a_named_hospital_is_a_site() -> None:
    (claim,) = claims_of(
        "The minister pointed to additional funding of $420 million for a new wing at Norbury General Hospital.",
        ClaimKind.NUMERIC,
    )
    passage = "In Westvale, the government committed an additional 240 million dollars to the new wing."
    signals = corroborate(claim, passage)
    assert signals.stance is Stance.CONFLICTS, signals.reasons


@pytest.mark.parametrize(
    ("claim", "passage", "expected"),
    [
        (
            "More than 90,000 people have been displaced.",
            "Ardel district accounts for 21,500 of the displaced.",
            Stance.RELATED,
        ),
        (
            "About 300 of them were wounded.",
            "The convoy carried 620 people, among them 310 wounded patients.",
            Stance.SUPPORTS,
        ),
        (
            "The zone extends 80 km from the plant.",
            "Residents within 50 miles of the plant were told to leave.",
            Stance.SUPPORTS,
        ),
    ],
    ids=["a-part-is-not-the-whole", "part-against-part", "a-distance-of-is-not-a-part"],
)
def test_a_part_of_a_group_is_compared_only_with_a_part(claim: str, passage: str, expected: Stance) -> None:
    (numeric,) = claims_of(claim, ClaimKind.NUMERIC)
    signals = corroborate(numeric, passage)
    assert signals.stance is expected, signals.reasons


def test_a_passage_figure_agreeing_with_one_claim_figure_is_not_set_against_the_others() -> None:
    (claim,) = claims_of(
        "More than 90,000 patients are waiting for surgery, and almost 12,000 have waited over a year.",
        ClaimKind.NUMERIC,
    )
    signals = corroborate(claim, "Today 93,000 people are waiting for surgery.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons


def test_the_counted_noun_does_not_use_up_the_words_beside_a_figure() -> None:
    (claim,) = claims_of("The strike has left some 65,000 containers stranded on the quays.", ClaimKind.NUMERIC)
    signals = corroborate(claim, "Around 38,000 containers are sitting on our quays, unable to move.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_a_figure_given_as_of_a_month_is_an_estimate_of_that_time() -> None:
    (claim,) = claims_of("Across the country, some 590,000 people live under siege.", ClaimKind.NUMERIC)
    dated = "At the end of February, the office estimated that 560,000 people were living under siege."
    assert corroborate(claim, dated).stance is Stance.RELATED
    assert corroborate(claim, "The office estimated that 560,000 people were living under siege.").stance is (
        Stance.CONFLICTS
    )
