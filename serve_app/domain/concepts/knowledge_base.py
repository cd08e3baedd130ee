"""The Concepts engine: finds the card that answers a question and explains it at a level."""

from collections.abc import Iterable, Mapping, Sequence
from typing import Final

from serve_app.domain.concepts import answers, python_docs
from serve_app.domain.concepts.cards import ALL_CARDS
from serve_app.domain.concepts.errors import CardValidationError, UnknownLevelError
from serve_app.domain.concepts.example_questions import EXAMPLE_QUESTIONS
from serve_app.domain.concepts.models import ConceptCard, Explanation
from serve_app.domain.concepts.ranking import CardIndex, explanation_paragraphs
from serve_app.domain.concepts.spelling import SpellingCorrector
from serve_app.domain.concepts.text_analysis import (
    CODE_MARK,
    PYTHON_WORDS,
    STOPWORDS,
    SYNONYMS,
    analyse,
    normalise,
    raw_tokens,
)
from serve_app.domain.concepts.validation import validate_cards
from serve_app.domain.topics import LEVELS

# Above BODY_WEIGHT, so a card must match on its title or keywords to be the answer.
MATCH_THRESHOLD: Final = 0.45
# Longer input is not a concept question; these bound the work per request.
MAX_QUESTION_CHARS: Final = 2000
MAX_QUERY_TOKENS: Final = 64
MAX_TEXT_CHARS: Final = 20_000
NEAR_MISS_FLOOR: Final = 0.3
NEAR_MISSES: Final = 3


class KnowledgeBase:
    """Curated concept cards, searchable by free-text student questions."""

    def __init__(
        self,
        cards: Iterable[ConceptCard],
        examples: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        """`examples`: concept id -> student questions that card answers (see example_questions)."""
        self._cards = tuple(cards)
        validate_cards(self._cards)
        self._by_id = {card.concept_id: card for card in self._cards}
        self._corrector = _build_corrector(self._cards)
        positions = {card.concept_id: position for position, card in enumerate(self._cards)}
        unknown = sorted(set(examples or {}) - positions.keys())
        if unknown:
            raise CardValidationError(
                [f"example questions for unknown card {u!r}" for u in unknown]
            )
        labelled = [
            (positions[concept_id], self.query_tokens(question))
            for concept_id, questions in (examples or {}).items()
            for question in questions
        ]
        self._index = CardIndex(self._cards, labelled)

    @classmethod
    def load(cls) -> "KnowledgeBase":
        """The knowledge base over the bundled cards and example questions."""
        return cls(ALL_CARDS, EXAMPLE_QUESTIONS)

    @property
    def cards(self) -> tuple[ConceptCard, ...]:
        return self._cards

    def get(self, concept_id: str) -> ConceptCard | None:
        return self._by_id.get(concept_id)

    def query_tokens(self, question: str) -> list[str]:
        """The question as the index sees it: spelling-corrected, normalised tokens.

        A question made only of stop words may still be about Python words ("and vs or?",
        "what do not and is do"): then those words are taken as code rather than dropped.
        """
        corrected = [
            token if token.startswith(CODE_MARK) else self._corrector.correct(token)
            for token in raw_tokens(question[:MAX_QUESTION_CHARS])[:MAX_QUERY_TOKENS]
        ]
        tokens = normalise(corrected)
        python_words = [token for token in corrected if token in PYTHON_WORDS]
        # Only when Python words are at least half of the question: "and?" or "not vs or" are
        # about them, "the of and" is not.
        if tokens or 2 * len(python_words) < len(corrected):
            return tokens
        return normalise(CODE_MARK + token for token in python_words)

    def find(self, question: str, limit: int = 5) -> list[tuple[ConceptCard, float]]:
        """Cards that match the question, best fit first, each with a 0-1 confidence.

        The confidence says how surely the question is about that card at all (what the answer
        threshold is applied to), so it need not fall along the order.
        """
        ranked = self._index.rank(self.query_tokens(question))
        return [(self._cards[item.position], item.confidence) for item in ranked[:limit]]

    def about(self, text: str) -> list[ConceptCard]:
        """Cards ordered by how much a longer text (an answer, not a question) is about them.

        No spelling correction and no query-length cap beyond MAX_TEXT_CHARS: this reads
        machine-written prose, and every word of it is evidence.
        """
        ranked = self._index.rank(analyse(text[:MAX_TEXT_CHARS]), neighbours=False)
        return [self._cards[item.position] for item in ranked]

    def explain(self, question: str, level: str) -> Explanation:
        """The best card at `level`; else the Python docs; else a list of what can be asked."""
        level = _checked_level(level)
        question = question[:MAX_QUESTION_CHARS]
        ranked = self._index.rank(self.query_tokens(question))
        docs = python_docs.lookup(question)
        best = ranked[0] if ranked else None
        if best is not None and best.confidence >= MATCH_THRESHOLD:
            card = self._cards[best.position]
            if docs is None or not self._names_something_else(docs, best.position, question):
                return answers.from_card(card, level, best.confidence)
        if docs is not None:
            return answers.from_docs(docs, level)
        near_misses = [
            self._cards[item.position] for item in ranked if item.confidence >= NEAR_MISS_FLOOR
        ]
        return answers.nothing_found(
            level,
            near_misses=near_misses[:NEAR_MISSES],
            overview=self.overview(),
            score=best.confidence if best is not None else 0.0,
        )

    def overview(self) -> list[ConceptCard]:
        """One card per topic, in curriculum order: what to suggest when nothing matched."""
        seen: set[str] = set()
        chosen: list[ConceptCard] = []
        for card in self._cards:
            if card.topic not in seen:
                seen.add(card.topic)
                chosen.append(card)
        return chosen

    def _names_something_else(
        self, docs: python_docs.DocsEntry, position: int, question: str
    ) -> bool:
        """True when the question is about a Python name, marked as code, that the card is not.

        Marking a name ("len()", "`print`") makes it the subject only when the rest of the
        question does not already ask for the card: "what does len() do" is about `len`, while
        "how do i make len() work on my own class" is about the card for special methods.
        """
        if not docs.explicit:
            return False
        name_tokens = set(normalise([CODE_MARK + docs.name.lower()]))
        if name_tokens & self._index.head_of(position):
            return False
        rest = [token for token in self.query_tokens(question) if token not in name_tokens]
        confidence = next(
            (item.confidence for item in self._index.rank(rest) if item.position == position), 0.0
        )
        return confidence < MATCH_THRESHOLD


def _checked_level(level: str) -> str:
    normalised = level.strip().lower()
    if normalised not in LEVELS:
        raise UnknownLevelError(level, LEVELS)
    return normalised


def _words(texts: Iterable[str]) -> set[str]:
    return {token.removeprefix(CODE_MARK) for text in texts for token in raw_tokens(text)}


def _build_corrector(cards: Sequence[ConceptCard]) -> SpellingCorrector:
    # The texts are the ones the index analyses too (raw_tokens caches them), so building the
    # vocabulary costs little on top of the index.
    # Student phrases are everyday English: known words, but not worth correcting towards
    # ("paris" is not a typo of "pairs").
    head_words = _words(text for card in cards for text in (card.title, *card.keywords))
    body_words = _words(
        text
        for card in cards
        for text in (
            *card.student_phrases,
            *explanation_paragraphs(card),
            *card.common_mistakes,
            card.check_question,
            card.check_answer,
        )
    )
    vocabulary = STOPWORDS | SYNONYMS.keys() | python_docs.python_names()
    return SpellingCorrector(
        known=body_words | head_words | vocabulary, targets=head_words | vocabulary
    )
