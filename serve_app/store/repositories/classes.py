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


# The students teacher $1 teaches, within the class ids $2 when that is not NULL: the one
# definition of a teacher's scope, composed into every query that needs it.
TAUGHT_STUDENTS = """
    SELECT s.student_id FROM class_teachers t
    JOIN class_students s ON s.class_id = t.class_id
    WHERE t.teacher_id = $1 AND ($2::text[] IS NULL OR t.class_id = ANY($2::text[]))
"""
# Composed of constants only (no input reaches the text; values go as $n parameters).
_TEACHES_STUDENT = f"SELECT $3 IN ({TAUGHT_STUDENTS})"
_STUDENTS_OF_TEACHER = (
    f"SELECT DISTINCT student_id FROM ({TAUGHT_STUDENTS}) taught ORDER BY student_id"  # noqa: S608
)
_OPEN_ALERTS_FOR_TEACHER = f"""
    SELECT a.alert_id::text, a.student_id, a.topic, a.reason, a.severity, a.created_at
    FROM struggle_alerts a
    WHERE a.status = 'open' AND a.student_id IN ({TAUGHT_STUDENTS})
    ORDER BY a.created_at DESC LIMIT $3
"""  # noqa: S608


def class_id_list(class_ids: Collection[str] | None) -> list[str] | None:
    return list(class_ids) if class_ids is not None else None


async def teaches_student(
    conn: asyncpg.Connection,
    teacher_id: str,
    student_id: str,
    class_ids: Collection[str] | None = None,
) -> bool:
    """Whether the student is enrolled in a class of the teacher (within `class_ids` if given)."""
    found: bool = await conn.fetchval(
        _TEACHES_STUDENT, teacher_id, class_id_list(class_ids), student_id
    )
    return found


async def students_of_teacher(
    conn: asyncpg.Connection, teacher_id: str, class_ids: Collection[str] | None = None
) -> list[str]:
    """The students enrolled in the teacher's classes (within `class_ids` if given)."""
    rows = await conn.fetch(
        _STUDENTS_OF_TEACHER,
        teacher_id,
        class_id_list(class_ids),
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
        _OPEN_ALERTS_FOR_TEACHER,
        teacher_id,
        class_id_list(class_ids),
        limit,
    )
    return rows


async def forget_member(conn: asyncpg.Connection, member_id: str) -> None:
    """Remove a person from every class (part of erasing a student)."""
    await conn.execute("DELETE FROM class_students WHERE student_id = $1", member_id)
    await conn.execute("DELETE FROM class_teachers WHERE teacher_id = $1", member_id)
