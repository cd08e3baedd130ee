"""Debug sessions and the hint ladder."""

from pydantic import BaseModel, Field

from serve_app.schemas.common import Code, RequestModel, StudentId, Text


class DebugCreate(RequestModel):
    student_id: StudentId
    code: Code = Field(min_length=1)
    error: Text | None = None
    stdin: Code | None = None
    expected_output: Code | None = None


class DebugPublic(BaseModel):
    debug_id: str
    interaction_id: str
    error_type: str
    line: int | None
    column: int | None
    message: str
    summary: str
    hint: str
    hint_level: int
    hints_remaining: int
    findings: list[str]


class HintCreate(RequestModel):
    student_id: StudentId


class HintPublic(BaseModel):
    debug_id: str
    hint: str
    hint_level: int
    hints_remaining: int
    solution: str | None = None
