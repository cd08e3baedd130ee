"""Progress of many students at once, for the teacher's class overview.

One statement answers a page: the students in scope (keyset-paginated by id), each with
their topics' mastery, the days they practised (for the streak) and their open alerts.
Mastery, topics and alerts are ids and scores in clear (nothing here is sealed).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

import asyncpg

from serve_app.store.repositories.classes import TAUGHT_STUDENTS, class_id_list

# Teacher scope: students of the teacher's classes (narrowed to `class_ids` if given).
# Admin scope ($1 NULL): every student with progress, an open alert or a class.
# Composed of constants only (values go as $n parameters).
_CLASS_PROGRESS = (
    """
WITH page AS (
    SELECT student_id FROM ("""  # noqa: S608
    + TAUGHT_STUDENTS
    + """
        UNION
        SELECT student_id FROM progress WHERE $1::text IS NULL
        UNION
        SELECT student_id FROM struggle_alerts WHERE $1::text IS NULL AND status = 'open'
        UNION
        SELECT student_id FROM class_students WHERE $1::text IS NULL
    ) in_scope
    WHERE $3::text IS NULL OR student_id > $3
    ORDER BY student_id
    LIMIT $4
)
SELECT page.student_id,
       coalesce(ARRAY(SELECT p.topic FROM progress p
                      WHERE p.student_id = page.student_id ORDER BY p.topic), '{}') AS topics,
       coalesce(ARRAY(SELECT p.mastery FROM progress p
                      WHERE p.student_id = page.student_id ORDER BY p.topic), '{}') AS masteries,
       (SELECT count(*) FROM struggle_alerts a
        WHERE a.student_id = page.student_id AND a.status = 'open') AS open_alerts,
       ARRAY(SELECT DISTINCT (activity.created_at AT TIME ZONE 'UTC')::date AS day FROM (
                 SELECT created_at FROM interactions WHERE student_id = page.student_id
                 UNION ALL
                 SELECT created_at FROM submissions WHERE student_id = page.student_id
                 UNION ALL
                 SELECT created_at FROM concept_checks WHERE student_id = page.student_id
             ) activity ORDER BY day DESC LIMIT 400) AS activity_days
FROM page
ORDER BY page.student_id
"""
)


@dataclass(frozen=True, slots=True)
class StudentProgressRow:
    student_id: str
    mastery_by_topic: dict[str, float]
    open_alerts: int
    activity_days: list[date]


async def class_progress(
    conn: asyncpg.Connection,
    *,
    teacher_id: str | None,
    class_ids: Collection[str] | None = None,
    after: str | None = None,
    limit: int = 200,
) -> list[StudentProgressRow]:
    """A page of students ordered by id, after `after`; `teacher_id` None means every student."""
    rows = await conn.fetch(
        _CLASS_PROGRESS,
        teacher_id,
        class_id_list(class_ids),
        after,
        limit,
    )
    return [
        StudentProgressRow(
            student_id=row["student_id"],
            mastery_by_topic={
                topic: float(mastery)
                for topic, mastery in zip(row["topics"], row["masteries"], strict=True)
            },
            open_alerts=int(row["open_alerts"]),
            activity_days=list(row["activity_days"]),
        )
        for row in rows
    ]
