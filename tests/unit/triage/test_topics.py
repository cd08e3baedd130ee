"""Topic detection: which curriculum topic a message is about."""

import pytest

from serve_app.domain.topics import TOPICS
from serve_app.domain.triage import TriageClassifier
from serve_app.domain.triage.topic_detection import detect_topic, topic_hits
from serve_app.domain.triage.vocabulary import TOPIC_PHRASES


@pytest.fixture(scope="module")
def classifier() -> TriageClassifier:
    return TriageClassifier()


@pytest.mark.parametrize(
    ("text", "topic"),
    [
        ("how does a for loop work", "loops"),
        ("what is a dictionary", "dicts"),
        ("how do f-strings work?", "strings"),
        ("explain list comprehensions", "comprehensions"),
        ("give me an exercise on recursion", "recursion"),
        ("my while loop never stops", "loops"),
        ("what is the difference between a tuple and a list", "tuples"),
        ("how do I read a csv file", "files"),
        ("what does __init__ do in a class", "classes"),
        ("explain yield and generators", "iterators"),
        ("how does try/except work", "exceptions"),
        ("how do I import a module from another folder", "modules"),
        ("explain bubble sort and big o", "algorithms"),
        ("what are *args and **kwargs", "functions"),
        ("what is a boolean variable", "variables"),
        ("when should i use elif", "conditionals"),
        ("how do I remove duplicates with a set", "sets"),
        ("quiz me on dictonaries", "dicts"),
        ("recusion exercise", "recursion"),
        ("how do i use .append()", "lists"),
    ],
)
def test_topic_is_detected(classifier: TriageClassifier, text: str, topic: str) -> None:
    assert classifier.classify(text).topic == topic


def test_every_topic_has_vocabulary() -> None:
    assert set(TOPIC_PHRASES) == set(TOPICS)
    assert all(TOPIC_PHRASES[topic] for topic in TOPICS)


@pytest.mark.parametrize(
    "text", ["what's the weather", "hello", "help", "it still doesn't work", "bye"]
)
def test_no_topic_when_none_is_named(classifier: TriageClassifier, text: str) -> None:
    assert classifier.classify(text).topic is None


def test_exception_in_a_traceback_suggests_a_topic(classifier: TriageClassifier) -> None:
    traceback = 'Traceback (most recent call last):\n  File "a.py", line 2\nKeyError: 3'
    assert classifier.classify("why?", code=traceback).topic == "dicts"


def test_the_longer_phrase_wins_where_phrases_overlap() -> None:
    assert topic_hits("a list comprehension") == (("comprehensions", "list comprehension"),)
    assert topic_hits("a for loop") == (("loops", "for loop"),)


def test_words_inside_other_words_are_not_topics() -> None:
    assert topic_hits("my playlist and the classroom") == ()


def test_the_students_words_outweigh_an_exception_hint() -> None:
    hits = topic_hits("a recursive function")
    assert detect_topic(hits, ["indexerror"]) == "recursion"
    assert detect_topic((), ["index error"]) == "lists"
    assert detect_topic((), ["valueerror"]) is None
