"""Routing accuracy over the realistic corpus, overall and per route."""

from collections import Counter

import pytest

from serve_app.domain.topics import ROUTES, TOPICS
from serve_app.domain.triage import RuleClassifier, TriageDecision
from tests.unit.triage.corpus import ALL_CASES, VAGUE, Case


@pytest.fixture(scope="module")
def classifier() -> RuleClassifier:
    return RuleClassifier()


def _decide(classifier: RuleClassifier, case: Case) -> TriageDecision:
    return classifier.classify(case.text, code=case.code, previous_route=case.previous)


def test_corpus_is_large_and_covers_every_route() -> None:
    assert len(ALL_CASES) >= 120
    counts = Counter(case.route for case in ALL_CASES)
    assert set(counts) == set(ROUTES)
    assert min(counts.values()) >= 25


def test_overall_accuracy_is_at_least_95_percent(classifier: RuleClassifier) -> None:
    wrong = [
        (case.text[:60], case.route, decision.route, decision.reasons)
        for case in ALL_CASES
        if (decision := _decide(classifier, case)).route != case.route
    ]
    accuracy = 1 - len(wrong) / len(ALL_CASES)
    assert accuracy >= 0.95, f"accuracy {accuracy:.3f}; misrouted: {wrong}"


@pytest.mark.parametrize("route", ROUTES)
def test_each_route_is_recognised_on_its_own(classifier: RuleClassifier, route: str) -> None:
    cases = [case for case in ALL_CASES if case.route == route]
    right = sum(_decide(classifier, case).route == route for case in cases)
    assert right / len(cases) >= 0.9


def test_every_decision_is_well_formed(classifier: RuleClassifier) -> None:
    for case in ALL_CASES:
        decision = _decide(classifier, case)
        assert decision.route in ROUTES
        assert 0.0 <= decision.confidence <= 1.0
        assert decision.needs_clarification == (decision.confidence < 0.55)
        assert (decision.clarifying_question is not None) == decision.needs_clarification
        assert decision.topic is None or decision.topic in TOPICS
        assert all(":" in reason for reason in decision.reasons)


def test_most_routed_messages_are_confident(classifier: RuleClassifier) -> None:
    routed = [_decide(classifier, case) for case in ALL_CASES]
    confident = sum(not decision.needs_clarification for decision in routed)
    assert confident / len(routed) >= 0.9


@pytest.mark.parametrize("text", VAGUE)
def test_vague_messages_ask_for_clarification(classifier: RuleClassifier, text: str) -> None:
    decision = classifier.classify(text)
    assert decision.needs_clarification, decision
    assert decision.confidence < 0.55
    assert decision.clarifying_question
    assert decision.clarifying_question.endswith("?")
    assert len(decision.clarifying_question) <= 120
