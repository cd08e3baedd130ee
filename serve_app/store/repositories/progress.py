"""Mastery per student and topic, and the activity days behind streaks."""

from datetime import date

import asyncpg


async def lock_topic_progress(
    conn: asyncpg.Connection, student_id: str, topic: str
) -> tuple[float, int, int]:
    """(mastery, attempts, successes), row-locked for the caller's transaction."""
    await conn.execute(
        """
        INSERT INTO progress (student_id, topic, mastery) VALUES ($1, $2, 0)
        ON CONFLICT (student_id, topic) DO NOTHING
        """,
        student_id,
        topic,
    )
    row = await conn.fetchrow(
        """
        SELECT mastery, attempts, successes FROM progress
        WHERE student_id = $1 AND topic = $2 FOR UPDATE
        """,
        student_id,
        topic,
    )
    assert row is not None  # inserted just above
    return float(row["mastery"]), int(row["attempts"]), int(row["successes"])


async def save_topic_progress(
    conn: asyncpg.Connection,
    student_id: str,
    topic: str,
    *,
    mastery: float,
    attempts: int,
    successes: int,
) -> None:
    await conn.execute(
        """
        UPDATE progress SET mastery = $3, attempts = $4, successes = $5, updated_at = now()
        WHERE student_id = $1 AND topic = $2
        """,
        student_id,
        topic,
        mastery,
        attempts,
        successes,
    )


async def topic_progress(conn: asyncpg.Connection, student_id: str) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT topic, mastery, attempts, successes, updated_at FROM progress
        WHERE student_id = $1 ORDER BY topic
        """,
        student_id,
    )
    return rows


async def activity_days(conn: asyncpg.Connection, student_id: str) -> list[date]:
    rows = await conn.fetch(
        """
        SELECT DISTINCT (created_at AT TIME ZONE 'UTC')::date AS day FROM (
            SELECT created_at FROM interactions WHERE student_id = $1
            UNION ALL
            SELECT created_at FROM submissions WHERE student_id = $1
        ) activity ORDER BY day DESC LIMIT 400
        """,
        student_id,
    )
    return [row["day"] for row in rows]
