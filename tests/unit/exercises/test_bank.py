"""The bank's coverage and the validator that guards it."""

import dataclasses
from collections import Counter

import pytest

from serve_app.domain.exercises import (
    Example,
    ExerciseSpec,
    InvalidExerciseBank,
    exercise_problems,
    load_bank,
    validate_bank,
)
from serve_app.domain.sandbox import models as sandbox
from serve_app.domain.topics import DIFFICULTIES, TOPICS

BANK = load_bank()


def a_spec(**changes: object) -> ExerciseSpec:
    spec = ExerciseSpec(
        exercise_id="demo-add",
        title="Add",
        prompt="Write `add(a, b)`.",
        topic="functions",
        difficulty="easy",
        starter_code="def add(a, b):\n    pass\n",
        examples=(Example("add(1, 2)", "3"), Example("add(-1, 1)", "0")),
        tests=tuple(
            sandbox.TestCase(f"case {n}", f"assert add({n}, 1) == {n + 1}") for n in range(4)
        ),
        solution="def add(a, b):\n    return a + b\n",
    )
    return dataclasses.replace(spec, **changes)  # type: ignore[arg-type]


def test_bank_has_at_least_thirty_exercises() -> None:
    assert len(BANK) >= 30


def test_every_topic_has_at_least_two_exercises() -> None:
    per_topic = Counter(spec.topic for spec in BANK)
    assert {topic: per_topic[topic] for topic in TOPICS if per_topic[topic] < 2} == {}


def test_every_difficulty_is_well_represented() -> None:
    per_difficulty = Counter(spec.difficulty for spec in BANK)
    assert all(per_difficulty[d] >= 8 for d in DIFFICULTIES), per_difficulty


def test_bank_is_in_curriculum_order_and_ids_are_unique() -> None:
    positions = [TOPICS.index(spec.topic) for spec in BANK]
    assert positions == sorted(positions)
    assert len({spec.exercise_id for spec in BANK}) == len(BANK)


def test_every_exercise_has_examples_tests_and_a_signature_in_the_prompt() -> None:
    for spec in BANK:
        assert 2 <= len(spec.examples) <= 3, spec.exercise_id
        assert 4 <= len(spec.tests) <= 10, spec.exercise_id
        assert "`" in spec.prompt, spec.exercise_id
        assert "pass" in spec.starter_code, spec.exercise_id


def test_hidden_tests_never_appear_in_the_student_facing_text() -> None:
    for spec in BANK:
        shown = spec.prompt + spec.starter_code + "".join(e.call for e in spec.examples)
        for test in spec.tests:
            assert test.code.strip() not in shown, (spec.exercise_id, test.name)


def test_load_bank_is_cached() -> None:
    assert load_bank() is load_bank()


def test_sound_exercise_has_no_problems() -> None:
    assert exercise_problems(a_spec()) == []
    validate_bank([a_spec(), a_spec(exercise_id="demo-add-2")])


@pytest.mark.parametrize(
    ("changes", "problem"),
    [
        ({"exercise_id": "Demo Add"}, "lowercase slug"),
        ({"topic": "pointers"}, "unknown topic 'pointers'"),
        ({"difficulty": "expert"}, "unknown difficulty 'expert'"),
        ({"tests": ()}, "needs 4-12 tests, has 0"),
        ({"tests": (sandbox.TestCase("same", "assert 1"),) * 4}, "test names must be unique"),
        (
            {"tests": tuple(sandbox.TestCase(f"t{n}", "assert (") for n in range(4))},
            "test 't0' is not valid Python",
        ),
        ({"examples": (Example("add(1,", "3"), Example("add(1, 1)", "2"))}, "not an expression"),
        (
            {"examples": (Example("len('ab')", "2"), Example("add(1, 1)", "2"))},
            "uses nothing from the starter code",
        ),
        ({"examples": (Example("add(1, 2)", " "), Example("add(1, 1)", "2"))}, "has no result"),
        ({"examples": (Example("add(1, 2)", "3"),)}, "needs 2-3 examples"),
        ({"solution": "def plus(a, b):\n    return a + b\n"}, "solution lacks ['add']"),
        ({"starter_code": "def add(a, b)\n    pass\n"}, "starter_code is not valid Python"),
        ({"starter_code": "x = 1\n"}, "starter_code defines no function or class"),
        ({"prompt": "  "}, "title and prompt must not be blank"),
        (
            {"tests": tuple(sandbox.TestCase(f"t{n}", "add = max") for n in range(4))},
            "test 't0' rebinds ['add']",
        ),
    ],
)
def test_validator_names_each_problem(changes: dict[str, object], problem: str) -> None:
    problems = exercise_problems(a_spec(**changes))
    assert any(problem in p for p in problems), problems
    with pytest.raises(InvalidExerciseBank) as raised:
        validate_bank([a_spec(**changes)])
    assert any(problem in p for p in raised.value.problems)


def test_validator_rejects_duplicate_ids() -> None:
    with pytest.raises(InvalidExerciseBank, match="duplicate exercise_id 'demo-add'"):
        validate_bank([a_spec(), a_spec(title="Another")])


def test_teacher_exercises_may_come_without_solution_or_examples() -> None:
    teacher = a_spec(solution="", examples=())
    assert exercise_problems(teacher, require_solution=False) == []
    assert exercise_problems(teacher) != []
