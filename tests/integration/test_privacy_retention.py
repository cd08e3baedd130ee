"""Retention: old student text goes, recent text and grades stay; one replica purges."""

import asyncio

from serve_app.privacy.maintenance import (
    MAINTENANCE_LOCK_ID,
    PrivacyMaintenance,
    run_maintenance_once,
)
from serve_app.privacy.retention import purge_expired
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database


async def _age(db: Database, student: str, days: int) -> None:
    async with db.transaction() as conn:
        for table in ("interactions", "debug_sessions", "submissions"):
            await conn.execute(
                f"UPDATE {table} SET created_at = now() - make_interval(days => $2) "
                "WHERE student_id = $1",
                student,
                days,
            )


async def _activity(tutor: Tutor, student: str) -> None:
    await tutor.tutoring.ask(student, "what is a for loop?", None)
    await tutor.debugging.start(
        student, "print(undefined_name)\n", error=None, stdin=None, expected_output=None
    )
    exercise = await tutor.practice.new_exercise(student, topic="loops", difficulty=None)
    await tutor.practice.submit(exercise.exercise_id, student, "x = 1\n")


async def _counts(db: Database, student: str) -> dict[str, int]:
    async with db.connection() as conn:
        return {
            "interactions": await conn.fetchval(
                "SELECT count(*) FROM interactions WHERE student_id = $1", student
            ),
            "debug_sessions": await conn.fetchval(
                "SELECT count(*) FROM debug_sessions WHERE student_id = $1", student
            ),
            "submissions": await conn.fetchval(
                "SELECT count(*) FROM submissions WHERE student_id = $1", student
            ),
            "submission_code": await conn.fetchval(
                "SELECT count(code) FROM submissions WHERE student_id = $1", student
            ),
        }


async def test_purge_removes_only_text_older_than_the_limit(tutor: Tutor, db: Database) -> None:
    await _activity(tutor, "old-timer")
    await _activity(tutor, "newcomer")
    await _age(db, "old-timer", 40)
    await _age(db, "newcomer", 5)

    async with db.transaction() as conn:
        purged = await purge_expired(conn, 30)

    assert purged["interactions"] >= 2  # the ask and the debug request
    assert purged["debug_sessions"] == 1
    assert purged["submissions"] == 1
    assert await _counts(db, "old-timer") == {
        "interactions": 0,
        "debug_sessions": 0,
        "submissions": 1,  # the grade stays for mastery; its code is gone
        "submission_code": 0,
    }
    recent = await _counts(db, "newcomer")
    assert recent["interactions"] >= 2
    assert recent["submission_code"] == recent["submissions"] == 1
    assert (await tutor.reports.progress("old-timer")).topics  # mastery is untouched


async def test_only_one_replica_runs_a_tick(tutor: Tutor, db: Database) -> None:
    await _activity(tutor, "old-timer")
    await _age(db, "old-timer", 40)
    async with db.transaction() as holder:
        await holder.execute("SELECT pg_advisory_xact_lock($1)", MAINTENANCE_LOCK_ID)
        assert await run_maintenance_once(db, retention_days=30) is None
        assert (await _counts(db, "old-timer"))["interactions"] > 0
    ticked = await run_maintenance_once(db, retention_days=30)
    assert ticked is not None
    assert ticked["purged"]["interactions"] > 0


async def test_the_ingress_loop_purges_and_stops_cleanly(tutor: Tutor, db: Database) -> None:
    await _activity(tutor, "old-timer")
    await _age(db, "old-timer", 40)
    loop = PrivacyMaintenance(db, retention_days=30, interval_seconds=3600)
    loop.start()
    for _ in range(200):
        if (await _counts(db, "old-timer"))["interactions"] == 0:
            break
        await asyncio.sleep(0.05)
    await loop.stop()
    await loop.stop()
    assert (await _counts(db, "old-timer"))["interactions"] == 0
