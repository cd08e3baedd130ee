"""The classifier's answer for one message."""

from dataclasses import dataclass


@dataclass(frozen=True)
class TriageDecision:
    """Where a message goes, how sure the classifier is, and why."""

    route: str  # one of ROUTES: "concepts" | "debug" | "exercise" | "off_topic"
    confidence: float  # 0-1: the winning route's share of the evidence
    needs_clarification: bool  # True when confidence is below the classifier's threshold
    clarifying_question: str | None  # one short question, only when needs_clarification
    reasons: tuple[str, ...]  # "route:signal" for each signal that fired, for logs and tests
    topic: str | None  # best-guess TOPICS value the message is about, if any
