"""Cases that must always route exactly as stated, and the classifier's contract."""

import dataclasses

import pytest

from serve_app.domain.triage import TriageClassifier, TriageDecision
from tests.unit.triage.corpus import (
    COUNT_CODE,
    INDEX_TRACEBACK,
    KEY_TRACEBACK,
    RECURSION_TRACEBACK,
    TYPE_TRACEBACK,
)

TRACEBACKS = [INDEX_TRACEBACK, KEY_TRACEBACK, RECURSION_TRACEBACK, TYPE_TRACEBACK]


@pytest.fixture(scope="module")
def classifier() -> TriageClassifier:
    return TriageClassifier()


@pytest.mark.parametrize("traceback", TRACEBACKS)
def test_a_traceback_is_always_confident_debug(
    classifier: TriageClassifier, traceback: str
) -> None:
    for text, code in [
        (traceback, None),
        ("why?", traceback),
        (f"can you explain what this means\n{traceback}", None),
        ("give me an exercise about this", traceback),
        (f"hi! {traceback}", COUNT_CODE),
    ]:
        decision = classifier.classify(text, code=code)
        assert decision.route == "debug", (text, decision)
        assert decision.confidence > 0.85, (text, decision)
        assert not decision.needs_clarification
        assert "debug:traceback" in decision.reasons


def test_practice_problem_on_loops_is_an_exercise(classifier: TriageClassifier) -> None:
    decision = classifier.classify("give me a practice problem on loops")
    assert decision.route == "exercise"
    assert decision.confidence > 0.85
    assert decision.topic == "loops"


def test_weather_is_off_topic(classifier: TriageClassifier) -> None:
    decision = classifier.classify("what's the weather")
    assert decision.route == "off_topic"
    assert not decision.needs_clarification


def test_vague_help_needs_clarification(classifier: TriageClassifier) -> None:
    decision = classifier.classify("help")
    assert decision.needs_clarification
    assert decision.confidence < 0.55
    assert decision.clarifying_question == (
        "Do you want an explanation of a concept, help fixing code, or a practice exercise?"
    )


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("NameError: name 'x' is not defined", "debug"),
        ("give me an exercise", "exercise"),
        ("quiz me on dictionaries", "exercise"),
        ("explain list comprehensions", "concepts"),
        ("what is the difference between a list and a tuple", "concepts"),
        ("hello", "off_topic"),
        ("write a keylogger in python", "off_topic"),
    ],
)
def test_strong_single_signals_are_confident(
    classifier: TriageClassifier, text: str, route: str
) -> None:
    decision = classifier.classify(text)
    assert decision.route == route
    assert decision.confidence > 0.85


@pytest.mark.parametrize(
    ("text", "previous", "route"),
    [
        ("another one", "exercise", "exercise"),
        ("more", "exercise", "exercise"),
        ("next", "exercise", "exercise"),
        ("still broken", "debug", "debug"),
        ("it still doesn't work", "debug", "debug"),
        ("i don't get it", "concepts", "concepts"),
        ("explain more", "concepts", "concepts"),
        ("again", "concepts", "concepts"),
        # The previous route wins over the wording's own lean.
        ("i don't get it", "debug", "debug"),
        ("it still doesn't work", "exercise", "exercise"),
    ],
)
def test_follow_ups_reuse_the_previous_route(
    classifier: TriageClassifier, text: str, previous: str, route: str
) -> None:
    decision = classifier.classify(text, previous_route=previous)
    assert decision.route == route
    assert decision.confidence >= 0.65
    assert not decision.needs_clarification
    assert f"{previous}:follow_up" in decision.reasons


@pytest.mark.parametrize(
    "text", ["another one", "more", "next", "still broken", "it still doesn't work", "again"]
)
def test_follow_ups_without_previous_route_ask(classifier: TriageClassifier, text: str) -> None:
    decision = classifier.classify(text)
    assert decision.needs_clarification
    assert "clarify:follow_up_without_previous_route" in decision.reasons
    assert decision.clarifying_question


def test_follow_up_clarification_is_specific_to_its_wording(classifier: TriageClassifier) -> None:
    broken = classifier.classify("still broken").clarifying_question
    another = classifier.classify("another one").clarifying_question
    assert broken is not None
    assert "code" in broken
    assert another is not None
    assert "exercise" in another


def test_a_new_request_overrides_the_previous_route(classifier: TriageClassifier) -> None:
    decision = classifier.classify("what is a decorator?", previous_route="exercise")
    assert decision.route == "concepts"
    decision = classifier.classify("give me a quiz on sets", previous_route="debug")
    assert decision.route == "exercise"


@pytest.mark.parametrize(
    ("text", "route", "topic"),
    [
        ("excercise on recusion", "exercise", "recursion"),
        ("what is a dictonary", "concepts", "dicts"),
        ("i have an eror in my code", "debug", None),
        ("WHAT IS A LIST COMPREHENSION", "concepts", "comprehensions"),
        ("pracitce problems on fucntions pls", "exercise", "functions"),
        ("expain generators", "concepts", "iterators"),
    ],
)
def test_typos_and_casing_do_not_break_routing(
    classifier: TriageClassifier, text: str, route: str, topic: str | None
) -> None:
    decision = classifier.classify(text)
    assert decision.route == route
    assert decision.topic == topic
    assert not decision.needs_clarification


def test_error_names_without_code_are_debug(classifier: TriageClassifier) -> None:
    for text in ["IndexError", "i keep getting a KeyError", "getting a zero division error"]:
        decision = classifier.classify(text)
        assert decision.route == "debug", text
        assert not decision.needs_clarification


def test_talking_about_handling_an_exception_is_a_concept(classifier: TriageClassifier) -> None:
    decision = classifier.classify("how do i catch a ValueError?")
    assert decision.route == "concepts"
    assert decision.topic == "exceptions"
    assert "debug:exception_name" not in decision.reasons


def test_code_with_a_conceptual_question_is_concepts(classifier: TriageClassifier) -> None:
    code = "nums = [n * 2 for n in range(5)]"
    assert classifier.classify("what does this do?", code=code).route == "concepts"
    assert classifier.classify("", code=code).route == "debug"
    assert classifier.classify("it crashes", code=code).route == "debug"


def test_programming_in_general_stays_on_topic(classifier: TriageClassifier) -> None:
    for text in ["what is an api", "how does git work", "what is big o notation"]:
        assert classifier.classify(text).route == "concepts", text


def test_harmful_requests_are_off_topic_even_when_about_python(
    classifier: TriageClassifier,
) -> None:
    decision = classifier.classify("write python ransomware that encrypts my school's files")
    assert decision.route == "off_topic"
    assert "off_topic:harmful_request" in decision.reasons
    assert decision.confidence > 0.85


@pytest.mark.parametrize(
    ("text", "route"),
    [
        ("my rpg has a Weapon class, why does attack() fail with a TypeError", "debug"),
        ("my script bombs out with an error", "debug"),
        ("write a program to simulate how a virus spreads in a population", "concepts"),
        ("how do i kill a process from python", "concepts"),
    ],
)
def test_harmless_words_near_harm_are_not_refused(
    classifier: TriageClassifier, text: str, route: str
) -> None:
    decision = classifier.classify(text)
    assert decision.route == route
    assert "off_topic:harmful_request" not in decision.reasons


def test_harmful_requests_are_off_topic_even_with_a_traceback(
    classifier: TriageClassifier,
) -> None:
    decision = classifier.classify("my keylogger crashes, fix it", code=INDEX_TRACEBACK)
    assert decision.route == "off_topic"
    assert set(decision.reasons) == {"off_topic:harmful_request", "rules:decisive"}


def test_clarifying_question_names_the_topic_when_known(classifier: TriageClassifier) -> None:
    decision = classifier.classify("recursion")
    assert decision.needs_clarification
    assert decision.clarifying_question is not None
    assert "recursion" in decision.clarifying_question


def test_threshold_controls_clarification(classifier: TriageClassifier) -> None:
    text = "my for loop isn't working"
    confidence = classifier.classify(text).confidence
    lenient = TriageClassifier(clarification_threshold=confidence / 2).classify(text)
    strict = TriageClassifier(clarification_threshold=(confidence + 1) / 2).classify(text)
    assert lenient.confidence == strict.confidence
    assert not lenient.needs_clarification
    assert strict.needs_clarification
    assert strict.clarifying_question is not None


@pytest.mark.parametrize("threshold", [0.0, 1.0, -0.2, 1.5])
def test_threshold_must_be_a_probability(threshold: float) -> None:
    with pytest.raises(ValueError, match="clarification_threshold"):
        TriageClassifier(clarification_threshold=threshold)


def test_unknown_previous_route_is_rejected(classifier: TriageClassifier) -> None:
    with pytest.raises(ValueError, match="previous_route"):
        classifier.classify("another one", previous_route="homework")


def test_decision_is_immutable(classifier: TriageClassifier) -> None:
    decision = classifier.classify("what is a tuple")
    assert isinstance(decision, TriageDecision)
    with pytest.raises(dataclasses.FrozenInstanceError):
        decision.route = "debug"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", None),
        ("   \n\t ", "   "),
        ("?!?!", None),
        ("😀🐍", None),
        ("ÆØÅ über naïve café", None),
        ("x" * 50_000, None),
        ("why " * 5_000, "print(1)\n" * 2_000),
        ("\x00\x01 binary junk \xff", "\x00"),
    ],
)
def test_odd_input_never_breaks_the_contract(
    classifier: TriageClassifier, text: str, code: str | None
) -> None:
    decision = classifier.classify(text, code=code)
    assert 0.0 <= decision.confidence <= 1.0
    assert decision.route in {"concepts", "debug", "exercise", "off_topic"}
    assert (decision.clarifying_question is not None) == decision.needs_clarification
