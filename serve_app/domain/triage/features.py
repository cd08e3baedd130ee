"""The model's view of a message: words, word pairs, character n-grams and rule signals.

The same function feeds training and inference, so the shipped vocabulary always means
what the scorer computes. Feature names carry a prefix per kind (`w:` word, `b:` word pair,
`c:` character n-gram, `s:` rule signal, `p:` previous route, `k:` code, `n:` length).
"""

from itertools import pairwise
from typing import Final

from serve_app.domain.triage.reading import RuleReading

# Long pastes add little beyond their first lines and would cost latency.
MAX_WORDS: Final = 200
MAX_CHAR_WORDS: Final = 60
CHAR_SIZES: Final = (3, 4, 5)
_LENGTH_BUCKETS: Final = ((0, "0"), (2, "1-2"), (5, "3-5"), (12, "6-12"))


def _length_bucket(count: int) -> str:
    for limit, name in _LENGTH_BUCKETS:
        if count <= limit:
            return name
    return "13+"


def _char_ngrams(word: str) -> list[str]:
    padded = f" {word} "
    return [
        f"c:{padded[start : start + size]}"
        for size in CHAR_SIZES
        for start in range(len(padded) - size + 1)
    ]


def model_features(reading: RuleReading, previous_route: str | None) -> list[str]:
    """Feature names for one message, repeated as often as they occur."""
    message = reading.message
    words = message.words[:MAX_WORDS]
    found = [f"w:{word}" for word in words]
    found += [f"b:{first} {second}" for first, second in pairwise(words)]
    for word in words[:MAX_CHAR_WORDS]:
        found += _char_ngrams(word)
    found += [f"s:{reason}" for reason in reading.reasons]
    if previous_route is not None:
        found.append(f"p:{previous_route}")
    # Whether the message holds any programming vocabulary at all is the best single hint
    # that a question is about another subject, however it is phrased.
    if message.programming_context:
        found.append("k:programming_words")
    elif message.concept_context:
        found.append("k:everyday_concept_words")
    else:
        found.append("k:no_programming_words")
    # Python by name or syntax against another language's: the tutor teaches only Python,
    # so "my loop never ends" is on topic in Python and off topic in JavaScript.
    if message.python_context:
        found.append("k:python")
    if message.other_language:
        found.append("k:other_language" if message.python_context else "k:other_language_only")
    elif message.programming_context and not message.python_context:
        # Programming that names no language: on a Python tutor, that is Python.
        found.append("k:unnamed_language")
    if message.has_code:
        found.append("k:code")
    if message.code:
        found.append("k:attached")
    found.append(f"n:{_length_bucket(len(message.words))}")
    return found
