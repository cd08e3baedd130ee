"""Routing quality on the held-out split of the labelled dataset: accuracy and recall per route."""

from collections import Counter

import pytest

from serve_app.domain.topics import ROUTES, TOPICS
from serve_app.domain.triage import TriageClassifier, TriageDecision
from serve_app.domain.triage.dataset import LabelledMessage, load_dataset
from tests.unit.triage.corpus import VAGUE

HELD_OUT_ACCURACY = 0.95
HELD_OUT_RECALL = 0.90


@pytest.fixture(scope="module")
def classifier() -> TriageClassifier:
    return TriageClassifier()


@pytest.fixture(scope="module")
def held_out_decisions(
    classifier: TriageClassifier,
) -> list[tuple[LabelledMessage, TriageDecision]]:
    return [(row, _decide(classifier, row)) for row in load_dataset("heldout")]


def _decide(classifier: TriageClassifier, row: LabelledMessage) -> TriageDecision:
    return classifier.classify(row.text, code=row.code, previous_route=row.previous_route)


def test_held_out_accuracy_meets_the_target(
    held_out_decisions: list[tuple[LabelledMessage, TriageDecision]],
) -> None:
    wrong = [
        (row.id, row.label, decision.route, decision.confidence)
        for row, decision in held_out_decisions
        if decision.route != row.label
    ]
    accuracy = 1 - len(wrong) / len(held_out_decisions)
    assert accuracy >= HELD_OUT_ACCURACY, f"accuracy {accuracy:.3f}; misrouted: {wrong}"


@pytest.mark.parametrize("route", ROUTES)
def test_held_out_recall_meets_the_target_for_each_route(
    held_out_decisions: list[tuple[LabelledMessage, TriageDecision]], route: str
) -> None:
    decided = [decision.route for row, decision in held_out_decisions if row.label == route]
    recall = decided.count(route) / len(decided)
    assert recall >= HELD_OUT_RECALL, f"{route} recall {recall:.3f}: {Counter(decided)}"


def test_every_decision_is_well_formed(classifier: TriageClassifier) -> None:
    for row in load_dataset():
        decision = _decide(classifier, row)
        assert decision.route in ROUTES
        assert 0.0 <= decision.confidence <= 1.0
        assert decision.needs_clarification == (decision.confidence < 0.55)
        assert (decision.clarifying_question is not None) == decision.needs_clarification
        assert decision.topic is None or decision.topic in TOPICS
        assert all(":" in reason for reason in decision.reasons)


def test_most_held_out_messages_are_routed_without_asking(
    held_out_decisions: list[tuple[LabelledMessage, TriageDecision]],
) -> None:
    confident = sum(not decision.needs_clarification for _, decision in held_out_decisions)
    assert confident / len(held_out_decisions) >= 0.85


@pytest.mark.parametrize("text", VAGUE)
def test_vague_messages_ask_for_clarification(classifier: TriageClassifier, text: str) -> None:
    decision = classifier.classify(text)
    assert decision.needs_clarification, decision
    assert decision.confidence < 0.55
    assert decision.clarifying_question
    assert decision.clarifying_question.endswith("?")
    assert len(decision.clarifying_question) <= 120
