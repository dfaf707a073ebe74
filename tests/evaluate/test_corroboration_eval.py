from collections import Counter

import pytest

from factcheck.evaluate.corroboration import _detokenise, _macro_f1, confusion_table, make_claim


def test_make_claim_parses_the_claim_figures():
    claim = make_claim("numeric", "Some 8,000 residents left.")
    assert [q.value for q in claim.quantities] == [8000]
    assert make_claim("quote", "We want a pause", speaker="Kerry").speaker == "Kerry"


def test_macro_f1_hand_worked():
    # class a: tp 2, predicted 3, gold 2 -> P 2/3, R 1 -> F1 0.8; class b: tp 0, predicted 0, gold 1 -> 0
    confusion = Counter({("a", "a"): 2, ("b", "a"): 1})
    assert _macro_f1(confusion) == pytest.approx(0.4)


def test_fever_detokenising():
    assert _detokenise("Paris -LRB- France -RRB- is big , and old .") == "Paris (France) is big, and old."


def test_confusion_table_lists_every_label():
    table = confusion_table("t", Counter({("x", "y"): 3}))
    assert "| x | 0 | 3 |" in table and "| y | 0 | 0 |" in table
