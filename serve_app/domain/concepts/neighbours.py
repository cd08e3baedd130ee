"""Nearest-neighbour evidence: how close a question is to a text known to be about each card.

BM25 scores a card by the words it shares with the question, one word at a time, so a general
title word ("function", "class", "list") can outweigh the phrase that actually names the concept
("calls itself", "extends another class"). This index compares the question with *short* texts
whose card is known (each keyword, title, mistake, explanation paragraph and the example
questions students asked) by TF-IDF cosine over word unigrams and bigrams, so a whole phrase
counts more than its words and a student's phrasing can match an earlier student's.

It is cheap to build (a few thousand short documents, no training) and to query (an inverted
index visits only documents sharing a feature with the question).
"""

import itertools
import math
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence


def features(tokens: Sequence[str]) -> Counter[str]:
    """Word unigrams plus adjacent bigrams; bigrams make word order and phrases count."""
    counts: Counter[str] = Counter(tokens)
    counts.update(f"{first} {second}" for first, second in itertools.pairwise(tokens))
    return counts


def labelled_features(
    documents: Iterable[tuple[int, Sequence[str]]],
) -> tuple[list[tuple[int, Counter[str]]], dict[str, float]]:
    """The features of each document that has any, with its card, and every feature's idf."""
    labelled = [(card, features(tokens)) for card, tokens in documents]
    labelled = [(card, counts) for card, counts in labelled if counts]
    frequency: Counter[str] = Counter()
    for _, counts in labelled:
        frequency.update(counts.keys())
    total = len(labelled)
    # scikit-learn's smoothed idf: every feature keeps a positive weight.
    idf = {
        feature: math.log((1 + total) / (1 + count)) + 1.0 for feature, count in frequency.items()
    }
    return labelled, idf


class NeighbourIndex:
    """TF-IDF cosine similarity between a question and documents labelled with a card."""

    def __init__(self, documents: Iterable[tuple[int, Sequence[str]]]) -> None:
        labelled, self._idf = labelled_features(documents)
        total = len(labelled)
        self._unknown_idf = math.log(1 + total) + 1.0  # as rare as a feature can be
        self._cards = [card for card, _ in labelled]
        self._postings: dict[str, list[tuple[int, float]]] = defaultdict(list)
        for document, (_, counts) in enumerate(labelled):
            weights = self._weights(counts)
            for feature, weight in weights.items():
                self._postings[feature].append((document, weight))

    def _weights(self, counts: Counter[str]) -> dict[str, float]:
        # Sublinear tf: a word repeated in a long paragraph is not proportionally more evidence.
        raw = {
            feature: (1.0 + math.log(count)) * self._idf[feature]
            for feature, count in counts.items()
            if feature in self._idf
        }
        norm = math.sqrt(sum(weight * weight for weight in raw.values()))
        return {feature: weight / norm for feature, weight in raw.items()} if norm else {}

    def best_per_card(self, tokens: Sequence[str]) -> dict[int, float]:
        """Card position -> similarity of its closest document (cards with no overlap omitted).

        Words (not bigrams) that no document knows count in the question's length, so a question
        that is mostly about something else is not a close neighbour of anything.
        """
        counts = features(list(tokens))
        known: dict[str, float] = {}
        norm_squared = 0.0
        for feature, count in counts.items():
            idf = self._idf.get(feature)
            if idf is None:
                if " " not in feature:
                    norm_squared += ((1.0 + math.log(count)) * self._unknown_idf) ** 2
                continue
            weight = (1.0 + math.log(count)) * idf
            known[feature] = weight
            norm_squared += weight * weight
        if not known:
            return {}
        norm = math.sqrt(norm_squared)
        dots: dict[int, float] = defaultdict(float)
        for feature, weight in known.items():
            for document, document_weight in self._postings[feature]:
                dots[document] += weight * document_weight
        best: dict[int, float] = {}
        for document, dot in dots.items():
            card = self._cards[document]
            similarity = dot / norm
            if similarity > best.get(card, 0.0):
                best[card] = similarity
        return best
