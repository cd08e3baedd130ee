"""Graded submissions."""

import uuid
from typing import Any

import asyncpg

from serve_app.domain.sandbox import GradeReport


async def insert_submission(
    conn: asyncpg.Connection,
    *,
    exercise_id: str,
    student_id: str,
    code: str,
    report: GradeReport,
    feedback: str,
) -> str:
    submission_id = str(uuid.uuid4())
    await conn.execute(
        """
        INSERT INTO submissions (submission_id, exercise_id, student_id, code, status, passed,
                                 total, score, results, feedback)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
        """,
        submission_id,
        exercise_id,
        student_id,
        code,
        report.status,
        report.passed,
        report.total,
        report.score,
        [{"name": r.name, "passed": r.passed, "message": r.message} for r in report.results],
        feedback,
    )
    return submission_id


async def recent_submissions(
    conn: asyncpg.Connection, student_id: str, limit: int = 20
) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT s.submission_id::text, s.exercise_id, e.title, e.topic, s.status, s.passed,
               s.total, s.score, s.created_at
        FROM submissions s JOIN exercises e USING (exercise_id)
        WHERE s.student_id = $1 ORDER BY s.created_at DESC LIMIT $2
        """,
        student_id,
        limit,
    )
    return rows


async def recent_topic_outcomes(
    conn: asyncpg.Connection, student_id: str, topic: str, limit: int = 5
) -> list[dict[str, Any]]:
    """Newest first: the student's latest graded attempts on one topic."""
    rows = await conn.fetch(
        """
        SELECT s.score, s.status FROM submissions s JOIN exercises e USING (exercise_id)
        WHERE s.student_id = $1 AND e.topic = $2 ORDER BY s.created_at DESC LIMIT $3
        """,
        student_id,
        topic,
        limit,
    )
    return [{"score": row["score"], "status": row["status"]} for row in rows]
