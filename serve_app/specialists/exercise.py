"""Exercise: choose practice for a student and grade submissions in the sandbox.

With an LLM, the specialist first picks what the student should practise (topic and
difficulty, from the bank's selection), then asks the LLM for a fresh exercise on it. The
generated exercise is served only when the sandbox proves it: the reference solution passes
every generated test and shows the examples, and the starter code does not pass. Otherwise
the bank's choice is served.
"""

import asyncio
import logging
import random
from collections.abc import Collection, Mapping, Sequence

from serve_app.domain.exercises import ExerciseSpec, feedback_for, load_bank, select_exercise
from serve_app.domain.exercises.generated import (
    GENERATION_INSTRUCTIONS,
    InvalidGeneratedExercise,
    generation_request,
    parse_generated_exercise,
    verification_tests,
)
from serve_app.domain.sandbox import GradeReport, Sandbox
from serve_app.llm.client import LLMClient, LLMUnavailable

logger = logging.getLogger(__name__)


class ExerciseSpecialist:
    def __init__(
        self,
        sandbox: Sandbox,
        bank: Sequence[ExerciseSpec] | None = None,
        llm: LLMClient | None = None,
    ) -> None:
        self._sandbox = sandbox
        self._bank = tuple(bank) if bank is not None else load_bank()
        self._llm = llm
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
        """Pick from the bank plus `extra` (e.g. teacher exercises), or a verified generated one."""
        chosen = select_exercise(
            (*self._bank, *extra),
            topic=topic,
            difficulty=difficulty,
            mastery=mastery,
            recently_seen=recently_seen,
            rng=self._rng,
        )
        if self._llm is None:
            return chosen
        generated = await self.generate(chosen.topic, chosen.difficulty)
        return generated or chosen

    async def generate(self, topic: str, difficulty: str) -> ExerciseSpec | None:
        """A generated exercise the sandbox has verified, or None."""
        if self._llm is None:
            return None
        titles = [spec.title for spec in self._bank if spec.topic == topic]
        try:
            answer = await self._llm.complete(
                [
                    {"role": "system", "content": GENERATION_INSTRUCTIONS},
                    {"role": "user", "content": generation_request(topic, difficulty, titles)},
                ],
                max_tokens=1500,
            )
            spec = parse_generated_exercise(answer, topic=topic, difficulty=difficulty)
        except (LLMUnavailable, InvalidGeneratedExercise) as exc:
            logger.info("generated exercise not used: %s", type(exc).__name__)
            return None
        solution, starter = await asyncio.gather(
            self._sandbox.grade(spec.solution, verification_tests(spec)),
            self._sandbox.grade(spec.starter_code, spec.tests),
        )
        if solution.status != "passed":
            logger.info("generated exercise rejected: its solution %s", solution.status)
            return None
        if starter.status == "passed":
            logger.info("generated exercise rejected: its starter code passes the tests")
            return None
        return spec

    async def grade(self, code: str, spec: ExerciseSpec) -> tuple[GradeReport, str]:
        report = await self._sandbox.grade(code, spec.tests)
        return report, feedback_for(report, spec)
