"""Adapters from Ray `DeploymentHandle`s to the ports the use cases expect."""

from collections.abc import AsyncIterator, Collection, Mapping, Sequence
from typing import Any

from ray.serve.handle import DeploymentHandle, DeploymentResponseGenerator

from serve_app.domain.debug import DebugRequest, Diagnosis
from serve_app.domain.exercises import ExerciseSpec
from serve_app.domain.sandbox import GradeReport
from serve_app.specialists.concepts import ConceptAnswer


class ConceptsHandle:
    def __init__(self, handle: DeploymentHandle[Any]) -> None:
        self._handle = handle
        self._streaming = handle.options(stream=True)

    async def explain(self, question: str, level: str) -> ConceptAnswer:
        answer: ConceptAnswer = await self._handle.explain.remote(question, level)
        return answer

    async def stream_explain(self, question: str, level: str) -> AsyncIterator[dict[str, Any]]:
        stream: DeploymentResponseGenerator[dict[str, Any]] = self._streaming.stream_explain.remote(
            question, level
        )  # type: ignore[assignment]
        async for item in stream:
            yield item


class DebugHandle:
    def __init__(self, handle: DeploymentHandle[Any]) -> None:
        self._handle = handle

    async def diagnose(self, request: DebugRequest) -> Diagnosis:
        diagnosis: Diagnosis = await self._handle.diagnose.remote(request)
        return diagnosis


class ExerciseHandle:
    def __init__(self, handle: DeploymentHandle[Any]) -> None:
        self._handle = handle

    async def catalogue(self) -> tuple[ExerciseSpec, ...]:
        bank: tuple[ExerciseSpec, ...] = await self._handle.catalogue.remote()
        return bank

    async def choose(
        self,
        *,
        topic: str | None,
        difficulty: str | None,
        mastery: Mapping[str, float],
        recently_seen: Collection[str],
        extra: Sequence[ExerciseSpec] = (),
    ) -> ExerciseSpec:
        spec: ExerciseSpec = await self._handle.choose.remote(
            topic=topic,
            difficulty=difficulty,
            mastery=dict(mastery),
            recently_seen=list(recently_seen),
            extra=list(extra),
        )
        return spec

    async def grade(self, code: str, spec: ExerciseSpec) -> tuple[GradeReport, str]:
        result: tuple[GradeReport, str] = await self._handle.grade.remote(code, spec)
        return result
