"""Matches a student's free-text answer against a card's accepted-answer patterns.

A card lists `check_accepts` (regexes that a correct answer must ALL match, each a required
idea such as "float" or "3 ... then 2") and `check_rejects` (regexes for a known wrong answer
that would otherwise slip through, e.g. "int or float"). Patterns are matched against a
normalised answer: lower case, one kind of quote, no backticks, single spaces.

A match that directly follows a negation ("not a float", "isn't 5") does not count, for
accepts and rejects alike, so "it is not an int" neither earns nor loses the point.
"""

import re
from collections.abc import Iterable
from functools import cache
from typing import Final

_QUOTES: Final = str.maketrans(
    {"\u2018": "'", "\u2019": "'", "\u201c": "'", "\u201d": "'", '"': "'"}
)
_NEGATED: Final = re.compile(r"(?:\b(?:not|never)|n't)\s+(?:(?:a|an|the|just)\s+)?$")
# Only the last few words before a match decide whether it is negated.
_NEGATION_WINDOW: Final = 24


def normalise_answer(answer: str) -> str:
    """The form patterns see: lower case, straight single quotes, no backticks, single spaces."""
    text = answer.translate(_QUOTES).replace("`", "").lower()
    return " ".join(text.split())


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def pattern_error(pattern: str) -> str | None:
    """Why `pattern` is not a usable regex, or None when it compiles."""
    try:
        _compiled(pattern)
    except re.error as error:
        return str(error)
    return None


def affirms(pattern: str, normalised: str) -> bool:
    """True when `pattern` matches somewhere in the answer without a negation right before it."""
    for match in _compiled(pattern).finditer(normalised):
        before = normalised[max(0, match.start() - _NEGATION_WINDOW) : match.start()]
        if not _NEGATED.search(before):
            return True
    return False


def answer_matches(answer: str, accepts: Iterable[str], rejects: Iterable[str] = ()) -> bool:
    """True when the answer affirms every accepted idea and none of the known wrong ones."""
    normalised = normalise_answer(answer)
    if not normalised:
        return False
    required = tuple(accepts)
    return (
        bool(required)
        and all(affirms(pattern, normalised) for pattern in required)
        and not any(affirms(pattern, normalised) for pattern in rejects)
    )
