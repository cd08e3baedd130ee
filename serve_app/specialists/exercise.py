"""Exercise: choose practice for a student and grade submissions in the sandbox."""

import random
from collections.abc import Collection, Mapping, Sequence

from serve_app.domain.exercises import ExerciseSpec, feedback_for, load_bank, select_exercise
from serve_app.domain.sandbox import GradeReport, Sandbox


class ExerciseSpecialist:
    def __init__(self, sandbox: Sandbox, bank: Sequence[ExerciseSpec] | None = None) -> None:
        self._sandbox = sandbox
        self._bank = tuple(bank) if bank is not None else load_bank()
        self._rng = random.Random()  # noqa: S311 - picking practice, not secrets

    @property
    def bank(self) -> tuple[ExerciseSpec, ...]:
        return self._bank

    async def choose(
        self,
        *,
        topic: str | None,
        difficulty: str | None,
        mastery: Mapping[str, float],
        recently_seen: Collection[str],
        extra: Sequence[ExerciseSpec] = (),
    ) -> ExerciseSpec:
        """Pick from the bank plus `extra` (e.g. teacher exercises for that topic)."""
        return select_exercise(
            (*self._bank, *extra),
            topic=topic,
            difficulty=difficulty,
            mastery=mastery,
            recently_seen=recently_seen,
            rng=self._rng,
        )

    async def grade(self, code: str, spec: ExerciseSpec) -> tuple[GradeReport, str]:
        report = await self._sandbox.grade(code, spec.tests)
        return report, feedback_for(report, spec)
