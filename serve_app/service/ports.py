"""What Triage needs from each specialist. A Ray handle adapter or the specialist itself fits."""

from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from typing import Any, Protocol

from serve_app.domain.debug import DebugRequest, Diagnosis
from serve_app.domain.exercises import ExerciseSpec
from serve_app.domain.sandbox import GradeReport
from serve_app.specialists.concepts import ConceptAnswer


class ConceptsPort(Protocol):
    # allow_llm=False answers from the knowledge base only (e.g. a student who opted out).
    async def explain(
        self, question: str, level: str, *, allow_llm: bool = True
    ) -> ConceptAnswer: ...

    def stream_explain(
        self, question: str, level: str, *, allow_llm: bool = True
    ) -> AsyncIterator[dict[str, Any]]: ...


class DebugPort(Protocol):
    # allow_llm=False keeps the student's code away from the LLM (local corrections only).
    async def diagnose(self, request: DebugRequest, *, allow_llm: bool = True) -> Diagnosis: ...


class ExercisePort(Protocol):
    async def choose(
        self,
        *,
        topic: str | None,
        difficulty: str | None,
        mastery: Mapping[str, float],
        recently_seen: Collection[str],
        extra: Sequence[ExerciseSpec] = (),
    ) -> ExerciseSpec: ...

    async def grade(self, code: str, spec: ExerciseSpec) -> tuple[GradeReport, str]: ...
