"""Liveness and readiness."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from serve_app.api.deps import TutorDep
from serve_app.events.status import kafka_state

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def liveness() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readiness(request: Request, tutor: TutorDep) -> JSONResponse:
    # DependencyUnavailable from the check becomes a 503 in the error handlers.
    await tutor.db.check_health()
    # Kafka is reported, never required: while it is down, events wait in PostgreSQL.
    kafka = await kafka_state(request.app.state)
    return JSONResponse({"status": "ready", "database": "ok", "kafka": kafka})
