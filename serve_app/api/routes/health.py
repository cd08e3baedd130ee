"""Liveness and readiness."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from serve_app.api.deps import TutorDep

router = APIRouter(tags=["health"])


@router.get("/healthz")
async def liveness() -> dict[str, str]:
    return {"status": "ok"}


@router.get("/readyz")
async def readiness(tutor: TutorDep) -> JSONResponse:
    # DependencyUnavailable from the check becomes a 503 in the error handlers.
    await tutor.db.check_health()
    return JSONResponse({"status": "ready", "database": "ok", "kafka": "off"})
