"""Realistic student questions (typos, synonyms, other phrasings) find the right card first.

The questions (example_questions.py, the tuning set) were written as students ask them, not
copied from card keywords. The benchmark's held-out questions are never read here.
"""

import random
import string

import pytest

from serve_app.domain.concepts import KnowledgeBase
from serve_app.domain.concepts.example_questions import EXAMPLE_QUESTIONS

# The tuning set: every example question the ranker learns from must find its own card.
QUESTIONS: list[tuple[str, str]] = [
    (question, concept_id)
    for concept_id, questions in EXAMPLE_QUESTIONS.items()
    for question in questions
]


def test_there_are_enough_questions_and_they_cover_most_cards(kb: KnowledgeBase) -> None:
    assert len(QUESTIONS) >= 200
    expected = {concept_id for _, concept_id in QUESTIONS}
    assert expected == {card.concept_id for card in kb.cards}
    assert len({question.lower() for question, _ in QUESTIONS}) == len(QUESTIONS)


@pytest.mark.parametrize(("question", "concept_id"), QUESTIONS)
def test_question_finds_the_expected_card_first(
    kb: KnowledgeBase, question: str, concept_id: str
) -> None:
    matches = kb.find(question)
    assert matches, "no card matched at all"
    assert matches[0][0].concept_id == concept_id
    answer = kb.explain(question, "beginner")
    assert (answer.source, answer.concept_id) == ("card", concept_id)


def test_every_card_is_found_by_its_own_title(kb: KnowledgeBase) -> None:
    for card in kb.cards:
        assert kb.find(card.title, limit=1)[0][0] is card


def test_find_returns_bounded_confidences_best_first(kb: KnowledgeBase) -> None:
    # Order is which card fits best; confidence is whether the question is about the card at
    # all, so it need not fall along the order. The first card is the one explain() shows.
    question = "how do dictionaries and lists differ"
    matches = kb.find(question, limit=3)
    assert 1 <= len(matches) <= 3
    assert all(0.0 < score <= 1.0 for _, score in matches)
    answer = kb.explain(question, "beginner")
    assert (answer.concept_id, answer.score) == (matches[0][0].concept_id, matches[0][1])


@pytest.mark.parametrize("question", ["", "   ", "?!", "the of and"])
def test_find_returns_nothing_for_empty_questions(kb: KnowledgeBase, question: str) -> None:
    assert kb.find(question) == []


def test_a_very_long_question_is_cut_and_still_answered(kb: KnowledgeBase) -> None:
    rng = random.Random(7)
    noise = ("".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(5_000))
    question = "what is recursion " + " ".join(noise)
    answer = kb.explain(question, "beginner")
    assert answer.source == "none"  # a wall of unknown words is not a question about recursion
