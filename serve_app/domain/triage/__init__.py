"""Triage: decides which specialist (concepts, debug, exercise) answers a student message."""

from serve_app.domain.triage.classifier import RuleClassifier
from serve_app.domain.triage.decision import TriageDecision
from serve_app.domain.triage.replies import off_topic_reply

__all__ = ["RuleClassifier", "TriageDecision", "off_topic_reply"]
