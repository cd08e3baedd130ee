"""Exercises written by an LLM: the JSON it must answer with, and how that JSON is checked.

Parsing only proves the exercise is well formed. Whether it is *true* (the reference solution
passes the tests, the starter code does not, the examples are what the solution gives) is
proved by running it in the sandbox; see `verification_tests`.
"""

import hashlib
import json
import re
from typing import Any, Final

from serve_app.domain.exercises.bank import exercise_problems
from serve_app.domain.exercises.models import Example, ExerciseSpec
from serve_app.domain.sandbox.models import TestCase

MAX_FIELD_CHARS: Final = 8_000
_FENCE = re.compile(r"```(?:json)?\s*(\{.*\})\s*```", re.DOTALL)

GENERATION_INSTRUCTIONS: Final = """\
You write Python practice exercises for students. Answer with ONE JSON object and nothing else:
{
  "title": "short title",
  "prompt": "markdown task that names the exact function signature to write",
  "starter_code": "def name(args):\\n    pass\\n",
  "solution": "a complete, correct reference solution defining the same names",
  "examples": [{"call": "name(1)", "result": "repr of what it returns"}],
  "tests": [{"name": "what this case checks", "code": "assert name(1) == 2"}]
}
Give 2-3 examples and 4-8 tests. Tests are plain Python assertions that only use the standard
library and the names from the starter code. The starter code must not pass the tests."""


class InvalidGeneratedExercise(ValueError):
    """The LLM's answer is not a usable exercise; the reason says why."""


def generation_request(topic: str, difficulty: str, avoid_titles: list[str]) -> str:
    avoid = "; ".join(avoid_titles[:20]) or "none"
    return (
        f"Write one {difficulty} exercise on the Python topic '{topic}'. "
        f"Do not repeat these existing exercises: {avoid}."
    )


def parse_generated_exercise(text: str, *, topic: str, difficulty: str) -> ExerciseSpec:
    """The exercise in an LLM answer; raises InvalidGeneratedExercise when it is not sound."""
    data = _json_object(text)
    title = _text(data, "title")
    prompt = _text(data, "prompt")
    starter = _text(data, "starter_code")
    solution = _text(data, "solution")
    tests = tuple(
        TestCase(name=_text(item, "name"), code=_text(item, "code"))
        if isinstance(item, dict)
        else TestCase(name=f"check {index + 1}", code=str(item))
        for index, item in enumerate(_list(data, "tests"))
    )
    examples = tuple(
        Example(call=_text(item, "call"), result=_text(item, "result"))
        for item in _list(data, "examples", required=False)
        if isinstance(item, dict)
    )
    digest = hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:12]
    spec = ExerciseSpec(
        exercise_id=f"generated-{digest}",
        title=title,
        prompt=prompt,
        topic=topic,
        difficulty=difficulty,
        starter_code=starter if starter.endswith("\n") else starter + "\n",
        examples=examples,
        tests=tests,
        solution=solution if solution.endswith("\n") else solution + "\n",
        source="generated",
    )
    problems = exercise_problems(spec)
    if problems:
        raise InvalidGeneratedExercise("; ".join(problems))
    return spec


def verification_tests(spec: ExerciseSpec) -> tuple[TestCase, ...]:
    """The exercise's tests plus one per example: the solution must give what is shown."""
    shown = tuple(
        TestCase(
            name=f"example {example.call}",
            code=(
                "import ast\n"
                f"shown = {example.result!r}\n"
                f"value = {example.call}\n"
                "assert repr(value) == shown or value == ast.literal_eval(shown), repr(value)\n"
            ),
        )
        for example in spec.examples
    )
    return spec.tests + shown


def _json_object(text: str) -> dict[str, Any]:
    fenced = _FENCE.search(text)
    candidate = fenced.group(1) if fenced else text[text.find("{") : text.rfind("}") + 1]
    try:
        data = json.loads(candidate)
    except ValueError as exc:
        raise InvalidGeneratedExercise(f"the answer is not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise InvalidGeneratedExercise("the answer is not a JSON object")
    return data


def _text(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise InvalidGeneratedExercise(f"{key!r} must be a non-empty string")
    if len(value) > MAX_FIELD_CHARS:
        raise InvalidGeneratedExercise(f"{key!r} is too long")
    return value


def _list(data: dict[str, Any], key: str, *, required: bool = True) -> list[Any]:
    value = data.get(key, None if required else [])
    if not isinstance(value, list):
        raise InvalidGeneratedExercise(f"{key!r} must be a list")
    return value
