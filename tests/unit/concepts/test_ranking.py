"""The ranking layers: BM25 over card fields, plus nearest neighbours among short texts.

Questions here are tuning-style phrasings (behaviour described, concept not named); none comes
from the benchmark's held-out file.
"""

import pytest

from serve_app.domain.concepts import CardValidationError, KnowledgeBase
from serve_app.domain.concepts.cards import ALL_CARDS
from serve_app.domain.concepts.neighbours import NeighbourIndex, features
from serve_app.domain.concepts.ranking import CardIndex, card_passages


def test_features_are_unigrams_and_adjacent_bigrams() -> None:
    assert features(["function", "call", "itself"]) == {
        "function": 1,
        "call": 1,
        "itself": 1,
        "function call": 1,
        "call itself": 1,
    }


def test_neighbours_prefer_the_document_sharing_a_phrase() -> None:
    index = NeighbourIndex(
        [
            (0, ["function", "call", "itself"]),
            (1, ["call", "function"]),
            (1, ["define", "function"]),
        ]
    )
    best = index.best_per_card(["function", "call", "itself"])
    assert best[0] == pytest.approx(1.0)
    assert best[0] > best[1] > 0


def test_words_no_document_knows_lower_the_similarity() -> None:
    index = NeighbourIndex([(0, ["recursion"]), (1, ["loop"])])
    alone = index.best_per_card(["recursion"])[0]
    diluted = index.best_per_card(["recursion", "sourdough", "banana"])[0]
    assert alone == pytest.approx(1.0)
    assert diluted < 0.6


def test_neighbours_return_nothing_without_shared_features() -> None:
    index = NeighbourIndex([(0, ["recursion"])])
    assert index.best_per_card(["banana"]) == {}
    assert index.best_per_card([]) == {}


def test_card_passages_are_the_cards_short_texts() -> None:
    card = ALL_CARDS[0]
    passages = card_passages(card)
    assert passages[0] == card.title
    assert set(card.keywords) <= set(passages)
    assert all(passage.strip() for passage in passages)


def test_bm25_alone_orders_by_confidence_and_neighbours_can_reorder() -> None:
    index = CardIndex(ALL_CARDS)
    tokens = ["function", "call", "itself"]
    with_neighbours = index.rank(tokens)
    bm25_only = index.rank(tokens, neighbours=False)
    assert {item.position for item in bm25_only} <= {item.position for item in with_neighbours}
    assert all(0.0 < item.confidence <= 1.0 for item in with_neighbours)
    strengths = [item.strength for item in with_neighbours]
    assert strengths == sorted(strengths, reverse=True)


@pytest.mark.parametrize(
    ("question", "concept_id"),
    [
        ("a function that calls itself, how does that work", "recursion"),
        ("how do i make a class that extends another class", "inheritance"),
        ("how do I get the index while looping through a list", "range-enumerate-zip"),
    ],
)
def test_a_specific_phrase_beats_a_general_title_word(
    kb: KnowledgeBase, question: str, concept_id: str
) -> None:
    assert kb.find(question, limit=1)[0][0].concept_id == concept_id


def test_example_questions_teach_a_phrasing_the_cards_do_not_use() -> None:
    question = "my turtle draws a fern where every leaf is a tiny fern"
    taught = KnowledgeBase(ALL_CARDS, {"recursion": [question]})
    assert taught.find(question, limit=1)[0][0].concept_id == "recursion"
    untaught = KnowledgeBase(ALL_CARDS, {})
    assert [card.concept_id for card, _ in untaught.find(question, limit=1)] != ["recursion"]


def test_a_close_paraphrase_of_an_example_finds_its_card(kb: KnowledgeBase) -> None:
    # Near "how does a function pause and continue later" (a tuning question).
    question = "can a function pause halfway and then continue later on"
    assert kb.find(question, limit=1)[0][0].concept_id == "generators"


def test_example_questions_for_an_unknown_card_are_rejected() -> None:
    with pytest.raises(CardValidationError, match="no-such-card"):
        KnowledgeBase(ALL_CARDS, {"no-such-card": ["what is it"]})


def test_about_ranks_long_text_by_bm25_only(kb: KnowledgeBase) -> None:
    recursion = kb.get("recursion")
    assert recursion is not None
    assert kb.about(recursion.explanations["intermediate"])[0] is recursion
