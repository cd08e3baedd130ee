"""Student text at rest: ciphertext in PostgreSQL, plain strings to the code, key rotation."""

import asyncio
import base64
import os
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import asyncpg
import pytest
from alembic import command
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import create_async_engine

from serve_app.privacy.field_cipher import FieldCipher, FieldDecryptionError
from serve_app.privacy.fields import (
    ENCRYPTED_TABLES,
    field_cipher,
    install_field_cipher,
    unseal_row,
)
from serve_app.privacy.keyring import KeyRing
from serve_app.privacy.maintenance import run_maintenance_once
from serve_app.privacy.retention import purge_expired
from serve_app.privacy.rotate import remaining, rewrap_all
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from serve_app.store.migrate import alembic_config, upgrade_to_head
from serve_app.store.repositories.interactions import (
    recent_interactions,
    recently_issued_exercises,
)

MARKER = "zebra-quokka-4711"
BUGGY = f"""numbers = [1, 2, 3]
# {MARKER}
for i in range(len(numbers) + 1):
    print(numbers[i])
"""


def _ring(*entries: tuple[str, int]) -> FieldCipher:
    spec = ",".join(f"{kid}:{base64.b64encode(bytes([b]) * 32).decode()}" for kid, b in entries)
    return FieldCipher(KeyRing.parse(spec))


@pytest.fixture
def restore_cipher() -> Iterator[None]:
    saved = field_cipher()
    yield
    install_field_cipher(saved)


async def _store_student_text(tutor: Tutor, student: str) -> None:
    await tutor.tutoring.ask(student, f"what is a list comprehension? {MARKER}", None)
    started = await tutor.debugging.start(
        student, BUGGY, error=f"IndexError {MARKER}", stdin=None, expected_output=None
    )
    for _ in range(3):
        await tutor.debugging.next_hint(started.debug_id, student)
    exercise = await tutor.practice.new_exercise(student, topic="loops", difficulty=None)
    await tutor.practice.submit(exercise.exercise_id, student, f"# {MARKER}\nx = 1\n")


async def _raw_rows(db: Database) -> dict[str, list[asyncpg.Record]]:
    async with db.connection() as conn:
        return {
            table.name: await conn.fetch(
                f"SELECT {', '.join(table.columns)}, t::text AS whole FROM {table.name} t"
            )
            for table in ENCRYPTED_TABLES
        }


async def test_raw_columns_hold_no_plaintext(tutor: Tutor, db: Database) -> None:
    await _store_student_text(tutor, "enc-1")
    rows = await _raw_rows(db)
    for table in ENCRYPTED_TABLES:
        assert rows[table.name], table.name
        for row in rows[table.name]:
            for column in table.columns:
                value = row[column]
                if value is not None:
                    assert value[0] == 1, (table.name, column)  # version byte: encrypted
                    assert MARKER.encode() not in value
            # The whole row as PostgreSQL renders it: no column leaks the text elsewhere.
            assert MARKER not in row["whole"], table.name


# Distinctive strings only the student wrote: an identifier, a string literal the code prints
# and returns (so test results, feedback and quality findings quote it) and words in the
# question. None may appear in clear in any column of any table, the outbox included.
SCAN_MARKER = "zq_marker_8841"
SCAN_STUDENT = "scan.student.8841"
SCAN_BUGGY = f"""{SCAN_MARKER} = [1, 2, 3]
for i in range(len({SCAN_MARKER}) + 1):
    print("{SCAN_MARKER}", {SCAN_MARKER}[i])
"""
SCAN_SUBMISSION = f"""def rotate(items, k):
    {SCAN_MARKER} = 0
    print("{SCAN_MARKER}")
    return ["{SCAN_MARKER}"]
"""


async def _use_every_flow_with_the_marker(tutor: Tutor) -> str:
    """Ask, debug up to the solution, fail an exercise; the issued exercise's id."""
    student = SCAN_STUDENT
    await tutor.tutoring.ask(
        student, f"what is a list comprehension? {SCAN_MARKER}", f"# {SCAN_MARKER}\n"
    )
    await tutor.tutoring.ask(student, f"give me an exercise on loops {SCAN_MARKER}", None)
    started = await tutor.debugging.start(
        student,
        SCAN_BUGGY,
        error=f"IndexError: list index out of range ({SCAN_MARKER})",
        stdin=None,
        expected_output=None,
    )
    hints = [await tutor.debugging.next_hint(started.debug_id, student) for _ in range(3)]
    assert hints[-1].solution is not None
    assert SCAN_MARKER in hints[-1].solution
    exercise = await tutor.practice.new_exercise(student, topic="lists", difficulty="hard")
    graded = await tutor.practice.submit(exercise.exercise_id, student, SCAN_SUBMISSION)
    assert graded.status == "failed"
    assert any(SCAN_MARKER in r.message for r in graded.results)  # the result quotes the code
    return exercise.exercise_id


async def _columns_holding(db: Database, needle: str) -> set[str]:
    """`table.column` of every column, of every table the schema has now (found through
    information_schema, so columns added later are scanned too), that holds `needle` in
    clear: as text in any text-like column, as bytes inside a bytea."""
    found: set[str] = set()
    async with db.connection() as conn:
        columns = await conn.fetch(
            """
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t
              ON t.table_schema = c.table_schema AND t.table_name = c.table_name
            WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
            ORDER BY c.table_name, c.ordinal_position
            """
        )
        assert columns
        for column in columns:
            table = '"' + column["table_name"] + '"'
            name = '"' + column["column_name"] + '"'
            if column["data_type"] == "bytea":
                test = f"position(convert_to($1::text, 'UTF8') in {name}) > 0"
            else:  # text, json, jsonb, arrays, and anything else rendered as text
                test = f"strpos({name}::text, $1::text) > 0"
            hits = await conn.fetchval(f"SELECT count(*) FROM {table} WHERE {test}", needle)
            if hits:
                found.add(f"{column['table_name']}.{column['column_name']}")
    return found


async def test_no_column_of_any_table_holds_student_text_in_clear(
    tutor: Tutor, db: Database
) -> None:
    exercise_id = await _use_every_flow_with_the_marker(tutor)
    async with db.connection() as conn:
        assert await conn.fetchval("SELECT count(*) FROM events") > 0
        # Choosing the next exercise still sees this one, from the clear exercise_id column.
        assert exercise_id in await recently_issued_exercises(conn, SCAN_STUDENT)
        # The flows wrote what the scan must look through: each encrypted column is filled.
        for table in ENCRYPTED_TABLES:
            for column in table.columns:
                filled = await conn.fetchval(
                    f"SELECT count({column}) FROM {table.name} WHERE student_id = $1",
                    SCAN_STUDENT,
                )
                assert filled, f"{table.name}.{column} was never written"

    assert await _columns_holding(db, SCAN_MARKER) == set()
    # The outbox carries the pseudonym only, never the raw id.
    assert not {c for c in await _columns_holding(db, SCAN_STUDENT) if c.startswith("events.")}

    # Decrypted, the marker is where the flows put it: the scan looked at columns that
    # really quote the student (the diagnosis, hints and correction; results, feedback and
    # quality findings; the tutor's structured answer).
    export = (await tutor.privacy.export(SCAN_STUDENT)).records
    quoting = {
        "interactions": ("text", "code", "message", "payload"),
        "debug_sessions": ("code", "error_text", "hints", "solution"),
        "submissions": ("code", "results", "feedback", "quality_findings"),
    }
    for table_name, columns in quoting.items():
        for column in columns:
            assert any(SCAN_MARKER in str(row[column]) for row in export[table_name]), (
                f"{table_name}.{column}"
            )


async def test_the_scan_finds_text_left_in_clear(tutor: Tutor, db: Database) -> None:
    """The scan above must be able to fail: plaintext in a text, jsonb or bytea column
    (as a legacy field would hold it) is reported."""
    await tutor.tutoring.ask("plain-1", "what is a loop?", None)
    async with db.connection() as conn:
        await conn.execute(
            "UPDATE interactions SET text = '\\x00'::bytea || convert_to($1::text, 'UTF8')",
            f"left in clear {SCAN_MARKER}",
        )
        await conn.execute(
            "INSERT INTO classes (class_id, name) VALUES ('c-scan', $1)", f"Year 7 {SCAN_MARKER}"
        )
        await conn.execute(
            "UPDATE events SET envelope = jsonb_set(envelope, '{note}', to_jsonb($1::text))",
            SCAN_MARKER,
        )
    assert await _columns_holding(db, SCAN_MARKER) == {
        "interactions.text",
        "classes.name",
        "events.envelope",
    }


async def test_reads_decrypt_for_history_and_the_hint_ladder(tutor: Tutor) -> None:
    await tutor.tutoring.ask("enc-2", f"what is a loop? {MARKER}", None)
    started = await tutor.debugging.start(
        "enc-2", BUGGY, error=None, stdin=None, expected_output=None
    )
    hints = [await tutor.debugging.next_hint(started.debug_id, "enc-2") for _ in range(3)]
    assert hints[-1].solution is not None
    assert "numbers" in hints[-1].solution

    history = await tutor.reports.history("enc-2")
    texts = [item.text for item in history.interactions]
    assert f"what is a loop? {MARKER}" in texts
    assert all(item.message for item in history.interactions)


async def test_a_ciphertext_copied_to_another_student_does_not_decrypt(
    tutor: Tutor, db: Database
) -> None:
    await tutor.tutoring.ask("victim", f"what is a dict? {MARKER}", None)
    await tutor.tutoring.ask("thief", "what is a set?", None)
    async with db.connection() as conn:
        await conn.execute(
            """
            UPDATE interactions SET text = (SELECT text FROM interactions
                                            WHERE student_id = 'victim' LIMIT 1)
            WHERE student_id = 'thief'
            """
        )
    with pytest.raises(FieldDecryptionError):
        await tutor.reports.history("thief")


@pytest.mark.usefixtures("restore_cipher")
async def test_rotation_moves_every_row_to_the_active_key(tutor: Tutor, db: Database) -> None:
    install_field_cipher(_ring(("old", 1)))
    for student in ("rot-1", "rot-2"):
        await _store_student_text(tutor, student)

    # Step 1: the new key goes first in the ring; the old one still decrypts meanwhile.
    rotating = _ring(("new", 2), ("old", 1))
    install_field_cipher(rotating)
    assert sum((await remaining(db, rotating)).values()) > 0
    assert (await tutor.reports.history("rot-1")).interactions
    await tutor.tutoring.ask("rot-1", "what is a tuple?", None)  # written under "new"

    # Step 2: rotate, in small batches; a second run finds nothing left to do.
    done = await rewrap_all(db, rotating, batch_size=2)
    assert sum(done.values()) > 0
    assert await remaining(db, rotating) == {t.name: 0 for t in ENCRYPTED_TABLES}
    assert sum((await rewrap_all(db, rotating, batch_size=2)).values()) == 0

    # Step 3: the old key can go; everything still reads.
    install_field_cipher(_ring(("new", 2)))
    history = await tutor.reports.history("rot-1")
    assert any(MARKER in item.text for item in history.interactions)
    rows = await _raw_rows(db)
    for table in ENCRYPTED_TABLES:
        for row in rows[table.name]:
            for column in table.columns:
                if row[column] is not None:
                    assert bytes(row[column]).startswith(b"\x01\x03new")


@pytest.mark.usefixtures("restore_cipher")
async def test_interrupted_rotation_resumes(tutor: Tutor, db: Database) -> None:
    install_field_cipher(_ring(("old", 1)))
    for student in ("res-1", "res-2", "res-3"):
        await tutor.tutoring.ask(student, f"what is a string? {MARKER}", None)
    rotating = _ring(("new", 2), ("old", 1))
    install_field_cipher(rotating)
    partial = await rewrap_all(db, rotating, batch_size=1, max_batches=1)
    assert partial["interactions"] == 1
    assert (await remaining(db, rotating))["interactions"] == 2
    await rewrap_all(db, rotating, batch_size=1)
    assert (await remaining(db, rotating))["interactions"] == 0


def _upgrade_to(revision: str) -> Callable[[Connection], None]:
    def run(connection: Connection) -> None:
        command.upgrade(alembic_config(connection), revision)

    return run


def _downgrade_to(revision: str) -> Callable[[Connection], None]:
    def run(connection: Connection) -> None:
        command.downgrade(alembic_config(connection), revision)

    return run


async def _migrate(database_url: str, step: Callable[[Connection], None]) -> None:
    engine = create_async_engine(
        "postgresql+asyncpg://", async_creator=lambda: asyncpg.connect(database_url)
    )
    try:
        async with engine.begin() as conn:
            await conn.run_sync(step)
    finally:
        await engine.dispose()


_LEGACY_INTERACTION = "00000000-0000-0000-0000-0000000000a1"
_LEGACY_DEBUG = "00000000-0000-0000-0000-0000000000b1"
_LEGACY_SUBMISSION = "00000000-0000-0000-0000-0000000000c1"


async def _write_rows_in_the_0005_schema(database_url: str) -> None:
    """Rows as a release before 0006 stored them: derived text in clear jsonb and text."""
    raw = await asyncpg.connect(database_url)
    try:
        await raw.execute(
            f"""
            INSERT INTO interactions (interaction_id, student_id, route, confidence, text,
                                      code, message, payload)
            VALUES ('{_LEGACY_INTERACTION}', 'legacy', 'exercise', 1,
                    '\\x00'::bytea || convert_to('give me an exercise', 'UTF8'), NULL,
                    '\\x00'::bytea || convert_to('here it is', 'UTF8'),
                    '{{"exercise_id": "lists-rotate", "title": "{MARKER}"}}');
            INSERT INTO debug_sessions (debug_id, student_id, code, error_text, error_type,
                                        line, col, message, summary, topic, hints, solution)
            VALUES ('{_LEGACY_DEBUG}', 'legacy', '\\x00'::bytea || convert_to('x', 'UTF8'),
                    NULL, 'NameError', 1, 0, '\\x00'::bytea || convert_to('m', 'UTF8'),
                    'summary {MARKER}', 'variables', '["h1 {MARKER}", "h2", "h3"]', NULL);
            INSERT INTO exercises (exercise_id, source, title, prompt, topic, difficulty,
                                   starter_code, examples, tests)
            VALUES ('legacy-ex', 'teacher', 't', 'p', 'lists', 'easy', '', '[]', '[]');
            INSERT INTO submissions (submission_id, exercise_id, student_id, code, status,
                                     passed, total, score, results, feedback, quality_findings)
            VALUES ('{_LEGACY_SUBMISSION}', 'legacy-ex', 'legacy', NULL, 'failed', 0, 1, 0,
                    '[{{"name": "t", "passed": false, "message": "got {MARKER}"}}]',
                    'feedback {MARKER}', '[{{"line": 1, "message": "{MARKER} unused"}}]');
            """
        )
    finally:
        await raw.close()


async def _legacy_rows(db: Database) -> dict[str, dict[str, object]]:
    async with db.connection() as conn:
        interaction = await conn.fetchrow(
            "SELECT * FROM interactions WHERE interaction_id = $1", _LEGACY_INTERACTION
        )
        debug = await conn.fetchrow(
            "SELECT * FROM debug_sessions WHERE debug_id = $1", _LEGACY_DEBUG
        )
        submission = await conn.fetchrow(
            "SELECT * FROM submissions WHERE submission_id = $1", _LEGACY_SUBMISSION
        )
    return {
        "interactions": unseal_row("interactions", interaction),
        "debug_sessions": unseal_row("debug_sessions", debug),
        "submissions": unseal_row("submissions", submission),
    }


async def test_derived_text_written_before_0006_is_kept_moved_and_then_encrypted(
    database_url: str, tmp_path: Path
) -> None:
    await _migrate(database_url, _upgrade_to("0005"))
    await _write_rows_in_the_0005_schema(database_url)
    await upgrade_to_head(database_url)

    async with Database(database_url, data_dir=tmp_path, migrate=False) as db:
        before = await _legacy_rows(db)
        assert before["interactions"]["payload"] == {"exercise_id": "lists-rotate", "title": MARKER}
        assert before["interactions"]["exercise_id"] == "lists-rotate"  # moved to its column
        assert before["debug_sessions"]["hints"] == [f"h1 {MARKER}", "h2", "h3"]
        assert before["debug_sessions"]["summary"] == f"summary {MARKER}"
        assert before["submissions"]["results"][0]["message"] == f"got {MARKER}"
        assert before["submissions"]["feedback"] == f"feedback {MARKER}"
        async with db.connection() as conn:
            assert await recently_issued_exercises(conn, "legacy") == ["lists-rotate"]

    # Still legacy plaintext: the downgrade gives the old columns back, and upgrading again
    # keeps the rows.
    await _migrate(database_url, _downgrade_to("0005"))
    raw = await asyncpg.connect(database_url)
    try:
        payload = await raw.fetchval("SELECT payload::text FROM interactions")
        hints = await raw.fetchval("SELECT hints::text FROM debug_sessions")
        feedback = await raw.fetchval("SELECT feedback FROM submissions")
    finally:
        await raw.close()
    assert MARKER in payload
    assert MARKER in hints
    assert feedback == f"feedback {MARKER}"
    await upgrade_to_head(database_url)

    async with Database(database_url, data_dir=tmp_path, migrate=False) as db:
        ticked = await run_maintenance_once(db, retention_days=None)
        assert ticked is not None
        assert ticked["encrypted"] == {"interactions": 1, "debug_sessions": 1, "submissions": 1}
        assert await remaining(db, field_cipher()) == {t.name: 0 for t in ENCRYPTED_TABLES}
        assert await _columns_holding(db, MARKER) == set()
        assert await _legacy_rows(db) == before


async def test_rows_written_before_the_migration_are_kept_and_then_encrypted(
    database_url: str, tmp_path: Path
) -> None:
    engine = create_async_engine(
        "postgresql+asyncpg://", async_creator=lambda: asyncpg.connect(database_url)
    )
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_upgrade_to("0001"))
    finally:
        await engine.dispose()
    raw = await asyncpg.connect(database_url)
    try:
        await raw.execute(
            """
            INSERT INTO interactions (interaction_id, student_id, route, confidence, text,
                                      code, message, payload)
            VALUES ('00000000-0000-0000-0000-000000000001', 'legacy', 'concepts', 1,
                    'old question zebra-quokka-4711', NULL, 'old answer', '{}')
            """
        )
    finally:
        await raw.close()

    await upgrade_to_head(database_url)
    async with Database(database_url, data_dir=tmp_path, migrate=False) as db:
        async with db.connection() as conn:
            before = await recent_interactions(conn, "legacy")
            stored = await conn.fetchval("SELECT text FROM interactions")
        assert before[0]["text"] == "old question zebra-quokka-4711"
        assert stored[0] == 0  # legacy plaintext until maintenance or rotation runs

        ticked = await run_maintenance_once(db, retention_days=None)
        assert ticked is not None
        assert ticked["encrypted"]["interactions"] == 1
        async with db.connection() as conn:
            stored = await conn.fetchval("SELECT text FROM interactions")
            after = await recent_interactions(conn, "legacy")
        assert stored[0] == 1
        assert MARKER.encode() not in stored
        assert after[0]["text"] == before[0]["text"]
        assert after[0]["code"] is None


async def test_rotate_command_reports_and_finishes(
    tutor: Tutor, db: Database, database_url: str, tmp_path: Path
) -> None:
    """`python -m serve_app.privacy.rotate` as an operator runs it, in its own process."""
    old_spec = f"old:{base64.b64encode(bytes([1]) * 32).decode()}"
    new_spec = f"new:{base64.b64encode(bytes([2]) * 32).decode()}"
    saved = field_cipher()
    install_field_cipher(FieldCipher(KeyRing.parse(old_spec)))
    try:
        await tutor.tutoring.ask("cli-1", f"what is a generator? {MARKER}", None)
    finally:
        install_field_cipher(saved)

    async def rotate(keys: str, *args: str) -> tuple[int, str]:
        env = {
            **os.environ,
            "LEARNFLOW_DATABASE_URL": database_url,
            "LEARNFLOW_ENCRYPTION_KEYS": keys,
            "LEARNFLOW_DATA_DIR": str(tmp_path),
        }
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "serve_app.privacy.rotate",
            *args,
            env=env,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.STDOUT,
        )
        output, _ = await process.communicate()
        assert process.returncode is not None
        return process.returncode, output.decode()

    code, output = await rotate(f"{new_spec},{old_spec}", "--check")
    assert code == 1
    assert "'interactions': 1" in output
    code, output = await rotate(f"{new_spec},{old_spec}", "--batch-size", "1")
    assert code == 0, output
    assert "older keys may be removed" in output
    assert base64.b64encode(bytes([2]) * 32).decode() not in output  # keys never printed
    code, output = await rotate(new_spec, "--check")
    assert code == 0, output


async def test_retention_blanks_what_quotes_old_code_but_keeps_the_grade(
    tutor: Tutor, db: Database
) -> None:
    exercise = await tutor.practice.new_exercise("old-1", topic="lists", difficulty="hard")
    await tutor.practice.submit(exercise.exercise_id, "old-1", SCAN_SUBMISSION)
    async with db.transaction() as conn:
        await conn.execute("UPDATE submissions SET created_at = now() - interval '40 days'")
        assert (await purge_expired(conn, 30))["submissions"] == 1
        row = await conn.fetchrow("SELECT * FROM submissions")
    assert row is not None
    assert [row[c] for c in ("code", "results", "feedback", "quality_findings")] == [None] * 4
    assert (row["status"], row["passed"], row["total"]) == ("failed", 0, 6)
    export = await tutor.privacy.export("old-1")
    assert export.records["submissions"][0]["results"] is None
