"""Answers to concept check questions."""

from pydantic import BaseModel, Field

from serve_app.schemas.common import RequestModel, StudentId, Text


class CheckAnswerCreate(RequestModel):
    student_id: StudentId
    answer: Text


class TopicMasteryPublic(BaseModel):
    topic: str
    mastery: float = Field(ge=0, le=100)
    level: str


class CheckResultPublic(BaseModel):
    concept_id: str
    correct: bool
    expected: str | None = Field(
        default=None,
        description="The model answer: shown when correct, or after a second wrong answer",
    )
    feedback: str
    mastery: TopicMasteryPublic
