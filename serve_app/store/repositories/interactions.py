"""Interactions: every answered question, diagnosis and issued exercise."""

import uuid
from typing import Any

import asyncpg


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
    await conn.execute(
        """
        INSERT INTO interactions
            (interaction_id, student_id, route, confidence, text, code, message, payload)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
        """,
        interaction_id,
        student_id,
        route,
        confidence,
        text,
        code,
        message,
        payload,
    )
    return interaction_id


async def recent_interactions(
    conn: asyncpg.Connection, student_id: str, limit: int = 20
) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT interaction_id::text, route, confidence, text, code, message, payload, created_at
        FROM interactions WHERE student_id = $1 ORDER BY created_at DESC LIMIT $2
        """,
        student_id,
        limit,
    )
    return rows


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
        SELECT payload->>'exercise_id' AS exercise_id FROM interactions
        WHERE student_id = $1 AND route = 'exercise' AND payload ? 'exercise_id'
        ORDER BY created_at DESC LIMIT $2
        """,
        student_id,
        limit,
    )
    return [row["exercise_id"] for row in rows]
