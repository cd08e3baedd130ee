"""Classes: the teachers and students of each, managed by admins."""

from typing import Annotated

from pydantic import BaseModel, Field

from serve_app.schemas.common import RequestModel

MemberId = Annotated[
    str,
    Field(
        min_length=1,
        max_length=128,
        pattern=r"^[A-Za-z0-9_.@:+\-]+$",
        description="A teacher's or student's id (a token's subject)",
        examples=["s1"],
    ),
]
# Upper bounds keep one request's work bounded; a school splits bigger cohorts.
MAX_TEACHERS = 50
MAX_STUDENTS = 1_000


class ClassReplace(RequestModel):
    name: str = Field(min_length=1, max_length=200)
    teacher_ids: list[MemberId] = Field(default_factory=list, max_length=MAX_TEACHERS)
    student_ids: list[MemberId] = Field(default_factory=list, max_length=MAX_STUDENTS)


class ClassPublic(BaseModel):
    class_id: str
    name: str
    teacher_ids: list[str]
    student_ids: list[str]


class ClassesPublic(BaseModel):
    classes: list[ClassPublic]
