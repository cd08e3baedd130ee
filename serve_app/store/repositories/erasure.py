"""Every row about one student, found by the schema itself rather than by a hand-kept list.

At call time, any table with a `student_id` column holds a student's rows, and any table
with a `subject` column holds rows keyed by the student's pseudonym (the outbox) or by the
raw id (quota counters). A table added later is covered without touching this module.
"""

from dataclasses import dataclass
from typing import Any

import asyncpg

ERASED_EVENT_TYPE = "learnflow.student.erased.v1"
# Foreign keys between student tables decide a delete order; a few passes find it.
_MAX_PASSES = 8


@dataclass(frozen=True)
class StudentTables:
    by_student_id: tuple[str, ...]
    by_subject: tuple[str, ...]


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


async def student_tables(conn: asyncpg.Connection) -> StudentTables:
    rows = await conn.fetch(
        """
        SELECT c.table_name, c.column_name FROM information_schema.columns c
        JOIN information_schema.tables t
          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
          AND c.column_name IN ('student_id', 'subject')
        ORDER BY c.table_name
        """
    )
    return StudentTables(
        by_student_id=tuple(r["table_name"] for r in rows if r["column_name"] == "student_id"),
        by_subject=tuple(r["table_name"] for r in rows if r["column_name"] == "subject"),
    )


async def rows_of_student(
    conn: asyncpg.Connection, tables: StudentTables, student_id: str, subject: str
) -> dict[str, list[asyncpg.Record]]:
    found: dict[str, list[asyncpg.Record]] = {}
    for table in tables.by_student_id:
        found[table] = await conn.fetch(
            f"SELECT * FROM {_quoted(table)} WHERE student_id = $1",  # noqa: S608
            student_id,
        )
    for table in tables.by_subject:
        if table in found:
            continue
        order = " ORDER BY seq" if table == "events" else ""
        found[table] = await conn.fetch(
            f"SELECT * FROM {_quoted(table)} WHERE subject = ANY($1::text[]){order}",  # noqa: S608
            [student_id, subject],
        )
    return found


async def _delete_with_retries(
    conn: asyncpg.Connection, statements: list[tuple[str, str, Any]]
) -> dict[str, int]:
    deleted: dict[str, int] = {}
    pending = statements
    for _ in range(_MAX_PASSES):
        blocked: list[tuple[str, str, Any]] = []
        for table, sql, arg in pending:
            try:
                async with conn.transaction():  # a savepoint: a blocked delete undoes only itself
                    status = await conn.execute(sql, arg)
            except asyncpg.ForeignKeyViolationError:
                blocked.append((table, sql, arg))
                continue
            deleted[table] = deleted.get(table, 0) + int(status.rsplit(" ", 1)[-1])
        if not blocked:
            return deleted
        if len(blocked) == len(pending):
            break
        pending = blocked
    names = ", ".join(table for table, _, _ in pending)
    raise RuntimeError(f"cannot erase student rows from {names}: foreign keys block it")


async def delete_student_rows(
    conn: asyncpg.Connection, tables: StudentTables, student_id: str, subject: str
) -> dict[str, int]:
    """Delete every row of the student; {table: rows deleted}. The erasure tombstone event
    (type ERASED_EVENT_TYPE) stays, so a repeated erase finds nothing and emits nothing."""
    statements: list[tuple[str, str, Any]] = [
        (t, f"DELETE FROM {_quoted(t)} WHERE student_id = $1", student_id)  # noqa: S608
        for t in tables.by_student_id
    ]
    for table in tables.by_subject:
        if table in tables.by_student_id:
            continue
        keep = f" AND type <> '{ERASED_EVENT_TYPE}'" if table == "events" else ""
        sql = f"DELETE FROM {_quoted(table)} WHERE subject = ANY($1::text[]){keep}"  # noqa: S608
        statements.append((table, sql, [student_id, subject]))
    return await _delete_with_retries(conn, statements)
