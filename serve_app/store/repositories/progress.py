"""Mastery per student and topic (with its four components), and the days behind streaks."""

from datetime import date

import asyncpg

from serve_app.domain.mastery import MasteryBreakdown


async def lock_topic_progress(conn: asyncpg.Connection, student_id: str, topic: str) -> float:
    """The topic's current mastery, row-locked for the caller's transaction (0 when new)."""
    await conn.execute(
        """
        INSERT INTO progress (student_id, topic, mastery) VALUES ($1, $2, 0)
        ON CONFLICT (student_id, topic) DO NOTHING
        """,
        student_id,
        topic,
    )
    mastery = await conn.fetchval(
        "SELECT mastery FROM progress WHERE student_id = $1 AND topic = $2 FOR UPDATE",
        student_id,
        topic,
    )
    return float(mastery)


async def save_topic_progress(
    conn: asyncpg.Connection,
    student_id: str,
    topic: str,
    breakdown: MasteryBreakdown,
    *,
    attempts: int,
    successes: int,
) -> None:
    await conn.execute(
        """
        UPDATE progress SET mastery = $3, exercise_score = $4, check_score = $5,
                            quality_score = $6, streak_score = $7, attempts = $8,
                            successes = $9, updated_at = now()
        WHERE student_id = $1 AND topic = $2
        """,
        student_id,
        topic,
        breakdown.mastery,
        breakdown.exercises,
        breakdown.checks,
        breakdown.quality,
        breakdown.streak,
        attempts,
        successes,
    )


async def topic_progress(conn: asyncpg.Connection, student_id: str) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT topic, mastery, attempts, successes, exercise_score, check_score, quality_score,
               streak_score, updated_at
        FROM progress WHERE student_id = $1 ORDER BY topic
        """,
        student_id,
    )
    return rows


async def activity_days(conn: asyncpg.Connection, student_id: str) -> list[date]:
    """Days (UTC) with practice: questions asked, submissions, concept checks answered."""
    rows = await conn.fetch(
        """
        SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date AS day FROM (
            SELECT created_at FROM interactions WHERE student_id = $1
            UNION ALL
            SELECT created_at FROM submissions WHERE student_id = $1
            UNION ALL
            SELECT created_at FROM concept_checks WHERE student_id = $1
        ) activity ORDER BY day DESC LIMIT 400
        """,
        student_id,
    )
    return [row["day"] for row in rows]
