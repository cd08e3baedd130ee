"""The bundled catalogue: complete, valid, and every example prints what the card says."""

import dataclasses

import pytest

from serve_app.domain.concepts import CardValidationError, ConceptCard, KnowledgeBase
from serve_app.domain.concepts.cards import ALL_CARDS
from serve_app.domain.concepts.validation import card_problems
from serve_app.domain.sandbox import Sandbox, SandboxLimits
from serve_app.domain.topics import LEVELS, TOPICS

EXAMPLE_LIMITS = SandboxLimits(cpu_seconds=5, wall_seconds=20)


# The course outline of issue 4: every entry must be answered by a card of its own.
REQUIRED_CONCEPTS = (
    "values-and-types",
    "strings",
    "f-strings",
    "lists",
    "tuples-and-unpacking",
    "dicts",
    "sets",
    "slicing",
    "mutability",
    "equality-vs-identity",
    "conditionals",
    "loops",
    "range-enumerate-zip",
    "functions",
    "parameters-and-defaults",
    "args-kwargs",
    "return-vs-print",
    "scope",
    "recursion",
    "list-comprehensions",
    "iterators",
    "generators",
    "exceptions",
    "files-and-with",
    "modules-and-imports",
    "classes-and-objects",
    "self",
    "inheritance",
    "dunder-methods",
    "dataclasses",
    "decorators",
    "lambda-map-filter",
    "sorting-with-key",
    "big-o",
)


def test_catalogue_has_at_least_forty_valid_cards() -> None:
    assert len(ALL_CARDS) >= 40
    assert all(card_problems(card) == [] for card in ALL_CARDS)


def test_every_concept_of_the_course_outline_has_a_card() -> None:
    ids = {card.concept_id for card in ALL_CARDS}
    assert [concept for concept in REQUIRED_CONCEPTS if concept not in ids] == []


@pytest.mark.parametrize("card", ALL_CARDS, ids=lambda card: card.concept_id)
def test_card_is_complete(card: ConceptCard) -> None:
    assert set(card.explanations) == set(LEVELS)
    assert card.example_code.strip()
    assert card.example_output
    assert card.check_question.strip()
    assert card.check_answer.strip()
    assert card.check_accepts
    assert card.common_mistakes
    assert card.references
    assert all(url.startswith("https://docs.python.org/3/") for url in card.references)


def test_every_topic_has_a_card() -> None:
    assert {card.topic for card in ALL_CARDS} == set(TOPICS)


def test_levels_are_genuinely_different_texts() -> None:
    for card in ALL_CARDS:
        texts = [card.explanations[level] for level in LEVELS]
        assert len(set(texts)) == len(LEVELS), card.concept_id
        # The advanced text goes beyond the beginner one rather than repeating it.
        assert card.explanations["beginner"] not in card.explanations["advanced"]


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    # The sandbox that runs student code: an example that only works outside it would lie.
    return Sandbox(EXAMPLE_LIMITS)


@pytest.mark.parametrize("card", ALL_CARDS, ids=lambda card: card.concept_id)
async def test_example_prints_exactly_the_recorded_output_in_the_sandbox(
    card: ConceptCard, sandbox: Sandbox
) -> None:
    execution = await sandbox.execute(card.example_code)
    assert execution.exception is None, execution.exception
    assert execution.status == "ok"
    assert execution.stderr == ""
    assert not execution.output_truncated
    assert execution.stdout == card.example_output


async def test_a_lying_example_is_caught_by_the_sandbox_check(sandbox: Sandbox) -> None:
    card = ALL_CARDS[0]
    execution = await sandbox.execute(card.example_code.replace('"7"', '"8"'))
    assert execution.status == "ok"
    assert execution.stdout != card.example_output


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
        ({"check_accepts": ()}, "check_accepts needs at least one pattern"),
        ({"check_accepts": (r"(unclosed",)}, "does not compile"),
        ({"check_accepts": (r"\bint\b",)}, "check_answer is not accepted"),
        ({"check_rejects": (r"float",)}, "check_answer is not accepted"),
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
