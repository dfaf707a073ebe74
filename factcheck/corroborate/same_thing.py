"""The learned same-thing judgement: whether a claim figure and the passage figure the rules compared it with count
the same thing, its weights file, and the gate that turns a pair it rejects into `different_thing`.

The model is a logistic regression over `same_thing_features.FEATURE_NAMES`, trained offline on figure pairs mined
from the hand-labelled article set (`python -m factcheck.evaluate.same_thing_training`) and stored in
`same_thing_model.json` beside this file. A compared pair (match, within rounding, within the qualifier, mismatch)
stays decisive only when the model's probability is at least the file's threshold, or when both figures name the
same counted thing with a word beside both (`named_alike`); otherwise the figures are read as counting different
things and the pair says so in plain words.

Which model runs: the `same_thing` setting (`FACTCHECK_SAME_THING`, or `--same-thing` for one command), 'off' (the
default: the rules alone), 'on' (the packaged file) or the path of a model file. Off by default because, measured
(docs/corroboration.md, round 4), the model trades found decisions for fewer wrong ones on the article set and makes
the team's hand-written pairs fall (numbers 145/148 -> 132/148): it reads "48 hours" and "a two-day truce" as two
things. A file named there that cannot be used is a `SameThingModelError`; with 'on', a packaged file that is
missing or damaged falls back to the rules alone with a warning.
"""

from __future__ import annotations

import contextlib
import functools
import math
import os
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from factcheck.config import setting_value, switch
from factcheck.corroborate.same_thing_features import FEATURE_NAMES, pair_features, texts_of
from factcheck.corroborate.signals import AGREEING, FigurePair, NumberStatus
from factcheck.errors import SameThingModelError
from factcheck.linear_weights import check_standardised, read_model_json, standardised_lists
from factcheck.serialise import to_record

MODEL_FORMAT = "factcheck-same-thing/1"
PACKAGED_MODEL = Path(__file__).with_name("same_thing_model.json")
SETTING = "FACTCHECK_SAME_THING"
GATED = (*AGREEING, NumberStatus.MISMATCH)  # the statuses that make a figure card decisive


@dataclass(frozen=True, slots=True)
class SameThingModel:
    """A logistic regression: P(same thing) = sigmoid(bias + sum(weights * (x - mean) / scale)); a pair is the same
    thing when that is at least `threshold`. `provenance`: how it was trained (data, command, held-out figures)."""

    weights: tuple[float, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    bias: float
    threshold: float
    provenance: Mapping[str, object] = field(default_factory=dict)

    def __post_init__(self) -> None:
        check_standardised(len(FEATURE_NAMES), self.weights, self.mean, self.scale)
        if not (math.isfinite(self.bias) and 0.0 <= self.threshold <= 1.0):
            raise ValueError(f"bias must be finite and threshold within 0-1, got {self.bias}, {self.threshold}")

    def probability(self, features: Sequence[float]) -> float:
        """P(the two figures count the same thing) for one feature vector."""
        z = self.bias + sum(
            w * (x - m) / s for w, x, m, s in zip(self.weights, features, self.mean, self.scale, strict=True)
        )
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def to_dict(self) -> dict:
        """The model file's JSON object: format and feature names first, values rounded to six places."""
        rounded = {"weights": 6, "mean": 6, "scale": 6, "bias": 6, "threshold": 4}
        return {"format": MODEL_FORMAT, "features": list(FEATURE_NAMES), **to_record(self, rounded=rounded)}


def gate_pairs(
    pairs: Sequence[FigurePair],
    claim_sentence: str,
    passage_text: str,
    passage_context: str | None,
    model: SameThingModel,
) -> tuple[FigurePair, ...]:
    """`pairs` with every compared pair the model does not read as the same thing made `different_thing`."""
    return tuple(_gated(pair, claim_sentence, passage_text, passage_context, model) for pair in pairs)


def _gated(
    pair: FigurePair, claim_sentence: str, passage_text: str, context: str | None, model: SameThingModel
) -> FigurePair:
    if pair.status not in GATED:
        return pair
    texts = texts_of(pair, claim_sentence, passage_text, context)
    if texts is None:
        return pair
    features = pair_features(texts, pair)
    if not asked(features) or model.probability(features) >= model.threshold:
        return pair
    reason = (
        f"A different figure: the source's {pair.passage_surface} is of {_other(features)} than the claim's"
        f" {pair.claim_surface}."
    )
    values = {name: getattr(pair, name) for name in pair.__slots__}
    return FigurePair(**{**values, "status": NumberStatus.DIFFERENT_THING, "reason": reason, "grounded": False})


_AT = {name: place for place, name in enumerate(FEATURE_NAMES)}
_TIME_SIGNS = ("era_passage_only", "era_claim_only", "looks_back_differs")
_NAME_SIGNS = ("names_passage_only", "names_claim_only")
_KIND_SIGNS = tuple(name for name in FEATURE_NAMES if name.startswith("cue_") and name != "cue_kinds_one_side")


def asked(features: Sequence[float]) -> bool:
    """Whether the model may overrule the rules on a pair: not when the two figures are named alike."""
    return not named_alike(features)


def named_alike(features: Sequence[float]) -> bool:
    """The rules' strongest sign of one thing, which the model does not overrule: the same counted noun (or a
    synonym: "residents", "civilians") and a word beside both figures that is neither that noun nor a unit of
    time ("remaining", "remained"). Without it the model, which has seen few conflicts of one thing, read "8,000
    remaining residents" against "4,000 civilians remained" as two things."""
    return features[_AT["same_counted_noun"]] > 0 and features[_AT["near_overlap"]] > 0


def _other(features: Sequence[float]) -> str:
    """What the source's figure is of, in words, from the signs the pair shows."""
    named = [
        words
        for signs, words in ((_TIME_SIGNS, "another time"), (_NAME_SIGNS, "another place or body"))
        if any(features[_AT[name]] > 0 for name in signs)
    ]
    kinds = [name[len("cue_") : -len("_one_side")] for name in _KIND_SIGNS if features[_AT[name]] > 0]
    if kinds:
        named.append(f"another kind of figure ({', '.join(kinds)})")
    return " or ".join(named) if named else "another time or thing"


def load_model(path: str | Path) -> SameThingModel:
    """A model file written by `python -m factcheck.evaluate.same_thing_training train`, checked.

    Raises:
        SameThingModelError: the file is missing, not JSON, of another format, or its values do not fit the features.
    """
    path = Path(path)
    retrain = "train it again with `python -m factcheck.evaluate.same_thing_training train`, or set"
    retrain += f" {SETTING} to 'on' (the packaged model) or 'off' (the rules alone)."
    data = read_model_json(path, SameThingModelError, "same-thing model", retrain[0].upper() + retrain[1:])
    try:
        return parse_model(data)
    except SameThingModelError as error:
        raise SameThingModelError(f"The same-thing model {path}: {error}; {retrain}") from error


def parse_model(data: object) -> SameThingModel:
    """A `SameThingModel` from a model file's JSON object (see `SameThingModel.to_dict`).

    Raises:
        SameThingModelError: another format, other features, or values that are not finite numbers of the right count.
    """
    data, values = standardised_lists(data, MODEL_FORMAT, FEATURE_NAMES, SameThingModelError)
    bias, threshold, provenance = data.get("bias"), data.get("threshold"), data.get("provenance", {})
    if not isinstance(bias, int | float) or not isinstance(threshold, int | float) or not isinstance(provenance, dict):
        raise SameThingModelError("'bias' and 'threshold' must be numbers and 'provenance' an object")
    try:
        return SameThingModel(
            values["weights"], values["mean"], values["scale"], float(bias), float(threshold), provenance
        )
    except ValueError as error:
        raise SameThingModelError(str(error)) from error


def configured_model() -> SameThingModel | None:
    """The model `FACTCHECK_SAME_THING` names: 'off' or unset none, 'on' the packaged one, else a model file.

    Raises:
        SameThingModelError: a model file named by the setting cannot be used.
    """
    choice = setting_value("same_thing") or "off"
    chosen = switch(choice)
    if chosen is False:
        return None
    return _packaged(str(PACKAGED_MODEL)) if chosen else _load_cached(choice.strip())


@contextlib.contextmanager
def chosen_for_command(value: str | None) -> Iterator[None]:
    """The same-thing setting as `value` while one CLI command runs (its `--same-thing` option), checked first so that
    a model file that cannot be used fails before any work; the environment is restored afterwards.

    Raises:
        SameThingModelError: `value` names a model file that cannot be used.
    """
    if value is None:  # a command that compares no figures
        yield
        return
    before = os.environ.get(SETTING)
    os.environ[SETTING] = value
    try:
        configured_model()
        yield
    finally:
        if before is None:
            os.environ.pop(SETTING, None)
        else:
            os.environ[SETTING] = before


@functools.lru_cache(maxsize=4)
def _load_cached(path: str) -> SameThingModel:
    return load_model(path)


@functools.lru_cache(maxsize=1)
def _packaged(path: str) -> SameThingModel | None:
    try:
        return load_model(path)
    except SameThingModelError as error:
        warnings.warn(f"{error} Figures are judged by the rules alone.", RuntimeWarning, stacklevel=2)
        return None
