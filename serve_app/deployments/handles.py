"""Adapters from Ray `DeploymentHandle`s to the ports the use cases expect.

A specialist that is down or overloaded becomes `DependencyUnavailable` (HTTP 503 with
Retry-After), so the HTTP layer never has to know about Ray's exception types.
"""

from collections.abc import AsyncIterator, Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from ray.exceptions import ActorUnavailableError, RayActorError
from ray.serve.exceptions import (
    BackPressureError,
    DeploymentUnavailableError,
    ReplicaUnavailableError,
)
from ray.serve.handle import DeploymentHandle, DeploymentResponseGenerator

from serve_app.domain.debug import DebugRequest, Diagnosis
from serve_app.domain.exercises import ExerciseSpec
from serve_app.domain.sandbox import GradeReport
from serve_app.errors import DependencyUnavailable
from serve_app.specialists.concepts import ConceptAnswer

_UNAVAILABLE = (
    RayActorError,
    ActorUnavailableError,
    BackPressureError,
    DeploymentUnavailableError,
    ReplicaUnavailableError,
)


@contextmanager
def _specialist(name: str) -> Iterator[None]:
    try:
        yield
    except _UNAVAILABLE as exc:
        raise DependencyUnavailable(f"the {name} service is unavailable right now") from exc


class ConceptsHandle:
    def __init__(self, handle: DeploymentHandle[Any]) -> None:
        self._handle = handle
        self._streaming = handle.options(stream=True)

    async def explain(self, question: str, level: str, *, allow_llm: bool = True) -> ConceptAnswer:
        with _specialist("concepts"):
            answer: ConceptAnswer = await self._handle.explain.remote(
                question, level, allow_llm=allow_llm
            )
        return answer

    async def stream_explain(
        self, question: str, level: str, *, allow_llm: bool = True
    ) -> AsyncIterator[dict[str, Any]]:
        stream: DeploymentResponseGenerator[dict[str, Any]] = self._streaming.stream_explain.remote(
            question, level, allow_llm=allow_llm
        )  # type: ignore[assignment]
        with _specialist("concepts"):
            async for item in stream:
                yield item


class DebugHandle:
    def __init__(self, handle: DeploymentHandle[Any]) -> None:
        self._handle = handle

    async def diagnose(self, request: DebugRequest, *, allow_llm: bool = True) -> Diagnosis:
        with _specialist("debug"):
            diagnosis: Diagnosis = await self._handle.diagnose.remote(request, allow_llm=allow_llm)
        return diagnosis


class ExerciseHandle:
    def __init__(self, handle: DeploymentHandle[Any]) -> None:
        self._handle = handle

    async def catalogue(self) -> tuple[ExerciseSpec, ...]:
        with _specialist("exercise"):
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
        with _specialist("exercise"):
            spec: ExerciseSpec = await self._handle.choose.remote(
                topic=topic,
                difficulty=difficulty,
                mastery=dict(mastery),
                recently_seen=list(recently_seen),
                extra=list(extra),
            )
        return spec

    async def grade(self, code: str, spec: ExerciseSpec) -> tuple[GradeReport, str]:
        with _specialist("exercise"):
            result: tuple[GradeReport, str] = await self._handle.grade.remote(code, spec)
        return result
