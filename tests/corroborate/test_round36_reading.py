"""Readings of session 25 made on round35 and round36 after their held-out runs and blind adjudications (their
READMEs, step 4), in fresh words: each failed before its change, and the guards beside it held before and still
hold."""

from __future__ import annotations

from factcheck.corroborate.number_rules import to_figures
from factcheck.corroborate.signals import SpeakerStatus, Stance
from factcheck.corroborate.stance import corroborate
from factcheck.corroborate.table_units import in_cell_unit
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims
from factcheck.extract.figures import find_quantities
from factcheck.extract.quotes.finding import find_quotes
from factcheck.extract.sentences import split_sentences
from tests.helpers import numeric_claim


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


def _speakers(text: str) -> list[str | None]:
    return [quote.speaker for quote in find_quotes(text, split_sentences(text))]


def _quote_claims(article: str):
    return [c for c in extract_claims(Document.from_text(article, doc_id="a")) if c.kind is ClaimKind.QUOTE]


def test_of_two_names_around_the_verb_the_first_is_the_speaker_and_the_second_its_title() -> None:
    rector = 'The Rev. Ysolde Pardew, Rector of Quenby, said: "The tower will ring again."'
    assert _speakers(rector) == ["Ysolde Pardew"]
    assert _speakers('Dr Tomas Aveling, Director of Harbours, said: "Dredging starts in May."') == ["Tomas Aveling"]
    # a pronoun later stands for the person, not for the body in the title
    text = (
        "Wilmot Quarrie, treasurer of the Fenby and District Guild of Lamplighters, said most lamps were lit.\n\n"
        '"Every lamp we lose is a street gone dark," he said.'
    )
    assert _speakers(text) == ["Wilmot Quarrie"]
    # a description before the name still gives way to the name
    assert _speakers('"We wait," the harbour master, Ines Vell, said.') == ["Ines Vell"]


def test_an_article_that_gives_the_speaker_a_role_elsewhere_is_told_that_role_for_a_role_labelled_turn() -> None:
    minutes = "Clerk: Item two.\n\nChair: This has been a year to be proud of, and we have not had many.\n\n"
    article = (
        "Chair Perpetua Oldroyd opened the meeting with the results.\n\n"
        '"This has been a year to be proud of, and we have not had many," she said.'
    )
    (claim,) = _quote_claims(article)
    assert claim.speaker == "Perpetua Oldroyd" and claim.speaker_roles == ("chair",)
    signals = corroborate(claim, minutes, minutes, passage_start=0)
    assert signals.quote is not None and signals.quote.speaker is SpeakerStatus.SAME
    assert signals.stance is Stance.SUPPORTS, signals.reasons
    # someone the article never gives the chair stays another speaker
    other = (
        "Chair Perpetua Oldroyd opened the meeting. Treasurer Ambrose Kettlewell read the accounts.\n\n"
        '"This has been a year to be proud of, and we have not had many," Kettlewell said.'
    )
    (claim,) = _quote_claims(other)
    assert claim.speaker_roles == ()
    assert corroborate(claim, minutes, minutes, passage_start=0).stance is Stance.CONFLICTS


def test_a_hedged_duration_in_another_unit_rounds_to_its_own_unit() -> None:
    claim = "Learners need about three months of lessons before they ring alone, the tower captain said."
    assert _signals(claim, "Most learners need about 12 weeks of lessons before they ring alone.").stance is (
        Stance.SUPPORTS
    )
    # more than half a month away (or 10 percent), or told exactly in both units, it still differs
    assert _signals(claim, "Most learners need about 9 weeks of lessons before they ring alone.").stance is (
        Stance.CONFLICTS
    )
    exact = "Learners need three months of lessons before they ring alone, the tower captain said."
    assert _signals(exact, "Most learners need 12 weeks of lessons before they ring alone.").stance is not (
        Stance.SUPPORTS
    )
    hour = "The crossing takes about an hour, the ferry company said."
    assert _signals(hour, "The crossing takes 50 minutes.").stance is not Stance.SUPPORTS
    # under half the coarser unit away but more than 10 percent: "about two hours" does not round 100 minutes
    hours = "The crossing takes about two hours, the ferry company said."
    assert _signals(hours, "The crossing takes 100 minutes.").stance is not Stance.SUPPORTS
    # one unit written on both sides, a conversion telling a finer digit, is not another unit
    deep = "The hole is 11 metres (36 feet) deep, engineers said."
    assert _signals(deep, "The hole was about 10 metres deep.").stance is not Stance.SUPPORTS
    # one unit told to another digit is not another unit: "about £3 million" is not "£3.4 million" rounded
    money = "The study put the festival's value at about £3 million a year."
    assert _signals(money, "The study put the festival's value at £3.4 million a year.").stance is not Stance.SUPPORTS


def test_a_temperature_in_thousands_is_read_as_one() -> None:
    found = [(q.surface, q.unit) for q in find_quantities("The furnace runs at 1,450C (2,642F) for a day.")]
    assert found == [("1,450C", "celsius"), ("2,642F", "fahrenheit")]
    assert [(q.surface, q.unit) for q in find_quantities("The new kiln will fire to 1,220C, saving fuel.")] == [
        ("1,220C", "celsius")
    ]
    # beside its conversion, with no word of heat, a thousands comma still reads
    assert [q.unit for q in find_quantities("The glaze matured at 1,240C (2,264F) in the test.")] == [
        "celsius",
        "fahrenheit",
    ]
    # a letter after a number with no word of heat is not a scale
    assert all(q.unit != "celsius" for q in find_quantities("Platform 12C opens on Monday."))


def test_a_scale_letter_in_a_row_label_reads_the_cells_as_temperatures() -> None:
    table = "| Item | 2025 | 2026 |\n|---|---|---|\n| Top firing temperature (C) | 1,210 | 1,240 |\n"
    row = table.splitlines()[2]
    (cell,) = [q for q in find_quantities(row) if q.surface == "1,240"]
    assert in_cell_unit(row, cell, table).unit == "celsius"


def test_an_exact_conversion_tells_the_figure_to_its_finer_digit() -> None:
    claim = "The new furnace will run at 1,300C (2,372F), enough for porcelain."
    assert _signals(claim, "The new furnace will run at 1,280C.").stance is Stance.CONFLICTS
    assert _signals(claim, "The new furnace will run at 1,300C.").stance is Stance.SUPPORTS
    # a conversion that is itself rounded, or a hedge, leaves the figure's own digit
    rounded = "The trail runs 80 km (50 miles) along the coast."
    assert _signals(rounded, "The coastal trail runs 80.4 km.").stance is Stance.SUPPORTS
    (figure,) = to_figures(find_quantities("The pass is about 5 km (3.1 miles) long."))
    assert figure.precision == 1000.0


def test_a_figure_aimed_for_is_a_target() -> None:
    claim = "The scheme has 40 volunteers, and its founders had aimed for 900 member families by the first spring."
    passage = "In its first year the scheme has signed up 1,240 member families."
    assert _signals(claim, passage).stance is not Stance.CONFLICTS
    # the count itself, told as what happened, still differs
    told = "The scheme has 40 volunteers and had signed up 900 member families by the first spring."
    assert _signals(told, passage).stance is Stance.CONFLICTS


def test_a_row_of_one_kind_in_a_table_broken_down_by_kind_is_not_the_claims_count() -> None:
    table = (
        "| Type of band | Bands | Share |\n|---|---|---|\n| Brass bands | 22 | 31% |\n| Jazz bands | 31 | 44% |\n"
        "| Pipe bands | 13 | 18% |\n| Folk bands | 5 | 7% |\n"
    )
    row = table.splitlines()[3]
    claim = "Nearly a third of the bands were brass bands, and 13 bands came from overseas."
    signals = corroborate(numeric_claim(claim), row, table, passage_start=table.find(row))
    assert signals.stance is not Stance.CONFLICTS, signals.reasons
    # the row of the kind the claim names still counts
    pipe = "The contest drew 11 pipe bands, the organisers said."
    own = table.splitlines()[4]
    assert corroborate(numeric_claim(pipe), own, table, passage_start=table.find(own)).stance is Stance.CONFLICTS


def test_people_said_to_be_under_an_age_with_a_verb_are_an_age_group() -> None:
    (age,) = [
        q
        for q in find_quantities("More than half of the members who joined this spring were under 25, she said.")
        if q.surface == "25"
    ]
    assert age.unit == "year"
    claim = "More than half of the members who joined this spring were under 25, she said."
    assert _signals(claim, "The club grew to 22 teams this spring.").stance is not Stance.SUPPORTS
    # a bare count after "were under" with no people before it is still a count
    assert [q.unit for q in find_quantities("Temperatures were under 30 all week.")] == [None]


def test_a_spread_of_values_does_not_confirm_one_value_inside_it() -> None:
    claim = "Three in ten of the new members are under 16, and the members range in age from 9 to 81."
    table = "| Item | 2025 | 2026 |\n|---|---|---|\n| Average age of members (years) | 66 | 64 |\n"
    row = table.splitlines()[2]
    assert corroborate(numeric_claim(claim), row, table, passage_start=table.find(row)).stance is not Stance.SUPPORTS
    # a range told for one uncertain value still allows a value inside it
    assert _signals("Between 300 and 400 members voted.", "In all, 350 members voted.").stance is Stance.SUPPORTS


def test_a_person_said_to_be_a_bare_number_is_an_age() -> None:
    for text in (
        "Orla, you're 17 and already the club's fastest rower.",
        "and Orla Venn, the new champion and, at 17,",
    ):
        assert [q.unit for q in find_quantities(text) if q.surface == "17"] == ["year"]
    claim = "The 17-year-old Orla Venn won the sculls final."
    assert _signals(claim, "Orla Venn, the champion and, at 17, the youngest winner.").stance is Stance.SUPPORTS
    # a number that goes on to count something stays a count
    assert [q.unit for q in find_quantities("He was 17 points clear at the break.") if q.surface == "17"] == [None]


def test_a_row_label_closing_with_a_unit_of_time_gives_its_cells_that_unit() -> None:
    table = "| Item | 2025 | 2026 |\n|---|---|---|\n| Sailing days | 141 | 152 |\n| Waiting over 18 weeks | 30 | 26 |\n"
    days, waiting = table.splitlines()[2], table.splitlines()[3]
    (cell,) = [q for q in find_quantities(days) if q.surface == "152"]
    assert in_cell_unit(days, cell, table).unit == "day"
    # a figure in the label counts what waits that long, not the weeks
    (count,) = [q for q in find_quantities(waiting) if q.surface == "26"]
    assert in_cell_unit(waiting, count, table).unit is None


def test_a_unit_of_time_closing_a_label_after_a_preposition_or_a_number_word_is_not_the_cells_unit() -> None:
    for label in ("Parking spaces open on market days", "Calls to the helpline, first three hours"):
        table = f"| Item | 2025 | 2026 |\n|---|---|---|\n| {label} | 410 | 120 |\n"
        row = table.splitlines()[2]
        (cell,) = [q for q in find_quantities(row) if q.surface == "120"]
        assert in_cell_unit(row, cell, table).unit is None, label
