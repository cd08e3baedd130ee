"""Practice: issue exercises (a variant per student), author them, grade submissions, then
update mastery and watch for struggle."""

import ast
import asyncio
import uuid
from typing import Any

import asyncpg

from serve_app.domain.code_quality import QualityReport, assess_quality
from serve_app.domain.exercises import ExerciseSpec, NoExerciseAvailable
from serve_app.domain.exercises.feedback import with_quality_note
from serve_app.domain.exercises.models import Example
from serve_app.domain.exercises.variants import pick_variant, render_variant, variant_count
from serve_app.domain.sandbox import GradeReport, TestCase
from serve_app.domain.struggle import submission_error_type
from serve_app.domain.topics import TOPICS
from serve_app.errors import InvalidRequest, NotFound
from serve_app.events.models import ExerciseGraded
from serve_app.events.outbox import append_event
from serve_app.schemas.exercises import (
    ExamplePublic,
    ExercisePublic,
    ExerciseTestCreate,
    QualityFindingPublic,
    QualityPublic,
    SubmissionPublic,
    TeacherExerciseCreate,
    TeacherExercisePublic,
    TestResultPublic,
)
from serve_app.service.context import ServiceContext, mastery_map, record_interaction
from serve_app.service.messages import exercise_message
from serve_app.service.ports import ExercisePort
from serve_app.service.progress import update_topic_mastery
from serve_app.service.struggle import StruggleMonitor
from serve_app.store.repositories import alerts, exercises, submissions
from serve_app.store.repositories.interactions import recently_issued_exercises


def exercise_public(spec: ExerciseSpec) -> ExercisePublic:
    return ExercisePublic(
        exercise_id=spec.exercise_id,
        title=spec.title,
        prompt=spec.prompt,
        topic=spec.topic,
        difficulty=spec.difficulty,
        starter_code=spec.starter_code,
        examples=[ExamplePublic(call=e.call, result=e.result) for e in spec.examples],
        variant=spec.variant,
    )


def _check_topic(topic: str | None) -> None:
    if topic is not None and topic not in TOPICS:
        raise InvalidRequest(f"unknown topic {topic!r}; known topics: {', '.join(TOPICS)}")


def _quality_public(quality: QualityReport) -> QualityPublic:
    return QualityPublic(
        score=quality.score,
        findings=[QualityFindingPublic(line=f.line, message=f.message) for f in quality.findings],
    )


class PracticeFlow:
    def __init__(self, ctx: ServiceContext, exercise: ExercisePort) -> None:
        self._ctx = ctx
        self._exercise = exercise
        self._struggle = StruggleMonitor(ctx)

    async def seed_bank(self, bank: tuple[ExerciseSpec, ...]) -> None:
        async with self._ctx.db.transaction() as conn:
            await exercises.upsert_exercises(conn, bank, "bank")

    async def issue(
        self, student_id: str, *, topic: str | None, difficulty: str | None
    ) -> tuple[dict[str, Any], str]:
        """Choose an exercise and its variant for the student: (public payload, message)."""
        _check_topic(topic)
        async with self._ctx.db.connection() as conn:
            mastery = await mastery_map(conn, student_id)
            seen = await recently_issued_exercises(conn, student_id)
            extra = await exercises.teacher_exercises(conn, topic, difficulty)
        try:
            spec = await self._exercise.choose(
                topic=topic,
                difficulty=difficulty,
                mastery=mastery,
                recently_seen=seen,
                extra=extra,
            )
        except NoExerciseAvailable as exc:
            raise NotFound("exercise", exc.reason) from exc
        async with self._ctx.db.transaction() as conn:
            if spec.source == "generated":
                await exercises.upsert_exercises(conn, [spec], "generated")
            before = await exercises.issue_count(conn, student_id, spec.exercise_id)
            variant = pick_variant(student_id, spec.exercise_id, before, variant_count(spec))
            await exercises.record_issue(
                conn,
                student_id=student_id,
                exercise_id=spec.exercise_id,
                variant=variant,
                issued_at=self._ctx.clock(),
            )
        payload = exercise_public(render_variant(spec, variant)).model_dump()
        return payload, exercise_message(payload)

    async def new_exercise(
        self, student_id: str, *, topic: str | None, difficulty: str | None
    ) -> ExercisePublic:
        payload, message = await self.issue(student_id, topic=topic, difficulty=difficulty)
        async with self._ctx.db.transaction() as conn:
            await record_interaction(
                self._ctx,
                conn,
                student_id=student_id,
                route="exercise",
                confidence=1.0,
                text=f"practice request (topic: {topic or 'any'}, "
                f"difficulty: {difficulty or 'any'})",
                code=None,
                message=message,
                payload=payload,
            )
        return ExercisePublic(**payload)

    async def create_teacher_exercise(self, body: TeacherExerciseCreate) -> TeacherExercisePublic:
        _check_topic(body.topic)
        for test in body.tests:
            try:
                ast.parse(test.code)
            except SyntaxError as exc:
                raise InvalidRequest(f"test {test.name!r} is not valid Python: {exc.msg}") from exc
        spec = ExerciseSpec(
            exercise_id=f"teacher-{uuid.uuid4().hex[:12]}",
            title=body.title,
            prompt=body.prompt,
            topic=body.topic,
            difficulty=body.difficulty,
            starter_code=body.starter_code,
            examples=tuple(Example(call=e.call, result=e.result) for e in body.examples),
            tests=tuple(TestCase(name=t.name, code=t.code) for t in body.tests),
            solution=body.solution or "",
            source="teacher",
        )
        if body.solution is not None:
            report, _ = await self._exercise.grade(body.solution, spec)
            if report.status != "passed":
                failed = next((r for r in report.results if not r.passed), None)
                detail = f"{failed.name}: {failed.message}" if failed else report.status
                raise InvalidRequest(f"the reference solution does not pass its tests ({detail})")
        async with self._ctx.db.transaction() as conn:
            await exercises.insert_exercise(conn, spec, "teacher")
        return TeacherExercisePublic(
            **exercise_public(spec).model_dump(),
            tests=[ExerciseTestCreate(name=t.name, code=t.code) for t in spec.tests],
            source="teacher",
        )

    async def submit(self, exercise_id: str, student_id: str, code: str) -> SubmissionPublic:
        async with self._ctx.db.connection() as conn:
            template = await exercises.get_exercise(conn, exercise_id)
            issued = await exercises.latest_issue(conn, student_id, exercise_id)
        if template is None:
            raise NotFound("exercise", exercise_id)
        # Grade against the variant the student was shown; one never issued (the exercise id
        # came from elsewhere) gets the student's first variant, as a first issue would.
        variant = (
            issued[0]
            if issued is not None
            else pick_variant(student_id, exercise_id, 0, variant_count(template))
        )
        spec = render_variant(template, variant)
        (report, feedback), quality = await asyncio.gather(
            self._exercise.grade(code, spec), asyncio.to_thread(assess_quality, code)
        )
        feedback = with_quality_note(
            feedback, report.status, [(f.line, f.message) for f in quality.findings]
        )
        async with self._ctx.db.transaction() as conn:
            submission_id = await submissions.insert_submission(
                conn,
                exercise_id=exercise_id,
                student_id=student_id,
                code=code,
                report=report,
                feedback=feedback,
                variant=spec.variant,
                error_type=submission_error_type(report),
                quality=quality,
                created_at=self._ctx.clock(),
            )
            await self._announce_grade(conn, student_id, submission_id, spec, report)
            breakdown = await update_topic_mastery(self._ctx, conn, student_id, spec.topic)
            if report.status == "passed":
                await alerts.resolve_alerts(conn, student_id, spec.topic)
            else:
                await self._struggle.after_submission(conn, student_id, submission_id, exercise_id)
        return SubmissionPublic(
            submission_id=submission_id,
            exercise_id=exercise_id,
            status=report.status,
            passed=report.passed,
            total=report.total,
            score=report.score,
            results=[
                TestResultPublic(name=r.name, passed=r.passed, message=r.message)
                for r in report.results
            ],
            feedback=feedback,
            mastery=breakdown.mastery,
            level=breakdown.level,
            quality=_quality_public(quality),
            variant=spec.variant,
        )

    async def _announce_grade(
        self,
        conn: asyncpg.Connection,
        student_id: str,
        submission_id: str,
        spec: ExerciseSpec,
        report: GradeReport,
    ) -> None:
        await append_event(
            conn,
            ExerciseGraded(
                submission_id=submission_id,
                exercise_id=spec.exercise_id,
                topic=spec.topic,
                difficulty=spec.difficulty,
                status=report.status,
                passed=report.passed,
                total=report.total,
                score=report.score,
            ),
            subject=self._ctx.pseudonymize(student_id),
        )
