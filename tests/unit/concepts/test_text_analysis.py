"""Query normalisation: tokens, stop words, code marking, synonyms, misspellings."""

import pytest

from serve_app.domain.concepts import KnowledgeBase
from serve_app.domain.concepts.spelling import SpellingCorrector
from serve_app.domain.concepts.text_analysis import analyse, raw_tokens, stem


def test_tokens_keep_python_operators_and_identifiers() -> None:
    tokens = raw_tokens("Is x == y? What about **kwargs, *args, __init__ and a // b or a != b")
    for token in ("==", "**kwargs", "*args", "__init__", "//", "!="):
        assert token in tokens


def test_english_stop_words_are_dropped_but_marked_python_words_kept() -> None:
    assert analyse("what is a list") == ["list"]
    assert "is" in analyse("what does the `is` operator do")
    assert "is" in analyse("is vs ==")
    assert "for" in analyse("how does a for loop work")
    assert "for" not in analyse("what is a list for")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dictionaries", ["dict"]),
        ("listcomp", ["list", "comprehension"]),
        ("func", ["function"]),
        ("loop over a dict", ["for", "loop", "iterate", "dict"]),
        ("f-strings", ["fstring"]),
        ("Big O", ["bigo"]),
        ("what is O(n^2)", ["bigo", "quadratic"]),
        ("**options", ["**options", "**kwargs"]),
        ("how many times", ["count", "occurrence"]),
        ("recursive", ["recursion"]),
    ],
)
def test_synonyms_and_phrases_map_to_canonical_tokens(text: str, expected: list[str]) -> None:
    assert analyse(text) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("lists", "list"),
        ("classes", "class"),
        ("dictionaries", "dictionary"),
        ("boxes", "box"),
        ("args", "arg"),
        ("is", "is"),
        ("status", "status"),
        ("__init__", "__init__"),
    ],
)
def test_stemming_only_folds_plurals(word: str, expected: str) -> None:
    assert stem(word) == expected


@pytest.mark.parametrize(
    ("typo", "meant"),
    [
        ("recusion", "recursion"),
        ("dictonary", "dict"),
        ("comprehention", "comprehension"),
        ("inheritence", "inheritance"),
        ("fucntion", "function"),
        ("lsit", "list"),
        ("tupel", "tuple"),
        ("exeption", "exception"),
    ],
)
def test_misspellings_reach_the_intended_token(kb: KnowledgeBase, typo: str, meant: str) -> None:
    assert kb.query_tokens(f"what is {typo}") == [meant]


def test_corrector_leaves_known_short_and_distant_words_alone() -> None:
    corrector = SpellingCorrector(known={"loop", "sourdough"}, targets={"recursion", "list"})
    assert corrector.correct("loop") == "loop"
    assert corrector.correct("lst") == "lst"  # too short to guess
    assert corrector.correct("banana") == "banana"  # nothing close enough
    assert corrector.correct("recursoin") == "recursion"
    assert corrector.correct("lsit") == "list"
