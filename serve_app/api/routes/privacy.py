"""A student's data rights: export (FERPA), erasure, and the under-13 consent settings.

Export is for the student themself or an admin; erasure and the under-13 settings are
for admins only, so a child cannot lift their own protection.
"""

from fastapi import APIRouter, Response

from serve_app.api.deps import StudentIdPath, TutorDep
from serve_app.schemas.privacy import (
    StudentExportPublic,
    StudentPrivacyPublic,
    StudentPrivacyUpdate,
)
from serve_app.security.dependencies import AccessDep

router = APIRouter(prefix="/v1/students", tags=["privacy"])


@router.get("/{student_id}/export")
async def export_student_data(
    student_id: StudentIdPath, tutor: TutorDep, access: AccessDep
) -> StudentExportPublic:
    await access.act_as(student_id)
    return await tutor.privacy.export(student_id)


@router.delete("/{student_id}", status_code=204, response_class=Response)
async def erase_student(student_id: StudentIdPath, tutor: TutorDep, access: AccessDep) -> None:
    """Erase everything stored about the student. Idempotent: 204 whether or not anything
    was left to erase; the `learnflow.student.erased.v1` event is written only by an
    erase that removed rows."""
    await access.require("admin")
    await tutor.privacy.erase(student_id)


@router.get("/{student_id}/privacy")
async def read_student_privacy(
    student_id: StudentIdPath, tutor: TutorDep, access: AccessDep
) -> StudentPrivacyPublic:
    await access.read_student(student_id)
    return await tutor.privacy.settings(student_id)


@router.put("/{student_id}/privacy")
async def update_student_privacy(
    student_id: StudentIdPath, body: StudentPrivacyUpdate, tutor: TutorDep, access: AccessDep
) -> StudentPrivacyPublic:
    await access.require("admin")
    return await tutor.privacy.update(student_id, body)
