"""Recompute a topic's mastery from its evidence, store it, and announce the change."""

from datetime import datetime

import asyncpg

from serve_app.domain.mastery import (
    RECENT_EVIDENCE,
    ExerciseEvidence,
    MasteryBreakdown,
    TopicEvidence,
    compute_mastery,
    streak_days,
)
from serve_app.events.models import ProgressUpdated
from serve_app.events.outbox import append_event
from serve_app.service.context import ServiceContext
from serve_app.store.repositories import concept_checks, progress, submissions


async def topic_evidence(
    conn: asyncpg.Connection, student_id: str, topic: str, today: datetime
) -> TopicEvidence:
    graded = await submissions.topic_evidence(conn, student_id, topic, RECENT_EVIDENCE)
    return TopicEvidence(
        exercises=[
            ExerciseEvidence(
                score=float(row["score"]),
                difficulty=row["difficulty"],
                quality=float(row["quality"]) if row["quality"] is not None else None,
            )
            for row in graded
        ],
        checks=await concept_checks.recent_topic_checks(conn, student_id, topic, RECENT_EVIDENCE),
        streak_days=streak_days(await progress.activity_days(conn, student_id), today.date()),
    )


async def update_topic_mastery(
    ctx: ServiceContext, conn: asyncpg.Connection, student_id: str, topic: str
) -> MasteryBreakdown:
    """Recompute, save and emit ProgressUpdated, on the caller's transaction.

    Call it after the new evidence (a submission, a check answer) is written on `conn`.
    """
    previous = await progress.lock_topic_progress(conn, student_id, topic)
    evidence = await topic_evidence(conn, student_id, topic, ctx.clock())
    breakdown = compute_mastery(evidence)
    attempts, successes = await submissions.attempt_counts(conn, student_id, topic)
    await progress.save_topic_progress(
        conn, student_id, topic, breakdown, attempts=attempts, successes=successes
    )
    # In the event, an attempt is any evidence: a graded submission or a check answer.
    answered = await concept_checks.topic_check_count(conn, student_id, topic)
    await append_event(
        conn,
        ProgressUpdated(
            topic=topic,
            mastery=breakdown.mastery,
            previous_mastery=previous,
            attempts=attempts + answered,
            level=breakdown.level,
            components={
                "exercises": breakdown.exercises,
                "checks": breakdown.checks,
                "quality": breakdown.quality,
                "streak": breakdown.streak,
            },
        ),
        subject=ctx.pseudonymize(student_id),
    )
    return breakdown
