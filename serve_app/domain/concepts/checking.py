"""Grades a student's answer to a card's check-your-understanding question.

Only the card catalogue is loaded (no retrieval index), so any process can grade cheaply.
Grading is pattern-based (see answer_matching): deterministic, explainable, and free of any
LLM, so the same answer always gets the same verdict.
"""

from dataclasses import dataclass
from functools import cache
from types import MappingProxyType
from typing import Final

from serve_app.domain.concepts.answer_matching import answer_matches
from serve_app.domain.concepts.cards import ALL_CARDS
from serve_app.domain.concepts.errors import UnknownConcept
from serve_app.domain.concepts.models import ConceptCard
from serve_app.domain.concepts.validation import validate_cards

# A check answer is a sentence or a line of code; longer text is not graded, so that pasting
# an essay that happens to contain the right words does not count as knowing the answer.
MAX_ANSWER_CHARS: Final = 1000


@dataclass(frozen=True)
class CheckVerdict:
    concept_id: str
    topic: str
    correct: bool
    expected: str  # the card's model answer (markdown)
    feedback: str  # one or two sentences for the student (markdown)


@cache
def _cards_by_id() -> MappingProxyType[str, ConceptCard]:
    validate_cards(ALL_CARDS)
    return MappingProxyType({card.concept_id: card for card in ALL_CARDS})


def card_ids() -> frozenset[str]:
    """Every concept id that has a gradable check question."""
    return frozenset(_cards_by_id())


def grade_check_answer(concept_id: str, answer: str) -> CheckVerdict:
    """Grades `answer` against the card's accepted answers; UnknownConcept for a bad id."""
    card = _cards_by_id().get(concept_id)
    if card is None:
        raise UnknownConcept(concept_id)
    correct = False
    if not answer.strip():
        feedback = f"No answer was given. The answer: {card.check_answer}"
    elif len(answer) > MAX_ANSWER_CHARS:
        feedback = (
            f"Answers longer than {MAX_ANSWER_CHARS} characters are not graded; "
            "try again in a sentence or one line of code."
        )
    elif answer_matches(answer, card.check_accepts, card.check_rejects):
        correct = True
        feedback = f"Correct! {card.check_answer}"
    else:
        feedback = f"Not quite. The answer: {card.check_answer}"
    return CheckVerdict(
        concept_id=card.concept_id,
        topic=card.topic,
        correct=correct,
        expected=card.check_answer,
        feedback=feedback,
    )
