"""The teacher's class overview: every student's mastery at a glance."""

from pydantic import BaseModel, Field


class TopicMasteryPublic(BaseModel):
    mastery: float = Field(ge=0, le=100)
    level: str = Field(description="beginner 0-40, learning 41-70, proficient 71-90, mastered")


class StudentOverviewPublic(BaseModel):
    student_id: str
    overall_mastery: float = Field(ge=0, le=100, description="Mean mastery of their topics")
    streak_days: int
    topics: dict[str, TopicMasteryPublic]
    open_alerts: int = Field(ge=0)


class ClassProgressPublic(BaseModel):
    students: list[StudentOverviewPublic] = Field(description="Ordered by student id")
    next_after: str | None = Field(
        default=None, description="Pass as `after` for the next page; null on the last page"
    )
