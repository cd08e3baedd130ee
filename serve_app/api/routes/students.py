"""GET progress, history, teacher alerts and the teacher's class progress."""

from typing import Annotated

from fastapi import APIRouter, Query

from serve_app.api.deps import StudentIdPath, TutorDep
from serve_app.schemas.students import AlertPublic, AlertsPublic, HistoryPublic, ProgressPublic
from serve_app.schemas.teacher import ClassProgressPublic
from serve_app.security.dependencies import AccessDep
from serve_app.store.repositories.classes import open_alerts_for_teacher

router = APIRouter(prefix="/v1", tags=["students"])


@router.get("/students/{student_id}/progress")
async def read_progress(
    student_id: StudentIdPath, tutor: TutorDep, access: AccessDep
) -> ProgressPublic:
    await access.read_student(student_id)
    return await tutor.reports.progress(student_id)


@router.get("/students/{student_id}/history")
async def read_history(
    student_id: StudentIdPath, tutor: TutorDep, access: AccessDep
) -> HistoryPublic:
    await access.read_student(student_id)
    return await tutor.reports.history(student_id)


@router.get("/teacher/alerts")
async def read_open_alerts(tutor: TutorDep, access: AccessDep) -> AlertsPublic:
    await access.require("teacher")
    principal = access.principal
    if principal.is_admin:
        return await tutor.reports.open_alerts()
    # A teacher sees the alerts of the students in their classes only.
    async with tutor.db.connection() as conn:
        rows = await open_alerts_for_teacher(conn, principal.subject, principal.classes)
    return AlertsPublic(alerts=[AlertPublic(**dict(row)) for row in rows])


@router.get("/teacher/progress")
async def read_class_progress(
    tutor: TutorDep,
    access: AccessDep,
    limit: Annotated[int, Query(ge=1, le=500, description="Students per page")] = 200,
    after: Annotated[
        str | None,
        Query(
            min_length=1,
            max_length=128,
            pattern=r"^[A-Za-z0-9_.@:+\-]+$",
            description="The `next_after` of the previous page",
        ),
    ] = None,
) -> ClassProgressPublic:
    """Mastery, streak and open alerts per student: the teacher's classes (an admin: all)."""
    await access.require("teacher")
    principal = access.principal
    if principal.is_admin:
        return await tutor.reports.class_progress(teacher_id=None, after=after, limit=limit)
    return await tutor.reports.class_progress(
        teacher_id=principal.subject, class_ids=principal.classes, after=after, limit=limit
    )
