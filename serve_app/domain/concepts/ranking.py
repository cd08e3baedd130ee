"""BM25 ranking of cards, with scores turned into a 0-1 confidence.

Two BM25 indexes: the *head* (title and keywords, what a card is about) and the *body*
(explanations, mistakes, check question, what it talks about). A card's head weighs more, and
the body alone can never reach the answer threshold: a card that only mentions a word in
passing is not an answer to a question about that word.

Raw BM25 scores are unbounded, so each is divided by the score of an ideal document that
contains every query token once at average length, i.e. the sum of the tokens' idf. Query
tokens that no card knows add an average idf to that ideal, so a question that is mostly about
something else gets a low confidence even when one of its words matches.

BM25 is then combined with three kinds of evidence learned from how students talk about each
card (its `student_phrases` and the example questions): nearest neighbours (neighbours.py, how
close the question is to one short text about the card), a per-card profile (one BM25 document
of all of them, where several loose matches add up) and a linear classifier (classifier.py,
which words separate one card from another). The order follows the weighted sum; the
confidence is the strongest single piece of evidence, since each alone can show that the
question is about the card. The classifier adds to the order only, never to the confidence.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Final

from rank_bm25 import BM25Okapi

from serve_app.domain.concepts.classifier import CardClassifier
from serve_app.domain.concepts.models import ConceptCard
from serve_app.domain.concepts.neighbours import NeighbourIndex
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
# Tuned by 5-fold cross-validation on the example (tuning) questions: BM25 strength, divided by
# the best card's, plus this times the closest neighbour's cosine similarity.
NEIGHBOUR_WEIGHT: Final = 1.5
# Also tuned by cross-validation: the per-card profile (title, keywords, student phrases and
# example questions as one BM25 document; its share of the ideal score) and the linear
# classifier (its score relative to the best card's). Each alone lifts cross-validated top-1
# by 2-3 points, both together by 4.
PROFILE_K1: Final = 1.2
PROFILE_WEIGHT: Final = 1.0
CLASSIFIER_WEIGHT: Final = 1.0
# The profile can show that a question is about a card ("store phone numbers by name" names
# no concept), but a match there is weaker evidence than a keyword: its confidence is scaled
# down, so a loose profile match alone stays under the answer threshold.
PROFILE_CONFIDENCE: Final = 0.8


@dataclass(frozen=True)
class Ranked:
    position: int  # index of the card in the sequence the index was built from
    confidence: float  # 0-1: BM25 (each field's share capped at 1) or neighbour similarity
    strength: float  # what the order follows


def head_tokens(card: ConceptCard) -> list[str]:
    tokens = analyse(card.title) * TITLE_REPEATS
    for keyword in card.keywords:
        tokens.extend(analyse(keyword))
    tokens.extend(analyse(card.topic))
    return tokens


def explanation_paragraphs(card: ConceptCard) -> list[str]:
    return [
        paragraph
        for text in card.explanations.values()
        for paragraph in text.split("\n\n")
        if paragraph.strip()
    ]


def body_tokens(card: ConceptCard) -> list[str]:
    # Paragraph by paragraph (the same texts card_passages analyses, so each is analysed once).
    parts = [*explanation_paragraphs(card), *card.common_mistakes, card.check_question]
    return [token for part in parts for token in analyse(part)]


def card_passages(card: ConceptCard) -> list[str]:
    """The card's short texts, each about the card on its own: what neighbours are found among."""
    return [
        card.title,
        *card.keywords,
        *card.student_phrases,
        card.check_question,
        *card.common_mistakes,
        *explanation_paragraphs(card),
    ]


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

    def __init__(
        self,
        cards: Sequence[ConceptCard],
        examples: Sequence[tuple[int, Sequence[str]]] = (),
    ) -> None:
        """`examples`: (card position, tokens) of questions known to be about that card."""
        heads = [head_tokens(card) for card in cards]
        self._head = _Field(heads, k1=HEAD_K1)
        self._body = _Field([body_tokens(card) for card in cards], k1=BODY_K1)
        self._heads = [frozenset(tokens) for tokens in heads]
        self._titles = [frozenset(analyse(card.title)) for card in cards]
        passages = [
            (position, analyse(passage))
            for position, card in enumerate(cards)
            for passage in card_passages(card)
        ]
        self._neighbours = NeighbourIndex([*passages, *examples])
        # Per card, everything said about it in students' words: one BM25 document each, so
        # that several loosely matching words add up ("store phone numbers by name") where no
        # single short text is close to the whole question.
        profiles = [
            [
                *head_tokens(card),
                *(token for phrase in card.student_phrases for token in analyse(phrase)),
            ]
            for card in cards
        ]
        for position, tokens in examples:
            profiles[position].extend(tokens)
        self._profile = _Field(profiles, k1=PROFILE_K1)
        short_texts = [
            (position, analyse(text))
            for position, card in enumerate(cards)
            for text in (card.title, *card.keywords, *card.student_phrases)
        ]
        self._classifier = CardClassifier([*short_texts, *examples], cards=len(cards))

    def head_of(self, position: int) -> frozenset[str]:
        return self._heads[position]

    def rank(self, tokens: Sequence[str], neighbours: bool = True) -> list[Ranked]:
        """Cards with any evidence, strongest first.

        `neighbours=False` ranks by BM25 alone: for long machine-written text, whose paragraphs
        would otherwise find themselves among the cards' own passages.
        """
        bm25 = self._rank_bm25(tokens)
        if not neighbours:
            return bm25
        similarities = self._neighbours.best_per_card(tokens)
        profiles = self._profile_shares(tokens)
        learned = self._classifier.shares(tokens)
        top = max((item.strength for item in bm25), default=1.0)
        by_position = {item.position: item for item in bm25}
        ranked: list[Ranked] = []
        for position in by_position.keys() | similarities.keys() | profiles.keys():
            # The classifier only reorders cards that some retrieval evidence found: its scores
            # say which card fits best, not whether any card fits at all.
            item = by_position.get(position)
            similarity = similarities.get(position, 0.0)
            profile = profiles.get(position, 0.0)
            confidence = max(
                item.confidence if item else 0.0,
                min(1.0, similarity),
                PROFILE_CONFIDENCE * profile,
            )
            strength = (
                (item.strength / top if item else 0.0)
                + NEIGHBOUR_WEIGHT * similarity
                + PROFILE_WEIGHT * profile
                + CLASSIFIER_WEIGHT * learned.get(position, 0.0)
            )
            ranked.append(Ranked(position, round(confidence, 4), strength))
        return sorted(ranked, key=lambda item: (-item.strength, item.position))

    def _profile_shares(self, tokens: Sequence[str]) -> dict[int, float]:
        query = list(dict.fromkeys(tokens))
        ideal = self._profile.ideal(query, known_elsewhere=frozenset())
        if not query or ideal <= 0:
            return {}
        return {
            position: min(1.0, score / ideal)
            for position, score in enumerate(self._profile.scores(query))
            if score > 0
        }

    def _rank_bm25(self, tokens: Sequence[str]) -> list[Ranked]:
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
