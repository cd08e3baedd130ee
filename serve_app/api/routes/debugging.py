"""POST /v1/debug and /v1/debug/{debug_id}/hints."""

from fastapi import APIRouter

from serve_app.api.deps import DebugIdPath, TutorDep
from serve_app.schemas.debugging import DebugCreate, DebugPublic, HintCreate, HintPublic
from serve_app.security.dependencies import AccessDep

router = APIRouter(prefix="/v1/debug", tags=["debug"])


@router.post("")
async def diagnose_code(body: DebugCreate, tutor: TutorDep, access: AccessDep) -> DebugPublic:
    await access.act_as(body.student_id, uses_llm=True)
    return await tutor.debugging.start(
        body.student_id,
        body.code,
        error=body.error,
        stdin=body.stdin,
        expected_output=body.expected_output,
    )


@router.post("/{debug_id}/hints")
async def reveal_next_hint(
    debug_id: DebugIdPath, body: HintCreate, tutor: TutorDep, access: AccessDep
) -> HintPublic:
    # Another student's session stays a 404 inside: ids must not be probed.
    await access.act_as(body.student_id)
    return await tutor.debugging.next_hint(debug_id, body.student_id)
