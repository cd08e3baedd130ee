"""Request counters shared by every replica: one row per caller and kind, in fixed windows.

`count_request` is one statement: it bumps the caller's per-minute counter and, only when
that one is still within its limit, the student's daily LLM counter. Concurrent bumps of
one row serialise on its row lock, so no two replicas can both see the last free slot.
"""

from dataclasses import dataclass

import asyncpg

MINUTE = "minute"
LLM_DAY = "llm-day"

_COUNT = """
WITH minute AS (
    INSERT INTO quota_counters AS q (subject, kind, window_end, hits)
    VALUES ($1, 'minute',
            date_bin('1 minute', now(), TIMESTAMPTZ '2000-01-01 00:00:00+00')
                + interval '1 minute',
            1)
    ON CONFLICT (subject, kind) DO UPDATE
        SET hits = CASE WHEN q.window_end >= EXCLUDED.window_end THEN q.hits + 1 ELSE 1 END,
            window_end = GREATEST(q.window_end, EXCLUDED.window_end)
    RETURNING hits, window_end
), llm AS (
    INSERT INTO quota_counters AS q (subject, kind, window_end, hits)
    SELECT $2::text, 'llm-day',
           date_bin('1 day', now(), TIMESTAMPTZ '2000-01-01 00:00:00+00') + interval '1 day',
           1
    FROM minute
    WHERE $2::text IS NOT NULL AND minute.hits <= $3::integer
    ON CONFLICT (subject, kind) DO UPDATE
        SET hits = CASE WHEN q.window_end >= EXCLUDED.window_end THEN q.hits + 1 ELSE 1 END,
            window_end = GREATEST(q.window_end, EXCLUDED.window_end)
    RETURNING hits, window_end
)
SELECT minute.hits AS minute_hits,
       ceil(extract(epoch FROM minute.window_end - now()))::integer AS minute_reset,
       llm.hits AS day_hits,
       ceil(extract(epoch FROM llm.window_end - now()))::integer AS day_reset
FROM minute LEFT JOIN llm ON true
"""


@dataclass(frozen=True, slots=True)
class Usage:
    """Hits so far in the current windows and seconds until each window ends."""

    minute_hits: int
    minute_reset: int
    day_hits: int | None
    day_reset: int | None


async def count_request(
    conn: asyncpg.Connection, *, caller: str, llm_student: str | None, minute_limit: int
) -> Usage:
    """Count one request of `caller`; also one LLM use of `llm_student` unless it is None or
    the caller is already over `minute_limit` (a refused request must not spend LLM quota)."""
    row = await conn.fetchrow(_COUNT, caller, llm_student, minute_limit)
    assert row is not None  # the minute upsert always returns its row
    return Usage(
        minute_hits=row["minute_hits"],
        minute_reset=row["minute_reset"],
        day_hits=row["day_hits"],
        day_reset=row["day_reset"],
    )


async def forget_subject(conn: asyncpg.Connection, subject: str) -> None:
    """Erase a caller's counters (part of erasing a student)."""
    await conn.execute("DELETE FROM quota_counters WHERE subject = $1", subject)
