"""BM25 ranking of cards, with scores turned into a 0-1 confidence.

Two BM25 indexes: the *head* (title and keywords, what a card is about) and the *body*
(explanations, mistakes, check question, what it talks about). A card's head weighs more, and
the body alone can never reach the answer threshold: a card that only mentions a word in
passing is not an answer to a question about that word.

Raw BM25 scores are unbounded, so each is divided by the score of an ideal document that
contains every query token once at average length, i.e. the sum of the tokens' idf. Query
tokens that no card knows add an average idf to that ideal, so a question that is mostly about
something else gets a low confidence even when one of its words matches.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from rank_bm25 import BM25Okapi

from serve_app.domain.concepts.models import ConceptCard
from serve_app.domain.concepts.text_analysis import analyse

HEAD_WEIGHT: Final = 0.7
BODY_WEIGHT: Final = 1.0 - HEAD_WEIGHT
# Titles say most precisely what a card is about.
TITLE_REPEATS: Final = 2
# Head documents are short keyword lists: saturate term frequency early, so that matching
# several of a question's words beats repeating one of them.
HEAD_K1: Final = 0.8
BODY_K1: Final = 1.5  # rank_bm25's default, fit for prose
# Orders cards by how much of their title the question covers ("variables" is more about
# "Variables and assignment" than about "Variable scope: local, global and nonlocal").
TITLE_COVERAGE_WEIGHT: Final = 0.3
HEAD_SHARE_CAP: Final = 1.5


@dataclass(frozen=True)
class Ranked:
    position: int  # index of the card in the sequence the index was built from
    confidence: float  # 0-1, each field's share capped at 1
    strength: float  # lets the head count past 1, to order cards that tie on confidence


def head_tokens(card: ConceptCard) -> list[str]:
    tokens = analyse(card.title) * TITLE_REPEATS
    for keyword in card.keywords:
        tokens.extend(analyse(keyword))
    tokens.extend(analyse(card.topic))
    return tokens


def body_tokens(card: ConceptCard) -> list[str]:
    parts = [*card.explanations.values(), *card.common_mistakes, card.check_question]
    return analyse("\n\n".join(parts))


class _Field:
    """One BM25 index plus what is needed to normalise its scores."""

    def __init__(self, documents: list[list[str]], k1: float) -> None:
        self.bm25 = BM25Okapi(documents, k1=k1)
        # rank_bm25 floors only negative idfs; a word in exactly half the documents keeps an idf
        # of 0 and would count as no evidence at all, so floor those too.
        floor = self.bm25.epsilon * self.bm25.average_idf
        for token, idf in self.bm25.idf.items():
            self.bm25.idf[token] = max(idf, floor)
        self.vocabulary = frozenset(token for document in documents for token in document)
        idfs = [self.bm25.idf[token] for token in self.vocabulary]
        self.unknown_weight = sum(idfs) / len(idfs)

    def ideal(self, tokens: Sequence[str], known_elsewhere: frozenset[str]) -> float:
        total = 0.0
        for token in tokens:
            if token in self.vocabulary:
                total += self.bm25.idf[token]
            elif token not in known_elsewhere:
                total += self.unknown_weight
        return total

    def scores(self, tokens: Sequence[str]) -> list[float]:
        return [float(score) for score in self.bm25.get_scores(list(tokens))]


class CardIndex:
    """Ranks cards for a list of normalised query tokens."""

    def __init__(self, cards: Sequence[ConceptCard]) -> None:
        heads = [head_tokens(card) for card in cards]
        self._head = _Field(heads, k1=HEAD_K1)
        self._body = _Field([body_tokens(card) for card in cards], k1=BODY_K1)
        self._heads = [frozenset(tokens) for tokens in heads]
        self._titles = [frozenset(analyse(card.title)) for card in cards]

    def head_of(self, position: int) -> frozenset[str]:
        return self._heads[position]

    def rank(self, tokens: Sequence[str]) -> list[Ranked]:
        """Cards with any evidence, strongest first."""
        query = list(dict.fromkeys(tokens))  # a repeated word is not extra evidence
        if not query:
            return []
        head_ideal = self._head.ideal(query, known_elsewhere=self._body.vocabulary)
        body_ideal = self._body.ideal(query, known_elsewhere=self._head.vocabulary)
        head_scores = self._head.scores(query)
        body_scores = self._body.scores(query)
        ranked: list[Ranked] = []
        for position, (head, body) in enumerate(zip(head_scores, body_scores, strict=True)):
            head_share = head / head_ideal if head_ideal > 0 else 0.0
            body_share = body / body_ideal if body_ideal > 0 else 0.0
            title = self._titles[position]
            coverage = len(title.intersection(query)) / len(title) if title else 0.0
            # Past full confidence only the head keeps counting: a card that mentions a word
            # often in its prose is not more *about* it than one whose keywords name it.
            strength = (
                HEAD_WEIGHT * min(HEAD_SHARE_CAP, head_share)
                + BODY_WEIGHT * min(1.0, body_share)
                + TITLE_COVERAGE_WEIGHT * coverage
            )
            if strength <= 0:
                continue
            confidence = HEAD_WEIGHT * min(1.0, head_share) + BODY_WEIGHT * min(1.0, body_share)
            ranked.append(Ranked(position, round(confidence, 4), strength))
        ranked.sort(key=lambda item: (-item.confidence, -item.strength, item.position))
        return ranked
