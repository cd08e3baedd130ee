"""Checks that every card is complete and consistent before the engine serves it."""

import re
from collections import Counter
from collections.abc import Sequence
from typing import Final

from serve_app.domain.concepts.answer_matching import answer_matches, pattern_error
from serve_app.domain.concepts.errors import CardValidationError
from serve_app.domain.concepts.models import ConceptCard
from serve_app.domain.topics import LEVELS, TOPICS

_SLUG: Final = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
DOCS_PREFIX: Final = "https://docs.python.org/3/"


def card_problems(card: ConceptCard) -> list[str]:
    """Everything wrong with one card, as readable sentences (empty when the card is valid)."""
    where = card.concept_id or "<card without id>"
    problems: list[str] = []
    if not _SLUG.fullmatch(card.concept_id):
        problems.append(f"{where}: concept_id must be a lower-case slug")
    if card.topic not in TOPICS:
        problems.append(f"{where}: unknown topic {card.topic!r}")
    levels = set(card.explanations)
    if levels != set(LEVELS):
        problems.append(f"{where}: explanations must have exactly the levels {', '.join(LEVELS)}")
    texts = [text.strip() for text in card.explanations.values()]
    if any(not text for text in texts):
        problems.append(f"{where}: empty explanation")
    elif len(set(texts)) != len(texts):
        problems.append(f"{where}: levels must have different explanations")
    for field, value in (
        ("title", card.title),
        ("example_code", card.example_code),
        ("example_output", card.example_output),
        ("check_question", card.check_question),
        ("check_answer", card.check_answer),
    ):
        if not value.strip():
            problems.append(f"{where}: empty {field}")
    if not card.keywords or any(not keyword.strip() for keyword in card.keywords):
        problems.append(f"{where}: keywords must be non-empty strings")
    if not card.common_mistakes:
        problems.append(f"{where}: at least one common mistake is required")
    if not card.references:
        problems.append(f"{where}: at least one reference is required")
    for reference in card.references:
        if not reference.startswith(DOCS_PREFIX) or any(c.isspace() for c in reference):
            problems.append(f"{where}: reference {reference!r} is not a docs.python.org/3 URL")
    problems.extend(_check_pattern_problems(card, where))
    try:
        compile(card.example_code, f"<{where}>", "exec")
    except SyntaxError as error:
        problems.append(f"{where}: example_code does not compile: {error.msg}")
    return problems


def _check_pattern_problems(card: ConceptCard, where: str) -> list[str]:
    if not card.check_accepts:
        return [f"{where}: check_accepts needs at least one pattern"]
    problems = [
        f"{where}: check pattern {pattern!r} does not compile: {error}"
        for pattern in (*card.check_accepts, *card.check_rejects)
        if (error := pattern_error(pattern)) is not None
    ]
    # The card's own answer is the first correct answer it must accept.
    if problems:
        return problems
    if not answer_matches(card.check_answer, card.check_accepts, card.check_rejects):
        problems.append(f"{where}: check_answer is not accepted by check_accepts/check_rejects")
    return problems


def validate_cards(cards: Sequence[ConceptCard]) -> None:
    """Raises CardValidationError listing every problem across the catalogue."""
    problems = [problem for card in cards for problem in card_problems(card)]
    if not cards:
        problems.append("the catalogue has no cards")
    for label, values in (
        ("concept_id", [card.concept_id for card in cards]),
        ("title", [card.title for card in cards]),
    ):
        duplicates = sorted(value for value, count in Counter(values).items() if count > 1)
        problems.extend(f"duplicate {label} {value!r}" for value in duplicates)
    if problems:
        raise CardValidationError(problems)
