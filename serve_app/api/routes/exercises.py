"""POST /v1/exercises, /v1/teacher/exercises and /v1/exercises/{exercise_id}/submissions."""

from fastapi import APIRouter, status

from serve_app.api.deps import ExerciseIdPath, TutorDep
from serve_app.schemas.exercises import (
    ExerciseCreate,
    ExercisePublic,
    SubmissionCreate,
    SubmissionPublic,
    TeacherExerciseCreate,
    TeacherExercisePublic,
)
from serve_app.security.dependencies import AccessDep

router = APIRouter(prefix="/v1", tags=["exercises"])


@router.post("/exercises")
async def request_exercise(
    body: ExerciseCreate, tutor: TutorDep, access: AccessDep
) -> ExercisePublic:
    # Not charged to the daily LLM quota: a student over it must still get bank exercises.
    await access.act_as(body.student_id)
    return await tutor.practice.new_exercise(
        body.student_id, topic=body.topic, difficulty=body.difficulty
    )


@router.post("/teacher/exercises", status_code=status.HTTP_201_CREATED)
async def create_teacher_exercise(
    body: TeacherExerciseCreate, tutor: TutorDep, access: AccessDep
) -> TeacherExercisePublic:
    await access.require("teacher")
    return await tutor.practice.create_teacher_exercise(body)


@router.post("/exercises/{exercise_id}/submissions")
async def submit_solution(
    exercise_id: ExerciseIdPath, body: SubmissionCreate, tutor: TutorDep, access: AccessDep
) -> SubmissionPublic:
    await access.act_as(body.student_id)
    return await tutor.practice.submit(exercise_id, body.student_id, body.code)
