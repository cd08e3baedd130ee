"""Exercises, teacher authoring and graded submissions."""

from pydantic import BaseModel, Field

from serve_app.schemas.common import (
    Code,
    DifficultyName,
    RequestModel,
    StudentId,
    Text,
    TopicName,
)


class ExerciseCreate(RequestModel):
    student_id: StudentId
    topic: TopicName | None = None
    difficulty: DifficultyName | None = None


class ExamplePublic(BaseModel):
    call: str
    result: str


class ExercisePublic(BaseModel):
    exercise_id: str
    title: str
    prompt: str
    topic: str
    difficulty: DifficultyName
    starter_code: str
    examples: list[ExamplePublic]
    variant: int | None = Field(
        default=None, description="Which variant of a parametrised exercise this student got"
    )


class ExerciseTestCreate(RequestModel):
    name: str = Field(min_length=1, max_length=200)
    code: Code = Field(min_length=1)


class TeacherExerciseCreate(RequestModel):
    title: str = Field(min_length=1, max_length=200)
    prompt: Text
    topic: TopicName
    difficulty: DifficultyName
    starter_code: Code = ""
    examples: list[ExamplePublic] = Field(default_factory=list, max_length=10)
    tests: list[ExerciseTestCreate] = Field(min_length=1, max_length=50)
    solution: Code | None = Field(
        default=None, description="Optional reference solution; if given it must pass the tests"
    )


class TeacherExercisePublic(ExercisePublic):
    tests: list[ExerciseTestCreate]
    source: str


class SubmissionCreate(RequestModel):
    student_id: StudentId
    code: Code = Field(min_length=1)


class TestResultPublic(BaseModel):
    name: str
    passed: bool
    message: str


class QualityFindingPublic(BaseModel):
    line: int
    message: str


class QualityPublic(BaseModel):
    score: float = Field(ge=0, le=1, description="1 is clean code; each finding lowers it")
    findings: list[QualityFindingPublic]


class SubmissionPublic(BaseModel):
    submission_id: str
    exercise_id: str
    status: str = Field(description="passed, failed, error, timeout, memory_limit or rejected")
    passed: int
    total: int
    score: float = Field(ge=0, le=1)
    results: list[TestResultPublic]
    feedback: str
    mastery: float | None = Field(default=None, description="Topic mastery after this attempt")
    level: str | None = Field(
        default=None, description="beginner, learning, proficient or mastered after this attempt"
    )
    quality: QualityPublic | None = Field(
        default=None, description="Code-quality signal: pyflakes and beginner-style checks"
    )
    variant: int | None = None
