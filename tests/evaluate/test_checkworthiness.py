import pytest

from factcheck.evaluate.checkworthiness import score_average_precision, sentence_score


@pytest.mark.parametrize(
    ("scores", "labels", "expected"),
    [
        ([0.9, 0.5, 0.1], [1, 0, 1], (1 / 1 + 2 / 3) / 2),
        ([0.9, 0.5, 0.1], [0, 0, 1], 1 / 3),
        ([0.5, 0.5], [0, 1], 1 / 2),  # ties keep the original order
        ([0.1], [0], 0.0),
    ],
)
def test_score_average_precision_hand_worked(scores, labels, expected):
    assert score_average_precision(scores, labels) == pytest.approx(expected)


def test_sentences_with_figures_outrank_chatter():
    assert sentence_score("Right now, we are at 90 percent health insurance coverage.") > 0
    assert sentence_score("Good evening to you all.") == 0
