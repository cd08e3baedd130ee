"""A linear classifier from question words to cards, learned from what is known about each card.

BM25 and nearest neighbours weigh every word by how rare it is, not by how much it says about
one card rather than another: "number" is rare enough to pull "store phone numbers by name"
towards the arithmetic card. A linear model learns, from the cards' keywords, the student
phrases and the example questions, which words (and adjacent word pairs) separate the cards.

It is an averaged perceptron over TF-IDF-weighted unigram and bigram features: deterministic,
trained in a fraction of a second with numpy, no extra library, and as accurate on
cross-validation as a logistic regression on the same features.
"""

import math
import random
from collections import Counter
from collections.abc import Sequence
from typing import Final

import numpy as np
import numpy.typing as npt

from serve_app.domain.concepts.neighbours import features, labelled_features

EPOCHS: Final = 8
# A correct answer must beat the others by this much before training stops changing it.
MARGIN: Final = 1.0
SEED: Final = 4

_FloatArray = npt.NDArray[np.float64]
_IntArray = npt.NDArray[np.int64]


class CardClassifier:
    """Scores every card for a question's tokens; trained on (card position, tokens) pairs."""

    def __init__(self, documents: Sequence[tuple[int, Sequence[str]]], cards: int) -> None:
        counted, self._idf = labelled_features(documents)
        self._ids = {feature: number for number, feature in enumerate(self._idf)}
        self._cards = cards
        self._weights = self._train([(card, self._vector(counts)) for card, counts in counted])

    def _vector(self, counts: Counter[str]) -> tuple[_IntArray, _FloatArray]:
        known = [feature for feature in counts if feature in self._ids]
        ids = np.array([self._ids[feature] for feature in known], dtype=np.int64)
        values = np.array(
            [(1.0 + math.log(counts[feature])) * self._idf[feature] for feature in known],
            dtype=np.float64,
        )
        norm = float(np.linalg.norm(values)) if len(values) else 0.0
        return ids, (values / norm if norm else values)

    def _train(self, examples: list[tuple[int, tuple[_IntArray, _FloatArray]]]) -> _FloatArray:
        weights = np.zeros((len(self._ids), self._cards))
        # Averaging (weights minus the step-weighted sum of updates over the step count)
        # keeps the model that was right for longest, not the last one a late example moved.
        updates = np.zeros_like(weights)
        step = 1
        order = list(range(len(examples)))
        rng = random.Random(SEED)  # noqa: S311 - a reproducible training order, not a secret
        for _ in range(EPOCHS):
            rng.shuffle(order)
            for index in order:
                card, (ids, values) = examples[index]
                scores = values @ weights[ids]
                scores[card] -= MARGIN
                predicted = int(scores.argmax())
                if predicted != card:
                    weights[ids, card] += values
                    weights[ids, predicted] -= values
                    updates[ids, card] += step * values
                    updates[ids, predicted] -= step * values
                step += 1
        averaged: _FloatArray = weights - updates / step
        return averaged

    def shares(self, tokens: Sequence[str]) -> dict[int, float]:
        """Card position -> score relative to the best card's (cards scoring <= 0 omitted)."""
        ids, values = self._vector(features(list(tokens)))
        if not len(ids):
            return {}
        scores = values @ self._weights[ids]
        top = float(scores.max())
        if top <= 0:
            return {}
        return {position: float(score) / top for position, score in enumerate(scores) if score > 0}
