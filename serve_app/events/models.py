"""Outcome events: immutable, named in the past tense, wrapped in CloudEvents 1.0 envelopes."""

import uuid
from datetime import UTC, datetime
from typing import Any, ClassVar, Literal

from pydantic import BaseModel, ConfigDict, Field

KafkaTopic = Literal[
    "learning.responses",
    "exercise.graded",
    "struggle.detected",
    "progress.updated",
    "student.lifecycle",
]


class Event(BaseModel):
    """Base of event payloads. Carries only what consumers need: no raw ids, no free text."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    type: ClassVar[str]
    kafka_topic: ClassVar[KafkaTopic]


class ResponseDelivered(Event):
    type: ClassVar[str] = "learnflow.response.delivered.v1"
    kafka_topic: ClassVar[KafkaTopic] = "learning.responses"

    interaction_id: str
    route: str
    confidence: float
    concept: str | None = None
    error_type: str | None = None
    exercise_id: str | None = None
    llm_used: bool = False


class HintRevealed(Event):
    type: ClassVar[str] = "learnflow.debug.hint_revealed.v1"
    kafka_topic: ClassVar[KafkaTopic] = "learning.responses"

    debug_id: str
    hint_level: int
    solution_revealed: bool


class ExerciseGraded(Event):
    type: ClassVar[str] = "learnflow.exercise.graded.v1"
    kafka_topic: ClassVar[KafkaTopic] = "exercise.graded"

    submission_id: str
    exercise_id: str
    topic: str
    difficulty: str
    status: str
    passed: int
    total: int
    score: float


class ProgressUpdated(Event):
    type: ClassVar[str] = "learnflow.progress.updated.v1"
    kafka_topic: ClassVar[KafkaTopic] = "progress.updated"

    topic: str
    mastery: float
    previous_mastery: float
    attempts: int
    level: str | None = None  # beginner, learning, proficient or mastered
    # The four 0-100 components mastery is weighted from: exercises, checks, quality, streak.
    components: dict[str, float] | None = None


class StruggleDetected(Event):
    type: ClassVar[str] = "learnflow.struggle.detected.v1"
    kafka_topic: ClassVar[KafkaTopic] = "struggle.detected"

    alert_id: str
    topic: str
    reason: str  # a fixed description of the rule, never the student's text
    severity: str
    kind: str | None = None  # which rule fired (serve_app.domain.struggle.STRUGGLE_KINDS)


class StudentErased(Event):
    """A student's data was erased here; downstream copies keyed by `subject` must follow."""

    type: ClassVar[str] = "learnflow.student.erased.v1"
    kafka_topic: ClassVar[KafkaTopic] = "student.lifecycle"

    rows_erased: int
    tables: tuple[str, ...]


class CloudEvent(BaseModel):
    """The CloudEvents 1.0 structured-mode JSON envelope (Dapr's native format)."""

    model_config = ConfigDict(frozen=True)

    specversion: Literal["1.0"] = "1.0"
    id: str = Field(default_factory=lambda: str(uuid.uuid4()))
    source: str
    type: str
    subject: str
    time: str = Field(default_factory=lambda: datetime.now(UTC).isoformat())
    datacontenttype: Literal["application/json"] = "application/json"
    data: dict[str, Any]

    @classmethod
    def wrap(cls, event: Event, *, source: str, subject: str) -> "CloudEvent":
        return cls(source=source, type=event.type, subject=subject, data=event.model_dump())
