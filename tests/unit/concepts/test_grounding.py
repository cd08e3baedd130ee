"""The grounding check that decides whether an LLM's explanation may replace the card's."""

import pytest

from serve_app.domain.concepts import ConceptCard, KnowledgeBase
from serve_app.domain.concepts.grounding import (
    GroundingChecker,
    code_names,
    code_parses,
    python_blocks,
)
from serve_app.domain.topics import LEVELS


@pytest.fixture(scope="module")
def checker(kb: KnowledgeBase) -> GroundingChecker:
    return GroundingChecker(kb)


def _card(kb: KnowledgeBase, concept_id: str) -> ConceptCard:
    card = kb.get(concept_id)
    assert card is not None
    return card


def _answer(text: str, code: str) -> str:
    return f"{text}\n\n```python\n{code}```\n"


@pytest.mark.parametrize("level", LEVELS)
def test_every_card_rewritten_from_its_own_text_is_grounded(
    kb: KnowledgeBase, checker: GroundingChecker, level: str
) -> None:
    rejected = {
        card.concept_id: checker.check(
            _answer(card.explanations[level], card.example_code), card
        ).reason
        for card in kb.cards
        if not checker.check(_answer(card.explanations[level], card.example_code), card).grounded
    }
    assert rejected == {}


def test_another_topics_explanation_is_almost_never_grounded(
    kb: KnowledgeBase, checker: GroundingChecker
) -> None:
    pairs = [(card, other) for card in kb.cards for other in kb.cards if other.topic != card.topic]
    slipped = [
        (card.concept_id, other.concept_id)
        for card, other in pairs
        if checker.check(
            _answer(other.explanations["intermediate"], other.example_code), card
        ).grounded
    ]
    # Near neighbours (e.g. truthiness vs values and types) may pass; strangers never do.
    assert len(slipped) <= len(pairs) // 100, slipped


def test_code_that_does_not_parse_is_rejected(kb: KnowledgeBase, checker: GroundingChecker) -> None:
    card = _card(kb, "list-comprehensions")
    verdict = checker.check(
        _answer(card.explanations["beginner"], "squares = [n * n for n in"), card
    )
    assert not verdict.grounded
    assert "does not parse" in verdict.reason


def test_an_unclosed_code_fence_is_rejected(kb: KnowledgeBase, checker: GroundingChecker) -> None:
    card = _card(kb, "list-comprehensions")
    text = card.explanations["beginner"] + "\n\n```python\nsquares = [n * n for n in range(3)]\n"
    assert not checker.check(text, card).grounded


def test_an_answer_that_never_names_the_concept_is_rejected(
    kb: KnowledgeBase, checker: GroundingChecker
) -> None:
    card = _card(kb, "recursion")
    verdict = checker.check("Great question! Practice makes perfect, keep going.", card)
    assert not verdict.grounded
    assert "never names" in verdict.reason


def test_an_answer_about_another_concept_is_rejected(
    kb: KnowledgeBase, checker: GroundingChecker
) -> None:
    card = _card(kb, "recursion")
    # It mentions recursion once, but teaches generators.
    other = _card(kb, "generators")
    text = "Recursion aside, " + other.explanations["intermediate"]
    verdict = checker.check(_answer(text, other.example_code), card)
    assert not verdict.grounded
    assert "generators" in verdict.reason


def test_code_that_brings_in_another_concepts_identifiers_is_rejected(
    kb: KnowledgeBase, checker: GroundingChecker
) -> None:
    card = _card(kb, "loops")
    code = "def countdown(n):\n    while n > 0:\n        yield n\n        n -= 1\n"
    verdict = checker.check(_answer(card.explanations["beginner"], code), card)
    assert not verdict.grounded
    assert "yield" in verdict.reason
    # The same loop without the generator is fine.
    plain = "n = 3\nwhile n > 0:\n    print(n)\n    n -= 1\n"
    assert checker.check(_answer(card.explanations["beginner"], plain), card).grounded


def test_inline_code_counts_as_code(kb: KnowledgeBase, checker: GroundingChecker) -> None:
    card = _card(kb, "conditionals")
    text = card.explanations["beginner"] + "\n\nYou can also write `lambda x: x if x else 0`."
    verdict = checker.check(text, card)
    assert not verdict.grounded
    assert "lambda" in verdict.reason


def test_common_identifiers_are_not_foreign(checker: GroundingChecker) -> None:
    # Names most cards use are not evidence of another concept.
    assert {"print", "list", "for", "if", "def", "return"}.isdisjoint(checker.distinctive_names)
    assert {"yield", "lambda", "nonlocal", "super", "zip"} <= checker.distinctive_names


def test_a_plain_llm_style_answer_is_grounded(kb: KnowledgeBase, checker: GroundingChecker) -> None:
    card = _card(kb, "list-comprehensions")
    text = (
        "**List comprehensions**, explained for you. A list comprehension builds a new list "
        "from an iterable in one expression.\n\n"
        "```python\nsquares = [n * n for n in range(3)]\nprint(squares)\n```\n"
    )
    assert checker.check(text, card).grounded


def test_repl_transcripts_are_parsed_without_prompts_and_output() -> None:
    text = "```pycon\n>>> x = [1, 2]\n>>> x\n[1, 2]\n>>> for i in x:\n...     print(i)\n1\n2\n```"
    assert python_blocks(text) == ["x = [1, 2]\nx\nfor i in x:\n    print(i)"]
    assert code_parses(text)


def test_only_python_blocks_are_parsed() -> None:
    assert code_parses("```text\nthis is not python (\n```\n")
    assert not code_parses("```\nthis is not python (\n```\n")


def test_code_names_reads_blocks_and_inline_code() -> None:
    text = "Use `zip(a, b)`.\n\n```python\nfor i, x in enumerate(xs):\n    pass\n```"
    assert {"zip", "enumerate", "for", "pass"} <= code_names(text)
    assert "use" not in code_names(text)
