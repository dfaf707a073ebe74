"""Tests for mining labelled figure pairs from the article set's gold lines (`same_thing_mining.py`)."""

from __future__ import annotations

import dataclasses

from factcheck.check import CheckedClaim
from factcheck.corroborate.numbers import compare_numbers
from factcheck.corroborate.signals import Signals, Stance
from factcheck.evaluate.article_set import GoldLine, Located
from factcheck.evaluate.same_thing_mining import label_pairs, read_pairs, write_pairs
from factcheck.extract import Claim, ClaimKind
from factcheck.extract.figures import find_quantities
from factcheck.search import Hit

ARTICLE = "Intro. The fire burned 12,000 hectares on Monday."
SENTENCE = "The fire burned 12,000 hectares on Monday."
SOURCE = "Report. By Monday 12,000 hectares had burned. In 2019 a fire burned 12,000 hectares. Other text."


def checked_claim() -> tuple[CheckedClaim, list[Hit]]:
    start = ARTICLE.index(SENTENCE)
    claim = Claim(
        "c1",
        "a.txt",
        ClaimKind.NUMERIC,
        SENTENCE,
        start,
        start + len(SENTENCE),
        SENTENCE,
        None,
        tuple(find_quantities(SENTENCE)),
        0.5,
    )
    hits, signals = [], []
    for rank, sentence in enumerate(
        ("By Monday 12,000 hectares had burned.", "In 2019 a fire burned 12,000 hectares."), 1
    ):
        at = SOURCE.index(sentence)
        hits.append(
            Hit(
                rank, 1.0, "c", "corpus/report.md", f"p{rank}", sentence, None, None, None, None, at, at + len(sentence)
            )
        )
        numbers = compare_numbers(claim.quantities, sentence, SENTENCE, None, same_thing=None)
        signals.append(Signals(Stance.SUPPORTS, (), numbers))
    return CheckedClaim(claim, tuple(hits), tuple(signals)), hits


def located(label: str, evidence: str) -> Located:
    line = GoldLine("a", "12,000 hectares", "numeric", "report.md", evidence, label, "")
    claim_at = ARTICLE.index("12,000 hectares")
    at = SOURCE.index(evidence)
    return Located(line, (claim_at, claim_at + 15), (at, at + len(evidence)))


def test_a_supports_line_makes_a_pair_of_the_same_thing_and_no_line_a_pair_of_another():
    item, _ = checked_claim()
    gold = [located("supports", "By Monday 12,000 hectares had burned.")]
    mined = label_pairs("dev", "a", [item], gold, {"report.md": SOURCE})
    assert [(m.pair.passage_surface, m.label, m.gold) for m in mined] == [
        ("12,000 hectares", 1, ("supports",)),
        ("12,000 hectares", 0, ()),  # the 2019 fire: no gold line, so by the closed world not the same thing
    ]
    assert mined[0].passage_text.startswith("By Monday")


def test_a_related_line_is_a_pair_of_another_thing():
    item, _ = checked_claim()
    gold = [located("related", "In 2019 a fire burned 12,000 hectares.")]
    mined = label_pairs("dev", "a", [item], gold, {"report.md": SOURCE})
    assert [m.label for m in mined] == [0, 0]
    assert mined[1].gold == ("related",)


def test_a_line_of_another_source_is_not_met():
    item, _ = checked_claim()
    line = located("supports", "By Monday 12,000 hectares had burned.")
    other = dataclasses.replace(line, line=dataclasses.replace(line.line, source="other.md"))
    assert [m.label for m in label_pairs("dev", "a", [item], [other], {"report.md": SOURCE})] == [0, 0]


def test_mined_pairs_round_trip_through_json_lines(tmp_path):
    item, _ = checked_claim()
    mined = label_pairs("dev", "a", [item], [located("supports", "By Monday 12,000 hectares had burned.")], {})
    assert mined
    path = tmp_path / "pairs.jsonl"
    write_pairs(mined, path)
    again = list(read_pairs(path))
    assert again == mined
    assert again[0].texts is not None
