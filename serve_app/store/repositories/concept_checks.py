"""Answers to concept check questions: only whether they were right, never the text."""

import uuid
from datetime import datetime

import asyncpg


async def insert_check(
    conn: asyncpg.Connection,
    *,
    student_id: str,
    concept_id: str,
    topic: str,
    correct: bool,
    created_at: datetime | None = None,
) -> str:
    check_id = str(uuid.uuid4())
    await conn.execute(
        """
        INSERT INTO concept_checks (check_id, student_id, concept_id, topic, correct, created_at)
        VALUES ($1, $2, $3, $4, $5, coalesce($6, now()))
        """,
        check_id,
        student_id,
        concept_id,
        topic,
        correct,
        created_at,
    )
    return check_id


async def wrong_answers(conn: asyncpg.Connection, student_id: str, concept_id: str) -> int:
    count: int = await conn.fetchval(
        """
        SELECT count(*) FROM concept_checks
        WHERE student_id = $1 AND concept_id = $2 AND NOT correct
        """,
        student_id,
        concept_id,
    )
    return count


async def recent_topic_checks(
    conn: asyncpg.Connection, student_id: str, topic: str, limit: int
) -> list[bool]:
    """Newest first: whether each of the latest answers in the topic was correct."""
    rows = await conn.fetch(
        """
        SELECT correct FROM concept_checks WHERE student_id = $1 AND topic = $2
        ORDER BY created_at DESC LIMIT $3
        """,
        student_id,
        topic,
        limit,
    )
    return [bool(row["correct"]) for row in rows]


async def topic_check_count(conn: asyncpg.Connection, student_id: str, topic: str) -> int:
    count: int = await conn.fetchval(
        "SELECT count(*) FROM concept_checks WHERE student_id = $1 AND topic = $2",
        student_id,
        topic,
    )
    return count
