"""A tiny scorer for the shipped triage model: TF-IDF weights and a linear layer, from JSON.

The artifact is plain JSON (no pickle: nothing in it can execute code) written by
`python -m serve_app.domain.triage.train`. Scoring a message is a dictionary look-up per
feature and one small matrix product, so it needs numpy but not scikit-learn.
"""

import json
import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from importlib.resources import files
from typing import Any, Final

import numpy as np
import numpy.typing as npt

MODEL_FILE: Final = "model.json"
FORMAT_VERSION: Final = 1


class LinearModel:
    """Multinomial logistic regression over sublinear, L2-normalised TF-IDF features."""

    def __init__(
        self,
        *,
        classes: Sequence[str],
        features: Sequence[str],
        idf: Sequence[float],
        coef: Sequence[Sequence[float]],
        intercept: Sequence[float],
        temperature: float,
    ) -> None:
        if not len(features) == len(idf) == len(coef):
            raise ValueError("features, idf and coef must have one entry per feature")
        if len(intercept) != len(classes) or any(len(row) != len(classes) for row in coef):
            raise ValueError("coef rows and intercept must have one weight per class")
        if temperature <= 0:
            raise ValueError("temperature must be positive")
        self.classes: tuple[str, ...] = tuple(classes)
        self._index = {name: i for i, name in enumerate(features)}
        self._idf = np.asarray(idf, dtype=np.float64)
        self._coef = np.asarray(coef, dtype=np.float64).reshape(len(features), len(classes))
        self._intercept = np.asarray(intercept, dtype=np.float64)
        self.temperature = float(temperature)

    @classmethod
    def from_artifact(cls, artifact: Mapping[str, Any]) -> "LinearModel":
        if artifact.get("format") != FORMAT_VERSION:
            raise ValueError(f"unsupported triage model format {artifact.get('format')!r}")
        return cls(
            classes=artifact["classes"],
            features=artifact["features"],
            idf=artifact["idf"],
            coef=artifact["coef"],
            intercept=artifact["intercept"],
            temperature=artifact["temperature"],
        )

    def vector(self, features: Iterable[str]) -> tuple[list[int], npt.NDArray[np.float64]]:
        """Indices of the known features and their TF-IDF weights, L2-normalised."""
        counts = Counter(i for name in features if (i := self._index.get(name)) is not None)
        if not counts:
            return [], np.zeros(0)
        indices = list(counts)
        tf = np.array([1.0 + math.log(counts[i]) for i in indices])
        weights = tf * self._idf[indices]
        return indices, weights / float(np.sqrt(weights @ weights))

    def logits(self, features: Iterable[str]) -> npt.NDArray[np.float64]:
        """Raw class scores, before temperature and softmax."""
        indices, weights = self.vector(features)
        if not indices:
            return self._intercept.copy()
        result: npt.NDArray[np.float64] = weights @ self._coef[indices] + self._intercept
        return result

    def probabilities(self, features: Iterable[str]) -> dict[str, float]:
        """Calibrated class probabilities (temperature-scaled softmax)."""
        scaled = self.logits(features) / self.temperature
        exp = np.exp(scaled - scaled.max())
        probs = exp / exp.sum()
        return {name: float(p) for name, p in zip(self.classes, probs, strict=True)}


def read_artifact() -> dict[str, Any]:
    """The shipped artifact as parsed JSON."""
    text = (files("serve_app.domain.triage.data") / MODEL_FILE).read_text(encoding="utf-8")
    artifact: dict[str, Any] = json.loads(text)
    return artifact


def load_model() -> LinearModel:
    """The shipped triage model."""
    return LinearModel.from_artifact(read_artifact())
