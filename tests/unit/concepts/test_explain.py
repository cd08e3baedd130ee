"""explain(): the level's text from a card, the Python docs as fallback, or a helpful 'none'."""

import builtins
import inspect
from pydoc_data.topics import topics

import pytest

from serve_app.domain.concepts import KnowledgeBase, UnknownLevelError
from serve_app.domain.concepts.knowledge_base import MATCH_THRESHOLD
from serve_app.domain.concepts.ranking import BODY_WEIGHT, head_tokens
from serve_app.domain.topics import LEVELS

DOCS_INTRO = "Here is what the Python documentation says about"


@pytest.mark.parametrize("level", LEVELS)
def test_level_selects_that_levels_explanation(kb: KnowledgeBase, level: str) -> None:
    card = kb.get("list-comprehensions")
    assert card is not None
    answer = kb.explain("what is a list comprehension?", level)
    assert answer.level == level
    assert answer.explanation == card.explanations[level]
    assert (answer.concept, answer.concept_id, answer.topic) == (
        card.title,
        "list-comprehensions",
        "comprehensions",
    )
    assert answer.example_code == card.example_code
    assert answer.example_output == card.example_output
    assert answer.check_question == card.check_question
    assert answer.references == card.references
    assert answer.common_mistakes == card.common_mistakes
    assert MATCH_THRESHOLD <= answer.score <= 1.0


def test_levels_give_different_texts_for_the_same_question(kb: KnowledgeBase) -> None:
    texts = {kb.explain("how does recursion work", level).explanation for level in LEVELS}
    assert len(texts) == len(LEVELS)


def test_level_is_case_and_space_insensitive(kb: KnowledgeBase) -> None:
    assert kb.explain("what is a set", " Advanced ").level == "advanced"


@pytest.mark.parametrize("level", ["expert", "", "BEGINNERS"])
def test_unknown_level_is_a_meaningful_error(kb: KnowledgeBase, level: str) -> None:
    with pytest.raises(UnknownLevelError) as raised:
        kb.explain("what is a set", level)
    assert isinstance(raised.value, ValueError)
    assert raised.value.level == level


def _no_card_is_about(kb: KnowledgeBase, name: str) -> bool:
    return all(name not in head_tokens(card) for card in kb.cards)


@pytest.mark.parametrize(
    ("question", "name", "topic_key"),
    [
        ("what does the assert statement do", "assert", "assert"),
        ("what does the del statement do?", "del", "del"),
        ("explain the pass keyword", "pass", "pass"),
        ("how does the await keyword work", "await", "await"),
        ("what does the `in` operator do", "in", "in"),
    ],
)
def test_uncovered_keyword_falls_back_to_the_reference_docs(
    kb: KnowledgeBase, question: str, name: str, topic_key: str
) -> None:
    assert _no_card_is_about(kb, name)  # the premise: no card claims this keyword
    answer = kb.explain(question, "beginner")
    assert answer.source == "python-docs"
    assert answer.concept == name
    assert (answer.concept_id, answer.topic) == (None, None)
    assert answer.explanation.startswith(f"{DOCS_INTRO} `{name}`")
    reference_text = topics[topic_key]
    first_paragraph = reference_text.split("\n\n")[1].strip()
    assert first_paragraph in answer.explanation
    assert answer.references
    assert answer.references[0].startswith("https://docs.python.org/3/")
    assert answer.score > 0


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("what does divmod do", "divmod"),
        ("what does len() do", "len"),
        ("what is hasattr", "hasattr"),
    ],
)
def test_uncovered_builtin_falls_back_to_its_docstring(
    kb: KnowledgeBase, question: str, name: str
) -> None:
    assert _no_card_is_about(kb, name)
    answer = kb.explain(question, "intermediate")
    assert answer.source == "python-docs"
    assert answer.concept == name
    assert answer.explanation.startswith(DOCS_INTRO)
    docstring = inspect.getdoc(getattr(builtins, name))
    assert docstring is not None
    assert docstring.splitlines()[0] in answer.explanation
    assert answer.references == (f"https://docs.python.org/3/library/functions.html#{name}",)


@pytest.mark.parametrize(
    ("question", "concept_id"),
    [
        ("what does zip do", "range-enumerate-zip"),
        ("what does the global keyword do", "scope"),
        ("what does the `with` statement do", "files-and-with"),
        ("what does the yield keyword do", "generators"),
    ],
)
def test_a_card_that_covers_the_keyword_beats_the_docs(
    kb: KnowledgeBase, question: str, concept_id: str
) -> None:
    answer = kb.explain(question, "beginner")
    assert (answer.source, answer.concept_id) == ("card", concept_id)


@pytest.mark.parametrize(
    "question",
    [
        "what is the weather in paris",
        "how do I bake sourdough bread",
        "asdfgh qwerty zxcvb",
        "who won the world cup",
        "how do I center a div in css",
        "",
    ],
)
def test_nonsense_gets_a_helpful_none_answer(kb: KnowledgeBase, question: str) -> None:
    answer = kb.explain(question, "beginner")
    assert answer.source == "none"
    assert answer.score < MATCH_THRESHOLD
    assert (answer.concept_id, answer.topic, answer.example_code) == (None, None, "")
    assert "topics I can explain" in answer.explanation
    for card in kb.overview():
        assert f"- {card.title}" in answer.explanation
    assert answer.references


def test_overview_names_one_card_per_topic(kb: KnowledgeBase) -> None:
    overview = kb.overview()
    assert len({card.topic for card in overview}) == len(overview) >= 10


def test_a_card_that_mentions_a_word_only_in_passing_is_not_the_answer(
    kb: KnowledgeBase,
) -> None:
    matches = kb.find("assert")
    assert matches  # premise: some card's prose mentions assert (return-vs-print does)
    assert all(score <= BODY_WEIGHT < MATCH_THRESHOLD for _, score in matches)
    assert kb.explain("assert", "beginner").source == "python-docs"
