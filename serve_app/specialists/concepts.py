"""Concepts: grounded explanations from the knowledge base, optionally voiced by an LLM."""

import ast
import dataclasses
import logging
import re
from collections.abc import AsyncIterator
from typing import Any

from serve_app.domain.concepts import Explanation, KnowledgeBase
from serve_app.llm.client import ChatMessage, LLMClient, LLMUnavailable

logger = logging.getLogger(__name__)

_CODE_BLOCK = re.compile(r"```(?:python|py)?\n(.*?)```", re.DOTALL)

_SYSTEM_PROMPT = (
    "You are LearnFlow, a patient Python tutor. Explain the concept to a {level} student "
    "in at most 180 words of markdown, using only the facts in the reference card below. "
    "Include at most one short Python code block, and make sure it is valid Python 3. "
    "Do not invent APIs. End with nothing else: the platform adds the check question."
)


@dataclasses.dataclass(frozen=True)
class ConceptAnswer:
    explanation: Explanation
    llm_used: bool


def _grounding(card: Explanation) -> str:
    return (
        f"Concept: {card.concept}\n\nReference explanation:\n{card.explanation}\n\n"
        f"Example:\n```python\n{card.example_code}```\nOutput:\n{card.example_output}"
    )


def _code_parses(markdown: str) -> bool:
    try:
        for block in _CODE_BLOCK.findall(markdown):
            ast.parse(block)
    except SyntaxError:
        return False
    return True


def _chunks(text: str) -> list[str]:
    # Paragraph-sized pieces: the local answer streams in the same shape as an LLM's.
    parts = re.split(r"(\n\n)", text)
    return [p for p in parts if p]


class ConceptsSpecialist:
    def __init__(self, knowledge_base: KnowledgeBase, llm: LLMClient | None = None) -> None:
        self._kb = knowledge_base
        self._llm = llm

    def _messages(self, local: Explanation, question: str) -> list[ChatMessage]:
        return [
            {"role": "system", "content": _SYSTEM_PROMPT.format(level=local.level)},
            {"role": "system", "content": _grounding(local)},
            {"role": "user", "content": question},
        ]

    async def explain(self, question: str, level: str) -> ConceptAnswer:
        local = self._kb.explain(question, level)
        if self._llm is None or local.source != "card":
            return ConceptAnswer(local, llm_used=False)
        try:
            text = await self._llm.complete(self._messages(local, question))
        except LLMUnavailable as exc:
            logger.warning("LLM unavailable (%s); answering from the knowledge base", exc)
            return ConceptAnswer(local, llm_used=False)
        if not _code_parses(text):
            logger.warning("LLM answer had code that does not parse; using the knowledge base")
            return ConceptAnswer(local, llm_used=False)
        return ConceptAnswer(dataclasses.replace(local, explanation=text), llm_used=True)

    async def stream_explain(self, question: str, level: str) -> AsyncIterator[dict[str, Any]]:
        """Yield {"type": "meta"|"delta"|"done", ...}: the retrieved card (an Explanation)
        first, then the explanation text in pieces, then whether an LLM wrote it."""
        local = self._kb.explain(question, level)
        yield {"type": "meta", "explanation": local}
        llm_used = False
        if self._llm is not None and local.source == "card":
            sent = 0
            try:
                async for delta in self._llm.stream(self._messages(local, question)):
                    sent += 1
                    yield {"type": "delta", "text": delta}
                llm_used = sent > 0
            except LLMUnavailable as exc:
                logger.warning("LLM stream unavailable (%s); streaming the local answer", exc)
                if sent:
                    # Part of an answer already reached the student: say so, then ground it.
                    yield {
                        "type": "delta",
                        "text": "\n\n_(The AI answer was cut off; here is "
                        "the tutor's own explanation.)_\n\n",
                    }
        if not llm_used:
            for piece in _chunks(local.explanation):
                yield {"type": "delta", "text": piece}
        yield {"type": "done", "llm_used": llm_used}
