"""Concepts: grounded explanations from the knowledge base, optionally voiced by an LLM.

The card is the source of truth. An LLM (when configured and allowed for the student) gets the
retrieved card as grounding and rewrites it for the student's level; its answer is kept only
if `GroundingChecker` finds it grounded (code parses, names the concept, reads as this card,
brings in no other concept's identifiers). Otherwise the student gets the card's own text.
The card's verified example code and output are always the card's, never the LLM's.
"""

import dataclasses
import logging
import re
from collections.abc import AsyncIterator
from typing import Any, Final

from serve_app.domain.concepts import Explanation, KnowledgeBase
from serve_app.domain.concepts.grounding import GroundingChecker, GroundingVerdict
from serve_app.llm.client import ChatMessage, LLMClient, LLMUnavailable

logger = logging.getLogger(__name__)

_LEVEL_GUIDANCE: Final = {
    "beginner": "who is new to programming: plain words, one everyday analogy, no jargon",
    "intermediate": "who knows the basics: precise terms, typical uses and pitfalls",
    "advanced": "who is fluent: semantics, edge cases and how Python implements it",
}

_SYSTEM_PROMPT: Final = (
    "You are LearnFlow, a patient Python tutor. Explain the concept to a {level} student "
    "({guidance}) in at most 180 words of markdown, using only the facts in the reference "
    "card below and naming the concept as the card does. Stay on this one concept: do not "
    "introduce Python features the card does not show. Include at most one short Python code "
    "block, and make sure it is valid Python 3. Do not invent APIs. "
    "End with nothing else: the platform adds the example and the check question."
)

RETRACTION_NOTE: Final = "_(That AI answer did not match the lesson; here is the tutor's own.)_"
CUT_OFF_NOTE: Final = "\n\n_(The AI answer was cut off; here is the tutor's own explanation.)_\n\n"


@dataclasses.dataclass(frozen=True)
class ConceptAnswer:
    explanation: Explanation
    llm_used: bool


def _grounding(card: Explanation) -> str:
    return (
        f"Concept: {card.concept}\n\nReference explanation:\n{card.explanation}\n\n"
        f"Example:\n```python\n{card.example_code}```\nOutput:\n{card.example_output}"
    )


def _chunks(text: str) -> list[str]:
    # Paragraph-sized pieces: the local answer streams in the same shape as an LLM's.
    parts = re.split(r"(\n\n)", text)
    return [p for p in parts if p]


class ConceptsSpecialist:
    def __init__(self, knowledge_base: KnowledgeBase, llm: LLMClient | None = None) -> None:
        self._kb = knowledge_base
        self._llm = llm
        self._checker = GroundingChecker(knowledge_base)

    def _messages(self, local: Explanation, question: str) -> list[ChatMessage]:
        guidance = _LEVEL_GUIDANCE.get(local.level, "")
        return [
            {
                "role": "system",
                "content": _SYSTEM_PROMPT.format(level=local.level, guidance=guidance),
            },
            {"role": "system", "content": _grounding(local)},
            {"role": "user", "content": question},
        ]

    def _uses_llm(self, local: Explanation, allow_llm: bool) -> bool:
        return allow_llm and self._llm is not None and local.source == "card"

    def grounding_verdict(self, text: str, local: Explanation) -> GroundingVerdict:
        """Whether an LLM's `text` stays grounded in the card behind `local`."""
        card = self._kb.get(local.concept_id) if local.concept_id else None
        if card is None:
            return GroundingVerdict(False, "there is no card to ground it in")
        return self._checker.check(text, card)

    async def explain(self, question: str, level: str, *, allow_llm: bool = True) -> ConceptAnswer:
        local = self._kb.explain(question, level)
        if self._llm is None or not self._uses_llm(local, allow_llm):
            return ConceptAnswer(local, llm_used=False)
        try:
            text = await self._llm.complete(self._messages(local, question))
        except LLMUnavailable as exc:
            logger.warning("LLM unavailable (%s); answering from the knowledge base", exc)
            return ConceptAnswer(local, llm_used=False)
        verdict = self.grounding_verdict(text, local)
        if not verdict.grounded:
            logger.warning(
                "LLM answer for %s rejected (%s); using the knowledge base",
                local.concept_id,
                verdict.reason,
            )
            return ConceptAnswer(local, llm_used=False)
        return ConceptAnswer(dataclasses.replace(local, explanation=text), llm_used=True)

    async def stream_explain(
        self, question: str, level: str, *, allow_llm: bool = True
    ) -> AsyncIterator[dict[str, Any]]:
        """Yield {"type": "meta"|"delta"|"retract"|"done", ...}.

        `meta` carries the retrieved card (an Explanation); `delta`s carry the explanation
        text in pieces as it is produced. The LLM's text streams live, so it can only be
        checked once complete: if it turns out ungrounded, `retract` says "discard every
        delta so far" and the card's own text follows. `done` says whether an LLM wrote what
        remains.
        """
        local = self._kb.explain(question, level)
        yield {"type": "meta", "explanation": local}
        llm_used = False
        if self._llm is not None and self._uses_llm(local, allow_llm):
            pieces: list[str] = []
            try:
                async for delta in self._llm.stream(self._messages(local, question)):
                    pieces.append(delta)
                    yield {"type": "delta", "text": delta}
            except LLMUnavailable as exc:
                logger.warning("LLM stream unavailable (%s); streaming the local answer", exc)
                if pieces:
                    # Part of an answer already reached the student: say so, then ground it.
                    yield {"type": "delta", "text": CUT_OFF_NOTE}
            else:
                if pieces:
                    verdict = self.grounding_verdict("".join(pieces), local)
                    llm_used = verdict.grounded
                    if not verdict.grounded:
                        logger.warning(
                            "streamed LLM answer for %s rejected (%s); retracting it",
                            local.concept_id,
                            verdict.reason,
                        )
                        yield {"type": "retract", "reason": RETRACTION_NOTE}
        if not llm_used:
            for piece in _chunks(local.explanation):
                yield {"type": "delta", "text": piece}
        yield {"type": "done", "llm_used": llm_used}
