"""Typo tolerance: snaps misspelt words onto a small vocabulary of words that carry signal.

A deletion index (the SymSpell idea) finds candidates with a few dict look-ups instead of
comparing each word against the whole vocabulary, which keeps correction in microseconds.
"""

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Final

_WORD: Final = re.compile(r"[a-z]{4,}")
_MIN_TARGET_LEN: Final = 5  # shorter targets ("loop", "dict") collide with ordinary words
# Below this length a second edit turns too many English words into vocabulary words
# ("strike" into "string", "appear" into "append"), so shorter words get one edit.
_LONG_WORD: Final = 9


def edit_distance(a: str, b: str) -> int:
    """Optimal-string-alignment distance: insertions, deletions, substitutions, swaps."""
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i, *([0] * len(b))]
        for j, char_b in enumerate(b, start=1):
            cost = 0 if char_a == char_b else 1
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and char_a == b[j - 2] and a[i - 2] == char_b:
                current[j] = min(current[j], previous2[j - 2] + 1)
        previous2, previous = previous, current
    return previous[-1]


def _deletions(word: str, depth: int) -> set[str]:
    variants = {word}
    frontier = {word}
    for _ in range(depth):
        frontier = {w[:i] + w[i + 1 :] for w in frontier for i in range(len(w))}
        variants |= frontier
    return variants


def _search_depth(length: int) -> int:
    return 2 if length >= _LONG_WORD else 1


def _edit_budget(word: str, target: str) -> int:
    return 2 if min(len(word), len(target)) >= _LONG_WORD else 1


class FuzzyCorrector:
    """Corrects words within one edit (two for long words) of a target vocabulary word."""

    def __init__(self, targets: Iterable[str], protected: Iterable[str] = ()) -> None:
        self._known = frozenset(targets) | frozenset(protected)
        self._index: dict[str, set[str]] = {}
        self._max_len = 0
        for word in frozenset(targets):
            if len(word) < _MIN_TARGET_LEN:
                continue
            depth = _search_depth(len(word))
            self._max_len = max(self._max_len, len(word) + depth)
            for variant in _deletions(word, depth):
                self._index.setdefault(variant, set()).add(word)
        self.correct_word = lru_cache(maxsize=8192)(self._correct_word)

    def _correct_word(self, word: str) -> str:
        if word in self._known or not 4 <= len(word) <= self._max_len:
            return word
        if f"{word}s" in self._known or (word.endswith("s") and word[:-1] in self._known):
            return word  # another number of a known word is not a typo
        best: tuple[int, str] | None = None
        for variant in _deletions(word, _search_depth(len(word))):
            for target in self._index.get(variant, ()):
                if target[0] != word[0]:
                    continue  # a wrong first letter is rarely a typo and often another word
                distance = edit_distance(word, target)
                if distance <= _edit_budget(word, target) and (
                    best is None or (distance, target) < best
                ):
                    best = (distance, target)
        return word if best is None else best[1]

    def correct(self, text: str) -> str:
        """Return the text with every correctable word replaced, everything else untouched."""
        return _WORD.sub(lambda match: self.correct_word(match.group()), text)
