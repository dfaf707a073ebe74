"""Readings of session 29 made on round44 after its held-out run and blind adjudication (its README, step 4), in
fresh words: each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from tests.helpers import against_row, numeric_claim, quote_claim, speaker_of


def test_the_halves_of_a_score_are_not_confirmed_apart() -> None:
    claim = numeric_claim("On the club's six-rink green, the captain Oriel Fenn won the pairs final 18-11.")
    told = corroborate(claim, "Fenn said afterwards: 'We won the pairs final 18-15 and I could hardly breathe.'")
    assert told.stance is Stance.CONFLICTS, told.reasons
    assert told.agreed == (), told.reasons  # the 18 of a score is no figure of its own
    # a figure in another phrase of the sentence is still confirmed beside the contradicted score
    other = corroborate(
        numeric_claim("The final drew 640 spectators, and Fenn won the pairs final 18-11."),
        "Some 640 spectators watched as Fenn won the pairs final 18-15.",
    )
    assert other.stance is Stance.CONFLICTS, other.reasons
    assert other.agreed == ("640",), other.reasons


_FIGURES = (
    "# Seafront festival - key figures\n\n"
    "| Item | 2025 | 2026 |\n"
    "|---|---|---|\n"
    "| Visitors | 120,000 | 131,000 |\n"
    "| Racing lost to rain | 3 h 10 min | 1 h 25 min |\n"
)


def test_an_estimated_crowd_is_no_forecast_for_the_tables_year_columns() -> None:
    claim = (
        "An estimated 131,000 people came to the seafront over the weekend, although rain stopped the racing "
        "for more than two hours."
    )
    told = against_row(claim, _FIGURES, "| Racing lost")
    assert told.stance is Stance.CONFLICTS, told.reasons  # this year's 1 h 25 min, not last year's 3 h 10 min
    # a forecast still is: which year's column it means, the words do not say
    ahead = against_row(
        "Organisers expect that rain could stop the racing for more than two hours.", _FIGURES, "| Racing lost"
    )
    assert ahead.stance is not Stance.CONFLICTS, ahead.reasons


def test_a_person_introduced_at_the_end_of_the_paragraph_before_a_quote_is_who_its_pronoun_means() -> None:
    text = (
        "Charity rowing marathon sets its sights on £40,000\n\n"
        "LANTHORPE, May 2 - About 60 crews will row through the night for the Lanthorpe Hospice, the club said.\n\n"
        "Among the rowers is Perpetua Vane, a retired boatbuilder who has rowed in every marathon since 1998.\n\n"
        '"I rowed here when the river still froze in winter, and I will row here until they stop me," she said.\n'
    )
    assert speaker_of(text, "I rowed here when the river") == "Perpetua Vane"
    # a speaker named in the paragraph before, ahead of the person introduced, leaves the pronoun to the speaker
    spoken = (
        "LANTHORPE, May 2 - Perpetua Vane, the captain, said the crews were ready. Among them is Hermione Dace, a "
        "nurse.\n\n"
        '"We will row until dawn," she said.\n'
    )
    assert speaker_of(spoken, "We will row until dawn") != "Hermione Dace"


_MEETING = (
    "Item 4: Review of the spring fair. Verbatim record.\n"
    "Present: Mayor Ottoline Brackwater (in the chair), Idris Fallow (fair manager) and 12 councillors.\n\n"
    "Chair: Item 4. For three days the old town felt like a city again, and I say that as a sceptic. Mr Fallow?\n\n"
    "Fallow: Thank you. We had 61 stalls.\n"
)


def test_a_chair_label_is_the_person_the_record_names_in_the_chair() -> None:
    words = "For three days the old town felt like a city again"
    said = quote_claim(f'"{words}," said Mayor Ottoline Brackwater.')
    start = _MEETING.index("Chair: Item 4")
    row = _MEETING[start : _MEETING.index("\n", start)]
    told = corroborate(said, row, _MEETING, passage_start=start)
    assert told.stance is Stance.SUPPORTS, told.reasons
    # the words given to another person are still another speaker's
    other = quote_claim(f'"{words}," said Idris Fallow.')
    assert corroborate(other, row, _MEETING, passage_start=start).stance is Stance.CONFLICTS


def test_extra_lanes_added_to_cut_queues_are_a_rise_of_lanes() -> None:
    claim = numeric_claim("The manager said three extra turnstiles would be fitted at the north gate to cut queues.")
    told = corroborate(claim, "We will fit three more turnstiles at the north gate before next season.")
    assert told.stance is Stance.SUPPORTS, told.reasons
    # a fall the claim tells of its own figure still differs from the source's rise
    fewer = corroborate(
        numeric_claim("The manager said the north gate's turnstiles would be cut to three next season."),
        "The north gate's turnstiles will rise to three next season.",
    )
    assert fewer.stance is not Stance.SUPPORTS, fewer.reasons


def test_a_part_is_not_the_whole_another_part_is_counted_of() -> None:
    claim = numeric_claim("The Ferry Larks, who won 17 of their 20 games this season, lifted the cup on Friday.")
    told = corroborate(claim, "The Ferry Larks, who won 12 of their first 17 games, go into the final as favourites.")
    assert told.stance is not Stance.SUPPORTS, told.reasons
    # the part told again is still confirmed
    same = corroborate(claim, "The Ferry Larks won 17 of their 20 games in the league this season.")
    assert same.stance is Stance.SUPPORTS, same.reasons


def test_a_transcripts_place_and_time_line_dates_no_figure() -> None:
    from factcheck.extract.datelines import without_date_lines

    for line in (
        "The cider barn, Upcott Orchard, Pennock. Saturday 4 October, 5.15 p.m.\n",
        "Pennock Village Hall, Monday 31 August 2026, 6 p.m.\n",
    ):
        assert not without_date_lines(line).strip(), line
    # a sentence that tells when something happens is still read
    told = "The pressing will start at the cider barn on Saturday 4 October, 5.15 p.m.\n"
    assert without_date_lines(told) == told
    claim = "The apple days ran for nine days, from September 26 to October 4, and drew 8,100 visitors."
    header = "UPCOTT ORCHARD - BRIEFING\nThe cider barn, Upcott Orchard, Pennock. Saturday 4 October, 5.15 p.m.\n"
    dated = against_row(claim, header, "The cider barn")
    assert dated.stance is not Stance.SUPPORTS, dated.reasons


def test_two_days_of_one_month_joined_by_and_are_both_days() -> None:
    from factcheck.extract.figures import find_days_and_times, find_quantities

    def days(text: str) -> list[float | None]:
        return [q.value for q in find_days_and_times(text)]

    assert days("Next year's show will be held on June 19 and 20, 2027.") == [619.0, 620.0]
    assert days("The 2026 show: Friday 12 and Saturday 13 June.") == [612.0, 613.0]
    assert find_quantities("Next year's show will be held on June 19 and 20, 2027.") == []
    # a count after "and" is still a count
    assert days("On June 19 and 20 boats sailed.") == [619.0]
    assert [q.value for q in find_quantities("By June 19 and 20 more, the club had 40 boats.")][:1] == [20.0]
    claim = "The club said next year's show would be held on June 19 and 20, 2027, and that entry would stay free."
    this_year = against_row(claim, "Figures. The 2026 show: Friday 12 and Saturday 13 June.\n", "Figures")
    assert this_year.stance is not Stance.CONFLICTS, this_year.reasons  # this year's days, not next year's
    told = against_row(claim, "The 2027 show will be held on 19 and 20 June.\n", "The 2027")
    assert told.stance is Stance.SUPPORTS, told.reasons


def test_an_age_is_not_a_span_of_years_nor_a_length_a_distance_away() -> None:
    aged = corroborate(
        numeric_claim("The club's 35-year-old groundsman worked through the night to save the pitch."),
        'He said: "I have looked after this pitch for thirty-five years and never seen rain like it."',
    )
    assert aged.stance is not Stance.SUPPORTS, aged.reasons
    length = corroborate(
        numeric_claim("The crowd spread along the 2-mile (3.2 km) promenade."),
        "The shuttle ran from the station, 3.2 kilometres from the promenade, every ten minutes.",
    )
    assert length.stance is Stance.RELATED, length.reasons
    # the same age, and the same length of the same thing, still agree
    same = corroborate(
        numeric_claim("The club's 35-year-old groundsman worked through the night to save the pitch."),
        "The groundsman, who is 35 years old, worked through the night.",
    )
    assert same.stance is Stance.SUPPORTS, same.reasons
    long = corroborate(
        numeric_claim("The crowd spread along the 2-mile (3.2 km) promenade."),
        "The promenade is 3.2 kilometres long.",
    )
    assert long.stance is Stance.SUPPORTS, long.reasons


def test_the_period_a_contradicted_count_is_counted_across_is_not_confirmed_apart() -> None:
    told = corroborate(
        numeric_claim("More than 50,000 came on Saturday, and 58 boats took part across the three days."),
        "We had 44 boats take part across the three days, from a dinghy to a tall ship.",
    )
    assert told.stance is Stance.CONFLICTS, told.reasons
    assert told.agreed == (), told.reasons


def test_hours_then_a_bare_number_of_minutes_is_one_running_time() -> None:
    from factcheck.extract.figures import find_quantities

    (time,) = find_quantities("The play runs two hours fifteen with the interval.")
    assert (time.unit, round(time.value, 3)) == ("hour", 2.25)
    # a count after the hours is still a count
    assert [q.unit for q in find_quantities("For two hours, 15 people waited.")] == ["hour", None]
    assert [q.unit for q in find_quantities("They waited two hours 15 children in all.")] == ["hour", None]
    told = corroborate(
        numeric_claim("The play ran for two hours and 15 minutes including the interval."),
        "DIRECTOR: The play runs two hours fifteen with the interval, which suits the children.",
    )
    assert told.stance is Stance.SUPPORTS, told.reasons


def test_the_other_half_of_a_score_whose_first_half_agrees_is_the_same_figure_misreported() -> None:
    told = corroborate(
        numeric_claim("On the six-rink green the captain Oriel Fenn won the pairs final 18-11."),
        "In the pairs final our captain, Oriel Fenn, beat the holders by 18-15 on the last end.",
    )
    assert told.stance is Stance.CONFLICTS, told.reasons
    # a score with another first half is not read as the same score
    other = corroborate(
        numeric_claim("On the six-rink green the captain Oriel Fenn won the pairs final 18-11."),
        "In the pairs final our captain, Oriel Fenn, beat the holders by 17-15 on the last end.",
    )
    assert other.stance is Stance.RELATED, other.reasons


def test_the_guards_of_the_new_readings_held_over_the_seen_splits() -> None:
    # mended after the run over 45 splits: a spread "across 31 zones" is no period, a number word's hyphen no fused
    # unit, "17-year-olds" an age, and "380 metres away" may be a course's length
    told = corroborate(
        numeric_claim("The council issues 18,600 residents' permits across 27 zones, 9 of them in the town."),
        "| Total | 27 | 16,800 |",
    )
    assert told.agreed == ("27",), told.reasons
    far = corroborate(
        numeric_claim("The team now trains at a rink 42 km (26 miles) away."),
        '"Forty-two kilometres each way is a long drive," said the coach.',
    )
    assert far.stance is Stance.SUPPORTS, far.reasons
    youth = corroborate(
        numeric_claim("A youth division for players aged 14 to 17 will start next season."),
        "A youth division, for 14 to 17-year-olds, starting next season.",
    )
    assert youth.stance is Stance.SUPPORTS, youth.reasons
    course = corroborate(
        numeric_claim("Runners covered the 380-metre (415-yard) course in under a minute."),
        "The race finishes at the church gate 380 metres away.",
    )
    assert course.stance is Stance.SUPPORTS, course.reasons
    # a part named again as the whole of a smaller part is still the same group
    named_again = corroborate(
        numeric_claim("The council will withdraw patrols from 41 of its 120 sites from September."),
        "At present the council has promised new crossings at only 15 of the 41.",
    )
    assert named_again.stance is Stance.SUPPORTS, named_again.reasons


def test_next_years_day_is_not_the_same_day_of_last_year() -> None:
    claim = "The club said next year's regatta would be held on June 19 and 20, 2027, with entry still free."
    last = corroborate(numeric_claim(claim), "The two-day regatta, on June 20 and 21, drew 9,000 people last year.")
    assert last.stance is Stance.RELATED, last.reasons
    dated = corroborate(numeric_claim(claim), "The 2026 regatta was held on Saturday 20 and Sunday 21 June.")
    assert dated.stance is Stance.RELATED, dated.reasons
    # read the same in an article, whose figures carry the article's offsets
    later = "The club met on the quay on a grey morning. " + claim
    dated_later = corroborate(numeric_claim(later), "The 2026 regatta was held on Saturday 20 and Sunday 21 June.")
    assert dated_later.stance is Stance.RELATED, dated_later.reasons
    # next year's day told for next year still agrees
    told = corroborate(numeric_claim(claim), "Next year's regatta will be held on 19 and 20 June 2027.")
    assert told.stance is Stance.SUPPORTS, told.reasons
    # a year of another clause is not the day's year ("until the end of 2027 ..., on Wednesday, February 11")
    hearing = corroborate(
        numeric_claim(
            "HOLMBRIDGE, Tarnshire - Full-fibre broadband will not reach every home and business in Holmbridge and "
            "its 9 surrounding villages until the end of 2028, a year behind schedule, the company building the "
            "network told county councillors on Tuesday, March 9."
        ),
        "Tuesday 9 March 2027, 10:00, Committee Room 4, County Hall",
    )
    assert hearing.stance is Stance.SUPPORTS, hearing.reasons
