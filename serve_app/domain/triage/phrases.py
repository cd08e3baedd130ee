"""Whole-word matching of many regex phrases at once, and telling which phrase matched.

One alternation without named groups lets the regex engine skip ahead on the possible first
characters; named groups (one per phrase) would switch that off and cost ten times more. So
the phrase behind a match is found afterwards, once per distinct matched text.
"""

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Final

_LEFT: Final = r"(?<![a-z0-9_])"
_RIGHT: Final = r"(?![a-z0-9_])"


def _needs_left_boundary(fragment: str) -> bool:
    # ".append()" and "*args" follow a name directly; only words need a boundary before them.
    return fragment[0].isalnum() or fragment[0] == "_" or fragment.startswith(("(", "\\d"))


def whole_words(fragments: Iterable[str]) -> re.Pattern[str]:
    """Match any fragment as whole words; at one position the longest fragment wins."""
    ordered = sorted(fragments, key=len, reverse=True)
    words = "|".join(f for f in ordered if _needs_left_boundary(f))
    others = "|".join(f for f in ordered if not _needs_left_boundary(f))
    # One shared boundary in front of the word alternatives keeps the engine's fast path.
    body = f"{_LEFT}(?:{words})" + (f"|{others}" if others else "")
    return re.compile(f"(?:{body}){_RIGHT}")


class LabelledPhrases:
    """Finds labelled phrases in text and reports each match with its phrase's label."""

    def __init__(self, labelled: Sequence[tuple[str, str]]) -> None:
        ordered = sorted(labelled, key=lambda pair: len(pair[0]), reverse=True)
        self._pattern = whole_words(fragment for fragment, _ in ordered)
        self._exact = tuple((re.compile(fragment), label) for fragment, label in ordered)
        self.label_of = lru_cache(maxsize=4096)(self._label_of)

    def _label_of(self, matched: str) -> str:
        # The alternation takes the first phrase, longest first, that matches; the first in
        # the same order to match the text in full is therefore that phrase.
        for pattern, label in self._exact:
            if pattern.fullmatch(matched):
                return label
        raise AssertionError(f"matched text {matched!r} fits no phrase")

    def find(self, text: str) -> list[tuple[str, str]]:
        """(label, matched text) for each phrase found, in order of appearance."""
        return [(self.label_of(m.group()), m.group()) for m in self._pattern.finditer(text)]
