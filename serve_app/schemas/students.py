"""Progress, history and teacher alerts."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field


class MasteryComponentsPublic(BaseModel):
    """The 0-100 parts mastery is weighted from: 40% exercises, 30% checks, 20% quality,
    10% streak."""

    exercises: float = Field(ge=0, le=100)
    checks: float = Field(ge=0, le=100)
    quality: float = Field(ge=0, le=100)
    streak: float = Field(ge=0, le=100)


class TopicProgressPublic(BaseModel):
    mastery: float = Field(ge=0, le=100)
    level: str = Field(description="beginner 0-40, learning 41-70, proficient 71-90, mastered")
    attempts: int
    successes: int
    components: MasteryComponentsPublic | None = None


class ProgressPublic(BaseModel):
    student_id: str
    topics: dict[str, TopicProgressPublic]
    overall_mastery: float = Field(ge=0, le=100)
    streak_days: int
    struggling: list[str]


class InteractionPublic(BaseModel):
    interaction_id: str
    route: str
    confidence: float
    text: str
    message: str
    payload: dict[str, Any]
    created_at: datetime


class SubmissionSummaryPublic(BaseModel):
    submission_id: str
    exercise_id: str
    title: str
    topic: str
    status: str
    passed: int
    total: int
    score: float
    created_at: datetime


class HistoryPublic(BaseModel):
    student_id: str
    interactions: list[InteractionPublic]
    submissions: list[SubmissionSummaryPublic]


class AlertPublic(BaseModel):
    alert_id: str
    student_id: str
    kind: str | None = Field(default=None, description="The struggle rule that opened it")
    topic: str
    reason: str
    severity: str
    created_at: datetime


class AlertsPublic(BaseModel):
    alerts: list[AlertPublic]
