"""The rule-based triage classifier: weighted signals, calibrated confidence, clarification."""

from serve_app.domain.topics import ROUTES
from serve_app.domain.triage import patterns, signals
from serve_app.domain.triage.clarify import clarifying_question
from serve_app.domain.triage.decision import TriageDecision
from serve_app.domain.triage.follow_ups import MISSING_REFERENT_UNCERTAINTY, read_follow_up
from serve_app.domain.triage.message import Message, prepare
from serve_app.domain.triage.scoring import score
from serve_app.domain.triage.topic_detection import detect_topic


def _exception_names(message: Message) -> list[str]:
    found = [match.group() for match in patterns.EXCEPTION_NAME.finditer(message.prose)]
    found += [
        match.group().strip().rstrip(":").rsplit(".", 1)[-1].lower()
        for match in patterns.EXCEPTION_OUTPUT_LINE.finditer(message.code)
    ]
    return found


class RuleClassifier:
    """Routes a student message to concepts, debug, exercise or off_topic without a model."""

    def __init__(self, clarification_threshold: float = 0.55) -> None:
        if not 0.0 < clarification_threshold < 1.0:
            raise ValueError("clarification_threshold must be between 0 and 1")
        self.clarification_threshold = clarification_threshold

    def classify(
        self, text: str, code: str | None = None, previous_route: str | None = None
    ) -> TriageDecision:
        """Decide the route for one message; `previous_route` is the route of the last turn."""
        if previous_route is not None and previous_route not in ROUTES:
            raise ValueError(f"unknown previous_route {previous_route!r}; expected one of {ROUTES}")
        message = prepare(text, code)
        evidence = signals.collect(message)
        follow_up = read_follow_up(message, previous_route)
        referent_missing = follow_up is not None and follow_up.referent_missing
        if follow_up is not None:
            evidence += follow_up.evidence
        scores = score(evidence, MISSING_REFERENT_UNCERTAINTY if referent_missing else 0.0)
        topic = detect_topic(message.topic_hits, _exception_names(message))
        confidence = round(scores.confidence, 4)
        needs_clarification = confidence < self.clarification_threshold
        reasons = tuple(dict.fromkeys(f"{item.route}:{item.reason}" for item in evidence))
        if referent_missing:
            reasons += ("clarify:follow_up_without_previous_route",)
        question = None
        if needs_clarification:
            hint = follow_up.hint if follow_up is not None else None
            question = clarifying_question(scores, topic, hint, referent_missing)
        return TriageDecision(
            route=scores.route,
            confidence=confidence,
            needs_clarification=needs_clarification,
            clarifying_question=question,
            reasons=reasons,
            topic=topic,
        )
