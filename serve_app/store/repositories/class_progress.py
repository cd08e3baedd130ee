"""Progress of many students at once, for the teacher's class overview.

One statement answers a page: the students in scope (keyset-paginated by id), each with
their topics' mastery, the days they practised (for the streak) and their open alerts.
Mastery, topics and alerts are ids and scores in clear (nothing here is sealed).
"""

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

import asyncpg

# Teacher scope: students of the teacher's classes (narrowed to `class_ids` if given).
# Admin scope ($1 NULL): every student with progress, an open alert or a class.
_CLASS_PROGRESS = """
WITH page AS (
    SELECT student_id FROM (
        SELECT s.student_id FROM class_students s
        JOIN class_teachers t ON t.class_id = s.class_id
        WHERE $1::text IS NOT NULL AND t.teacher_id = $1
          AND ($2::text[] IS NULL OR t.class_id = ANY($2::text[]))
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
        list(class_ids) if class_ids is not None else None,
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
