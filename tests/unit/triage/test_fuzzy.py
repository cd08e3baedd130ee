"""Typo tolerance: misspelt signal words are corrected, ordinary words are left alone."""

import pytest

from serve_app.domain.triage.fuzzy import FuzzyCorrector, edit_distance
from serve_app.domain.triage.message import prepare


@pytest.mark.parametrize(
    ("a", "b", "distance"),
    [
        ("", "", 0),
        ("loop", "loop", 0),
        ("eror", "error", 1),
        ("pracitce", "practice", 1),  # a swap is one edit
        ("kitten", "sitting", 3),
        ("", "abc", 3),
    ],
)
def test_edit_distance(a: str, b: str, distance: int) -> None:
    assert edit_distance(a, b) == distance
    assert edit_distance(b, a) == distance


@pytest.mark.parametrize(
    ("typo", "word"),
    [
        ("excercise", "exercise"),
        ("recusion", "recursion"),
        ("eror", "error"),
        ("dictonary", "dictionary"),
        ("fucntion", "function"),
        ("varible", "variable"),
        ("comprehention", "comprehension"),
        ("exersise", "exercise"),
        ("indexeror", "indexerror"),
    ],
)
def test_common_typos_are_corrected(typo: str, word: str) -> None:
    assert prepare(typo, None).prose == word


@pytest.mark.parametrize(
    "word",
    [
        "storing",
        "spring",
        "strong",
        "looks",
        "flat",
        "execution",
        "generate",
        "practical",
        "list",
        "lists",
        "films",
        "weather",
        "tuesday",
    ],
)
def test_ordinary_words_are_not_corrected(word: str) -> None:
    assert prepare(word, None).prose == word


def test_protected_words_and_short_targets() -> None:
    corrector = FuzzyCorrector(["python", "loop"], protected=["pythons"])
    assert corrector.correct_word("pyhton") == "python"
    assert corrector.correct_word("pythons") == "pythons"
    assert corrector.correct_word("lopp") == "lopp"  # four-letter targets are too ambiguous
    assert corrector.correct_word("qython") == "qython"  # a wrong first letter is no typo


def test_correction_keeps_the_rest_of_the_text() -> None:
    corrector = FuzzyCorrector(["recursion"])
    assert corrector.correct("What is recusion? (really)") == "What is recursion? (really)"
