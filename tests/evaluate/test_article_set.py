"""The article-set scorer (cards against hand labels, by hand-worked cases) and `factcheck eval articles`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.errors import ArticleSetError
from factcheck.evaluate.article_run import default_splits
from factcheck.evaluate.article_set import Card, GoldLine, locate, read_article_set, score_cards

ARTICLE = "Convoy reaches town\n\nA convoy of 34 trucks reached Halvik on Thursday, carrying 12 tonnes of flour."
SOURCE = (
    "A convoy of 34 trucks entered Halvik on Thursday. It carried 15 tonnes of flour. The Dursa convoy had 25 trucks."
)


def gold(claim: str, evidence: str, label: str, reason: str = "hand label", kind: str = "numeric") -> GoldLine:
    return GoldLine("a1", claim, kind, "report.txt", evidence, label, reason)


def card(evidence: str, stance: str, confident: bool = True) -> Card:
    claim_start = ARTICLE.index("A convoy")
    start = SOURCE.index(evidence)
    return Card("a1", claim_start, len(ARTICLE), "claim", "report.txt", start, start + len(evidence), stance, confident)


GOLD = [
    gold("34 trucks", "A convoy of 34 trucks entered Halvik on Thursday", "supports"),
    gold("12 tonnes of flour", "It carried 15 tonnes of flour", "conflicts"),
    gold("34 trucks", "The Dursa convoy had 25 trucks", "related", "Another convoy."),
]


def scored(cards):
    return score_cards(cards, locate(GOLD, ARTICLE, {"report.txt": SOURCE}))


def test_right_wrong_and_recall():
    score = scored(
        [
            card("A convoy of 34 trucks entered Halvik on Thursday.", "supports"),  # right
            card("It carried 15 tonnes of flour.", "supports"),  # wrong: gold conflicts
            card("The Dursa convoy had 25 trucks.", "conflicts"),  # wrong: gold related (a near miss)
        ]
    )
    assert (score.right, score.wrong, score.repeats) == (1, 2, 0)
    assert score.precision == pytest.approx(1 / 3) and score.recall == pytest.approx(1 / 2)
    assert score.named["supports on a figure mismatch"] == 1
    assert [line.claim for line in score.missed] == ["12 tonnes of flour"]


def test_a_card_in_no_gold_line_is_wrong_and_a_repeat_counts_once():
    score = scored(
        [
            card("A convoy of 34 trucks entered Halvik on Thursday.", "supports"),
            card("A convoy of 34 trucks entered Halvik on Thursday.", "supports"),  # the same card again
            card("A convoy of 34", "supports"),  # another card meeting the same gold line: a repeat
        ]
    )
    assert (score.right, score.wrong, score.repeats) == (1, 0, 1)
    wrong = score_cards([Card("a1", 0, 5, "Convoy", "other.txt", 0, 5, "supports", True)], locate(GOLD, ARTICLE, {}))
    assert (wrong.right, wrong.wrong, wrong.unlocated) == (0, 1, 3)


def test_named_errors_for_quotes_and_units():
    lines = [
        gold("34 trucks", "A convoy of 34 trucks", "related", "Trucks against tonnes: a different unit."),
        gold("12 tonnes", "It carried 15 tonnes", "conflicts", "Said by Lindqvist, not Sayeed.", kind="quote"),
    ]
    score = score_cards(
        [card("A convoy of 34 trucks", "conflicts"), card("It carried 15 tonnes", "supports")],
        locate(lines, ARTICLE, {"report.txt": SOURCE}),
    )
    assert score.named["unit-mismatch conflict"] == 1 and score.named["supports on a different speaker"] == 1


def write_split(root: Path, *, done: bool = True, gold_lines: list[dict] | None = None) -> Path:
    (root / "articles").mkdir(parents=True)
    (root / "corpora" / "t-01-convoy").mkdir(parents=True)
    (root / "articles" / "t-01-convoy.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "corpora" / "t-01-convoy" / "report.txt").write_text(SOURCE, encoding="utf-8")
    # Another document: within the report, its own 34 trucks settle the 25 as another convoy's (`within_source.py`).
    (root / "corpora" / "t-01-convoy" / "wire.txt").write_text("The Dursa convoy had 25 trucks.", encoding="utf-8")
    lines = gold_lines or [
        {"article": "t-01-convoy", "kind": "numeric", "source": "report.txt", **line}
        for line in (
            {
                "claim": "34 trucks",
                "evidence": "A convoy of 34 trucks entered Halvik",
                "label": "supports",
                "reason": "x",
            },
            {"claim": "12 tonnes", "evidence": "It carried 15 tonnes of flour", "label": "conflicts", "reason": "x"},
        )
    ] + [
        {
            "article": "t-01-convoy",
            "kind": "numeric",
            "source": "wire.txt",
            "claim": "34 trucks",
            "evidence": "The Dursa convoy had 25 trucks",
            "label": "related",
            "reason": "x",
        }
    ]
    (root / "gold.jsonl").write_text("\n".join(json.dumps(line) for line in lines) + "\n", encoding="utf-8")
    if done:
        (root / "DONE").write_text("", encoding="utf-8")
    return root


def test_a_split_without_done_or_with_a_bad_line_is_refused(tmp_path):
    with pytest.raises(ArticleSetError, match="no DONE file"):
        read_article_set(write_split(tmp_path / "a", done=False))
    with pytest.raises(ArticleSetError, match="label 'maybe'"):
        read_article_set(
            write_split(
                tmp_path / "b",
                gold_lines=[{**dict.fromkeys(GoldLine.__slots__, "x"), "article": "t-01-convoy", "label": "maybe"}],
            )
        )


def test_eval_articles_runs_end_to_end(tmp_path, capsys):
    split = write_split(tmp_path / "dev")
    out = tmp_path / "results.md"
    code = main(["--embedder", "hash", "eval", "articles", "--articles", str(split), "--out", str(out)])
    assert code == 0
    table = out.read_text(encoding="utf-8")
    # The checker shows three decisive cards: the 34 trucks confirmed (right), the flour figure contradicted
    # (right) and the Dursa convoy's 25 trucks read as a conflict (wrong: the labels call it a near miss).
    assert "| article set dev | all decisive cards: precision | 0.667 | 2/3 |" in table
    assert "| article set dev | all decisive cards: recall | 1.000 | 2/2 |" in table
    assert "The Dursa convoy had 25 trucks." in table  # listed among the wrong cards


def test_eval_articles_reports_an_unfinished_split(tmp_path, capsys):
    split = write_split(tmp_path / "dev", done=False)
    assert main(["--embedder", "hash", "eval", "articles", "--articles", str(split)]) == 1
    assert "no DONE file" in capsys.readouterr().err


def test_the_default_splits_are_every_finished_one_in_the_order_they_were_seen(tmp_path):
    for name in ("holdout", "round10", "test", "round9", "dev", "extra"):
        write_split(tmp_path / name)
    write_split(tmp_path / "being-written", done=False)
    names = [path.name for path in default_splits(tmp_path)]
    assert names == ["dev", "test", "holdout", "extra", "round9", "round10"]


def test_eval_articles_reads_a_holdout_split(tmp_path):
    split = write_split(tmp_path / "holdout")
    out = tmp_path / "results.md"
    assert main(["--embedder", "hash", "eval", "articles", "--articles", str(split), "--out", str(out)]) == 0
    assert "| article set holdout | all decisive cards: recall |" in out.read_text(encoding="utf-8")
