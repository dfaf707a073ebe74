"""Reading and checking a small linear model's file (the re-rank, the same-thing judgement): JSON with a format
name, the feature names, and a weight, mean and scale per feature, every one a finite number, every scale above
zero. Each model keeps its own error type and its own "how to retrain" advice; the reading is written once here."""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from pathlib import Path

from factcheck.errors import FactcheckError

STANDARDISED = ("weights", "mean", "scale")


def read_model_json(path: Path, error: type[FactcheckError], what: str, retrain: str) -> object:
    """The JSON value of the model file `path` (`what` names the model in messages).

    Raises:
        `error`: the file cannot be read or is not valid JSON; the message ends with `retrain`.
    """
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except OSError as problem:
        raise error(f"The {what} {path} cannot be read ({problem.strerror or problem}). {retrain}") from problem
    except (json.JSONDecodeError, UnicodeDecodeError) as problem:
        raise error(f"The {what} {path} is not valid JSON ({problem}). {retrain}") from problem


def standardised_lists(
    data: object, model_format: str, features: Sequence[str], error: type[FactcheckError]
) -> tuple[dict, dict[str, tuple[float, ...]]]:
    """The model file's object and its `weights`, `mean` and `scale` as tuples of floats, once its format and
    feature names are this version's.

    Raises:
        `error`: another format, other features, or one of the three that is not a list of numbers.
    """
    if not isinstance(data, dict) or data.get("format") != model_format:
        found = data.get("format") if isinstance(data, dict) else type(data).__name__
        raise error(f"expected format {model_format!r}, found {found!r}")
    if data.get("features") != list(features):
        raise error(
            f"its features {data.get('features')!r} are not the ones this version computes ({', '.join(features)})"
        )
    values = {}
    for name in STANDARDISED:
        found = data.get(name)
        if not isinstance(found, list) or not all(is_number(v) for v in found):
            raise error(f"{name!r} must be a list of numbers, found {found!r}")
        values[name] = tuple(float(v) for v in found)
    return data, values


def is_number(value: object) -> bool:
    """An int or a float, not a bool."""
    return isinstance(value, int | float) and not isinstance(value, bool)


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
