"""Exercises: the bank (seeded on start) and teacher-authored ones, hidden tests included."""

from collections.abc import Iterable
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
    )


_INSERT = """
    INSERT INTO exercises (exercise_id, source, title, prompt, topic, difficulty, starter_code,
                           examples, tests, solution)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
"""
# Re-seeding the bank on start refreshes bank rows and never touches teacher-authored ones.
_UPSERT = (
    _INSERT
    + """
    ON CONFLICT (exercise_id) DO UPDATE SET
        title = EXCLUDED.title, prompt = EXCLUDED.prompt, topic = EXCLUDED.topic,
        difficulty = EXCLUDED.difficulty, starter_code = EXCLUDED.starter_code,
        examples = EXCLUDED.examples, tests = EXCLUDED.tests, solution = EXCLUDED.solution
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
