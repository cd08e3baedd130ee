"""Struggle detection, persisted: read recent attempts, apply the rules, open alerts once.

Called on the transaction that records the attempt (a submission, a debug run, a message), so
the alert and its StruggleDetected event commit together with it. An alert of the same kind
already open for the student and topic suppresses both (the unique index decides, not Python).
"""

from datetime import datetime
from typing import Any

import asyncpg

from serve_app.domain.struggle import (
    LOW_SCORE_COUNT,
    REPEATED_ERROR_WINDOW,
    Occurrence,
    StruggleFinding,
    detect_struggles,
    says_stuck,
)
from serve_app.events.models import StruggleDetected
from serve_app.events.outbox import append_event
from serve_app.service.context import ServiceContext
from serve_app.store.repositories import alerts, exercises, submissions

GENERAL_TOPIC = "general"  # for a "stuck" message that names no topic


def _occurrence(row: dict[str, Any]) -> Occurrence:
    return Occurrence(
        at=row["at"],
        topic=row["topic"],
        error_type=row["error_type"],
        failed=bool(row["failed"]),
        kind=row["kind"],
        exercise_id=row["exercise_id"],
        score=row["score"],
    )


class StruggleMonitor:
    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    async def after_submission(
        self, conn: asyncpg.Connection, student_id: str, submission_id: str, exercise_id: str
    ) -> list[str]:
        """Check every rule after a graded submission; the ids of alerts it opened."""
        now = self._ctx.clock()
        rows = {r["ref"]: r for r in await self._window(conn, student_id, now)}
        latest_row = rows.get(submission_id)
        if latest_row is None:  # written with a clock older than the window: nothing recent
            return []
        topic_rows = await submissions.topic_attempts(
            conn, student_id, latest_row["topic"], LOW_SCORE_COUNT
        )
        for row in topic_rows + await submissions.exercise_attempts(conn, student_id, exercise_id):
            rows.setdefault(row["ref"], row)
        issue = await exercises.latest_issue(conn, student_id, exercise_id)
        findings = detect_struggles(
            sorted((_occurrence(r) for r in rows.values()), key=lambda o: o.at),
            _occurrence(latest_row),
            now,
            issued_at=issue[1] if issue else None,
        )
        return await self._raise(conn, student_id, findings, now)

    async def after_debug(
        self, conn: asyncpg.Connection, student_id: str, debug_id: str
    ) -> list[str]:
        """Check the error-type rule after a debug run (debug runs are not graded)."""
        now = self._ctx.clock()
        rows = {r["ref"]: r for r in await self._window(conn, student_id, now)}
        latest_row = rows.get(debug_id)
        if latest_row is None:
            return []
        findings = detect_struggles(
            [_occurrence(r) for r in rows.values()], _occurrence(latest_row), now
        )
        return await self._raise(conn, student_id, findings, now)

    async def after_message(
        self, conn: asyncpg.Connection, student_id: str, text: str, topic: str | None
    ) -> list[str]:
        """Open a says_stuck alert when the student's message says they are stuck."""
        if not says_stuck(text):
            return []
        # "Still stuck" with no topic of its own continues the open alert, whatever its topic.
        if topic is None and await alerts.has_open_alert(conn, student_id, "says_stuck"):
            return []
        finding = StruggleFinding(kind="says_stuck", topic=topic or GENERAL_TOPIC)
        return await self._raise(conn, student_id, [finding], self._ctx.clock())

    async def _window(
        self, conn: asyncpg.Connection, student_id: str, now: datetime
    ) -> list[dict[str, Any]]:
        # The longest time window of the rules; the others filter inside it.
        return await submissions.recent_attempts(conn, student_id, now - REPEATED_ERROR_WINDOW)

    async def _raise(
        self,
        conn: asyncpg.Connection,
        student_id: str,
        findings: list[StruggleFinding],
        now: datetime,
    ) -> list[str]:
        opened: list[str] = []
        for finding in findings:
            alert_id = await alerts.open_alert(
                conn,
                student_id=student_id,
                kind=finding.kind,
                topic=finding.topic,
                reason=finding.reason,
                severity=finding.severity,
                created_at=now,
            )
            if alert_id is None:
                continue
            await append_event(
                conn,
                StruggleDetected(
                    alert_id=alert_id,
                    topic=finding.topic,
                    reason=finding.reason,
                    severity=finding.severity,
                    kind=finding.kind,
                ),
                subject=self._ctx.pseudonymize(student_id),
            )
            opened.append(alert_id)
        return opened
