"""The transactional outbox: events are rows written in the outcome's own transaction."""

from datetime import datetime
from typing import Any

import asyncpg

from serve_app.events.models import CloudEvent, Event

EVENT_SOURCE = "/learnflow/tutor"


async def append_event(
    conn: asyncpg.Connection, event: Event, *, subject: str, source: str = EVENT_SOURCE
) -> CloudEvent:
    """Add `event` to the outbox on `conn`, which must be inside the outcome's transaction."""
    envelope = CloudEvent.wrap(event, source=source, subject=subject)
    await conn.execute(
        """
        INSERT INTO events (event_id, type, source, subject, kafka_topic, time, envelope)
        VALUES ($1, $2, $3, $4, $5, $6, $7)
        """,
        envelope.id,
        envelope.type,
        envelope.source,
        envelope.subject,
        event.kafka_topic,
        datetime.fromisoformat(envelope.time),
        envelope.model_dump(),
    )
    return envelope


async def list_events(
    conn: asyncpg.Connection,
    *,
    subject: str | None = None,
    event_type: str | None = None,
    after_seq: int = 0,
    limit: int = 100,
) -> list[dict[str, Any]]:
    rows = await conn.fetch(
        """
        SELECT seq, envelope FROM events
        WHERE seq > $1 AND ($2::text IS NULL OR subject = $2) AND ($3::text IS NULL OR type = $3)
        ORDER BY seq LIMIT $4
        """,
        after_seq,
        subject,
        event_type,
        limit,
    )
    return [{"seq": row["seq"], **row["envelope"]} for row in rows]
