"""The rule stage: what the hand-written signals make of a message, before any model."""

from dataclasses import dataclass
from typing import Final

from serve_app.domain.triage import patterns, signals
from serve_app.domain.triage.follow_ups import (
    MISSING_REFERENT_UNCERTAINTY,
    FollowUp,
    read_follow_up,
)
from serve_app.domain.triage.message import Message, prepare
from serve_app.domain.triage.scoring import Scores, score
from serve_app.domain.triage.signals import Evidence
from serve_app.domain.triage.topic_detection import detect_topic

# Signals that settle a route on their own: a pasted traceback, Python's own error line, an
# explicit request for practice, a safety concern, a bare greeting, a bare follow-up.
DECISIVE_REASONS: Final = frozenset(
    {
        "traceback",
        "traceback_frame",
        "exception_message",
        "exercise_request",
        "practice_intent",
        "test_me",
        "harmful_request",
        "distress",
        "greeting_only",
    }
)
# A decisive signal only settles the route when the rest of the message does not pull
# elsewhere: below this rule confidence the model reads the whole message instead.
DECISIVE_CONFIDENCE: Final = 0.8


def _exception_names(message: Message) -> list[str]:
    found = [match.group() for match in patterns.EXCEPTION_NAME.finditer(message.prose)]
    found += [
        match.group().strip().rstrip(":").rsplit(".", 1)[-1].lower()
        for match in patterns.EXCEPTION_OUTPUT_LINE.finditer(message.code)
    ]
    return found


@dataclass(frozen=True, slots=True)
class RuleReading:
    """The prepared message, the evidence the rules found and the route they would pick."""

    message: Message
    evidence: tuple[Evidence, ...]
    follow_up: FollowUp | None
    scores: Scores
    topic: str | None

    @property
    def referent_missing(self) -> bool:
        """A bare follow-up ("another one") with no previous turn to follow."""
        return self.follow_up is not None and self.follow_up.referent_missing

    @property
    def reasons(self) -> tuple[str, ...]:
        found = tuple(dict.fromkeys(f"{item.route}:{item.reason}" for item in self.evidence))
        if self.referent_missing:
            found += ("clarify:follow_up_without_previous_route",)
        return found

    @property
    def settles(self) -> bool:
        """True when the rules alone decide: a decisive signal for a clear winner."""
        if self.referent_missing or any(item.reason == "follow_up" for item in self.evidence):
            # A bare follow-up ("still broken", "another one") means whatever the previous
            # turn was about: its wording alone must not overrule that.
            return True
        decisive = any(
            item.route == self.scores.route and item.reason in DECISIVE_REASONS
            for item in self.evidence
        )
        return decisive and self.scores.confidence >= DECISIVE_CONFIDENCE


def read_rules(text: str, code: str | None, previous_route: str | None) -> RuleReading:
    """Prepare the message once and collect every rule signal, previous turn included."""
    message = prepare(text, code)
    evidence = signals.collect(message)
    follow_up = read_follow_up(message, previous_route)
    if follow_up is not None:
        evidence += follow_up.evidence
    missing = follow_up is not None and follow_up.referent_missing
    scores = score(evidence, MISSING_REFERENT_UNCERTAINTY if missing else 0.0)
    topic = detect_topic(message.topic_hits, _exception_names(message))
    return RuleReading(message, tuple(evidence), follow_up, scores, topic)
