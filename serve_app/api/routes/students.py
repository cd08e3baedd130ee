"""GET progress, history and teacher alerts."""

from fastapi import APIRouter

from serve_app.api.deps import StudentIdPath, TutorDep
from serve_app.schemas.students import AlertsPublic, HistoryPublic, ProgressPublic

router = APIRouter(prefix="/v1", tags=["students"])


@router.get("/students/{student_id}/progress")
async def read_progress(student_id: StudentIdPath, tutor: TutorDep) -> ProgressPublic:
    return await tutor.reports.progress(student_id)


@router.get("/students/{student_id}/history")
async def read_history(student_id: StudentIdPath, tutor: TutorDep) -> HistoryPublic:
    return await tutor.reports.history(student_id)


@router.get("/teacher/alerts")
async def read_open_alerts(tutor: TutorDep) -> AlertsPublic:
    return await tutor.reports.open_alerts()
