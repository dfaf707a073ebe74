"""Optional entailment scores from a local NLI cross-encoder that the newsroom supplies (a model directory).

factcheck works without it. With it, each (candidate passage, claim) pair gets the model's probabilities of
entailment, contradiction and neutral, and a confident contradiction becomes a conflict reason (see `stance.py`).
The model is loaded lazily from disk only (no download), on the CPU, like the embedder.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from pathlib import Path

from factcheck.corroborate.signals import Entailment
from factcheck.errors import NliModelError

__all__ = ["Entailment", "NliModel", "NliModelError"]

_LABEL_WORDS = {"entailment": "entail", "contradiction": "contradict", "neutral": "neutral"}


class NliModel:
    """A sentence-transformers CrossEncoder directory whose labels name entailment, contradiction and neutral."""

    def __init__(self, path: str | Path, batch_size: int = 16) -> None:
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, got {batch_size}")
        self.path = Path(path)
        self.batch_size = batch_size
        self._model = None
        self._columns: tuple[int, int, int] | None = None  # entailment, contradiction, neutral
        self._lock = threading.Lock()
        if not (self.path / "config.json").is_file():
            raise NliModelError(
                f"No NLI model in {self.path}: expected a directory with config.json (a cross-encoder trained for "
                "entailment, contradiction and neutral). Check the path, or leave the NLI option out."
            )

    def warm_up(self) -> None:
        self._load()

    def score(self, pairs: Sequence[tuple[str, str]]) -> list[Entailment]:
        """Probabilities for each (premise = passage, hypothesis = claim) pair, in order."""
        if not pairs:
            return []
        model, (entail, contradict, neutral) = self._load()
        probabilities = model.predict(
            [(premise, hypothesis) for premise, hypothesis in pairs],
            batch_size=self.batch_size,
            show_progress_bar=False,
            apply_softmax=True,
        )
        return [Entailment(float(row[entail]), float(row[contradict]), float(row[neutral])) for row in probabilities]

    def _load(self):
        with self._lock:
            if self._model is None:
                os.environ.setdefault("HF_HUB_OFFLINE", "1")
                os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
                from sentence_transformers import CrossEncoder
                from transformers.utils import logging as transformers_logging

                transformers_logging.disable_progress_bar()  # no "Loading weights" bar in the CLI's output

                try:
                    model = CrossEncoder(str(self.path), device="cpu", local_files_only=True)
                except (OSError, ValueError) as error:
                    raise NliModelError(f"Cannot load the NLI model in {self.path} ({error}).") from error
                self._columns = _label_columns(model.model.config.id2label, self.path)
                self._model = model
            return self._model, self._columns


def _label_columns(id2label: dict, path: Path) -> tuple[int, int, int]:
    found = {}
    for index, label in id2label.items():
        for name, word in _LABEL_WORDS.items():
            if word in str(label).lower():
                found[name] = int(index)
    if len(found) != 3 or len(id2label) != 3:
        names = ", ".join(str(label) for label in id2label.values())
        raise NliModelError(
            f"The model in {path} has the labels {names}; an NLI model names entailment, contradiction and neutral. "
            "Use a three-way NLI cross-encoder."
        )
    return found["entailment"], found["contradiction"], found["neutral"]
