"""Use cases end to end against a real PostgreSQL, the real sandbox and the real engines."""

import asyncpg
import pytest

from serve_app.domain.exercises.variants import render_variant
from serve_app.errors import InvalidRequest, LadderExhausted, NotFound
from serve_app.schemas.exercises import ExerciseTestCreate, TeacherExerciseCreate
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from serve_app.store.repositories.exercises import get_exercise


async def _count(db: Database, table: str) -> int:
    async with db.connection() as conn:
        value: int = await conn.fetchval(f"SELECT count(*) FROM {table}")
        return value


async def _events(db: Database) -> list[asyncpg.Record]:
    async with db.connection() as conn:
        rows: list[asyncpg.Record] = await conn.fetch(
            "SELECT type, subject, kafka_topic, envelope FROM events ORDER BY seq"
        )
        return rows


async def test_ask_concept_question_is_answered_and_recorded(tutor: Tutor, db: Database) -> None:
    answer = await tutor.tutoring.ask("s1", "what is a list comprehension?", None)

    assert answer.route == "concepts"
    assert not answer.needs_clarification
    assert "comprehension" in answer.payload["concept"].lower()
    assert answer.payload["example_code"]
    assert "comprehension" in answer.message.lower()
    events = await _events(db)
    assert [e["type"] for e in events] == ["learnflow.response.delivered.v1"]
    envelope = events[0]["envelope"]
    assert envelope["specversion"] == "1.0"
    assert envelope["data"]["interaction_id"] == answer.interaction_id
    # The raw student id never leaves the database in an event.
    assert "s1" not in str(envelope).replace(envelope["id"], "")
    assert events[0]["subject"].startswith("stu_")


async def test_off_topic_gets_a_redirect_without_a_specialist(tutor: Tutor) -> None:
    answer = await tutor.tutoring.ask("s1", "who won the football match last night?", None)
    assert answer.route == "off_topic"
    assert "python" in answer.message.lower()


async def test_debug_ladder_climbs_to_the_solution_then_stops(tutor: Tutor, db: Database) -> None:
    code = "numbers = [1, 2, 3]\nfor i in range(len(numbers) + 1):\n    print(numbers[i])\n"
    started = await tutor.debugging.start("s2", code, error=None, stdin=None, expected_output=None)
    assert started.error_type == "IndexError"
    assert started.line == 3
    assert (started.hint_level, started.hints_remaining) == (1, 3)

    levels = [await tutor.debugging.next_hint(started.debug_id, "s2") for _ in range(3)]
    assert [h.hint_level for h in levels] == [2, 3, 4]
    assert [h.hints_remaining for h in levels] == [2, 1, 0]
    assert levels[0].solution is None
    assert levels[1].solution is None
    assert levels[2].solution is not None
    assert "range(len(numbers))" in levels[2].solution

    with pytest.raises(LadderExhausted):
        await tutor.debugging.next_hint(started.debug_id, "s2")
    # Another student cannot read this ladder; the session looks absent to them.
    with pytest.raises(NotFound):
        await tutor.debugging.next_hint(started.debug_id, "someone-else")
    with pytest.raises(NotFound):
        await tutor.debugging.next_hint("not-a-uuid", "s2")
    async with db.connection() as conn:
        level = await conn.fetchval(
            "SELECT hint_level FROM debug_sessions WHERE debug_id = $1", started.debug_id
        )
    assert level == 4


async def test_submission_grades_updates_mastery_and_emits_events(
    tutor: Tutor, db: Database
) -> None:
    exercise = await tutor.practice.new_exercise("s3", topic="loops", difficulty=None)
    assert exercise.topic == "loops"
    async with db.connection() as conn:
        template = await get_exercise(conn, exercise.exercise_id)
    assert template is not None
    # A parametrised exercise is solved by its issued variant's solution.
    solution = render_variant(template, exercise.variant or 0).solution

    graded = await tutor.practice.submit(exercise.exercise_id, "s3", solution)

    assert graded.status == "passed"
    assert graded.passed == graded.total > 0
    assert graded.score == 1.0
    progress = await tutor.reports.progress("s3")
    assert progress.topics["loops"].mastery > 0
    assert progress.streak_days == 1
    types = [e["type"] for e in await _events(db)]
    assert "learnflow.exercise.graded.v1" in types
    assert "learnflow.progress.updated.v1" in types
    history = await tutor.reports.history("s3")
    assert history.submissions[0].exercise_id == exercise.exercise_id


async def test_repeated_failures_open_one_struggle_alert(tutor: Tutor, db: Database) -> None:
    exercise = await tutor.practice.new_exercise("s4", topic="lists", difficulty=None)
    for _ in range(4):
        graded = await tutor.practice.submit(exercise.exercise_id, "s4", "x = 1\n")
        assert graded.status in {"failed", "error"}
    alerts = (await tutor.reports.open_alerts()).alerts
    # Four NameErrors: the same error 3+ times, and 3 low scores in a row; one alert per rule.
    assert sorted((a.student_id, a.topic, a.kind) for a in alerts) == [
        ("s4", "lists", "low_scores"),
        ("s4", "lists", "repeated_error"),
    ]
    assert "lists" in (await tutor.reports.progress("s4")).struggling
    assert "learnflow.struggle.detected.v1" in [e["type"] for e in await _events(db)]


async def test_teacher_exercise_with_failing_solution_writes_nothing(
    tutor: Tutor, db: Database
) -> None:
    before = await _count(db, "exercises")
    body = TeacherExerciseCreate(
        title="Double it",
        prompt="Write `double(n)`.",
        topic="functions",
        difficulty="easy",
        tests=[ExerciseTestCreate(name="doubles 2", code="assert double(2) == 4")],
        solution="def double(n):\n    return n + 1\n",
    )
    with pytest.raises(InvalidRequest):
        await tutor.practice.create_teacher_exercise(body)
    assert await _count(db, "exercises") == before


async def test_teacher_exercise_is_stored_and_gradable(tutor: Tutor) -> None:
    body = TeacherExerciseCreate(
        title="Double it",
        prompt="Write `double(n)`.",
        topic="functions",
        difficulty="easy",
        starter_code="def double(n):\n    pass\n",
        tests=[
            ExerciseTestCreate(name="doubles 2", code="assert double(2) == 4"),
            ExerciseTestCreate(name="doubles -3", code="assert double(-3) == -6"),
        ],
        solution="def double(n):\n    return 2 * n\n",
    )
    created = await tutor.practice.create_teacher_exercise(body)
    graded = await tutor.practice.submit(
        created.exercise_id, "s5", "def double(n):\n    return n\n"
    )
    assert graded.status == "failed"
    assert graded.passed == 0
    assert graded.total == 2


async def test_unknown_exercise_and_topic_are_domain_errors(tutor: Tutor, db: Database) -> None:
    with pytest.raises(NotFound):
        await tutor.practice.submit("does-not-exist", "s6", "pass")
    with pytest.raises(InvalidRequest):
        await tutor.practice.new_exercise("s6", topic="astrology", difficulty=None)
    assert await _count(db, "submissions") == 0
    assert await _count(db, "events") == 0
