"""What an exercise is: the student-facing part and the server-only part (tests, solution)."""

from dataclasses import dataclass

from serve_app.domain.sandbox.models import TestCase


@dataclass(frozen=True)
class Example:
    """One worked example shown to the student.

    Examples of one exercise read like a REPL session: they run in order against the
    reference solution, so a later example may depend on an earlier one (e.g. a file
    written by the first call and read by the second). `result` is the `repr` of what
    the call returns or, for a function that prints, exactly what it prints.
    """

    call: str  # e.g. "add(1, 2)"
    result: str  # e.g. "3"


@dataclass(frozen=True)
class ExerciseSpec:
    """An exercise; `tests` and `solution` never leave the server."""

    exercise_id: str  # stable slug, e.g. "loops-sum-evens"
    title: str
    prompt: str  # markdown, names the function signature to write
    topic: str  # one of topics.TOPICS
    difficulty: str  # one of topics.DIFFICULTIES
    starter_code: str
    examples: tuple[Example, ...]
    tests: tuple[TestCase, ...]  # hidden: run after the student's code
    solution: str  # reference solution; passes every test
    # Parametrised exercises: each variant maps the `$name` placeholders of the text fields
    # (title, prompt, starter code, examples, tests, solution) to the text that replaces them.
    # Empty for a plain exercise, whose fields are used as they are.
    variants: tuple[tuple[tuple[str, str], ...], ...] = ()
    variant: int | None = None  # set on a rendered variant: which one it is
    source: str = "bank"  # "bank", "teacher" or "generated"
