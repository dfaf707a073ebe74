"""Readings of session 20 made on round26 after its held-out run (its README, step 4), in fresh words: each failed
before the change, and the guards beside it held before and still hold."""

from __future__ import annotations

from factcheck.corroborate.confidence import stands_alone
from factcheck.corroborate.quotes import compare_quote
from factcheck.corroborate.signals import NumberStatus, QuoteStatus, SpeakerStatus, Stance
from factcheck.corroborate.stance import corroborate
from factcheck.documents import Document
from factcheck.extract import ClaimKind, extract_claims, filed_on
from factcheck.extract.figures import find_quantities
from tests.helpers import numeric_claim


def _speakers(text: str) -> list[str | None]:
    return [c.speaker for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is ClaimKind.QUOTE]


def _quote_claim(text: str):
    (claim,) = [c for c in extract_claims(Document.from_text(text, doc_id="a.txt")) if c.kind is ClaimKind.QUOTE]
    return claim


def _pairs(claim_text: str, passage: str):
    return corroborate(numeric_claim(claim_text), passage, passage, passage_start=0).numbers.pairs


# --- who spoke ---------------------------------------------------------------------------------------------------


def test_a_name_that_ends_its_sentence_is_a_person_a_later_she_can_stand_for() -> None:
    text = (
        '"The queues are too long," said cabinet member Nadia Kettleborough.\n\n'
        '"This is a cut dressed up as reform," said union secretary Callum Verity.\n\n'
        'Kettleborough rejected the charge. "We are adding staff," she said, "not taking them away."'
    )
    assert _speakers(text) == ["Nadia Kettleborough", "Callum Verity", "Nadia Kettleborough"]


def test_a_role_for_an_organisation_does_not_make_the_organisation_a_person() -> None:
    # "director for Tallow Mobile": "for" ends like "director", but it is no role
    text = (
        'Ewan Marsh, network director for Tallow Mobile, said the work was ahead of plan. "We have never moved this '
        'fast," he said. "Every valley will have a signal."'
    )
    assert _speakers(text) == ["Ewan Marsh"]


def test_a_role_with_an_ing_word_before_its_noun_still_introduces_the_name_after_it() -> None:
    text = '"We will keep every tree," said the developer\'s planning director, Harriet Quell. "Not one will go."'
    assert _speakers(text) == ["Harriet Quell"]
    # an -ing word that is a verb still makes a clause, not a speaker
    assert _speakers('"It is over," said the man leaving the court.') != ["the man leaving the court"]


def test_an_asker_who_gives_their_name_in_minutes_says_the_words_of_their_question() -> None:
    minutes = (
        "CHAIR: Questions from members.\n\n"
        "QUESTION: Councillor Abernethy again. Why should families wait six weeks for a refund?\n\n"
        "ANSWER: They should not."
    )
    signal = compare_quote("Why should families wait six weeks for a refund?", "Rhona Abernethy", minutes, minutes)
    assert signal.speaker is SpeakerStatus.SAME
    # an asker who names nobody is still a questioner, not the article's speaker
    anonymous = minutes.replace("Councillor Abernethy again. ", "")
    other = compare_quote("Why should families wait six weeks for a refund?", "Rhona Abernethy", anonymous, anonymous)
    assert other.speaker is SpeakerStatus.DIFFERENT


# --- how the words compare ---------------------------------------------------------------------------------------


def test_a_passage_holding_the_end_of_a_quotation_is_read_for_a_changed_word() -> None:
    document = 'Organiser Lena Sorrow said: "We asked for a fair rate. You cannot harvest a field with a slogan."'
    passage = 'You cannot harvest a field with a slogan."'
    signal = compare_quote(
        "You cannot harvest a field by waving a slogan.", "Lena Sorrow", passage, document, document.index(passage)
    )
    assert signal.status is QuoteStatus.ALTERED and not signal.in_document
    assert signal.changed_words  # "by waving" for "with": a word changed, though it aligns as one replaced, one added
    # a word replaced beside words dropped is still the word replaced ("drive" for "work in the city")
    spoken = 'Mr Rendle said: "This levy will hit hardest those who have no choice but to drive."'
    longer = compare_quote("This levy will hit hardest those who have no choice but to work in the city,", None, spoken)
    assert longer.changed_words


def test_a_short_quotation_does_not_align_with_a_longer_sentence_that_shares_its_small_words() -> None:
    source = "That is not a criticism of the crews. They were stretched."
    signal = compare_quote("That is the promise.", None, source, source)
    assert signal.status is QuoteStatus.NOT_FOUND
    # a quotation that is there with one word changed is still altered
    assert compare_quote("That is the pledge.", None, '"That is the promise."').status is QuoteStatus.ALTERED


def test_an_altered_quote_in_its_passage_may_be_shown_from_deep_in_the_list() -> None:
    claim = _quote_claim(
        'Councillor Mira Holt said the money was not a tax. "Every penny of profit goes back into the roads," she said.'
    )
    document = 'Mira Holt said: "Every penny of surplus goes back into the roads."'
    signals = corroborate(claim, document, document, passage_start=0)
    assert signals.stance is Stance.CONFLICTS
    assert stands_alone(signals, document)


# --- figures -----------------------------------------------------------------------------------------------------


def test_a_wire_dated_in_brackets_is_filed_on_its_day() -> None:
    assert str(filed_on("ORRICK (May 9) - Members of the club said ...")) == "May 9"
    assert str(filed_on("DUNMORE, Westshire (Sept 28) - The council ...")) == "September 28"
    assert filed_on("ORRICK (Reuters) - Members of the club said ...") is None


def test_a_dated_source_figure_does_not_contradict_an_undated_article() -> None:
    wire = "ORRICK (May 9) - A petition against the sale has gathered about 2,000 signatures."
    claim = numeric_claim("ORRICK - A petition against the sale has gathered more than 3,100 signatures.")
    signals = corroborate(claim, wire, wire, passage_start=0)
    assert signals.stance is Stance.RELATED
    assert "the article gives no day" in signals.reasons[0]
    # the same source agreeing still supports
    agreeing = wire.replace("about 2,000", "more than 3,100")
    assert corroborate(claim, agreeing, agreeing, passage_start=0).stance is Stance.SUPPORTS


def test_the_year_records_began_is_not_the_time_of_the_figure() -> None:
    pairs = _pairs(
        "River levels at Kelby had been above normal for 44 days over the winter, the longest spell since records "
        "began in 1971.",
        "Over the winter, levels at Kelby stayed above normal for 39 days.",
    )
    assert [p.status for p in pairs if p.claim_surface == "44 days"] == [NumberStatus.MISMATCH]


def test_a_total_row_names_what_it_totals() -> None:
    table = "| Item | Amount |\n|---|---|\n| Total cost | £18.5 million |"
    assert [p.status for p in _pairs("The new depot will cost £16.5 million, the board said.", table)] == [
        NumberStatus.MISMATCH
    ]
    items = "| Format | Items returned | Share |\n|---|---|---|\n| All items | 7,260 | 100% |"
    statuses = [p.status for p in _pairs("In all, 6,840 items were returned to the libraries.", items)]
    assert statuses[0] is NumberStatus.MISMATCH
    # a plural in the claim names the row's singular word
    repairs = "| Item | Cost (GBP) |\n|---|---|\n| Total repair cost, Kelby weir | 1,700,000 |"
    assert _pairs("Repairs cost £1.9 million, the county said.", repairs)[0].status is NumberStatus.MISMATCH
    # a row of another thing stays another thing, and a participle after "Total" names no noun
    other = "| Item | Amount |\n|---|---|\n| Total grant | £18.5 million |"
    assert (
        _pairs("The new depot will cost £16.5 million, the board said.", other)[0].status is not NumberStatus.MISMATCH
    )
    damaged = "| Homes | Count |\n|---|---|\n| Total damaged | 214 |"
    searched = _pairs("The mayor said 140 firefighters had searched every damaged home.", damaged)
    assert searched[0].status is not NumberStatus.MISMATCH


def test_two_counts_of_a_claim_in_one_row_may_show_from_deep_in_the_list() -> None:
    document = (
        "| Year | Cabinets | Uses | Survived |\n|---|---|---|---|\n| 2024 | 38 | 14 | 3 |\n| 2025 | 57 | 26 | 8 |"
    )
    row = "| 2025 | 57 | 26 | 8 |"
    claim = numeric_claim("The town now has 57 cabinets, and the devices were used 26 times in 2025.")
    signals = corroborate(claim, row, document, passage_start=document.index(row))
    assert signals.stance is Stance.SUPPORTS
    assert stands_alone(signals, row)


def test_a_drafts_figure_is_an_early_estimate_not_a_second_count() -> None:
    wire = "The draft put the number of fines at about 45,000, a figure officials said could change."
    claim = numeric_claim("The council issued 43,800 fines last year, it said.")
    assert corroborate(claim, wire, wire, passage_start=0).stance is Stance.RELATED
    # a count told plainly still agrees
    plain = "The council issued about 44,000 fines last year."
    assert corroborate(claim, plain, plain, passage_start=0).stance is Stance.SUPPORTS


def test_an_emergency_number_is_no_figure() -> None:
    assert find_quantities("Callers had to ring 999 for a code.") == []
    assert find_quantities("Always call 911 first.") == []
    assert [q.surface for q in find_quantities("The court will call 40 witnesses.")] == ["40"]


def test_a_short_quotation_of_a_quote_in_two_is_not_read_as_altered_on_its_own() -> None:
    claim = _quote_claim(
        'Dana Pell said the town needed time. "What we are asking for," she said, "is a 48-hour pause so the lorries '
        'can get in."'
    )
    turn = "PELL: We have the lorries and the drivers; what we are still waiting for is a signature."
    assert corroborate(claim, turn, turn, passage_start=0).stance is Stance.RELATED
    # the long quotation changed is still a conflict
    changed = "PELL: What we are asking for is a 24-hour pause so the lorries can get in."
    assert corroborate(claim, changed, changed, passage_start=0).stance is Stance.CONFLICTS
