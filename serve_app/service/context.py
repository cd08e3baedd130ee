"""What every use case needs: the database, the pseudonymizer, and small shared reads."""

from dataclasses import dataclass
from typing import Any

import asyncpg

from serve_app.domain.mastery import level_for
from serve_app.events.models import ResponseDelivered
from serve_app.events.outbox import append_event
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.store.database import Database
from serve_app.store.repositories.interactions import insert_interaction
from serve_app.store.repositories.progress import topic_progress


@dataclass(frozen=True)
class ServiceContext:
    db: Database
    pseudonymize: Pseudonymizer


async def mastery_map(conn: asyncpg.Connection, student_id: str) -> dict[str, float]:
    return {row["topic"]: float(row["mastery"]) for row in await topic_progress(conn, student_id)}


def level_from_mastery(mastery: dict[str, float], topic: str | None) -> str:
    if topic is None or topic not in mastery:
        return "beginner"
    return level_for(mastery[topic])


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
