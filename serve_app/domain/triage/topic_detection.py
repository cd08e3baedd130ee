"""Which curriculum topic a message is about, from its concept vocabulary."""

from collections.abc import Iterable
from typing import Final

from serve_app.domain.triage.phrases import LabelledPhrases
from serve_app.domain.triage.vocabulary import (
    EVERYDAY_TOPIC_WORDS,
    EXCEPTION_TOPICS,
    TOPIC_PHRASES,
)

_TOPIC_WORDS: Final = LabelledPhrases(
    [(fragment, topic) for topic, fragments in TOPIC_PHRASES.items() for fragment in fragments]
)


def topic_hits(prose: str) -> tuple[tuple[str, str], ...]:
    """Each concept word in the text as (topic, matched words), in order of appearance."""
    return tuple(_TOPIC_WORDS.find(prose))


def is_everyday_word(words: str) -> bool:
    """True for topic words that also occur in ordinary, non-programming English."""
    return words in EVERYDAY_TOPIC_WORDS


def detect_topic(
    hits: Iterable[tuple[str, str]], exception_names: Iterable[str] = ()
) -> str | None:
    """The topic with the most evidence: multi-word phrases count more, first seen wins ties."""
    scores: dict[str, float] = {}
    for topic, words in hits:
        scores[topic] = scores.get(topic, 0.0) + 1.0 + words.count(" ")
    for name in exception_names:
        hinted = EXCEPTION_TOPICS.get(name.replace(" ", "").replace("_", ""))
        if hinted is not None:
            # The exception hints at the concept but the student's own words take precedence.
            scores[hinted] = scores.get(hinted, 0.0) + 0.5
    if not scores:
        return None
    return max(scores, key=lambda topic: scores[topic])
