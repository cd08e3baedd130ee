"""The transactional outbox: events are rows written in the outcome's own transaction."""

import json
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
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
    rows = await rows_after(
        conn, after_seq=after_seq, subject=subject, event_type=event_type, limit=limit
    )
    return [{"seq": row.seq, **row.envelope} for row in rows]


@dataclass(frozen=True)
class OutboxRow:
    """One claimed outbox row: what the relay publishes and the feed streams."""

    seq: int
    event_id: str
    subject: str
    kafka_topic: str
    envelope: dict[str, Any]


# Claims the oldest unpublished rows no other relay holds (SKIP LOCKED), then keeps only
# the rows whose every older unpublished row of the same subject is claimed here too: a row
# whose predecessor another relay holds waits for the next cycle, so one student's events
# reach Kafka in outbox order even with several relays.
_CLAIM = """
WITH claimed AS MATERIALIZED (
    SELECT seq, event_id, subject, kafka_topic, envelope FROM events
    WHERE published_at IS NULL
    ORDER BY seq
    LIMIT $1
    FOR UPDATE SKIP LOCKED
)
SELECT c.seq, c.event_id, c.subject, c.kafka_topic, c.envelope FROM claimed c
WHERE NOT EXISTS (
    SELECT 1 FROM events e
    WHERE e.subject = c.subject AND e.published_at IS NULL AND e.seq < c.seq
      AND e.seq NOT IN (SELECT seq FROM claimed)
)
ORDER BY c.seq
"""


async def claim_unpublished(conn: asyncpg.Connection, limit: int) -> list[OutboxRow]:
    """Lock up to `limit` publishable rows until `conn`'s transaction ends, oldest first."""
    rows = await conn.fetch(_CLAIM, limit)
    return [_outbox_row(row) for row in rows]


async def mark_published(conn: asyncpg.Connection, seqs: Sequence[int]) -> None:
    await conn.execute(
        "UPDATE events SET published_at = now() WHERE seq = ANY($1::bigint[])", list(seqs)
    )


async def unpublished_count(conn: asyncpg.Connection) -> int:
    count: int = await conn.fetchval("SELECT count(*) FROM events WHERE published_at IS NULL")
    return count


async def rows_after(
    conn: asyncpg.Connection,
    *,
    after_seq: int,
    subject: str | None = None,
    subjects: Collection[str] | None = None,
    event_type: str | None = None,
    limit: int = 500,
) -> list[OutboxRow]:
    """Committed rows past `after_seq` (published or not), oldest first, for the event feed."""
    rows = await conn.fetch(
        """
        SELECT seq, event_id, subject, kafka_topic, envelope FROM events
        WHERE seq > $1 AND ($2::text IS NULL OR subject = $2) AND ($3::text IS NULL OR type = $3)
          AND ($5::text[] IS NULL OR subject = ANY($5::text[]))
        ORDER BY seq LIMIT $4
        """,
        after_seq,
        subject,
        event_type,
        limit,
        sorted(subjects) if subjects is not None else None,
    )
    return [_outbox_row(row) for row in rows]


async def row_by_event_id(conn: asyncpg.Connection, event_id: str) -> OutboxRow | None:
    """The outbox row of event `event_id` (a UUID), published or not."""
    row = await conn.fetchrow(
        "SELECT seq, event_id, subject, kafka_topic, envelope FROM events WHERE event_id = $1",
        uuid.UUID(event_id),
    )
    return None if row is None else _outbox_row(row)


def _outbox_row(row: asyncpg.Record) -> OutboxRow:
    envelope = row["envelope"]
    # Pool connections decode jsonb; a bare asyncpg connection hands back the JSON text.
    if isinstance(envelope, str):
        envelope = json.loads(envelope)
    return OutboxRow(
        seq=row["seq"],
        event_id=str(row["event_id"]),
        subject=row["subject"],
        kafka_topic=row["kafka_topic"],
        envelope=dict(envelope),
    )
