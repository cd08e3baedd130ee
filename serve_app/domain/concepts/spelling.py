"""Maps misspelt question words onto words the knowledge base knows ("recusion" -> "recursion")."""

import difflib
import functools
from collections.abc import Iterable

from serve_app.domain.concepts.text_analysis import stem

# Below this similarity a "correction" is more likely a different word than a typo.
SIMILARITY_CUTOFF = 0.84
# Very short words are too ambiguous to correct by similarity alone.
MIN_LENGTH = 4


class SpellingCorrector:
    """Corrects unknown words to the closest target word, or leaves them alone."""

    def __init__(self, known: Iterable[str], targets: Iterable[str]) -> None:
        # `known`: every word that needs no correction (its stem counts too).
        # `targets`: the words worth correcting to (titles, keywords, synonyms, Python names).
        self._target_set = frozenset(targets)
        self._by_length: dict[int, list[str]] = {}
        for target in sorted(self._target_set):
            self._by_length.setdefault(len(target), []).append(target)
        self._known = frozenset(known) | self._target_set
        # Bounded: questions are untrusted input and may carry endless distinct words.
        self._closest_cached = functools.lru_cache(maxsize=4096)(self._closest)

    def is_known(self, word: str) -> bool:
        return word in self._known or stem(word) in self._known

    def correct(self, word: str) -> str:
        """The word itself when known or uncorrectable, otherwise its closest target."""
        if not word.isalpha() or self.is_known(word) or len(word) < MIN_LENGTH:
            return word
        return self._closest_cached(word)

    def _closest(self, word: str) -> str:
        # Swapped neighbours ("lsit", "tupel") score low on similarity yet are the commonest typo.
        for i in range(len(word) - 1):
            swapped = word[:i] + word[i + 1] + word[i] + word[i + 2 :]
            if swapped in self._target_set:
                return swapped
        # Only lengths that can reach the cutoff: a ratio is at most 2 * shorter / (sum of both).
        candidates = [
            target
            for length, targets in self._by_length.items()
            if 2 * min(length, len(word)) / (length + len(word)) >= SIMILARITY_CUTOFF
            for target in targets
        ]
        matches = difflib.get_close_matches(word, candidates, n=1, cutoff=SIMILARITY_CUTOFF)
        return matches[0] if matches else word
