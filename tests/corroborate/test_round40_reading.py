"""Readings of session 27 made on round39 and round40 after their held-out runs and blind adjudications (their
READMEs, step 4), in fresh words: each failed before its change, and the guards beside it held before and still
hold."""

from __future__ import annotations

from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import QuoteStatus, Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import numeric_claim, speaker_of


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


def test_a_share_in_words_bounds_loosely_a_figure_the_source_bounds_within_it() -> None:
    claim = "The new ferry could cut crossing times by more than half, the operator said."
    signals = _signals(claim, "The new ferry could cut crossing times by 60 percent or more, the operator said.")
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    # the other way round the claim says more than the source; and a bound outside the share still disagrees
    wider = _signals(
        "The new ferry could cut crossing times by 60 percent or more, the operator said.",
        "The new ferry could cut crossing times by more than half, the operator said.",
    )
    assert wider.stance is not Stance.SUPPORTS, wider.reasons
    lower = _signals(claim, "The new ferry could cut crossing times by more than 40 percent, the operator said.")
    assert lower.stance is not Stance.SUPPORTS, lower.reasons
    # two bounds told in digits at one precision are still two tellings of one bound
    digits = _signals(
        "More than 450 volunteers signed up for the clean-up.", "More than 540 volunteers signed up for the clean-up."
    )
    assert digits.stance is Stance.CONFLICTS, digits.reasons


TRANSCRIPT = (
    "[MARA QUILLEN, FESTIVAL DIRECTOR]: Thank you all for coming.\n\n"
    "[REPORTER, HALLOWMERE POST]: Will the festival keep the same site next year?\n\n"
    "[MARA QUILLEN, FESTIVAL DIRECTOR]: Broadly, yes. We will ask the council about the car parks.\n\n"
    "[OTTO BRANKS, FIRE OFFICER]: Please keep the fire lanes clear next year."
)


def test_a_transcript_label_is_no_part_of_the_words_a_quote_is_found_in() -> None:
    signal = compare_quote(
        "We will keep the ticket price the same next year", "Mara Quillen", TRANSCRIPT[-60:], TRANSCRIPT
    )
    assert signal.status is QuoteStatus.NOT_FOUND, signal
    # words said within one turn are still found, changed or not
    changed = compare_quote("We will ask the council about the bus stops", "Mara Quillen", TRANSCRIPT[-60:], TRANSCRIPT)
    assert changed.status is QuoteStatus.ALTERED, changed
    kept = compare_quote("Please keep the fire lanes clear next year", "Otto Branks", TRANSCRIPT[-60:], TRANSCRIPT)
    assert kept.status is QuoteStatus.VERBATIM, kept


def test_a_he_after_a_name_given_with_an_inverted_reporting_verb_means_that_name() -> None:
    text = (
        '"We hoped for sun all week," said Bertram Quaile, the show director, "and we got rain."\n\n'
        "Entries closed at noon on Friday, said Piers Hallam, chairman of the Vale Growers Club, which judges "
        'the classes. "Size means nothing without flavour," he said. Two marrows were disqualified.\n'
    )
    assert speaker_of(text, "Size means nothing") == "Piers Hallam"
    # the earlier speaker is still who a he right after his own quote means
    follow = '"We hoped for sun," said Bertram Quaile. "We got rain," he said.\n'
    assert speaker_of(follow, "We got rain") == "Bertram Quaile"
    # a name after a reporting verb not set off by a comma is the one told, not one who spoke
    told = 'Bertram Quaile opened the show. The news was told Hugo Brack on Monday. "We sold out by noon," he said.\n'
    assert speaker_of(told, "We sold out by noon") == "Bertram Quaile"


def test_a_captain_named_with_the_title_is_who_a_later_he_means() -> None:
    text = (
        'Chief judge Osric Fennimore said the final was close. "I had to look twice at the scales," he said.\n\n'
        "Harrowby captain Tobias Wrenfield, whose team also lost last year's final, had been blunt in spring. "
        '"We are tired of coming second," he said in April.\n'
    )
    assert speaker_of(text, "tired of coming second") == "Tobias Wrenfield"


def test_a_name_set_off_with_a_year_old_apposition_is_who_a_later_she_means() -> None:
    text = (
        '"We ran out of cones by noon," said Hortensia Vell, who runs the ice cream van.\n\n'
        "The pie-eating race was won by Greta Lindqvist, a 31-year-old baker from Orrick, who took home £100. "
        '"I will not eat pastry again until spring," she said.\n'
    )
    assert speaker_of(text, "I will not eat pastry") == "Greta Lindqvist"
    # an age in a sentence about someone else still leaves the pronoun to the named subject before it
    other = (
        "Greta Lindqvist said the crowd was kind. Her son, a 9-year-old from Orrick, cheered. "
        '"It was loud," she said.\n'
    )
    assert speaker_of(other, "It was loud") == "Greta Lindqvist"


def test_a_bound_in_a_row_label_defines_the_row_it_reports_no_figure() -> None:
    signals = _signals("Veteran potter, 67, takes the county's open title", "| Seniors (over 60) | 11 | 14 |")
    assert signals.stance is Stance.RELATED, signals.reasons
    aside = _signals("Sennick's oldest potter, 67, took the open title.", "| Seniors (over 60) | 11 | 14 |")
    assert aside.stance is Stance.RELATED, aside.reasons
    # the same bound in the claim is the row it names; a bound told in a later cell is still a figure
    same = _signals("Entries from potters over 60 rose to 14 this year.", "| Seniors (over 60) | 11 | 14 |")
    assert same.stance is Stance.SUPPORTS, same.reasons
    cell = _signals("The bridge carried 122 lorries a day at its peak.", "| Lorries a day, peak | over 120 |")
    assert cell.stance is Stance.SUPPORTS, cell.reasons
