"""Struggle alerts for teachers: at most one open alert per student, kind and topic.

The partial unique index `struggle_alerts_one_open_per_kind` enforces it, so two replicas
detecting the same struggle at once still open one alert.
"""

import uuid
from datetime import datetime

import asyncpg


async def open_alert(
    conn: asyncpg.Connection,
    *,
    student_id: str,
    kind: str,
    topic: str,
    reason: str,
    severity: str,
    created_at: datetime | None = None,
) -> str | None:
    """The new alert's id, or None when one of this kind is already open for student and topic."""
    alert_id: str | None = await conn.fetchval(
        """
        INSERT INTO struggle_alerts (alert_id, student_id, kind, topic, reason, severity,
                                     created_at)
        VALUES ($1, $2, $3, $4, $5, $6, coalesce($7, now()))
        ON CONFLICT (student_id, kind, topic) WHERE status = 'open' DO NOTHING
        RETURNING alert_id::text
        """,
        str(uuid.uuid4()),
        student_id,
        kind,
        topic,
        reason,
        severity,
        created_at,
    )
    return alert_id


async def resolve_alerts(conn: asyncpg.Connection, student_id: str, topic: str) -> None:
    await conn.execute(
        """
        UPDATE struggle_alerts SET status = 'resolved', resolved_at = now()
        WHERE student_id = $1 AND topic = $2 AND status = 'open'
        """,
        student_id,
        topic,
    )


async def open_alerts(conn: asyncpg.Connection, limit: int = 200) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT alert_id::text, student_id, kind, topic, reason, severity, created_at
        FROM struggle_alerts WHERE status = 'open' ORDER BY created_at DESC LIMIT $1
        """,
        limit,
    )
    return rows


async def open_alert_topics(conn: asyncpg.Connection, student_id: str) -> list[str]:
    rows = await conn.fetch(
        "SELECT DISTINCT topic FROM struggle_alerts WHERE student_id = $1 AND status = 'open'",
        student_id,
    )
    return [row["topic"] for row in rows]


async def has_open_alert(conn: asyncpg.Connection, student_id: str, kind: str) -> bool:
    found: bool = await conn.fetchval(
        """
        SELECT EXISTS (SELECT 1 FROM struggle_alerts
                       WHERE student_id = $1 AND kind = $2 AND status = 'open')
        """,
        student_id,
        kind,
    )
    return found
