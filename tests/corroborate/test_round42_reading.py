"""Readings of session 28 made on round42 after its held-out run and blind adjudication (its README, step 4), in
fresh words: each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from tests.helpers import against_row, speaker_of


def test_a_surname_opening_a_sentence_with_the_age_set_off_is_who_a_later_he_means() -> None:
    text = (
        "LOWBRIDGE, May 3 - Halloran Pike won the Lowbridge regatta on Saturday in a boat he built himself.\n\n"
        '"The wind was cruel to the later heats," said Esme Dunmore, the race officer.\n\n'
        'Pike, 44, a joiner from Lowbridge, led from the first buoy. "I never once looked back," he said.\n'
    )
    assert speaker_of(text, "I never once looked back") == "Halloran Pike"
    # a speaker named after the aged subject is still who her own pronoun means
    nearer = (
        'Halloran Pike won again. Pike, 44, led from the first buoy. "The wind was cruel," said Esme Dunmore, '
        'the race officer. "It blew all day," she said.\n'
    )
    assert speaker_of(nearer, "It blew all day") == "Esme Dunmore"


def test_the_one_full_name_of_the_sentence_before_a_quote_is_who_its_pronoun_means() -> None:
    text = (
        '"Every jar is tasted twice," said Ptolemy Ashgrove, the chief taster.\n\n'
        "The cup for amateurs went to Wilhelmina Oakes for a damson jam with star anise. "
        '"I almost left it at home on the kitchen table," she told the crowd.\n\n'
        'Ashgrove said the standard had never been higher. "Some of these cooks are chemists," he said.\n'
    )
    assert speaker_of(text, "I almost left it at home") == "Wilhelmina Oakes"
    # her pronoun no longer lends the chief taster a gender, so his own he is his again
    assert speaker_of(text, "Some of these cooks are chemists") == "Ptolemy Ashgrove"
    # a sentence whose subject is a person keeps the pronoun to that subject, not to a name later in it
    subject = (
        '"Every jar is tasted twice," said Ptolemy Ashgrove.\n\n'
        'Ashgrove praised Wilhelmina Oakes for her damson jam. "It was the best on the table," he said.\n'
    )
    assert speaker_of(subject, "It was the best on the table") == "Ptolemy Ashgrove"
    # two people named in the sentence before leave it to the speaker before them
    two = (
        '"Every jar is tasted twice," said Ptolemy Ashgrove.\n\n'
        "The cups went to Wilhelmina Oakes and Jory Penhallow for their jams. "
        '"The standard was high," he said.\n'
    )
    assert speaker_of(two, "The standard was high") == "Ptolemy Ashgrove"


FAIR_TABLE = (
    "# Harbour fair in figures\n\n"
    "## Table 1. Stalls and visitors\n\n"
    "| Measure | 2024 | 2025 | 2026 |\n"
    "|---|---|---|---|\n"
    "| Stall fee (£) | 20 | 20 | 24 |\n"
    "| Stalls let | 96 | 118 | 131 |\n"
    "| First-aid cases | 174 | 220 | 251 |\n"
    "| Litter bags filled | 640 | 610 | 540 |\n\n"
    "## Table 2. Plans\n\n"
    "| Measure | 2025 | 2026 | 2027 target |\n"
    "|---|---|---|---|\n"
    "| Food stalls | 40 | 52 | 60 |\n\n"
    "## Table 3. Sites\n\n"
    "| Site | Figure |\n"
    "|---|---|\n"
    "| Car parks | 4 |\n"
)


def test_a_row_of_year_columns_reports_the_claims_year_in_its_latest_column() -> None:
    # this year's telling of the row is its latest year: an earlier year's cell neither confirms nor stands in
    fee = against_row("Stallholders paid £20 each for a pitch at the harbour fair.", FAIR_TABLE, "| Stall fee")
    assert fee.stance is Stance.CONFLICTS, fee.reasons
    cases = against_row("First-aid volunteers dealt with 212 cases over the weekend.", FAIR_TABLE, "| First-aid")
    assert cases.stance is Stance.CONFLICTS and "251" in cases.reasons[0], cases.reasons
    # a change's base told with its own time dates the base only, not the sentence's other figures
    based = against_row(
        "First-aid volunteers dealt with 220 cases, and the raffle sold 40 books, up from 30 the year before.",
        FAIR_TABLE,
        "| First-aid",
    )
    assert based.stance is Stance.CONFLICTS and "251" in based.reasons[0], based.reasons
    # a figure told with its own earlier time is read as before
    own_time = against_row("The fee now compares with £20 in 2025.", FAIR_TABLE, "| Stall fee")
    assert own_time.stance is Stance.SUPPORTS, own_time.reasons
    # "more than" bounds the figure, it is no change's base
    bags = against_row("Volunteers filled more than 600 litter bags.", FAIR_TABLE, "| Litter bags")
    assert bags.stance is Stance.CONFLICTS, bags.reasons
    # the latest column confirms as before
    stalls = against_row("The fair let 131 stalls this summer.", FAIR_TABLE, "| Stalls let")
    assert stalls.stance is Stance.SUPPORTS, stalls.reasons
    # a figure the claim dates to an earlier year is read in that year's column
    dated = against_row("In 2025 the fair let 118 stalls.", FAIR_TABLE, "| Stalls let")
    assert dated.stance is Stance.SUPPORTS, dated.reasons
    # "last year" is not the latest column, and a change told with both ends reads two columns
    last = against_row("Last year the fair let 118 stalls.", FAIR_TABLE, "| Stalls let")
    assert last.stance is Stance.SUPPORTS, last.reasons
    ends = against_row("The fair let 118 stalls, up from 96 in 2024.", FAIR_TABLE, "| Stalls let")
    assert ends.stance is Stance.SUPPORTS, ends.reasons
    # a target column is no year's count: the latest year before it is the claim's
    food = against_row("There were 52 food stalls.", FAIR_TABLE, "| Food stalls")
    assert food.stance is Stance.SUPPORTS, food.reasons
    # a sentence that tells of another time, a change's base and a plan's row leave the columns as they were
    gardens = (
        "| Item | 2025 | 2026 |\n|---|---|---|\n| Gardens open | 27 | 31 |\n| Cyclists | 38 | 47 |\n"
        "| Programme budget | £860,000 | £790,000 |\n"
    )
    when = against_row("The total was up on last year, when 27 gardens opened.", gardens, "| Gardens open")
    assert when.stance is Stance.SUPPORTS, when.reasons
    # a change's base told with its time, when that time opens a clause of its own ("last year, when ...")
    base_when = against_row(
        "The total was up from £36,000 last year, when 27 gardens opened.", gardens, "| Gardens open"
    )
    assert base_when.stance is Stance.SUPPORTS, base_when.reasons
    base = against_row("Cyclist deaths climbed to 47 from 38.", gardens, "| Cyclists")
    assert base.stance is Stance.SUPPORTS, base.reasons
    plan = against_row("This season's share of the programme was £860,000.", gardens, "| Programme budget")
    assert plan.stance is Stance.SUPPORTS, plan.reasons
    # a table without year columns is read as before
    parks = against_row("Visitors filled 4 car parks.", FAIR_TABLE, "| Car parks")
    assert parks.stance is Stance.SUPPORTS, parks.reasons


def test_a_temperature_written_apart_from_its_scale_letter_is_a_temperature() -> None:
    from factcheck.extract.figures import find_quantities

    def units(text: str) -> list[str | None]:
        return [q.unit for q in find_quantities(text)]

    assert units("The pool was heated to 27.5 C (81.5 F) for the gala.") == ["celsius", "fahrenheit"]
    assert units("Air temperatures fell to minus 4 C overnight, and the 12 C forecast came true.") == [
        "celsius",
        "celsius",
    ]
    # the scale in brackets is a temperature by the one before it, with no word of weather
    assert units("The pond stood at 6 C (43 F) at dawn.") == ["celsius", "fahrenheit"]
    # a letter after a figure with no word of weather or other scale stays a letter
    assert units("Pupils in set 3 C won 12 prizes.") == [None, None]
    told = against_row(
        "Stewards handed out water as temperatures reached 29 C (84 F) on Sunday.",
        "The hottest reading of the weekend was 29 degrees Celsius on Sunday afternoon.\n",
        "The hottest",
    )
    assert told.stance is Stance.SUPPORTS, told.reasons


def test_an_aim_of_a_sum_is_a_target_not_the_sum_raised() -> None:
    claim = "The gala raised £41,700 for the lifeboat station, the organisers said."
    aim = "The crews have set themselves an aim of raising £40,000 across all of this summer's events."
    signals = against_row(claim, aim + "\n", "The crews")
    assert signals.stance is Stance.RELATED, signals.reasons
    # the sum itself, told in round figures, still confirms
    told = against_row(claim, "The gala raised about £42,000 for the station.\n", "The gala")
    assert told.stance is Stance.SUPPORTS, told.reasons
