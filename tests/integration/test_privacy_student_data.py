"""FERPA export and erasure against the real schema, whatever tables it has today."""

import asyncpg

from serve_app.privacy.fields import ENCRYPTED_TABLES
from serve_app.schemas.privacy import StudentPrivacyUpdate
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from serve_app.store.repositories import erasure

STUDENT = "erin.2031"
OTHER = "olaf.2031"
MARKER = "walrus-banjo-2718"

# Tables that hold no student data, each with the reason. Every other table must be one
# erasure reaches (a student_id or subject column): a new table fails this list until it
# is either given such a column or argued into it.
NO_STUDENT_DATA = {
    "alembic_version": "the schema version",
    "exercises": "the bank and teacher-authored exercises; submissions link students to them",
    "classes": "class names",
    "class_teachers": "which teacher teaches which class: teacher ids only",
}


async def _public_tables(conn: asyncpg.Connection) -> set[str]:
    rows = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return {row["tablename"] for row in rows}


async def _use_every_feature(tutor: Tutor, db: Database, student: str) -> None:
    await tutor.tutoring.ask(student, f"what is a list comprehension? {MARKER}", None)
    started = await tutor.debugging.start(
        student,
        f"x = [1, 2]\nprint(x[5])  # {MARKER}\n",
        error=None,
        stdin=None,
        expected_output=None,
    )
    await tutor.debugging.next_hint(started.debug_id, student)
    exercise = await tutor.practice.new_exercise(student, topic="lists", difficulty=None)
    for _ in range(4):  # failing repeatedly also opens a struggle alert
        await tutor.practice.submit(exercise.exercise_id, student, f"x = 1  # {MARKER}\n")
    await tutor.privacy.update(student, StudentPrivacyUpdate(under_13=True, parental_consent=True))
    async with db.connection() as conn:
        tables = await _public_tables(conn)
        # Rows other issues' tables keep about a student, when those tables exist.
        if "class_students" in tables:
            await conn.execute(
                "INSERT INTO classes (class_id, name) VALUES ('c1', 'Year 7') "
                "ON CONFLICT DO NOTHING"
            )
            await conn.execute(
                "INSERT INTO class_students (class_id, student_id) VALUES ('c1', $1)", student
            )
        if "quota_counters" in tables:
            await conn.execute(
                "INSERT INTO quota_counters (subject, kind, window_end, hits) "
                "VALUES ($1, 'minute', now(), 1)",
                student,
            )


async def _rows_mentioning(db: Database, needle: str) -> dict[str, int]:
    found: dict[str, int] = {}
    async with db.connection() as conn:
        for table in sorted(await _public_tables(conn)):
            count = await conn.fetchval(
                f'SELECT count(*) FROM "{table}" t WHERE strpos(t::text, $1) > 0', needle
            )
            if count:
                found[table] = count
    return found


async def test_every_table_with_student_data_is_covered_by_erasure(db: Database) -> None:
    async with db.connection() as conn:
        covered = await erasure.student_tables(conn)
        tables = await _public_tables(conn)
    reachable = set(covered.by_student_id) | set(covered.by_subject)
    uncovered = tables - reachable - set(NO_STUDENT_DATA)
    assert not uncovered, f"tables erasure cannot reach: {sorted(uncovered)}"
    assert {"interactions", "debug_sessions", "submissions", "progress", "students"} <= reachable
    assert "events" in covered.by_subject


async def test_events_carry_no_raw_id_and_no_student_text(tutor: Tutor, db: Database) -> None:
    await _use_every_feature(tutor, db, STUDENT)
    async with db.connection() as conn:
        assert await conn.fetchval("SELECT count(*) FROM events") > 0
    assert "events" not in await _rows_mentioning(db, STUDENT)
    assert "events" not in await _rows_mentioning(db, MARKER)
    assert "events" in await _rows_mentioning(db, tutor.privacy.pseudonym(STUDENT))


async def test_export_returns_everything_about_the_student_decrypted(
    tutor: Tutor, db: Database
) -> None:
    await _use_every_feature(tutor, db, STUDENT)
    await _use_every_feature(tutor, db, OTHER)

    export = await tutor.privacy.export(STUDENT)

    assert export.subject == tutor.privacy.pseudonym(STUDENT)
    for name in ("interactions", "debug_sessions", "submissions", "progress", "students"):
        assert export.records[name], name
    assert export.records["struggle_alerts"]
    for table in ENCRYPTED_TABLES:
        rows = export.records[table.name]
        texts = " ".join(str(row.get(column)) for row in rows for column in table.columns)
        assert MARKER in texts, table.name
    assert all(row["student_id"] == STUDENT for row in export.records["interactions"])
    assert export.events
    assert {event["subject"] for event in export.events} == {export.subject}
    assert OTHER not in export.model_dump_json()
    assert tutor.privacy.pseudonym(OTHER) not in export.model_dump_json()


async def test_erase_removes_the_student_everywhere_and_records_one_event(
    tutor: Tutor, db: Database
) -> None:
    await _use_every_feature(tutor, db, STUDENT)
    await _use_every_feature(tutor, db, OTHER)
    subject = tutor.privacy.pseudonym(STUDENT)
    other_before = await _rows_mentioning(db, OTHER)
    assert await _rows_mentioning(db, subject)

    erased = await tutor.privacy.erase(STUDENT)

    assert erased > 0
    assert await _rows_mentioning(db, STUDENT) == {}
    # Only the tombstone names the pseudonym, and it carries no raw id or text.
    assert await _rows_mentioning(db, subject) == {"events": 1}
    async with db.connection() as conn:
        tombstone = await conn.fetchrow("SELECT * FROM events WHERE subject = $1", subject)
    assert tombstone is not None
    assert tombstone["type"] == "learnflow.student.erased.v1"
    assert tombstone["kafka_topic"] == "student.lifecycle"
    assert tombstone["published_at"] is None  # the relay will publish it
    assert tombstone["envelope"]["data"]["rows_erased"] == erased
    assert "interactions" in tombstone["envelope"]["data"]["tables"]
    # The other student is untouched.
    assert await _rows_mentioning(db, OTHER) == other_before


async def test_erase_is_idempotent(tutor: Tutor, db: Database) -> None:
    await _use_every_feature(tutor, db, STUDENT)
    assert await tutor.privacy.erase(STUDENT) > 0
    assert await tutor.privacy.erase(STUDENT) == 0
    assert await tutor.privacy.erase("never-seen") == 0
    async with db.connection() as conn:
        erased_events = await conn.fetchval(
            "SELECT count(*) FROM events WHERE type = 'learnflow.student.erased.v1'"
        )
    assert erased_events == 1
    export = await tutor.privacy.export(STUDENT)
    assert all(rows == [] for rows in export.records.values())
    assert [e["type"] for e in export.events] == ["learnflow.student.erased.v1"]
