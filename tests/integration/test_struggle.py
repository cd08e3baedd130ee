"""Struggle detection persisted in PostgreSQL: each rule through its real hook (debug run,
graded submission, /v1/ask message), one alert and one event per struggle, time windows
driven by an injected clock, and the database itself refusing duplicate open alerts."""

from datetime import UTC, datetime, timedelta
from typing import Any

import asyncpg
import pytest

from serve_app.domain.concepts import KnowledgeBase
from serve_app.domain.sandbox import Sandbox
from serve_app.domain.struggle import REASONS
from serve_app.schemas.exercises import ExerciseTestCreate, TeacherExerciseCreate
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.support.tutors import seeded_tutor

NAME_ERROR = "total = 0\nprint(totl)\n"
RETURNS_ZERO = "def answer():\n    return 0\n"  # half the tests of a `half` exercise pass


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, minutes: float) -> None:
        self.now += timedelta(minutes=minutes)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def tutor(
    db: Database, knowledge_base: KnowledgeBase, sandbox: Sandbox, clock: Clock
) -> Tutor:
    return await seeded_tutor(db, knowledge_base, sandbox, clock=clock)


async def _struggle_events(db: Database) -> list[dict[str, Any]]:
    async with db.connection() as conn:
        rows = await conn.fetch(
            "SELECT envelope FROM events WHERE type = 'learnflow.struggle.detected.v1' ORDER BY seq"
        )
    return [row["envelope"]["data"] for row in rows]


async def _open_alerts(db: Database, student: str) -> list[tuple[str, str]]:
    async with db.connection() as conn:
        rows = await conn.fetch(
            "SELECT kind, topic FROM struggle_alerts WHERE student_id = $1 AND status = 'open' "
            "ORDER BY kind",
            student,
        )
    return [(row["kind"], row["topic"]) for row in rows]


async def _half_exercise(tutor: Tutor, topic: str) -> str:
    """A teacher exercise that RETURNS_ZERO fails with a score of exactly 50%."""
    created = await tutor.practice.create_teacher_exercise(
        TeacherExerciseCreate(
            title=f"Answer ({topic})",
            prompt="Write `answer()` that returns 1.",
            topic=topic,
            difficulty="easy",
            tests=[
                ExerciseTestCreate(name="is a number", code="assert answer() in (0, 1)"),
                ExerciseTestCreate(name="is small", code="assert answer() < 2"),
                ExerciseTestCreate(name="is one", code="assert answer() == 1"),
                ExerciseTestCreate(name="is odd", code="assert answer() % 2 == 1"),
            ],
        )
    )
    return created.exercise_id


def _assert_no_free_text(events: list[dict[str, Any]]) -> None:
    for data in events:
        assert set(data) == {"alert_id", "topic", "reason", "severity", "kind"}
        assert data["reason"] == REASONS[data["kind"]]


async def _debug(tutor: Tutor, student: str, code: str = NAME_ERROR) -> str:
    result = await tutor.debugging.start(
        student, code, error=None, stdin=None, expected_output=None
    )
    return result.error_type


async def test_same_error_three_times_raises_one_alert_and_one_event(
    tutor: Tutor, db: Database
) -> None:
    assert await _debug(tutor, "d1") == "NameError"
    await _debug(tutor, "d1")
    assert await _struggle_events(db) == []
    await _debug(tutor, "d1")
    await _debug(tutor, "d1")  # still open: no second alert
    events = await _struggle_events(db)
    assert [e["kind"] for e in events] == ["repeated_error"]
    _assert_no_free_text(events)
    assert [kind for kind, _ in await _open_alerts(db, "d1")] == ["repeated_error"]


async def test_the_same_error_spread_over_more_than_30_minutes_is_not_struggle(
    tutor: Tutor, db: Database, clock: Clock
) -> None:
    await _debug(tutor, "d2")
    await _debug(tutor, "d2")
    clock.advance(31)
    await _debug(tutor, "d2")
    assert await _struggle_events(db) == []


async def test_five_failed_runs_within_10_minutes(tutor: Tutor, db: Database, clock: Clock) -> None:
    topics = ["loops", "lists", "dicts", "sets", "strings"]
    exercises = [await _half_exercise(tutor, topic) for topic in topics]
    for exercise_id in exercises[:4]:
        graded = await tutor.practice.submit(exercise_id, "f1", RETURNS_ZERO)
        assert (graded.status, graded.score) == ("failed", 0.5)
        clock.advance(2)
    assert await _struggle_events(db) == []
    await tutor.practice.submit(exercises[4], "f1", RETURNS_ZERO)
    events = await _struggle_events(db)
    assert [(e["kind"], e["topic"]) for e in events] == [("failed_runs", "strings")]
    _assert_no_free_text(events)


async def test_five_failed_runs_spread_over_more_than_10_minutes(
    tutor: Tutor, db: Database, clock: Clock
) -> None:
    topics = ["loops", "lists", "dicts", "sets", "strings"]
    exercises = [await _half_exercise(tutor, topic) for topic in topics]
    for exercise_id in exercises:
        await tutor.practice.submit(exercise_id, "f2", RETURNS_ZERO)
        clock.advance(3)
    assert await _struggle_events(db) == []


async def test_three_low_scores_in_a_topic_even_hours_apart(
    tutor: Tutor, db: Database, clock: Clock
) -> None:
    exercises = [await _half_exercise(tutor, "loops") for _ in range(3)]
    for exercise_id in exercises:
        graded = await tutor.practice.submit(exercise_id, "l1", "def answer():\n    return 7\n")
        assert graded.score < 0.5
        clock.advance(90)
    events = await _struggle_events(db)
    assert [(e["kind"], e["topic"]) for e in events] == [("low_scores", "loops")]


async def test_more_than_ten_minutes_on_one_exercise_with_only_failures(
    tutor: Tutor, db: Database, clock: Clock
) -> None:
    exercise_id = await _half_exercise(tutor, "functions")
    await tutor.practice.submit(exercise_id, "t1", RETURNS_ZERO)
    clock.advance(9)
    await tutor.practice.submit(exercise_id, "t1", RETURNS_ZERO)
    assert await _struggle_events(db) == []
    clock.advance(2)
    await tutor.practice.submit(exercise_id, "t1", RETURNS_ZERO)
    events = await _struggle_events(db)
    assert [(e["kind"], e["topic"]) for e in events] == [("stuck_on_exercise", "functions")]


async def test_a_pass_resolves_the_topic_alerts_so_a_new_struggle_alerts_again(
    tutor: Tutor, db: Database, clock: Clock
) -> None:
    exercise_id = await _half_exercise(tutor, "functions")
    await tutor.practice.submit(exercise_id, "t2", RETURNS_ZERO)
    clock.advance(11)
    await tutor.practice.submit(exercise_id, "t2", RETURNS_ZERO)
    assert await _open_alerts(db, "t2") == [("stuck_on_exercise", "functions")]
    passed = await tutor.practice.submit(exercise_id, "t2", "def answer():\n    return 1\n")
    assert passed.status == "passed"
    assert await _open_alerts(db, "t2") == []
    again = await _half_exercise(tutor, "functions")
    await tutor.practice.submit(again, "t2", RETURNS_ZERO)
    clock.advance(11)
    await tutor.practice.submit(again, "t2", RETURNS_ZERO)
    assert len(await _struggle_events(db)) == 2


async def test_saying_stuck_in_ask_raises_one_alert(tutor: Tutor, db: Database) -> None:
    await tutor.tutoring.ask("a1", "I'm stuck on for loops, I don't get it", None)
    await tutor.tutoring.ask("a1", "still stuck, I don't get it", None)
    await tutor.tutoring.ask("a1", "what is a dictionary?", None)
    events = await _struggle_events(db)
    assert [e["kind"] for e in events] == ["says_stuck"]
    _assert_no_free_text(events)
    assert "stuck" not in str(events[0]["topic"])
    alerts = (await tutor.reports.open_alerts()).alerts
    assert [(a.student_id, a.kind) for a in alerts] == [("a1", "says_stuck")]


async def test_an_ordinary_question_opens_nothing(tutor: Tutor, db: Database) -> None:
    await tutor.tutoring.ask("a2", "how do I reverse a list?", None)
    assert await _struggle_events(db) == []


async def test_the_database_refuses_a_second_open_alert_of_a_kind(db: Database) -> None:
    insert = """
        INSERT INTO struggle_alerts (alert_id, student_id, kind, topic, reason, severity, status)
        VALUES (gen_random_uuid(), 's', $1, 'loops', 'r', 'low', $2)
    """
    async with db.connection() as conn:
        await conn.execute(insert, "low_scores", "open")
        await conn.execute(insert, "failed_runs", "open")  # another kind: allowed
        await conn.execute(insert, "low_scores", "resolved")  # history: allowed
        with pytest.raises(asyncpg.UniqueViolationError):
            await conn.execute(insert, "low_scores", "open")
