"""Questions phrased the way beginners talk: vocabulary, Python words as subjects, marked names."""

import json
from pathlib import Path

import pytest

from serve_app.domain.concepts import KnowledgeBase
from serve_app.domain.concepts.cards import ALL_CARDS
from serve_app.domain.concepts.classifier import CardClassifier
from serve_app.domain.concepts.example_questions import (
    EXAMPLE_QUESTIONS,
    WRITTEN_QUESTIONS,
    load_tuning_file,
)
from serve_app.domain.concepts.text_analysis import analyse


def test_every_card_has_ten_to_twenty_distinct_student_phrases() -> None:
    for card in ALL_CARDS:
        phrases = [phrase.strip().lower() for phrase in card.student_phrases]
        assert 10 <= len(phrases) <= 20, card.concept_id
        assert len(set(phrases)) == len(phrases), card.concept_id
        assert all(phrases), card.concept_id


def test_student_phrases_are_evidence_even_without_example_questions() -> None:
    # No example questions at all: only the cards (with their phrases) are indexed.
    kb = KnowledgeBase(ALL_CARDS, {})
    question = "i want a phone book where i look people up by their name"
    assert kb.explain(question, "beginner").concept_id == "dicts"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("and vs or", ["and", "or"]),
        ("whats the difference between is and in", ["is", "in"]),
        ("what does not do", ["not"]),
        ("a is b gives False", ["is"]),
        ("x and y", ["and"]),
    ],
)
def test_python_words_used_as_the_subject_are_kept(text: str, kept: list[str]) -> None:
    tokens = analyse(text)
    assert all(word in tokens for word in kept), tokens


@pytest.mark.parametrize(
    "text", ["put 5 in a list", "what is a list", "a number between 1 and 10", "this or that"]
)
def test_python_words_in_plain_english_are_still_dropped(text: str) -> None:
    tokens = analyse(text)
    assert not {"in", "is", "and", "or"} & set(tokens), tokens


@pytest.mark.parametrize("text", ["why does if 0 not run", "if []:", "if my_list:", "while x:"])
def test_a_condition_on_a_bare_value_is_a_truth_test(text: str) -> None:
    assert "truthy" in analyse(text)


@pytest.mark.parametrize("question", ["and?", "not", "or vs and", "what do and, or and not do"])
def test_a_question_made_of_logical_operators_finds_truthiness(
    kb: KnowledgeBase, question: str
) -> None:
    answer = kb.explain(question, "beginner")
    assert (answer.source, answer.concept_id) == ("card", "truthiness")


def test_a_bracketed_name_does_not_hide_a_card_that_the_rest_of_the_question_asks_for(
    kb: KnowledgeBase,
) -> None:
    # `len` alone is the docs' (see test_explain); with a question around it, a card answers.
    assert kb.explain("what does len() do", "beginner").source == "python-docs"
    answer = kb.explain("how can len() work on objects of a class I wrote", "beginner")
    assert answer.source == "card"


def test_a_word_between_two_quoted_values_is_not_marked_as_code(kb: KnowledgeBase) -> None:
    answer = kb.explain("what is the difference between 'r' and 'w'", "beginner")
    assert answer.concept != "and"


def test_a_quoted_number_is_text_that_looks_like_a_number() -> None:
    assert analyse("'5' + 5") == ["string", "number"]


def test_everyday_words_are_not_corrected_towards_student_phrases(kb: KnowledgeBase) -> None:
    # "pairs" and "word" appear in phrases; "paris" and "world" are not typos of them.
    assert kb.query_tokens("the weather in paris and the world cup") == [
        "weather",
        "paris",
        "world",
        "cup",
    ]


def test_the_former_benchmark_file_is_tuning_data() -> None:
    from_file = load_tuning_file()
    assert sum(len(texts) for texts in from_file.values()) == 177
    for concept_id, texts in from_file.items():
        assert set(texts) <= set(EXAMPLE_QUESTIONS[concept_id])
    for concept_id, texts in WRITTEN_QUESTIONS.items():
        assert set(texts) <= set(EXAMPLE_QUESTIONS[concept_id])


def test_a_tuning_file_row_without_an_expected_card_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "questions.jsonl"
    path.write_text(json.dumps({"question": "what is a list"}) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"questions\.jsonl:1"):
        load_tuning_file(path)


def test_the_classifier_learns_which_words_separate_cards() -> None:
    documents = [
        (0, ["phone", "book", "name"]),
        (0, ["look", "up", "name"]),
        (1, ["add", "number"]),
        (1, ["multiply", "number"]),
    ]
    classifier = CardClassifier(documents, cards=2)
    shares = classifier.shares(["store", "phone", "number", "name"])
    assert shares[0] == 1.0
    assert shares.get(1, 0.0) < 1.0
    assert classifier.shares(["unknown", "words"]) == {}
