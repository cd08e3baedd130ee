"""The rule-based triage classifier: weighted signals, calibrated confidence, clarification."""

from serve_app.domain.topics import ROUTES
from serve_app.domain.triage.clarify import clarifying_question
from serve_app.domain.triage.decision import TriageDecision
from serve_app.domain.triage.reading import RuleReading, read_rules
from serve_app.domain.triage.scoring import Scores


def check_threshold(clarification_threshold: float) -> float:
    if not 0.0 < clarification_threshold < 1.0:
        raise ValueError("clarification_threshold must be between 0 and 1")
    return clarification_threshold


def check_previous_route(previous_route: str | None) -> None:
    if previous_route is not None and previous_route not in ROUTES:
        raise ValueError(f"unknown previous_route {previous_route!r}; expected one of {ROUTES}")


def decide(
    reading: RuleReading,
    scores: Scores,
    reasons: tuple[str, ...],
    threshold: float,
    question_scores: Scores | None = None,
) -> TriageDecision:
    """The decision for `scores`, with a clarifying question when confidence is low.

    `question_scores`, when given, chooses the routes the question offers instead.
    """
    confidence = round(scores.confidence, 4)
    needs_clarification = confidence < threshold
    question = None
    if needs_clarification:
        hint = reading.follow_up.hint if reading.follow_up is not None else None
        question = clarifying_question(
            question_scores or scores, reading.topic, hint, reading.referent_missing
        )
    return TriageDecision(
        route=scores.route,
        confidence=confidence,
        needs_clarification=needs_clarification,
        clarifying_question=question,
        reasons=reasons,
        topic=reading.topic,
    )


class RuleClassifier:
    """Routes a student message to concepts, debug, exercise or off_topic without a model."""

    def __init__(self, clarification_threshold: float = 0.55) -> None:
        self.clarification_threshold = check_threshold(clarification_threshold)

    def classify(
        self, text: str, code: str | None = None, previous_route: str | None = None
    ) -> TriageDecision:
        """Decide the route for one message; `previous_route` is the route of the last turn."""
        check_previous_route(previous_route)
        reading = read_rules(text, code, previous_route)
        return decide(reading, reading.scores, reading.reasons, self.clarification_threshold)
