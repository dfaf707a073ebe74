"""Readings of session 26 made on round37 and round38 after their held-out runs and blind adjudications (their
READMEs, step 4), in fresh words: each failed before its change, and the guards beside it held before and still
hold."""

from __future__ import annotations

from factcheck.corroborate.figure_times import eras_of
from factcheck.corroborate.signals import Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import extract_claims
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim


def _signals(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0)


def _eras(sentence: str, figure: str) -> frozenset[str]:
    at = sentence.find(figure)
    return eras_of(sentence, "", sentence[:at], (at, at + len(figure)))


def test_a_year_in_a_participle_set_off_by_commas_dates_what_the_participle_tells_not_the_main_clause() -> None:
    sentence = "The lifeboat station, opened in 1968, now relies on 34 trained crew and about 60 fundraisers."
    assert _eras(sentence, "34") == frozenset()
    assert _eras("The guild, first formed in 1992, had 140 members last year.", "140") == frozenset({"last year"})
    signals = _signals(sentence, "It has 29 trained crew and about 60 fundraisers, who keep the boat at sea.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    # the year of the main clause still dates its figure, and a participle closing the sentence is no aside
    assert _eras("In 1968 the station, newly opened, had 12 crew.", "12") == frozenset({"1968", "in 1968"})
    assert "1968" in _eras("The station had 12 crew, recruited in 1968.", "12")


def test_a_change_base_in_words_keeps_its_year_to_itself() -> None:
    sentence = "The trainer said the gym now holds 18 classes a week, up from seven in 2022."
    assert _eras(sentence, "18") == frozenset()
    assert _eras(sentence, "seven") == frozenset({"2022", "in 2022"})
    signals = _signals(sentence, "We now hold 24 classes a week.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    assert _eras("The gym holds 18 classes a week, up from 12 in 2022.", "18") == frozenset()


def test_a_base_with_its_own_time_after_the_figure_does_not_date_the_figure_before_it() -> None:
    sentence = "Wardens counted 2,310 nesting terns on the spit this summer, up 6 percent on last year's 2,180."
    assert "last year's" not in _eras(sentence, "2,310")
    assert "last year's" in _eras(sentence, "2,180")
    signals = _signals(sentence, "Our final count for the summer is 2,140 nesting terns on the spit.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_a_base_dated_to_the_end_of_a_year_keeps_that_year_to_itself() -> None:
    sentence = "The club now has 412 members, up from 168 at the end of 2023, and runs 28 sessions a week."
    assert _eras(sentence, "412") == frozenset()
    assert _eras(sentence, "28") == frozenset()
    assert "2023" in _eras(sentence, "168")
    signals = _signals(sentence, "We now run 22 sessions a week.")
    assert signals.stance is Stance.CONFLICTS, signals.reasons


def test_a_season_told_relative_to_now_is_a_time_not_a_label_before_its_count() -> None:
    assert [q.surface for q in find_quantities("Last season 20 crews took part.")] == ["20"]
    assert [q.surface for q in find_quantities("This season twelve crews entered.")] == ["twelve"]
    # a season's name stays a label
    assert find_quantities("The crew won in Season 4 of the league.") == []
    assert find_quantities("The crew that won in season 4 of the league.") == []
    claims = extract_claims(
        Document.from_text("The league has 26 crews.\n\nLast season 20 crews took part.", doc_id="a")
    )
    assert any("Last season 20 crews" in claim.text for claim in claims)


def test_a_place_named_in_a_clause_joined_after_the_figure_is_not_where_the_figure_is() -> None:
    claim = (
        "Nine boats were still missing when the search was called off at dusk, and the Calder Valley Rivers Trust "
        "said it would resume the search at first light."
    )
    passage = "Fourteen boats were still missing in Ottersby when the search was called off at dusk."
    signals = _signals(claim, passage)
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    # a place in the figure's own clause still says where the figure is
    own = "Nine boats were still missing in the Calder Valley when the search was called off at dusk."
    assert _signals(own, passage).stance is Stance.RELATED


def test_a_sentence_fronting_of_these_makes_its_figure_a_part() -> None:
    part = "Of these, 23 species had never been recorded on the heath before."
    claim = "Of those, 19 species had never been seen on the heath before, the volunteers said."
    signals = _signals(claim, part)
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    # a part is no contradiction of the whole it was counted from
    whole = _signals("Volunteers recorded 212 species of beetle on the heath this year.", part)
    assert whole.stance is Stance.RELATED, whole.reasons
    assert "as a part of a group" in whole.reasons[0]


def test_the_same_as_last_year_is_a_comparison_not_the_figures_time() -> None:
    passage = "The adult ticket price was £7, the same as last year, and under-fives were admitted free."
    assert "last year" not in _eras(passage, "£7")
    signals = _signals("Doors opened at 10 a.m., and tickets cost £8, with under-fives admitted free.", passage)
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    assert "last year" in _eras("Last year the adult ticket price was £7.", "£7")


def test_what_a_sum_is_for_is_read_over_its_whole_phrase() -> None:
    claim = "The fair raised £14,620 for the Oxley Village Hall Trust, which needs £40,000 for a new roof."
    passage = "This year's fair raised £16,420 for the repair of the village hall roof, a record."
    signals = _signals(claim, passage)
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    # sums for two different causes stay two sums
    other = "This year's fair raised £16,420 for the lifeboat station, a record."
    assert _signals(claim, other).stance is Stance.RELATED


def test_money_won_and_a_prize_are_one_event() -> None:
    passage = "Miss Ferrand receives the society's silver salver and a prize of £450."
    signals = _signals("Ferrand won £600 and a silver salver for the championship.", passage)
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    assert _signals("Ferrand won £450 and a silver salver.", passage).stance is Stance.SUPPORTS


def test_a_sentence_fronting_our_whole_makes_its_figure_a_part() -> None:
    passage = "Of our 52 benches, 19 have now been repainted, all of them along the promenade."
    signals = _signals("The council has repainted 23 of the town's 52 benches this summer.", passage)
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    assert _signals("The council has repainted 19 of the town's 52 benches.", passage).stance is Stance.SUPPORTS


def test_the_year_a_count_began_dates_no_figure_of_the_count() -> None:
    passage = (
        "Wardens counted 880 nesting terns, up 7 percent on the count before and the highest total since the count "
        "began in 1987."
    )
    assert _eras(passage, "7 percent") == frozenset()
    signals = _signals("The wardens' count of nesting terns was up 11 percent on the count before.", passage)
    assert signals.stance is Stance.CONFLICTS, signals.reasons
    assert "1987" in _eras("In 1987 the count began with 40 terns.", "40")


def test_a_time_set_beforehand_is_a_plan_not_an_account_of_when_it_happened() -> None:
    plan = "Judging will start at 9.30 a.m. on the harbour wall, with the prizes at noon."
    for claim in ("Judging began at 9.30 a.m. on both days.", "Judging began at 10.15 a.m. after a late start."):
        signals = _signals(claim, plan)
        assert signals.stance is Stance.RELATED, (claim, signals.reasons)
    due = "The ferry is due to sail at 07:40 on Saturday."
    assert _signals("The ferry sailed at 7.40 a.m. on Saturday.", due).stance is Stance.RELATED
    # words that tell what happened after a modal are no plan: a "that" clause, a verb told as done
    shown = "Chair, the evidence will show that the fire caught hold at 2.05 a.m. in the boiler room."
    assert _signals("The fire started at 2.05 a.m., the inquiry heard.", shown).stance is Stance.SUPPORTS
    known = "Members will know the bell stopped at 15:17 on Friday and has not rung since."
    assert _signals("The bell stopped at 3.17 p.m. on Friday.", known).stance is Stance.SUPPORTS
    # opening hours told as they stand are no account of something done: the hours set for them are not a plan
    hours = "The library will be open from 9 a.m. to 7 p.m. every weekday."
    signals = _signals("The library is open from 9 a.m. to 7 p.m. on weekdays.", hours)
    assert signals.stance is Stance.SUPPORTS and not any("as a plan" in reason for reason in signals.reasons)
    # a claim that is itself the plan is confirmed by it, and what happened by what happened
    assert _signals("Judging will begin at 9.30 a.m., the club said.", plan).stance is Stance.SUPPORTS
    done = "Judging started at half past nine and finished at four."
    assert _signals("Judging began at 9.30 a.m. on both days.", done).stance is Stance.SUPPORTS
