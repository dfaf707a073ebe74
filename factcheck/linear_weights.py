"""The one check of a small linear model's stored values (the re-rank, the same-thing judgement): a weight, mean
and scale per feature, every one a finite number, every scale above zero."""

from __future__ import annotations

import math
from collections.abc import Sequence


def check_standardised(features: int, weights: Sequence[float], mean: Sequence[float], scale: Sequence[float]) -> None:
    """Raise ValueError, naming the field, unless each of the three holds `features` finite values and every scale is
    above 0."""
    for name, values in (("weights", weights), ("mean", mean), ("scale", scale)):
        if len(values) != features:
            raise ValueError(f"{name} needs {features} values (one per feature), got {len(values)}")
        if not all(math.isfinite(v) for v in values):
            raise ValueError(f"{name} holds a value that is not a finite number")
    if any(v <= 0 for v in scale):
        raise ValueError("every scale must be above 0")
