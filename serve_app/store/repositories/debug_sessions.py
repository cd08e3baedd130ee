"""Debug sessions: a diagnosis and its hint ladder, revealed one step per request.

The code, error, diagnosis text, hints and corrected code are encrypted (the hints and the
correction quote the student's code); error type, topic, position and ladder step stay in
clear for struggle detection and the ladder's atomic step."""

import uuid
from typing import Any

import asyncpg

from serve_app.privacy.fields import seal, seal_json, unseal_row

# Steps of the ladder: hints 1-3, then the corrected code as step 4.
LADDER_STEPS = 4


async def insert_debug_session(
    conn: asyncpg.Connection,
    *,
    student_id: str,
    code: str,
    error_text: str | None,
    diagnosis: dict[str, Any],
) -> str:
    debug_id = str(uuid.uuid4())
    await conn.execute(
        """
        INSERT INTO debug_sessions (debug_id, student_id, code, error_text, error_type, line, col,
                                    message, summary, topic, hints, solution, hint_level)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 1)
        """,
        debug_id,
        student_id,
        seal("debug_sessions", "code", debug_id, student_id, code),
        seal("debug_sessions", "error_text", debug_id, student_id, error_text),
        diagnosis["error_type"],
        diagnosis["line"],
        diagnosis["column"],
        seal("debug_sessions", "message", debug_id, student_id, diagnosis["message"]),
        seal("debug_sessions", "summary", debug_id, student_id, diagnosis["summary"]),
        diagnosis["topic"],
        seal_json("debug_sessions", "hints", debug_id, student_id, list(diagnosis["hints"])),
        seal("debug_sessions", "solution", debug_id, student_id, diagnosis["solution"]),
    )
    return debug_id


async def advance_ladder(
    conn: asyncpg.Connection, debug_id: str, student_id: str
) -> dict[str, Any] | None:
    """Move one step up the ladder atomically; None when absent or already at the top."""
    row: asyncpg.Record | None = await conn.fetchrow(
        """
        UPDATE debug_sessions SET hint_level = hint_level + 1, updated_at = now()
        WHERE debug_id = $1 AND student_id = $2 AND hint_level < $3
        RETURNING debug_id::text, hint_level, hints, solution, topic
        """,
        debug_id,
        student_id,
        LADDER_STEPS,
    )
    return None if row is None else unseal_row("debug_sessions", row, student_id)


async def session_exists(conn: asyncpg.Connection, debug_id: str, student_id: str) -> bool:
    found: bool = await conn.fetchval(
        "SELECT EXISTS (SELECT 1 FROM debug_sessions WHERE debug_id = $1 AND student_id = $2)",
        debug_id,
        student_id,
    )
    return found
