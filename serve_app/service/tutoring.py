"""Triage, ask and explain: the conversational entry points."""

import dataclasses
from collections.abc import AsyncIterator
from typing import Any

from serve_app.domain.concepts import Explanation
from serve_app.domain.struggle import says_stuck
from serve_app.domain.triage import TriageClassifier, TriageDecision, off_topic_reply
from serve_app.schemas.tutoring import AskPublic, ExplanationPublic, TriagePublic
from serve_app.service.context import (
    ServiceContext,
    level_from_mastery,
    llm_allowed,
    mastery_map,
    record_interaction,
)
from serve_app.service.debugging import DebugFlow, extract_code
from serve_app.service.messages import clarification_message, concept_message
from serve_app.service.ports import ConceptsPort
from serve_app.service.practice import PracticeFlow
from serve_app.service.struggle import StruggleMonitor
from serve_app.specialists.concepts import ConceptAnswer
from serve_app.specialists.triage_llm import TriageSettler
from serve_app.store.repositories.interactions import last_route


def explanation_payload(answer: ConceptAnswer) -> dict[str, Any]:
    payload = dataclasses.asdict(answer.explanation)
    payload.pop("score", None)
    payload["references"] = list(payload["references"])
    payload["common_mistakes"] = list(payload["common_mistakes"])
    payload["llm_used"] = answer.llm_used
    return payload


class TutoringFlow:
    def __init__(
        self,
        ctx: ServiceContext,
        classifier: TriageClassifier,
        concepts: ConceptsPort,
        debugging: DebugFlow,
        practice: PracticeFlow,
        settler: TriageSettler | None = None,
    ) -> None:
        self._ctx = ctx
        self._classifier = classifier
        self._settler = settler
        self._concepts = concepts
        self._debugging = debugging
        self._practice = practice

    def triage(self, text: str, code: str | None) -> TriagePublic:
        return _triage_public(self._classifier.classify(text, code))

    async def decide(self, student_id: str, text: str, code: str | None) -> TriageDecision:
        async with self._ctx.db.connection() as conn:
            previous = await last_route(conn, student_id)
        decision = self._classifier.classify(text, code, previous_route=previous)
        # Only /v1/ask pays for the LLM: /v1/triage stays a local, sub-millisecond answer.
        if (
            self._settler is None
            or not decision.needs_clarification
            or not await llm_allowed(self._ctx, student_id)
        ):
            return decision
        return await self._settler.settle(text, code, decision)

    async def explain(self, student_id: str, text: str, level: str | None) -> ExplanationPublic:
        topic = self._classifier.classify(text).topic
        answer = await self._explain_at_level(student_id, text, level, topic)
        payload = explanation_payload(answer)
        interaction_id = await self._record(
            student_id, "concepts", 1.0, text, None, concept_message(payload), payload
        )
        return ExplanationPublic(interaction_id=interaction_id, **payload)

    async def _level_for(self, student_id: str, topic: str | None) -> str:
        async with self._ctx.db.connection() as conn:
            return level_from_mastery(await mastery_map(conn, student_id), topic)

    async def _explain_at_level(
        self, student_id: str, text: str, level: str | None, topic: str | None
    ) -> ConceptAnswer:
        return await self._concepts.explain(
            text,
            level or await self._level_for(student_id, topic),
            allow_llm=await llm_allowed(self._ctx, student_id),
        )

    async def ask(self, student_id: str, text: str, code: str | None) -> AskPublic:
        decision = await self.decide(student_id, text, code)
        await self._note_if_stuck(student_id, text, decision.topic)
        return await self._answer(student_id, text, code, decision)

    async def _note_if_stuck(self, student_id: str, text: str, topic: str | None) -> None:
        """Messages like "I'm stuck" open a teacher alert (struggle rule says_stuck)."""
        if says_stuck(text):  # checked first: ordinary messages cost no transaction
            async with self._ctx.db.transaction() as conn:
                await StruggleMonitor(self._ctx).after_message(conn, student_id, text, topic)

    async def _answer(
        self, student_id: str, text: str, code: str | None, decision: TriageDecision
    ) -> AskPublic:
        if decision.needs_clarification:
            question = decision.clarifying_question or "Could you tell me a bit more?"
            payload: dict[str, Any] = {"clarifying_question": question}
            message = clarification_message(question)
        elif decision.route == "off_topic":
            message = off_topic_reply(text)
            payload = {"reply": message}
        elif decision.route == "concepts":
            answer = await self._explain_at_level(student_id, text, None, decision.topic)
            payload = explanation_payload(answer)
            message = concept_message(payload)
        elif decision.route == "debug":
            return await self._ask_debug(student_id, text, code, decision)
        else:
            payload, message = await self._practice.issue(
                student_id, topic=decision.topic, difficulty=None
            )
        interaction_id = await self._record(
            student_id, decision.route, decision.confidence, text, code, message, payload
        )
        return AskPublic(
            interaction_id=interaction_id,
            route=decision.route,
            confidence=decision.confidence,
            needs_clarification=decision.needs_clarification,
            message=message,
            payload=payload,
        )

    async def ask_stream(
        self, student_id: str, text: str, code: str | None
    ) -> AsyncIterator[tuple[str, dict[str, Any]]]:
        """Yield (event, data) pairs: `meta`, then `delta`s of the message, then `done`.

        Concept answers stream as the specialist produces them (token by token from an
        LLM); other routes are computed whole and sent as one delta. A `retract` event means
        "discard the deltas so far": the LLM's answer strayed from the card, and the card's
        own text follows. `done` always carries the final message.
        """
        decision = await self.decide(student_id, text, code)
        await self._note_if_stuck(student_id, text, decision.topic)
        meta = {
            "route": decision.route,
            "confidence": decision.confidence,
            "needs_clarification": decision.needs_clarification,
        }
        if decision.route != "concepts" or decision.needs_clarification:
            answer = await self._answer(student_id, text, code, decision)
            yield "meta", meta
            yield "delta", {"text": answer.message}
            yield "done", answer.model_dump()
            return
        level = await self._level_for(student_id, decision.topic)
        yield "meta", meta
        pieces: list[str] = []
        card: Explanation | None = None
        llm_used = False
        allow_llm = await llm_allowed(self._ctx, student_id)
        async for item in self._concepts.stream_explain(text, level, allow_llm=allow_llm):
            if item["type"] == "meta":
                card = item["explanation"]
            elif item["type"] == "delta":
                pieces.append(item["text"])
                yield "delta", {"text": item["text"]}
            elif item["type"] == "retract":
                # The LLM's streamed text failed the grounding check: the client drops it.
                pieces.clear()
                yield "retract", {"reason": item["reason"]}
            elif item["type"] == "done":
                llm_used = bool(item["llm_used"])
        if card is None:
            raise RuntimeError("the concepts stream ended without its card")
        streamed = dataclasses.replace(card, explanation="".join(pieces))
        payload = explanation_payload(ConceptAnswer(streamed, llm_used))
        message = concept_message(payload)
        interaction_id = await self._record(
            student_id, "concepts", decision.confidence, text, code, message, payload
        )
        yield (
            "done",
            AskPublic(
                interaction_id=interaction_id,
                route="concepts",
                confidence=decision.confidence,
                needs_clarification=False,
                message=message,
                payload=payload,
            ).model_dump(),
        )

    async def _ask_debug(
        self, student_id: str, text: str, code: str | None, decision: TriageDecision
    ) -> AskPublic:
        program = code or extract_code(text)
        if not program:
            question = "Please paste the code that fails (and the error you see), and I'll help."
            interaction_id = await self._record(
                student_id,
                "debug",
                decision.confidence,
                text,
                code,
                question,
                {"clarifying_question": question},
            )
            return AskPublic(
                interaction_id=interaction_id,
                route="debug",
                confidence=decision.confidence,
                needs_clarification=True,
                message=question,
                payload={"clarifying_question": question},
            )
        result = await self._debugging.start(
            student_id,
            program,
            error=text if code else None,
            stdin=None,
            expected_output=None,
            ask_text=text,
            confidence=decision.confidence,
        )
        return AskPublic(
            interaction_id=result.interaction_id,
            route="debug",
            confidence=decision.confidence,
            needs_clarification=False,
            message=self._debugging.message_for(result),
            payload=result.model_dump(),
        )

    async def _record(
        self,
        student_id: str,
        route: str,
        confidence: float,
        text: str,
        code: str | None,
        message: str,
        payload: dict[str, Any],
    ) -> str:
        async with self._ctx.db.transaction() as conn:
            return await record_interaction(
                self._ctx,
                conn,
                student_id=student_id,
                route=route,
                confidence=confidence,
                text=text,
                code=code,
                message=message,
                payload=payload,
            )


def _triage_public(decision: TriageDecision) -> TriagePublic:
    return TriagePublic(
        route=decision.route,
        confidence=decision.confidence,
        needs_clarification=decision.needs_clarification,
        clarifying_question=decision.clarifying_question,
        topic=decision.topic,
    )
