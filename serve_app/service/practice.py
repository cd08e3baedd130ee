"""Practice: issue exercises, author them, grade submissions, update mastery and alerts."""

import ast
import uuid
from typing import Any

import asyncpg

from serve_app.domain.exercises import ExerciseSpec, NoExerciseAvailable
from serve_app.domain.exercises.models import Example
from serve_app.domain.mastery import detect_struggle, update_mastery
from serve_app.domain.sandbox import GradeReport, TestCase
from serve_app.domain.topics import TOPICS
from serve_app.errors import InvalidRequest, NotFound
from serve_app.events.models import ExerciseGraded, ProgressUpdated, StruggleDetected
from serve_app.events.outbox import append_event
from serve_app.schemas.exercises import (
    ExamplePublic,
    ExercisePublic,
    ExerciseTestCreate,
    SubmissionPublic,
    TeacherExerciseCreate,
    TeacherExercisePublic,
    TestResultPublic,
)
from serve_app.service.context import ServiceContext, mastery_map, record_interaction
from serve_app.service.messages import exercise_message
from serve_app.service.ports import ExercisePort
from serve_app.store.repositories import alerts, exercises, progress, submissions
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
    )


def _check_topic(topic: str | None) -> None:
    if topic is not None and topic not in TOPICS:
        raise InvalidRequest(f"unknown topic {topic!r}; known topics: {', '.join(TOPICS)}")


class PracticeFlow:
    def __init__(self, ctx: ServiceContext, exercise: ExercisePort) -> None:
        self._ctx = ctx
        self._exercise = exercise

    async def seed_bank(self, bank: tuple[ExerciseSpec, ...]) -> None:
        async with self._ctx.db.transaction() as conn:
            await exercises.upsert_exercises(conn, bank, "bank")

    async def issue(
        self, student_id: str, *, topic: str | None, difficulty: str | None
    ) -> tuple[dict[str, Any], str]:
        """Choose an exercise for the student: (public payload, markdown message)."""
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
        payload = exercise_public(spec).model_dump()
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
            spec = await exercises.get_exercise(conn, exercise_id)
        if spec is None:
            raise NotFound("exercise", exercise_id)
        report, feedback = await self._exercise.grade(code, spec)
        async with self._ctx.db.transaction() as conn:
            submission_id = await submissions.insert_submission(
                conn,
                exercise_id=exercise_id,
                student_id=student_id,
                code=code,
                report=report,
                feedback=feedback,
            )
            subject = self._ctx.pseudonymize(student_id)
            await append_event(
                conn,
                ExerciseGraded(
                    submission_id=submission_id,
                    exercise_id=exercise_id,
                    topic=spec.topic,
                    difficulty=spec.difficulty,
                    status=report.status,
                    passed=report.passed,
                    total=report.total,
                    score=report.score,
                ),
                subject=subject,
            )
            mastery = await self._update_progress(conn, student_id, spec, report, subject)
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
            mastery=mastery,
        )

    async def _update_progress(
        self,
        conn: asyncpg.Connection,
        student_id: str,
        spec: ExerciseSpec,
        report: GradeReport,
        subject: str,
    ) -> float:
        previous, attempts, successes = await progress.lock_topic_progress(
            conn, student_id, spec.topic
        )
        attempts += 1
        successes += report.status == "passed"
        mastery = update_mastery(previous, report.score, spec.difficulty, attempts)
        await progress.save_topic_progress(
            conn, student_id, spec.topic, mastery=mastery, attempts=attempts, successes=successes
        )
        await append_event(
            conn,
            ProgressUpdated(
                topic=spec.topic, mastery=mastery, previous_mastery=previous, attempts=attempts
            ),
            subject=subject,
        )
        if report.status == "passed":
            await alerts.resolve_alerts(conn, student_id, spec.topic)
            return mastery
        # detect_struggle reads oldest first; the repository returns newest first.
        recent = list(
            reversed(await submissions.recent_topic_outcomes(conn, student_id, spec.topic))
        )
        signal = detect_struggle([r["score"] for r in recent], [r["status"] for r in recent])
        if signal is not None:
            alert_id, _ = await alerts.open_alert(
                conn,
                student_id=student_id,
                topic=spec.topic,
                reason=signal.reason,
                severity=signal.severity,
            )
            await append_event(
                conn,
                StruggleDetected(
                    alert_id=alert_id,
                    topic=spec.topic,
                    reason=signal.reason,
                    severity=signal.severity,
                ),
                subject=subject,
            )
        return mastery
