"""Exercise deployment: adapts Serve to ExerciseSpecialist."""

from collections.abc import Mapping, Sequence

from ray import serve

from serve_app.deployments.resources import build_llm, build_sandbox
from serve_app.domain.exercises import ExerciseSpec
from serve_app.domain.sandbox import GradeReport
from serve_app.settings import get_settings
from serve_app.specialists.exercise import ExerciseSpecialist


class Exercise:
    def __init__(self) -> None:
        settings = get_settings()
        self._llm = build_llm(settings) if settings.practice_generate_exercises else None
        self._specialist = ExerciseSpecialist(build_sandbox(settings), llm=self._llm)

    def catalogue(self) -> tuple[ExerciseSpec, ...]:
        return self._specialist.bank

    async def choose(
        self,
        *,
        topic: str | None,
        difficulty: str | None,
        mastery: Mapping[str, float],
        recently_seen: Sequence[str],
        extra: Sequence[ExerciseSpec],
    ) -> ExerciseSpec:
        return await self._specialist.choose(
            topic=topic,
            difficulty=difficulty,
            mastery=mastery,
            recently_seen=recently_seen,
            extra=extra,
        )

    async def grade(self, code: str, spec: ExerciseSpec) -> tuple[GradeReport, str]:
        return await self._specialist.grade(code, spec)

    async def __del__(self) -> None:
        if self._llm is not None:
            await self._llm.close()


# Bound explicitly (not as a decorator) so type checkers see a Deployment.
ExerciseDeployment = serve.deployment(name="Exercise")(Exercise)
