"""The Exercise service's local engine: the bank, selection, and feedback on grades."""

from serve_app.domain.exercises.bank import exercise_problems, load_bank, validate_bank
from serve_app.domain.exercises.errors import InvalidExerciseBank, NoExerciseAvailable
from serve_app.domain.exercises.feedback import feedback_for
from serve_app.domain.exercises.models import Example, ExerciseSpec
from serve_app.domain.exercises.selection import practice_order, select_exercise

__all__ = [
    "Example",
    "ExerciseSpec",
    "InvalidExerciseBank",
    "NoExerciseAvailable",
    "exercise_problems",
    "feedback_for",
    "load_bank",
    "practice_order",
    "select_exercise",
    "validate_bank",
]
