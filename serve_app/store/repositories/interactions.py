"""Interactions: every answered question, diagnosis and issued exercise.

The question, code, reply and structured answer are encrypted; the issued exercise's id is
kept in its own clear column because choosing the next exercise filters on it."""

import uuid
from typing import Any

import asyncpg

from serve_app.privacy.fields import seal, seal_json, unseal_row


async def insert_interaction(
    conn: asyncpg.Connection,
    *,
    student_id: str,
    route: str,
    confidence: float,
    text: str,
    code: str | None,
    message: str,
    payload: dict[str, Any],
) -> str:
    interaction_id = str(uuid.uuid4())
    exercise_id = payload.get("exercise_id")
    await conn.execute(
        """
        INSERT INTO interactions (interaction_id, student_id, route, confidence, text, code,
                                  message, payload, exercise_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
        """,
        interaction_id,
        student_id,
        route,
        confidence,
        seal("interactions", "text", interaction_id, student_id, text),
        seal("interactions", "code", interaction_id, student_id, code),
        seal("interactions", "message", interaction_id, student_id, message),
        seal_json("interactions", "payload", interaction_id, student_id, payload),
        exercise_id if isinstance(exercise_id, str) else None,
    )
    return interaction_id


async def recent_interactions(
    conn: asyncpg.Connection, student_id: str, limit: int = 20
) -> list[dict[str, Any]]:
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT interaction_id::text, route, confidence, text, code, message, payload, created_at
        FROM interactions WHERE student_id = $1 ORDER BY created_at DESC LIMIT $2
        """,
        student_id,
        limit,
    )
    return [unseal_row("interactions", row, student_id) for row in rows]


async def last_route(conn: asyncpg.Connection, student_id: str) -> str | None:
    route: str | None = await conn.fetchval(
        """
        SELECT route FROM interactions
        WHERE student_id = $1 AND route <> 'off_topic' AND created_at > now() - interval '1 hour'
        ORDER BY created_at DESC LIMIT 1
        """,
        student_id,
    )
    return route


async def recently_issued_exercises(
    conn: asyncpg.Connection, student_id: str, limit: int = 20
) -> list[str]:
    rows = await conn.fetch(
        """
        SELECT exercise_id FROM interactions
        WHERE student_id = $1 AND route = 'exercise' AND exercise_id IS NOT NULL
        ORDER BY created_at DESC LIMIT $2
        """,
        student_id,
        limit,
    )
    return [row["exercise_id"] for row in rows]
