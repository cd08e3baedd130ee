"""Exercises: the bank (seeded on start), teacher-authored and generated ones, hidden tests
included; and which variant of an exercise was issued to whom."""

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

import asyncpg

from serve_app.domain.exercises.models import Example, ExerciseSpec
from serve_app.domain.sandbox import TestCase


def _row_values(spec: ExerciseSpec, source: str) -> tuple[Any, ...]:
    return (
        spec.exercise_id,
        source,
        spec.title,
        spec.prompt,
        spec.topic,
        spec.difficulty,
        spec.starter_code,
        [{"call": e.call, "result": e.result} for e in spec.examples],
        [{"name": t.name, "code": t.code} for t in spec.tests],
        spec.solution or None,
        [[list(pair) for pair in variant] for variant in spec.variants],
    )


_INSERT = """
    INSERT INTO exercises (exercise_id, source, title, prompt, topic, difficulty, starter_code,
                           examples, tests, solution, variants)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
"""
# Re-seeding the bank on start refreshes bank rows and never touches teacher-authored ones.
_UPSERT = (
    _INSERT
    + """
    ON CONFLICT (exercise_id) DO UPDATE SET
        title = EXCLUDED.title, prompt = EXCLUDED.prompt, topic = EXCLUDED.topic,
        difficulty = EXCLUDED.difficulty, starter_code = EXCLUDED.starter_code,
        examples = EXCLUDED.examples, tests = EXCLUDED.tests, solution = EXCLUDED.solution,
        variants = EXCLUDED.variants
    WHERE exercises.source = EXCLUDED.source
"""
)


async def upsert_exercises(
    conn: asyncpg.Connection, specs: Iterable[ExerciseSpec], source: str
) -> None:
    await conn.executemany(_UPSERT, [_row_values(spec, source) for spec in specs])


async def insert_exercise(conn: asyncpg.Connection, spec: ExerciseSpec, source: str) -> None:
    await conn.execute(_INSERT, *_row_values(spec, source))


def spec_from_row(row: asyncpg.Record) -> ExerciseSpec:
    return ExerciseSpec(
        exercise_id=row["exercise_id"],
        title=row["title"],
        prompt=row["prompt"],
        topic=row["topic"],
        difficulty=row["difficulty"],
        starter_code=row["starter_code"],
        examples=tuple(Example(call=e["call"], result=e["result"]) for e in row["examples"]),
        tests=tuple(TestCase(name=t["name"], code=t["code"]) for t in row["tests"]),
        solution=row["solution"] or "",
        variants=tuple(
            tuple((str(name), str(value)) for name, value in variant) for variant in row["variants"]
        ),
        source=row["source"],
    )


async def get_exercise(conn: asyncpg.Connection, exercise_id: str) -> ExerciseSpec | None:
    row = await conn.fetchrow("SELECT * FROM exercises WHERE exercise_id = $1", exercise_id)
    return spec_from_row(row) if row else None


async def teacher_exercises(
    conn: asyncpg.Connection, topic: str | None, difficulty: str | None
) -> list[ExerciseSpec]:
    rows = await conn.fetch(
        """
        SELECT * FROM exercises WHERE source = 'teacher'
          AND ($1::text IS NULL OR topic = $1) AND ($2::text IS NULL OR difficulty = $2)
        """,
        topic,
        difficulty,
    )
    return [spec_from_row(row) for row in rows]


async def record_issue(
    conn: asyncpg.Connection,
    *,
    student_id: str,
    exercise_id: str,
    variant: int,
    issued_at: datetime | None = None,
) -> None:
    await conn.execute(
        """
        INSERT INTO issued_exercises (issue_id, student_id, exercise_id, variant, issued_at)
        VALUES ($1, $2, $3, $4, coalesce($5, now()))
        """,
        str(uuid.uuid4()),
        student_id,
        exercise_id,
        variant,
        issued_at,
    )


async def issue_count(conn: asyncpg.Connection, student_id: str, exercise_id: str) -> int:
    count: int = await conn.fetchval(
        "SELECT count(*) FROM issued_exercises WHERE student_id = $1 AND exercise_id = $2",
        student_id,
        exercise_id,
    )
    return count


async def latest_issue(
    conn: asyncpg.Connection, student_id: str, exercise_id: str
) -> tuple[int, datetime] | None:
    """(variant, issued_at) of the student's latest issue of an exercise, or None."""
    row = await conn.fetchrow(
        """
        SELECT variant, issued_at FROM issued_exercises
        WHERE student_id = $1 AND exercise_id = $2 ORDER BY issued_at DESC LIMIT 1
        """,
        student_id,
        exercise_id,
    )
    return (int(row["variant"]), row["issued_at"]) if row else None
