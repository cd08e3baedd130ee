"""Student accounts' privacy settings: under-13 status and recorded parental consent."""

import asyncpg


async def set_privacy(
    conn: asyncpg.Connection, student_id: str, *, under_13: bool, parental_consent: bool
) -> asyncpg.Record:
    """Upsert the account. Consent keeps its first recorded time while it stays granted."""
    row: asyncpg.Record = await conn.fetchrow(
        """
        INSERT INTO students (student_id, under_13, parental_consent_at)
        VALUES ($1, $2, CASE WHEN $3 THEN now() END)
        ON CONFLICT (student_id) DO UPDATE SET
            under_13 = EXCLUDED.under_13,
            parental_consent_at = CASE
                WHEN NOT $3 THEN NULL
                ELSE coalesce(students.parental_consent_at, now())
            END,
            updated_at = now()
        RETURNING student_id, under_13, parental_consent_at, created_at, updated_at
        """,
        student_id,
        under_13,
        parental_consent,
    )
    return row


async def get_privacy(conn: asyncpg.Connection, student_id: str) -> asyncpg.Record | None:
    row: asyncpg.Record | None = await conn.fetchrow(
        """
        SELECT student_id, under_13, parental_consent_at, created_at, updated_at
        FROM students WHERE student_id = $1
        """,
        student_id,
    )
    return row


async def llm_allowed(conn: asyncpg.Connection, student_id: str) -> bool:
    """False only for an account marked under 13 without recorded parental consent."""
    blocked: bool = await conn.fetchval(
        """
        SELECT EXISTS (SELECT 1 FROM students
                       WHERE student_id = $1 AND under_13 AND parental_consent_at IS NULL)
        """,
        student_id,
    )
    return not blocked
