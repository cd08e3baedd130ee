"""Read models: a student's progress and history, the teacher's open alerts and class."""

from collections.abc import Collection

from serve_app.domain.mastery import mastery_level, streak_days
from serve_app.schemas.students import (
    AlertPublic,
    AlertsPublic,
    HistoryPublic,
    InteractionPublic,
    MasteryComponentsPublic,
    ProgressPublic,
    SubmissionSummaryPublic,
    TopicProgressPublic,
)
from serve_app.schemas.teacher import (
    ClassProgressPublic,
    StudentOverviewPublic,
    TopicMasteryPublic,
)
from serve_app.service.context import ServiceContext
from serve_app.store.repositories import alerts, interactions, progress, submissions
from serve_app.store.repositories.class_progress import class_progress

# Below this mastery, after a few attempts, a topic counts as one the student struggles with.
_STRUGGLING_BELOW = 40.0
_MIN_ATTEMPTS = 3


class Reports:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    async def progress(self, student_id: str) -> ProgressPublic:
        async with self._ctx.db.connection() as conn:
            rows = await progress.topic_progress(conn, student_id)
            days = await progress.activity_days(conn, student_id)
            alert_topics = await alerts.open_alert_topics(conn, student_id)
        topics = {
            row["topic"]: TopicProgressPublic(
                mastery=round(float(row["mastery"]), 1),
                level=mastery_level(float(row["mastery"])),
                attempts=row["attempts"],
                successes=row["successes"],
                components=MasteryComponentsPublic(
                    exercises=row["exercise_score"],
                    checks=row["check_score"],
                    quality=row["quality_score"],
                    streak=row["streak_score"],
                ),
            )
            for row in rows
        }
        overall = sum(t.mastery for t in topics.values()) / len(topics) if topics else 0.0
        struggling = sorted(
            set(alert_topics)
            | {
                name
                for name, t in topics.items()
                if t.mastery < _STRUGGLING_BELOW and t.attempts >= _MIN_ATTEMPTS
            }
        )
        return ProgressPublic(
            student_id=student_id,
            topics=topics,
            overall_mastery=round(overall, 1),
            streak_days=streak_days(days, self._ctx.clock().date()),
            struggling=struggling,
        )

    async def history(self, student_id: str, limit: int = 20) -> HistoryPublic:
        async with self._ctx.db.connection() as conn:
            recent = await interactions.recent_interactions(conn, student_id, limit)
            graded = await submissions.recent_submissions(conn, student_id, limit)
        return HistoryPublic(
            student_id=student_id,
            interactions=[InteractionPublic(**dict(row)) for row in recent],
            submissions=[SubmissionSummaryPublic(**dict(row)) for row in graded],
        )

    async def open_alerts(self) -> AlertsPublic:
        async with self._ctx.db.connection() as conn:
            rows = await alerts.open_alerts(conn)
        return AlertsPublic(alerts=[AlertPublic(**dict(row)) for row in rows])

    async def class_progress(
        self,
        *,
        teacher_id: str | None,
        class_ids: Collection[str] | None = None,
        after: str | None = None,
        limit: int = 200,
    ) -> ClassProgressPublic:
        """A page of students' progress: a teacher's classes, or everyone (`teacher_id` None)."""
        async with self._ctx.db.connection() as conn:
            rows = await class_progress(
                conn, teacher_id=teacher_id, class_ids=class_ids, after=after, limit=limit
            )
        today = self._ctx.clock().date()
        students = []
        for row in rows:
            # Rounded as GET /v1/students/{id}/progress rounds, so both pages agree.
            topics = {
                topic: TopicMasteryPublic(mastery=round(value, 1), level=mastery_level(value))
                for topic, value in row.mastery_by_topic.items()
            }
            overall = sum(t.mastery for t in topics.values()) / len(topics) if topics else 0.0
            students.append(
                StudentOverviewPublic(
                    student_id=row.student_id,
                    overall_mastery=round(overall, 1),
                    streak_days=streak_days(row.activity_days, today),
                    topics=topics,
                    open_alerts=row.open_alerts,
                )
            )
        full_page = len(rows) == limit
        return ClassProgressPublic(
            students=students, next_after=rows[-1].student_id if full_page and rows else None
        )
