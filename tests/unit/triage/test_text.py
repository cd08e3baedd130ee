"""Normalisation, message preparation and phrase matching."""

import pytest

from serve_app.domain.triage.message import PROSE_LIMIT, prepare
from serve_app.domain.triage.normalize import normalise
from serve_app.domain.triage.phrases import LabelledPhrases, whole_words


@pytest.mark.parametrize(
    ("raw", "normal"),
    [
        ("It DOESN'T   work", "it does not work"),
        ("it doesnt work", "it does not work"),
        ("it doesn’t work", "it does not work"),
        ("I can't, I won't", "i can not, i will not"),
        ("whats a list", "what is a list"),
        ("im stuck", "i am stuck"),
        ("pleeeease helppp", "please help"),
        ("“quoted”\ttext\n", '"quoted" text'),
    ],
)
def test_normalise(raw: str, normal: str) -> None:
    assert normalise(raw) == normal


def test_prepare_finds_code_pasted_into_the_text() -> None:
    assert prepare("x = 1\nprint(x[0])\nwhy?", None).has_code
    assert prepare("```\nanything\n```", None).has_code
    assert not prepare("what is x? is it = to y", None).has_code
    assert prepare("why", "print(1)").has_code


def test_prepare_tells_programming_from_everyday_topic_words() -> None:
    assert prepare("my python class", None).programming_context
    assert prepare("what does == do", None).programming_context
    history = prepare("my history class", None)
    assert not history.programming_context
    assert history.concept_context


def test_prose_is_bounded_for_huge_messages() -> None:
    message = prepare("can't " * 10_000, None)
    assert len(message.prose) <= PROSE_LIMIT


def test_whole_words_respects_word_boundaries() -> None:
    pattern = whole_words(["lists?", r"\.append\(\)"])
    assert pattern.search("two lists")
    assert not pattern.search("playlists")
    assert pattern.search("nums.append()")


def test_labelled_phrases_report_the_longest_phrase() -> None:
    phrases = LabelledPhrases([("lists?", "lists"), ("list comprehensions?", "comprehensions")])
    assert phrases.find("a list comprehension and a list") == [
        ("comprehensions", "list comprehension"),
        ("lists", "list"),
    ]
