"""POST /v1/concepts/{concept_id}/check: answer a concept's check question."""

from typing import Annotated

from fastapi import APIRouter, Path

from serve_app.api.deps import TutorDep
from serve_app.schemas.checks import CheckAnswerCreate, CheckResultPublic
from serve_app.security.dependencies import AccessDep

router = APIRouter(prefix="/v1", tags=["concepts"])

ConceptIdPath = Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[a-z0-9_\-]+$")]


@router.post("/concepts/{concept_id}/check")
async def answer_check_question(
    concept_id: ConceptIdPath, body: CheckAnswerCreate, tutor: TutorDep, access: AccessDep
) -> CheckResultPublic:
    await access.act_as(body.student_id)
    return await tutor.checks.answer(concept_id, body.student_id, body.answer)
