"""A figure conflict the source settles itself (session 15, read on round18: "5.9 kg a hive" in the upland parishes
conflicted with the same survey's county average, 8.4 kg, while the survey's own upland row gave 5.9; "Twelve
berths ... for inshore fishing boats" with the table's 240 berths in all, beside its row of 12). When another
passage of the same document confirms the claim figure, the passage that gives it otherwise counts something else."""

from __future__ import annotations

from types import SimpleNamespace

from factcheck.check import judge
from factcheck.corroborate.signals import NumberStatus, Stance
from factcheck.corroborate.within_source import settled_within_sources
from factcheck.search import Hit
from tests.helpers import against_row

CLAIM = "Hives in the hill farms did worst, at an average of 5.9 kg each, while valley apiaries managed 9.6 kg."
SURVEY = """# Harvest survey

| District | Hives | Average yield (kg a hive) |
|---|---|---|
| Hill farms | 1,870 | 5.9 |
| Valley farms | 3,020 | 9.6 |

| Measure | 2025 | 2026 |
|---|---|---|
| Average yield per hive (kg) | 14.1 | 8.4 |
"""
HILL, VALLEY, COUNTY = "| Hill farms", "| Valley farms", "| Average yield per hive"


def _row(start: str) -> str:
    at = SURVEY.index(start)
    return SURVEY[at : SURVEY.index("\n", at)]


def _cards(*rows: tuple[str, str]):
    """(document key, passage, signals) of the claim against each (document, row start)."""
    return [(document, _row(start), against_row(CLAIM, SURVEY, start)) for document, start in rows]


def test_a_conflict_is_settled_when_the_same_document_confirms_the_figure_elsewhere() -> None:
    cards = _cards(("survey", COUNTY), ("survey", HILL))
    assert [signals.stance for _, _, signals in cards] == [Stance.CONFLICTS, Stance.SUPPORTS]
    county, hill = settled_within_sources(cards)
    assert hill is cards[1][2]
    assert county.stance is Stance.RELATED and county.confidence == 0.0
    assert county.numbers is not None and county.numbers.status is NumberStatus.DIFFERENT_THING
    assert county.numbers.disputed == ()
    assert county.reasons[-1] == (
        "A different figure: the same source confirms the claim's 5.9 kg elsewhere (“| Hill farms | 1,870 | 5.9 |”),"
        " so its 8.4 here counts something else."
    )
    assert not any("disagree" in reason for reason in county.reasons)


def test_another_document_settles_nothing() -> None:
    cards = _cards(("survey", COUNTY), ("another report", HILL))
    assert [signals for _, _, signals in cards] == settled_within_sources(cards)


def test_every_contradicted_figure_must_be_confirmed_elsewhere() -> None:
    # Only the valley figure is confirmed elsewhere in the survey: the 5.9 kg the county row contradicts is not.
    cards = _cards(("survey", COUNTY), ("survey", VALLEY))
    assert settled_within_sources(cards)[0].stance is Stance.CONFLICTS


def test_a_conflict_that_confirms_other_figures_becomes_their_support() -> None:
    from factcheck.corroborate.stance import corroborate
    from tests.helpers import numeric_claim

    claim = numeric_claim("Beekeepers in the hill farms took 5.9 kg a hive this year, from 1,870 hives.")
    whole = "Beekeepers took 8.4 kg a hive this year, from 1,870 hives in the survey."
    hill = "The hill farms took 5.9 kg a hive."
    county = corroborate(claim, whole)
    assert county.stance is Stance.CONFLICTS and county.agreed == ("1,870",), county.reasons
    settled = settled_within_sources([("survey", whole, county), ("survey", hill, corroborate(claim, hill))])[0]
    assert settled.stance is Stance.SUPPORTS and settled.confidence == county.agreed_confidence > 0
    assert settled.agreed == () and settled.numbers is not None and settled.numbers.disputed == ()
    assert settled.reasons == (
        "The source gives the same figure: 1,870 hives for the claim's 1,870 hives.",
        "A different figure: the same source confirms the claim's 5.9 kg elsewhere (“The hill farms took 5.9 kg a"
        " hive.”), so its 8.4 kg here counts something else.",
    )


def test_judge_settles_the_cards_of_one_document_and_drops_a_deep_card_left_related() -> None:
    from factcheck.documents import Document
    from factcheck.extract import extract_claims

    [claim] = [c for c in extract_claims(Document.from_text(CLAIM, doc_id="a.txt")) if c.quantities]
    stored = SimpleNamespace(documents={"survey.md": SimpleNamespace(text=SURVEY)})

    def hit(rank: int, start: str) -> Hit:
        at = SURVEY.index(start)
        text = _row(start)
        return Hit(
            rank,
            1.0 / rank,
            "reports",
            "survey.md",
            f"survey.md#{rank}",
            text,
            None,
            None,
            None,
            None,
            at,
            at + len(text),
        )

    checked = judge(claim, [hit(1, HILL), hit(2, COUNTY)], {"reports": stored})
    assert [(h.rank, s.stance) for h, s in zip(checked.candidates, checked.signals, strict=True)] == [
        (1, Stance.SUPPORTS),
        (2, Stance.RELATED),
    ]
    # Below the shown candidates a card is kept only for its decision: once the document settles it, it goes.
    [apprentices] = extract_claims(
        Document.from_text("The plant's 120 apprentices will be offered places elsewhere.", doc_id="a.txt")
    )

    def plant(rank: int, text: str, doc_id: str) -> Hit:
        return Hit(rank, 1.0 / rank, "reports", doc_id, f"{doc_id}#{rank}", text, None, None, None, None, 0, len(text))

    row = "| Employees | 2,350 |\n| Apprentices | 140 |"
    alone = judge(apprentices, [plant(1, "The plant opened in 1985.", "a.md"), plant(2, row, "plant.md")], {}, shown=1)
    assert [(h.rank, s.stance) for h, s in zip(alone.candidates, alone.signals, strict=True)] == [
        (2, Stance.CONFLICTS),
        (1, Stance.RELATED),
    ]
    settled = judge(
        apprentices, [plant(1, "The plant trains 120 apprentices.", "plant.md"), plant(2, row, "plant.md")], {}, shown=1
    )
    assert [(h.rank, s.stance) for h, s in zip(settled.candidates, settled.signals, strict=True)] == [
        (1, Stance.SUPPORTS)
    ]


def test_a_figure_only_consistent_with_the_claim_s_bound_settles_nothing() -> None:
    from factcheck.corroborate.stance import corroborate
    from tests.helpers import numeric_claim

    claim = numeric_claim("The council received more than 1,400 objections to the farm.")
    conflict = corroborate(claim, "The council received 1,140 objections to the farm.")
    assert conflict.stance is Stance.CONFLICTS, conflict.reasons
    bound = corroborate(claim, "The council received 1,600 objections to the farm.")
    assert bound.stance is Stance.SUPPORTS and bound.numbers is not None, bound.reasons
    assert bound.numbers.pairs[0].status is NumberStatus.CONSISTENT_WITH_QUALIFIER
    kept = settled_within_sources([("file", "a", conflict), ("file", "b", bound)])[0]
    assert kept is conflict
