"""The `Numeral` type the digit and word readers share: a number as written, with its value, kind and scale."""

from __future__ import annotations

import enum
from dataclasses import dataclass

SPACE = "[ \t\u00a0\u202f]"  # a space within a line, for the patterns of every reader

# Scale words and letters after a number ("1.5 million", "£3bn", "10k"); the letters' context rules are in
# `numbers.py`.
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    "hundreds": 1e2, "thousands": 1e3, "millions": 1e6, "billions": 1e9,
    **dict.fromkeys(["dozen", "dozens", "doz", "dozs", "dz", "dzs"], 12.0),
    **dict.fromkeys(["lakh", "lakhs"], 1e5), **dict.fromkeys(["crore", "crores"], 1e7),
    **dict.fromkeys(["k", "K"], 1e3), **dict.fromkeys(["m", "M", "mn", "mln", "mil", "MM"], 1e6),
    **dict.fromkeys(["B", "b", "bn", "bln"], 1e9), **dict.fromkeys(["T", "tn", "trn", "tln"], 1e12),
}  # fmt: skip


class NumeralKind(enum.Enum):
    DIGITS = "digits"
    WORDS = "words"
    FRACTION = "fraction"  # a part of a whole: "two-thirds", "half", "1/4", "¾"


@dataclass(frozen=True, slots=True)
class Numeral:
    """A number as written: `text[start:end]` reads as `value`.

    `scale` is the multiplier a scale word applied ("1.5 million" -> 1e6; 1.0 when none), so `value / scale`
    is the figure before it. `plain_integer` marks bare digits with no separator, decimal, sign or scale: the
    only numerals that can be years or labels.
    """

    start: int
    end: int
    value: float
    kind: NumeralKind
    scale: float = 1.0
    plain_integer: bool = False


def lowercase(text: str) -> str:
    """`text` lowercased with every offset unchanged (the word patterns run on it: IGNORECASE is slower)."""
    lowered = text.lower()
    # A few characters lowercase to two ("İ"); then lowercase ASCII only, which keeps the length.
    return lowered if len(lowered) == len(text) else text.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
