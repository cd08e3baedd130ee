"""The bundled catalogue: complete, valid, and every example prints what the card says."""

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from serve_app.domain.concepts import CardValidationError, ConceptCard, KnowledgeBase
from serve_app.domain.concepts.cards import ALL_CARDS
from serve_app.domain.concepts.validation import card_problems
from serve_app.domain.topics import LEVELS, TOPICS

EXAMPLE_TIMEOUT_SECONDS = 20


def test_catalogue_has_at_least_thirty_valid_cards() -> None:
    assert len(ALL_CARDS) >= 30
    assert all(card_problems(card) == [] for card in ALL_CARDS)


def test_every_topic_has_a_card() -> None:
    assert {card.topic for card in ALL_CARDS} == set(TOPICS)


def test_levels_are_genuinely_different_texts() -> None:
    for card in ALL_CARDS:
        texts = [card.explanations[level] for level in LEVELS]
        assert len(set(texts)) == len(LEVELS), card.concept_id
        # The advanced text goes beyond the beginner one rather than repeating it.
        assert card.explanations["beginner"] not in card.explanations["advanced"]


@pytest.mark.parametrize("card", ALL_CARDS, ids=lambda card: card.concept_id)
def test_example_prints_exactly_the_recorded_output(card: ConceptCard, tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-I", "-c", card.example_code],
        capture_output=True,
        text=True,
        timeout=EXAMPLE_TIMEOUT_SECONDS,
        cwd=tmp_path,
        check=False,
    )
    assert result.stderr == ""
    assert result.returncode == 0
    assert result.stdout == card.example_output


def _card(**changes: object) -> ConceptCard:
    return dataclasses.replace(ALL_CARDS[0], **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"concept_id": "Not A Slug"}, "lower-case slug"),
        ({"topic": "astrology"}, "unknown topic"),
        ({"explanations": {"beginner": "a", "intermediate": "b"}}, "exactly the levels"),
        ({"explanations": dict.fromkeys(LEVELS, "same")}, "different explanations"),
        ({"explanations": {**dict.fromkeys(LEVELS, "x"), "beginner": " "}}, "empty explanation"),
        ({"references": ("https://example.com/python",)}, "not a docs.python.org/3 URL"),
        ({"references": ()}, "at least one reference"),
        ({"example_code": "print('unclosed'"}, "does not compile"),
        ({"example_output": ""}, "empty example_output"),
        ({"keywords": ()}, "keywords must be non-empty"),
        ({"common_mistakes": ()}, "at least one common mistake"),
    ],
)
def test_invalid_card_is_rejected(changes: dict[str, object], problem: str) -> None:
    with pytest.raises(CardValidationError) as raised:
        KnowledgeBase([_card(**changes), *ALL_CARDS[1:]])
    assert any(problem in message for message in raised.value.problems)


def test_duplicate_ids_and_titles_are_rejected() -> None:
    twin = _card(title="Another title")
    with pytest.raises(CardValidationError, match="duplicate concept_id"):
        KnowledgeBase([*ALL_CARDS, twin])
    same_title = _card(concept_id="another-id")
    with pytest.raises(CardValidationError, match="duplicate title"):
        KnowledgeBase([*ALL_CARDS, same_title])


def test_empty_catalogue_is_rejected() -> None:
    with pytest.raises(CardValidationError, match="no cards"):
        KnowledgeBase([])
