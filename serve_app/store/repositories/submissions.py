"""Graded submissions, and the recent attempts (submissions and debug runs) struggle rules read.

The code, test results, feedback and quality findings are encrypted (results and feedback
quote the code and its output); status, counts, score, error type and quality score stay in
clear: mastery and struggle detection aggregate them."""

import uuid
from datetime import datetime
from typing import Any

import asyncpg

from serve_app.domain.code_quality import QualityReport
from serve_app.domain.sandbox import GradeReport
from serve_app.privacy.fields import seal, seal_json


async def insert_submission(
    conn: asyncpg.Connection,
    *,
    exercise_id: str,
    student_id: str,
    code: str,
    report: GradeReport,
    feedback: str,
    variant: int | None = None,
    error_type: str | None = None,
    quality: QualityReport | None = None,
    created_at: datetime | None = None,
) -> str:
    submission_id = str(uuid.uuid4())
    results = [{"name": r.name, "passed": r.passed, "message": r.message} for r in report.results]
    findings = [{"line": f.line, "message": f.message} for f in quality.findings] if quality else []
    await conn.execute(
        """
        INSERT INTO submissions (submission_id, exercise_id, student_id, code, status, passed,
                                 total, score, results, feedback, variant, error_type, quality,
                                 quality_findings, created_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
                coalesce($15, now()))
        """,
        submission_id,
        exercise_id,
        student_id,
        seal("submissions", "code", submission_id, student_id, code),
        report.status,
        report.passed,
        report.total,
        report.score,
        seal_json("submissions", "results", submission_id, student_id, results),
        seal("submissions", "feedback", submission_id, student_id, feedback),
        variant,
        error_type,
        quality.score if quality is not None else None,
        seal_json("submissions", "quality_findings", submission_id, student_id, findings),
        created_at,
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


async def topic_evidence(
    conn: asyncpg.Connection, student_id: str, topic: str, limit: int
) -> list[dict[str, Any]]:
    """Newest first: score, difficulty and quality of the latest submissions in a topic."""
    rows = await conn.fetch(
        """
        SELECT s.score, e.difficulty, s.quality FROM submissions s JOIN exercises e
            USING (exercise_id)
        WHERE s.student_id = $1 AND e.topic = $2
        ORDER BY s.created_at DESC LIMIT $3
        """,
        student_id,
        topic,
        limit,
    )
    return [dict(row) for row in rows]


# A submission as an attempt row (see recent_attempts), for the queries below to filter.
_SUBMISSION_ATTEMPTS = """
    SELECT s.submission_id::text AS ref, 'submission' AS kind, s.created_at AS at,
           e.topic, s.error_type, s.status <> 'passed' AS failed, s.exercise_id,
           s.score::float8 AS score
    FROM submissions s JOIN exercises e USING (exercise_id)
"""
# Composed of constants only (values go as $n parameters).
_RECENT_ATTEMPTS = f"""
    {_SUBMISSION_ATTEMPTS}
    WHERE s.student_id = $1 AND s.created_at >= $2
    UNION ALL
    SELECT d.debug_id::text, 'debug', d.created_at, d.topic, d.error_type,
           d.error_type NOT IN ('NoError', 'Rejected'), NULL, NULL
    FROM debug_sessions d
    WHERE d.student_id = $1 AND d.created_at >= $2
    ORDER BY at
"""  # noqa: S608
_TOPIC_ATTEMPTS = f"""
    SELECT * FROM (
        {_SUBMISSION_ATTEMPTS}
        WHERE s.student_id = $1 AND e.topic = $2
        ORDER BY s.created_at DESC LIMIT $3
    ) latest ORDER BY at
"""  # noqa: S608
_EXERCISE_ATTEMPTS = f"""
    {_SUBMISSION_ATTEMPTS}
    WHERE s.student_id = $1 AND s.exercise_id = $2
    ORDER BY s.created_at
"""


async def recent_attempts(
    conn: asyncpg.Connection, student_id: str, since: datetime
) -> list[dict[str, Any]]:
    """Oldest first: the student's submissions and debug runs since `since`.

    Each row: ref, kind ('submission' or 'debug'), at, topic, error_type, failed, exercise_id,
    score. A debug run counts as failed when its diagnosis found an error.
    """
    rows = await conn.fetch(_RECENT_ATTEMPTS, student_id, since)
    return [dict(row) for row in rows]


async def topic_attempts(
    conn: asyncpg.Connection, student_id: str, topic: str, limit: int
) -> list[dict[str, Any]]:
    """Oldest first: the latest `limit` submissions in a topic, as recent_attempts rows."""
    rows = await conn.fetch(_TOPIC_ATTEMPTS, student_id, topic, limit)
    return [dict(row) for row in rows]


async def exercise_attempts(
    conn: asyncpg.Connection, student_id: str, exercise_id: str
) -> list[dict[str, Any]]:
    """Oldest first: every submission of the student on one exercise, as recent_attempts rows."""
    rows = await conn.fetch(_EXERCISE_ATTEMPTS, student_id, exercise_id)
    return [dict(row) for row in rows]


async def attempt_counts(conn: asyncpg.Connection, student_id: str, topic: str) -> tuple[int, int]:
    """(submissions, passed submissions) of the student in a topic."""
    row = await conn.fetchrow(
        """
        SELECT count(*) AS attempts, count(*) FILTER (WHERE s.status = 'passed') AS successes
        FROM submissions s JOIN exercises e USING (exercise_id)
        WHERE s.student_id = $1 AND e.topic = $2
        """,
        student_id,
        topic,
    )
    assert row is not None  # an aggregate always returns a row
    return int(row["attempts"]), int(row["successes"])
