"""POST /v1/triage, /v1/ask (JSON or Server-Sent Events) and /v1/concepts/explain."""

import json
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header
from fastapi.responses import StreamingResponse

from serve_app.api.deps import TutorDep
from serve_app.schemas.tutoring import (
    AskCreate,
    AskPublic,
    ExplainCreate,
    ExplanationPublic,
    TriageCreate,
    TriagePublic,
)
from serve_app.security.dependencies import AccessDep

router = APIRouter(prefix="/v1", tags=["tutoring"])


@router.post("/triage")
async def triage_message(body: TriageCreate, tutor: TutorDep, access: AccessDep) -> TriagePublic:
    await access.charge()
    return tutor.tutoring.triage(body.text, body.code)


async def _sse(events: AsyncIterator[tuple[str, dict[str, object]]]) -> AsyncIterator[str]:
    async for name, data in events:
        yield f"event: {name}\ndata: {json.dumps(data, default=str)}\n\n"


@router.post(
    "/ask",
    response_model=AskPublic,
    responses={200: {"content": {"text/event-stream": {}}}},
)
async def ask_tutor(
    body: AskCreate,
    tutor: TutorDep,
    access: AccessDep,
    accept: Annotated[str | None, Header()] = None,
) -> AskPublic | StreamingResponse:
    await access.act_as(body.student_id, uses_llm=True)
    if accept and "text/event-stream" in accept:
        events = tutor.tutoring.ask_stream(body.student_id, body.text, body.code)
        return StreamingResponse(
            _sse(events),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
        )
    return await tutor.tutoring.ask(body.student_id, body.text, body.code)


@router.post("/concepts/explain")
async def explain_concept(
    body: ExplainCreate, tutor: TutorDep, access: AccessDep
) -> ExplanationPublic:
    await access.act_as(body.student_id, uses_llm=True)
    return await tutor.tutoring.explain(body.student_id, body.text, body.level)
