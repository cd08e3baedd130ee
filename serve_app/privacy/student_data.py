"""A student's rights over their data: see all of it (FERPA export), erase all of it, and
the under-13 consent that decides whether their words may reach an LLM."""

import base64
import logging
import uuid
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import asyncpg

from serve_app.events.models import StudentErased
from serve_app.events.outbox import append_event
from serve_app.privacy.fields import ENCRYPTED_BY_NAME, unseal_row
from serve_app.schemas.privacy import (
    StudentExportPublic,
    StudentPrivacyPublic,
    StudentPrivacyUpdate,
)
from serve_app.service.context import ServiceContext
from serve_app.store.repositories import erasure, students

logger = logging.getLogger(__name__)


def _json_value(value: Any) -> Any:
    if isinstance(value, uuid.UUID | Decimal):
        return str(value)
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode()
    return value


def _export_rows(table: str, rows: list[asyncpg.Record], student_id: str) -> list[dict[str, Any]]:
    decoded = (
        [unseal_row(table, row, student_id) for row in rows]
        if table in ENCRYPTED_BY_NAME
        else [dict(row) for row in rows]
    )
    return [{key: _json_value(value) for key, value in row.items()} for row in decoded]


def _privacy_public(student_id: str, row: asyncpg.Record | None) -> StudentPrivacyPublic:
    under_13 = bool(row and row["under_13"])
    consent_at = row["parental_consent_at"] if row else None
    return StudentPrivacyPublic(
        student_id=student_id,
        under_13=under_13,
        parental_consent=consent_at is not None,
        parental_consent_at=consent_at,
        llm_allowed=not under_13 or consent_at is not None,
    )


class StudentPrivacy:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def pseudonym(self, student_id: str) -> str:
        return self._ctx.pseudonymize(student_id)

    async def export(self, student_id: str) -> StudentExportPublic:
        subject = self.pseudonym(student_id)
        # One snapshot: rows written during the export appear in all tables or in none.
        async with self._ctx.db.connection() as conn, conn.transaction(isolation="repeatable_read"):
            tables = await erasure.student_tables(conn)
            found = await erasure.rows_of_student(conn, tables, student_id, subject)
        events = [row["envelope"] for row in found.pop("events", [])]
        return StudentExportPublic(
            student_id=student_id,
            subject=subject,
            exported_at=datetime.now(UTC),
            records={t: _export_rows(t, rows, student_id) for t, rows in sorted(found.items())},
            events=events,
        )

    async def erase(self, student_id: str) -> int:
        """Delete every row about the student and, when there was any, record one
        StudentErased event in the same transaction. Returns the number of rows erased."""
        subject = self.pseudonym(student_id)
        async with self._ctx.db.transaction() as conn:
            tables = await erasure.student_tables(conn)
            deleted = await erasure.delete_student_rows(conn, tables, student_id, subject)
            total = sum(deleted.values())
            if total:
                touched = tuple(sorted(t for t, n in deleted.items() if n))
                await append_event(
                    conn, StudentErased(rows_erased=total, tables=touched), subject=subject
                )
        logger.info("erased %d rows of student %s", total, subject)
        return total

    async def settings(self, student_id: str) -> StudentPrivacyPublic:
        async with self._ctx.db.connection() as conn:
            return _privacy_public(student_id, await students.get_privacy(conn, student_id))

    async def update(self, student_id: str, body: StudentPrivacyUpdate) -> StudentPrivacyPublic:
        async with self._ctx.db.transaction() as conn:
            row = await students.set_privacy(
                conn,
                student_id,
                under_13=body.under_13,
                parental_consent=body.parental_consent,
            )
        return _privacy_public(student_id, row)
