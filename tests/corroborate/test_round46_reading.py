"""Readings of session 30 made on round46 after its held-out run and blind adjudication (its README, step 4), in
fresh words: each failed before its change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims
from tests.helpers import numeric_claim


def test_a_change_told_from_its_base_is_not_another_rows_change() -> None:
    claim = numeric_claim(
        "Attendance was up 22 percent on last year's 40,500, and more than 9,000 tickets were sold, organisers said."
    )
    money = corroborate(claim, "| Ticket sales | £0.97m | £1.18m |")
    assert money.stance is Stance.RELATED, money.reasons
    sold = corroborate(claim, "| Tickets sold | 7,700 | 9,400 |")
    assert not any("a change of" in reason for reason in sold.reasons), sold.reasons  # 7,700 to 9,400 is not it
    same = corroborate(claim, "| Attendance | 40,500 | 49,400 |")
    assert same.stance is Stance.SUPPORTS, same.reasons
    # a change told with no base is worked out from a row its words name, as before
    bare = numeric_claim("Ticket sales were up 22 percent, the organisers said.")
    assert corroborate(bare, "| Ticket sales | £0.97m | £1.18m |").stance is Stance.SUPPORTS


def test_a_bound_on_a_time_reaches_minutes_not_a_ratio() -> None:
    claim = numeric_claim("Residents asked the club to stop the engines running before 9 a.m. this year.")
    early = corroborate(claim, "Neighbours said last year that engines were running as early as 7.30 a.m.")
    assert early.stance is Stance.RELATED, early.reasons
    # a time just inside the bound, or the bound itself, still agrees
    close = corroborate(numeric_claim("The last boat left before 9 p.m. on Sunday."), "The last boat left at 8.50 p.m.")
    assert close.stance is Stance.SUPPORTS, close.reasons


def test_a_value_told_from_below_or_a_largest_value_is_not_met_far_from_it() -> None:
    entered = corroborate(
        numeric_claim("Nearly 5,900 walkers set off on Sunday."), "More than 6,000 walkers have entered this year."
    )
    assert entered.stance is not Stance.SUPPORTS, entered.reasons
    rate = corroborate(
        numeric_claim("The day rate will go up to £8.50 from £5, and the staff permit will rise from £30 to £41."),
        "| Up to 4 hours | £3.20 | £6.10 |",
    )
    disputed = rate.numbers.disputed if rate.numbers else ()
    assert "£8.50" not in disputed, rate.reasons  # "go up to" tells a rise, not a largest value
    longest = corroborate(
        numeric_claim("Some roads were closed for up to 14 hours on Sunday."),
        "On Sunday some roads in the dale were closed for ten hours.",
    )
    assert longest.stance is Stance.CONFLICTS, longest.reasons
    # "nearly" below the source's value, "up to" just above it, and a ceiling to come, still agree
    trial = corroborate(
        numeric_claim("The hearing-aid trial will last up to five years."),
        "Volunteers will be followed for four years.",
    )
    assert trial.stance is Stance.SUPPORTS, trial.reasons
    # a ceiling to come is not met by a count found
    ceiling = corroborate(
        numeric_claim("The plan says the forest could eventually support up to 36 lynx."),
        "The winter survey found 31 lynx in the forest.",
    )
    assert ceiling.stance is not Stance.SUPPORTS, ceiling.reasons
    for claim, passage in (
        ("Nearly 5,900 walkers set off on Sunday.", "On Sunday 5,870 walkers set off."),
        ("Some roads were closed for up to 14 hours on Sunday.", "Some roads were closed for 13.5 hours."),
        ("About 5,900 walkers set off on Sunday.", "More than 5,900 walkers set off on Sunday."),
    ):
        told = corroborate(numeric_claim(claim), passage)
        assert told.stance is Stance.SUPPORTS, (passage, told.reasons)


def test_nouns_other_figures_count_are_not_events_of_this_one() -> None:
    claim = numeric_claim("The show drew 1,420 exhibits in 72 classes, the society said.")
    told = corroborate(claim, "We had 1,420 entries in 64 classes, the most we have ever had.")
    assert told.stance is Stance.CONFLICTS, told.reasons
    # what happened to the counted things still sets two groups apart
    shifts = corroborate(
        numeric_claim("Some 200 workers were on the night shift when the fire started."),
        "Fourteen workers died in the fire, the company said.",
    )
    assert shifts.stance is Stance.RELATED, shifts.reasons
    # a passage that tells what happened to its count still sets it apart
    hurt = corroborate(
        numeric_claim("About 70 firefighters and 15 fire engines were sent from stations across the county."),
        "Three firefighters received minor injuries during the night.",
    )
    assert hurt.stance is Stance.RELATED, hurt.reasons
    # a kind of the noun ("sweet pea entries") is still a part of it, not the whole miscounted
    kind = corroborate(
        numeric_claim("There were 412 rose entries, and 61 children entered the junior classes."),
        "We had 1,420 entries in 64 classes, the most we have ever had.",
    )
    assert kind.stance is not Stance.CONFLICTS, kind.reasons


def test_a_close_figure_beside_an_exact_rare_one_stands_alone_deep_in_the_list() -> None:
    from factcheck.corroborate.confidence import stands_alone

    claim = numeric_claim("Nearly 6,900 walkers set off on Sunday, and 6,412 of them reached the finish.")
    both = corroborate(claim, "Yesterday 6,850 walkers started across our three routes and 6,412 came home.")
    assert both.stance is Stance.SUPPORTS, both.reasons
    assert stands_alone(both, "Yesterday 6,850 walkers started across our three routes and 6,412 came home.")
    # a close figure alone still needs a passage ranked near the top
    close = corroborate(numeric_claim("Nearly 6,900 walkers set off on Sunday."), "On Sunday 6,850 walkers started.")
    assert close.stance is Stance.SUPPORTS, close.reasons
    assert not stands_alone(close, "On Sunday 6,850 walkers started.")


def test_what_could_not_be_without_a_figure_tells_the_figure_as_done() -> None:
    told = corroborate(
        numeric_claim("The fair had 310 volunteers."),
        "The fair would not happen without the 260 volunteers who give up their weekend.",
    )
    assert told.stance is Stance.CONFLICTS, told.reasons
    assert not any("not" in reason and "denies" in reason for reason in told.reasons), told.reasons
    # a figure after a modal that does foretell it is still what may happen
    forecast = corroborate(
        numeric_claim("The fair had 310 volunteers."), "The fair would need about 260 volunteers, the organisers said."
    )
    assert forecast.stance is not Stance.CONFLICTS, forecast.reasons


def test_a_time_the_article_tells_in_words_is_read_in_either_half_of_the_day() -> None:
    claim = numeric_claim("The lantern procession left the quay at half past eight and drew about 9,000 people.")
    assert [(q.surface, q.unit) for q in claim.quantities][:1] == [("half past eight", "clock_time")]
    assert "eight" not in [q.surface for q in claim.quantities]  # the hour is no count
    for passage in ("The procession left the quay at 20:30 on Saturday.", "It set off at 08:30."):
        told = corroborate(claim, passage)
        assert told.stance is Stance.SUPPORTS, (passage, told.reasons)
    for passage in ("The procession went at half past eight, as planned.", "The procession left at 8.30, as planned."):
        told = corroborate(claim, passage)
        assert told.stance is Stance.SUPPORTS, (passage, told.reasons)
    # a range told with "to" is no time of day; "at ten to nine" is
    weeks = numeric_claim("Repairs will take three to four weeks, the council said.")
    assert [q.unit for q in weeks.quantities] != ["clock_time"], weeks.quantities
    ten_to = numeric_claim("The ferry left at ten to nine with 212 passengers.")
    assert ten_to.quantities[0].surface == "ten to nine", ten_to.quantities
    # neither half agreeing is no conflict chosen by reading; a time that says its half is compared as before
    assert corroborate(claim, "The procession left the quay at 21:30.").stance is Stance.RELATED
    evening = numeric_claim("The fireworks began at a quarter to ten at night, the council said.")
    assert corroborate(evening, "The fireworks began at 21:45.").stance is Stance.SUPPORTS
    assert corroborate(evening, "The fireworks began at 22:15.").stance is Stance.CONFLICTS


ARTICLE = (
    "NORTHWICK, September 8 (Dale Wire) - Nearly 3,000 riders took part in the Northwick Loop on Sunday.\n\n"
    "Mr Pell said next year's ride was provisionally booked for September 5, 2027, on the same roads.\n"
)


def _next_years_claim():
    claims = extract_claims(Document.from_text(ARTICLE, doc_id="a.txt"))
    return next(c for c in claims if c.kind is ClaimKind.NUMERIC and "next year" in c.sentence)


def test_next_years_days_against_days_an_earlier_report_gives_with_no_year() -> None:
    claim = _next_years_claim()
    wire = (
        "NORTHWICK, August 20 (Dale Wire) - More riders than ever have entered.\n\nThe ride is on Sunday September 6.\n"
    )
    start = wire.index("The ride")
    told = corroborate(claim, wire[start:].strip(), wire, passage_start=start)
    assert told.stance is Stance.RELATED, told.reasons
    same_day = wire.replace("September 6", "September 5")
    agreed = corroborate(claim, same_day[start:].strip(), same_day, passage_start=start)
    assert agreed.stance is Stance.RELATED, agreed.reasons
    # a report filed after the article, or days told for next year or with a year, or a deadline, are still compared
    later = wire.replace("August 20", "September 9")
    assert corroborate(claim, later[start:].strip(), later, passage_start=start).stance is Stance.CONFLICTS
    for passage, stance in (
        ("Next year's ride is on Sunday September 5.", Stance.SUPPORTS),
        ("The 2027 ride is on Sunday September 6.", Stance.CONFLICTS),
        ("Entries must be in by September 5.", Stance.SUPPORTS),
    ):
        text = "NORTHWICK, August 20 (Dale Wire) - Entries are open.\n\n" + passage + "\n"
        at = text.index(passage)
        told = corroborate(claim, passage, text, passage_start=at)
        assert told.stance is stance, (passage, told.reasons)
