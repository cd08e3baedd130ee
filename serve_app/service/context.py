"""What every use case needs: the database, the pseudonymizer, and small shared reads."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import asyncpg

from serve_app.domain.concepts.levels import explanation_level_for
from serve_app.events.models import ResponseDelivered
from serve_app.events.outbox import append_event
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.store.database import Database
from serve_app.store.repositories.interactions import insert_interaction
from serve_app.store.repositories.progress import topic_progress
from serve_app.store.repositories.students import llm_allowed as student_llm_allowed


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class ServiceContext:
    db: Database
    pseudonymize: Pseudonymizer
    # Time-based rules (streaks, struggle windows) read this clock; tests inject their own.
    clock: Callable[[], datetime] = utc_now


async def mastery_map(conn: asyncpg.Connection, student_id: str) -> dict[str, float]:
    return {row["topic"]: float(row["mastery"]) for row in await topic_progress(conn, student_id)}


async def llm_allowed(ctx: ServiceContext, student_id: str) -> bool:
    """Whether this student's words may reach an LLM: not for an under-13 account without
    recorded parental consent (COPPA)."""
    async with ctx.db.connection() as conn:
        return await student_llm_allowed(conn, student_id)


def level_from_mastery(mastery: dict[str, float], topic: str | None) -> str:
    """The explanation level for the student's mastery of `topic` (beginner when unknown)."""
    return explanation_level_for(mastery.get(topic) if topic is not None else None)


async def record_interaction(
    ctx: ServiceContext,
    conn: asyncpg.Connection,
    *,
    student_id: str,
    route: str,
    confidence: float,
    text: str,
    code: str | None,
    message: str,
    payload: dict[str, Any],
) -> str:
    """Store one answered request and its ResponseDelivered event on `conn`'s transaction."""
    interaction_id = await insert_interaction(
        conn,
        student_id=student_id,
        route=route,
        confidence=confidence,
        text=text,
        code=code,
        message=message,
        payload=payload,
    )
    await append_event(
        conn,
        ResponseDelivered(
            interaction_id=interaction_id,
            route=route,
            confidence=confidence,
            concept=payload.get("concept_id"),
            error_type=payload.get("error_type"),
            exercise_id=payload.get("exercise_id"),
            llm_used=bool(payload.get("llm_used")),
        ),
        subject=ctx.pseudonymize(student_id),
    )
    return interaction_id
