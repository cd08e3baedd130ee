"""Triage: decides which specialist (concepts, debug, exercise) answers a student message."""

from serve_app.domain.triage.classifier import RuleClassifier
from serve_app.domain.triage.decision import TriageDecision
from serve_app.domain.triage.replies import off_topic_reply
from serve_app.domain.triage.triage_classifier import TriageClassifier

__all__ = ["RuleClassifier", "TriageClassifier", "TriageDecision", "off_topic_reply"]
