"""Triage, ask and concept explanations."""

from typing import Any

from pydantic import BaseModel, Field

from serve_app.schemas.common import Code, LevelName, RequestModel, RouteName, StudentId, Text


class TriageCreate(RequestModel):
    text: Text
    code: Code | None = None


class TriagePublic(BaseModel):
    route: RouteName
    confidence: float = Field(ge=0, le=1)
    needs_clarification: bool
    clarifying_question: str | None = None
    topic: str | None = None


class AskCreate(RequestModel):
    student_id: StudentId
    text: Text
    code: Code | None = None


class AskPublic(BaseModel):
    interaction_id: str
    route: RouteName
    confidence: float = Field(ge=0, le=1)
    needs_clarification: bool
    message: str = Field(description="Markdown for the student")
    payload: dict[str, Any] = Field(description="The specialist's answer")


class ExplainCreate(RequestModel):
    student_id: StudentId
    text: Text
    level: LevelName | None = None


class ExplanationPublic(BaseModel):
    interaction_id: str
    concept: str
    concept_id: str | None
    topic: str | None
    level: LevelName
    explanation: str
    example_code: str
    example_output: str
    check_question: str
    references: list[str]
    common_mistakes: list[str]
    source: str = Field(description="card, python-docs or none")
    llm_used: bool
