"""The Concepts engine: finds the card that answers a question and explains it at a level."""

from collections.abc import Iterable, Sequence
from typing import Final

from serve_app.domain.concepts import answers, python_docs
from serve_app.domain.concepts.cards import ALL_CARDS
from serve_app.domain.concepts.errors import UnknownLevelError
from serve_app.domain.concepts.models import ConceptCard, Explanation
from serve_app.domain.concepts.ranking import CardIndex
from serve_app.domain.concepts.spelling import SpellingCorrector
from serve_app.domain.concepts.text_analysis import (
    CODE_MARK,
    STOPWORDS,
    SYNONYMS,
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
NEAR_MISS_FLOOR: Final = 0.3
NEAR_MISSES: Final = 3


class KnowledgeBase:
    """Curated concept cards, searchable by free-text student questions."""

    def __init__(self, cards: Iterable[ConceptCard]) -> None:
        self._cards = tuple(cards)
        validate_cards(self._cards)
        self._by_id = {card.concept_id: card for card in self._cards}
        self._index = CardIndex(self._cards)
        self._corrector = _build_corrector(self._cards)

    @classmethod
    def load(cls) -> "KnowledgeBase":
        """The knowledge base over the bundled card catalogue."""
        return cls(ALL_CARDS)

    @property
    def cards(self) -> tuple[ConceptCard, ...]:
        return self._cards

    def get(self, concept_id: str) -> ConceptCard | None:
        return self._by_id.get(concept_id)

    def query_tokens(self, question: str) -> list[str]:
        """The question as the index sees it: spelling-corrected, normalised tokens."""
        corrected = [
            token if token.startswith(CODE_MARK) else self._corrector.correct(token)
            for token in raw_tokens(question[:MAX_QUESTION_CHARS])[:MAX_QUERY_TOKENS]
        ]
        return normalise(corrected)

    def find(self, question: str, limit: int = 5) -> list[tuple[ConceptCard, float]]:
        """Cards that match the question, best first, with a 0-1 confidence each."""
        ranked = self._index.rank(self.query_tokens(question))
        return [(self._cards[item.position], item.confidence) for item in ranked[:limit]]

    def explain(self, question: str, level: str) -> Explanation:
        """The best card at `level`; else the Python docs; else a list of what can be asked."""
        level = _checked_level(level)
        question = question[:MAX_QUESTION_CHARS]
        ranked = self._index.rank(self.query_tokens(question))
        docs = python_docs.lookup(question)
        best = ranked[0] if ranked else None
        if best is not None and best.confidence >= MATCH_THRESHOLD:
            card = self._cards[best.position]
            if docs is None or not self._names_something_else(docs, best.position):
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

    def _names_something_else(self, docs: python_docs.DocsEntry, position: int) -> bool:
        """True when the student marked a Python name as code that the card is not about."""
        if not docs.explicit:
            return False
        name_tokens = normalise([CODE_MARK + docs.name.lower()])
        return not set(name_tokens) & self._index.head_of(position)


def _checked_level(level: str) -> str:
    normalised = level.strip().lower()
    if normalised not in LEVELS:
        raise UnknownLevelError(level, LEVELS)
    return normalised


def _build_corrector(cards: Sequence[ConceptCard]) -> SpellingCorrector:
    def words(texts: Iterable[str]) -> set[str]:
        return {token.removeprefix(CODE_MARK) for text in texts for token in raw_tokens(text)}

    card_texts = [
        text
        for card in cards
        for text in (
            card.title,
            *card.keywords,
            *card.explanations.values(),
            *card.common_mistakes,
            card.check_question,
            card.check_answer,
        )
    ]
    head_words = words(text for card in cards for text in (card.title, *card.keywords))
    python_names = python_docs.python_names()
    vocabulary = STOPWORDS | SYNONYMS.keys() | python_names
    return SpellingCorrector(
        known=words(card_texts) | vocabulary,
        targets=head_words | vocabulary,
    )
