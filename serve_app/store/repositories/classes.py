"""Classes: which teachers teach which students. A teacher sees only their classes' students."""

from collections.abc import Collection, Sequence
from dataclasses import dataclass

import asyncpg


@dataclass(frozen=True, slots=True)
class ClassRecord:
    class_id: str
    name: str
    teacher_ids: list[str]
    student_ids: list[str]


# Members as sorted arrays, so a class reads back exactly as it was put.
_SELECT_WHERE = """
SELECT c.class_id, c.name,
       coalesce((SELECT array_agg(t.teacher_id ORDER BY t.teacher_id)
                 FROM class_teachers t WHERE t.class_id = c.class_id), '{}') AS teacher_ids,
       coalesce((SELECT array_agg(s.student_id ORDER BY s.student_id)
                 FROM class_students s WHERE s.class_id = c.class_id), '{}') AS student_ids
FROM classes c
WHERE ($1::text IS NULL OR c.class_id = $1)
  AND ($2::text IS NULL OR EXISTS (SELECT 1 FROM class_teachers t
                                   WHERE t.class_id = c.class_id AND t.teacher_id = $2))
ORDER BY c.class_id LIMIT $3
"""


def _record(row: asyncpg.Record) -> ClassRecord:
    return ClassRecord(
        class_id=row["class_id"],
        name=row["name"],
        teacher_ids=list(row["teacher_ids"]),
        student_ids=list(row["student_ids"]),
    )


async def replace_class(
    conn: asyncpg.Connection,
    *,
    class_id: str,
    name: str,
    teacher_ids: Sequence[str],
    student_ids: Sequence[str],
) -> bool:
    """Create or replace a class and its members; True when it was created.
    Run on a transaction: the members are replaced, not merged."""
    created: bool = await conn.fetchval(
        """
        INSERT INTO classes AS c (class_id, name) VALUES ($1, $2)
        ON CONFLICT (class_id) DO UPDATE SET name = EXCLUDED.name, updated_at = now()
        RETURNING (xmax = 0)
        """,
        class_id,
        name,
    )
    await conn.execute("DELETE FROM class_teachers WHERE class_id = $1", class_id)
    await conn.execute("DELETE FROM class_students WHERE class_id = $1", class_id)
    await conn.execute(
        """
        INSERT INTO class_teachers (class_id, teacher_id)
        SELECT $1, member FROM unnest($2::text[]) AS member ON CONFLICT DO NOTHING
        """,
        class_id,
        list(teacher_ids),
    )
    await conn.execute(
        """
        INSERT INTO class_students (class_id, student_id)
        SELECT $1, member FROM unnest($2::text[]) AS member ON CONFLICT DO NOTHING
        """,
        class_id,
        list(student_ids),
    )
    return created


async def get_class(conn: asyncpg.Connection, class_id: str) -> ClassRecord | None:
    row = await conn.fetchrow(_SELECT_WHERE, class_id, None, 1)
    return _record(row) if row is not None else None


async def list_classes(
    conn: asyncpg.Connection, *, teacher_id: str | None = None, limit: int = 500
) -> list[ClassRecord]:
    """Every class, or only those `teacher_id` teaches."""
    rows = await conn.fetch(_SELECT_WHERE, None, teacher_id, limit)
    return [_record(row) for row in rows]


async def delete_class(conn: asyncpg.Connection, class_id: str) -> bool:
    deleted: str = await conn.execute("DELETE FROM classes WHERE class_id = $1", class_id)
    return deleted != "DELETE 0"


async def teaches_student(
    conn: asyncpg.Connection,
    teacher_id: str,
    student_id: str,
    class_ids: Collection[str] | None = None,
) -> bool:
    """Whether the student is enrolled in a class of the teacher (within `class_ids` if given)."""
    found: bool = await conn.fetchval(
        """
        SELECT EXISTS (
            SELECT 1 FROM class_teachers t
            JOIN class_students s ON s.class_id = t.class_id
            WHERE t.teacher_id = $1 AND s.student_id = $2
              AND ($3::text[] IS NULL OR t.class_id = ANY($3::text[]))
        )
        """,
        teacher_id,
        student_id,
        list(class_ids) if class_ids is not None else None,
    )
    return found


async def students_of_teacher(
    conn: asyncpg.Connection, teacher_id: str, class_ids: Collection[str] | None = None
) -> list[str]:
    """The students enrolled in the teacher's classes (within `class_ids` if given)."""
    rows = await conn.fetch(
        """
        SELECT DISTINCT s.student_id FROM class_teachers t
        JOIN class_students s ON s.class_id = t.class_id
        WHERE t.teacher_id = $1 AND ($2::text[] IS NULL OR t.class_id = ANY($2::text[]))
        ORDER BY s.student_id
        """,
        teacher_id,
        list(class_ids) if class_ids is not None else None,
    )
    return [row["student_id"] for row in rows]


async def open_alerts_for_teacher(
    conn: asyncpg.Connection,
    teacher_id: str,
    class_ids: Collection[str] | None = None,
    limit: int = 200,
) -> list[asyncpg.Record]:
    """Open struggle alerts of the students in the teacher's classes, newest first."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """
        SELECT a.alert_id::text, a.student_id, a.topic, a.reason, a.severity, a.created_at
        FROM struggle_alerts a
        WHERE a.status = 'open' AND EXISTS (
            SELECT 1 FROM class_teachers t
            JOIN class_students s ON s.class_id = t.class_id
            WHERE t.teacher_id = $1 AND s.student_id = a.student_id
              AND ($2::text[] IS NULL OR t.class_id = ANY($2::text[]))
        )
        ORDER BY a.created_at DESC LIMIT $3
        """,
        teacher_id,
        list(class_ids) if class_ids is not None else None,
        limit,
    )
    return rows


async def forget_member(conn: asyncpg.Connection, member_id: str) -> None:
    """Remove a person from every class (part of erasing a student)."""
    await conn.execute("DELETE FROM class_students WHERE student_id = $1", member_id)
    await conn.execute("DELETE FROM class_teachers WHERE teacher_id = $1", member_id)
