"""LLM-written exercises: strict parsing, and examples turned into verification tests."""

import json
from typing import Any

import pytest

from serve_app.domain.exercises.generated import (
    InvalidGeneratedExercise,
    parse_generated_exercise,
    verification_tests,
)
from serve_app.domain.sandbox import Sandbox


def exercise_json(**overrides: Any) -> dict[str, Any]:
    data: dict[str, Any] = {
        "title": "Triple it",
        "prompt": "Write `triple(n: int) -> int` that returns three times `n`.",
        "starter_code": "def triple(n):\n    pass\n",
        "solution": "def triple(n):\n    return 3 * n\n",
        "examples": [{"call": "triple(2)", "result": "6"}, {"call": "triple(0)", "result": "0"}],
        "tests": [
            {"name": "two", "code": "assert triple(2) == 6"},
            {"name": "zero", "code": "assert triple(0) == 0"},
            {"name": "negative", "code": "assert triple(-1) == -3"},
            "assert triple(10) == 30",
        ],
    }
    return data | overrides


def test_a_fenced_json_answer_parses() -> None:
    text = "Here you go:\n```json\n" + json.dumps(exercise_json()) + "\n```\n"
    spec = parse_generated_exercise(text, topic="functions", difficulty="easy")
    assert spec.exercise_id.startswith("generated-")
    assert spec.source == "generated"
    assert (spec.topic, spec.difficulty) == ("functions", "easy")
    assert [t.name for t in spec.tests] == ["two", "zero", "negative", "check 4"]


def test_the_id_depends_on_the_content() -> None:
    first = parse_generated_exercise(json.dumps(exercise_json()), topic="loops", difficulty="easy")
    again = parse_generated_exercise(json.dumps(exercise_json()), topic="loops", difficulty="easy")
    other = parse_generated_exercise(
        json.dumps(exercise_json(title="Triple")), topic="loops", difficulty="easy"
    )
    assert first.exercise_id == again.exercise_id != other.exercise_id


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("not json at all", "not JSON"),
        ("[1, 2]", "not JSON"),
        (json.dumps(exercise_json(title="")), "'title'"),
        (json.dumps(exercise_json(tests="assert True")), "'tests' must be a list"),
        (json.dumps(exercise_json(tests=["assert triple(1) == 3"])), "needs 4-12 tests"),
        (json.dumps(exercise_json(solution="def triple(:\n")), "not valid Python"),
        (json.dumps(exercise_json(solution="def other(n):\n    return n\n")), "lacks"),
    ],
)
def test_unsound_answers_are_refused(text: str, reason: str) -> None:
    with pytest.raises(InvalidGeneratedExercise, match=reason):
        parse_generated_exercise(text, topic="loops", difficulty="easy")


async def test_examples_become_tests_that_catch_a_wrong_example() -> None:
    sandbox = Sandbox()
    good = parse_generated_exercise(json.dumps(exercise_json()), topic="loops", difficulty="easy")
    assert (await sandbox.grade(good.solution, verification_tests(good))).status == "passed"
    lying = exercise_json(
        examples=[{"call": "triple(2)", "result": "7"}, {"call": "triple(0)", "result": "0"}]
    )
    bad = parse_generated_exercise(json.dumps(lying), topic="loops", difficulty="easy")
    report = await sandbox.grade(bad.solution, verification_tests(bad))
    assert report.status == "failed"
    assert [r.name for r in report.results if not r.passed] == ["example triple(2)"]
