"""Classes: admins manage them; a teacher lists their own."""

from dataclasses import asdict
from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from serve_app.api.deps import TutorDep
from serve_app.errors import NotFound
from serve_app.schemas.admin import ClassesPublic, ClassPublic, ClassReplace
from serve_app.security.dependencies import AccessDep
from serve_app.store.repositories import classes

router = APIRouter(prefix="/v1", tags=["classes"])

ClassIdPath = Annotated[str, Path(min_length=1, max_length=128, pattern=r"^[A-Za-z0-9_.:+\-]+$")]


@router.put("/admin/classes/{class_id}")
async def replace_class(
    class_id: ClassIdPath, body: ClassReplace, tutor: TutorDep, access: AccessDep
) -> ClassPublic:
    """Create a class or replace its name, teachers and students."""
    await access.require("admin")
    async with tutor.db.transaction() as conn:
        await classes.replace_class(
            conn,
            class_id=class_id,
            name=body.name,
            teacher_ids=body.teacher_ids,
            student_ids=body.student_ids,
        )
        stored = await classes.get_class(conn, class_id)
    if stored is None:  # deleted concurrently, after our commit
        raise NotFound("class", class_id)
    return ClassPublic(**asdict(stored))


@router.get("/admin/classes")
async def list_classes(tutor: TutorDep, access: AccessDep) -> ClassesPublic:
    await access.require("admin")
    async with tutor.db.connection() as conn:
        found = await classes.list_classes(conn)
    return ClassesPublic(classes=[ClassPublic(**asdict(c)) for c in found])


@router.get("/admin/classes/{class_id}")
async def read_class(class_id: ClassIdPath, tutor: TutorDep, access: AccessDep) -> ClassPublic:
    await access.require("admin")
    async with tutor.db.connection() as conn:
        found = await classes.get_class(conn, class_id)
    if found is None:
        raise NotFound("class", class_id)
    return ClassPublic(**asdict(found))


@router.delete("/admin/classes/{class_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_class(class_id: ClassIdPath, tutor: TutorDep, access: AccessDep) -> Response:
    await access.require("admin")
    async with tutor.db.transaction() as conn:
        if not await classes.delete_class(conn, class_id):
            raise NotFound("class", class_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/teacher/classes")
async def list_my_classes(tutor: TutorDep, access: AccessDep) -> ClassesPublic:
    """The caller's classes; an admin sees every class."""
    await access.require("teacher")
    principal = access.principal
    teacher_id = None if principal.is_admin else principal.subject
    async with tutor.db.connection() as conn:
        found = await classes.list_classes(conn, teacher_id=teacher_id)
    if principal.classes is not None and not principal.is_admin:
        found = [c for c in found if c.class_id in principal.classes]
    return ClassesPublic(classes=[ClassPublic(**asdict(c)) for c in found])
