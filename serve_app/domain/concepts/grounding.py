"""Decides whether an LLM-written explanation stays grounded in the card it was given.

An answer is grounded when all four hold; the first that fails is the reason it is not:

1. **Code parses.** Every Python code block (REPL prompts stripped) is valid Python 3, and no
   code fence is left open (a cut-off answer).
2. **Names the concept.** At least one of the card's head terms (title words and keywords,
   through the same analysis as retrieval, so "listcomp" and "list comprehension" meet)
   appears in the answer.
3. **Is about this card.** Read as a retrieval query over the whole catalogue, the answer
   ranks its own card among the top TOP_CARDS: an answer whose vocabulary matches another
   concept better has drifted to that concept.
4. **Brings in no other concept's identifiers.** Code in the answer (code blocks and inline
   `code`) uses no *distinctive* identifier (one of another card's keywords that few cards
   mention, e.g. `yield`, `lambda`, `super`, `nonlocal`) that this card never mentions.

Each rule is cheap and explainable; together they catch an answer that teaches a different
concept, invents APIs, or shows broken code, while an answer that re-words the card passes.
"""

import ast
import io
import keyword
import re
import tokenize
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Final

from serve_app.domain.concepts.models import ConceptCard
from serve_app.domain.concepts.ranking import head_tokens
from serve_app.domain.concepts.text_analysis import analyse

if TYPE_CHECKING:
    from serve_app.domain.concepts.knowledge_base import KnowledgeBase

TOP_CARDS: Final = 3
# An identifier is distinctive when at most this share of cards mentions it at all.
DISTINCTIVE_SHARE: Final = 0.125

_FENCE: Final = re.compile(r"```[ \t]*([\w+-]*)[^\n]*\n(.*?)```", re.DOTALL)
_PYTHON_FENCES: Final = frozenset({"", "python", "py", "python3", "pycon", "py3"})
_INLINE_CODE: Final = re.compile(r"(?<!`)`([^`\n]+)`(?!`)")
_WORD: Final = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_KEYWORD_NAME: Final = re.compile(r"@?([A-Za-z_][A-Za-z0-9_]*)(?:\(\))?")


@dataclass(frozen=True)
class GroundingVerdict:
    grounded: bool
    reason: str  # empty when grounded; otherwise which rule failed, for logs and tests


GROUNDED: Final = GroundingVerdict(True, "")


def python_blocks(markdown: str) -> list[str]:
    """The Python code blocks of a markdown text, with `>>>`/`...` prompts removed."""
    return [
        _without_prompts(body)
        for language, body in _FENCE.findall(markdown)
        if language.lower() in _PYTHON_FENCES
    ]


def code_parses(markdown: str) -> bool:
    """Every Python block parses and every code fence is closed."""
    if markdown.count("```") % 2:
        return False
    try:
        for block in python_blocks(markdown):
            ast.parse(block)
    except SyntaxError:
        return False
    return True


def _without_prompts(block: str) -> str:
    lines = block.splitlines()
    if not any(line.startswith(">>>") for line in lines):
        return block
    # A REPL transcript: keep what was typed, drop what Python printed back.
    return "\n".join(line[4:] for line in lines if line.startswith((">>> ", "... ", ">>>")))


def code_names(markdown: str) -> set[str]:
    """Lower-cased names (identifiers and keywords) used in the answer's code."""
    names: set[str] = set()
    for block in python_blocks(markdown):
        names.update(_block_names(block))
    without_blocks = _FENCE.sub(" ", markdown)
    for span in _INLINE_CODE.findall(without_blocks):
        names.update(word.lower() for word in _WORD.findall(span))
    return names


def _block_names(block: str) -> set[str]:
    try:
        return {
            token.string.lower()
            for token in tokenize.generate_tokens(io.StringIO(block).readline)
            if token.type == tokenize.NAME
        }
    except (tokenize.TokenError, SyntaxError):
        return {word.lower() for word in _WORD.findall(block)}


def _card_text(card: ConceptCard) -> str:
    return "\n".join(
        (
            card.title,
            *card.keywords,
            *card.explanations.values(),
            card.example_code,
            card.example_output,
            card.check_question,
            card.check_answer,
            *card.common_mistakes,
        )
    )


def _keyword_names(keywords: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for item in keywords:
        match = _KEYWORD_NAME.fullmatch(item.strip())
        if match:
            names.add(match.group(1).lower())
    return names


class GroundingChecker:
    """Checks LLM answers against the catalogue of one KnowledgeBase."""

    def __init__(self, knowledge_base: "KnowledgeBase") -> None:
        self._kb = knowledge_base
        cards = knowledge_base.cards
        self._words = {
            card.concept_id: frozenset(w.lower() for w in _WORD.findall(_card_text(card)))
            for card in cards
        }
        self._heads = {card.concept_id: frozenset(head_tokens(card)) for card in cards}
        mentions = Counter(word for words in self._words.values() for word in words)
        limit = max(1, int(len(cards) * DISTINCTIVE_SHARE))
        candidates = _keyword_names(k for card in cards for k in card.keywords)
        self._distinctive = frozenset(
            name
            for name in candidates
            if mentions[name] <= limit and (name.isidentifier() or keyword.iskeyword(name))
        )

    @property
    def distinctive_names(self) -> frozenset[str]:
        return self._distinctive

    def check(self, answer: str, card: ConceptCard) -> GroundingVerdict:
        if not code_parses(answer):
            return GroundingVerdict(False, "its code does not parse")
        if not self._heads[card.concept_id] & set(analyse(answer)):
            return GroundingVerdict(False, f"it never names {card.title!r}")
        nearest = [other.concept_id for other in self._kb.about(answer)[:TOP_CARDS]]
        if card.concept_id not in nearest:
            return GroundingVerdict(
                False, f"it reads as {', '.join(nearest) or 'nothing'}, not {card.concept_id}"
            )
        foreign = sorted((code_names(answer) & self._distinctive) - self._words[card.concept_id])
        if foreign:
            return GroundingVerdict(
                False, f"its code uses {', '.join(foreign)}, which {card.concept_id} never shows"
            )
        return GROUNDED
