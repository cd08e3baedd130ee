"""Struggle alerts for teachers: at most one open alert per student and topic."""

import uuid

import asyncpg


async def open_alert(
    conn: asyncpg.Connection, *, student_id: str, topic: str, reason: str, severity: str
) -> tuple[str, bool]:
    """(alert_id, created): refresh the open alert for this topic or open a new one."""
    existing = await conn.fetchval(
        """
        UPDATE struggle_alerts SET reason = $3, severity = $4
        WHERE student_id = $1 AND topic = $2 AND status = 'open' RETURNING alert_id::text
        """,
        student_id,
        topic,
        reason,
        severity,
    )
    if existing is not None:
        return str(existing), False
    alert_id = str(uuid.uuid4())
    await conn.execute(
        """
        INSERT INTO struggle_alerts (alert_id, student_id, topic, reason, severity)
        VALUES ($1, $2, $3, $4, $5)
        """,
        alert_id,
        student_id,
        topic,
        reason,
        severity,
    )
    return alert_id, True


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
        SELECT alert_id::text, student_id, topic, reason, severity, created_at
        FROM struggle_alerts WHERE status = 'open' ORDER BY created_at DESC LIMIT $1
        """,
        limit,
    )
    return rows


async def open_alert_topics(conn: asyncpg.Connection, student_id: str) -> list[str]:
    rows = await conn.fetch(
        "SELECT topic FROM struggle_alerts WHERE student_id = $1 AND status = 'open'",
        student_id,
    )
    return [row["topic"] for row in rows]
