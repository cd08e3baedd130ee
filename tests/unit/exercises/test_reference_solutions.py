"""Every exercise is gradeable: its reference solution passes all of its hidden tests, its
starter code passes none of them (so the tests test something), and its examples are what the
reference solution really gives."""

import asyncio
import importlib
from concurrent.futures import ThreadPoolExecutor

import pytest

from serve_app.domain.exercises import ExerciseSpec, load_bank
from serve_app.domain.exercises.variants import expand_variants
from tests.unit.exercises.local_harness import ExerciseCheck, check_exercise

# Every concrete exercise: parametrised ones once per variant.
BANK = expand_variants(load_bank())
IDS = [spec.exercise_id + ("" if spec.variant is None else f"-v{spec.variant}") for spec in BANK]
# The real sandbox is built alongside this bank; grade with it too once it exists.
SANDBOX = getattr(importlib.import_module("serve_app.domain.sandbox"), "Sandbox", None)


@pytest.fixture(scope="module")
def checks() -> dict[str, ExerciseCheck]:
    # One child interpreter per exercise, a few at a time: the whole bank takes about a second.
    with ThreadPoolExecutor(max_workers=3) as pool:
        results = pool.map(check_exercise, BANK)
        return dict(zip(IDS, results, strict=True))


def _key(spec: ExerciseSpec) -> str:
    return spec.exercise_id + ("" if spec.variant is None else f"-v{spec.variant}")


@pytest.mark.parametrize("spec", BANK, ids=IDS)
def test_reference_solution_passes_every_hidden_test(
    spec: ExerciseSpec, checks: dict[str, ExerciseCheck]
) -> None:
    outcomes = checks[_key(spec)].solution_tests
    assert [o.name for o in outcomes] == [t.name for t in spec.tests]
    failures = {o.name: o.message for o in outcomes if not o.passed}
    assert failures == {}


@pytest.mark.parametrize("spec", BANK, ids=IDS)
def test_starter_code_passes_no_hidden_test(
    spec: ExerciseSpec, checks: dict[str, ExerciseCheck]
) -> None:
    outcomes = checks[_key(spec)].starter_tests
    assert len(outcomes) == len(spec.tests)
    assert [o.name for o in outcomes if o.passed] == []


@pytest.mark.parametrize("spec", BANK, ids=IDS)
def test_examples_show_what_the_solution_gives(
    spec: ExerciseSpec, checks: dict[str, ExerciseCheck]
) -> None:
    examples = checks[_key(spec)].examples
    assert len(examples) == len(spec.examples)
    expected = {e.call: e.result for e in spec.examples}
    wrong = {o.name: (expected[o.name], o.message) for o in examples if not o.passed}
    assert wrong == {}


def test_harness_reports_failures_and_crashes() -> None:
    # The checks above are only as good as the harness's ability to see a failure.
    spec = BANK[0]
    broken = ExerciseSpec(
        exercise_id="broken",
        title="t",
        prompt="p",
        topic=spec.topic,
        difficulty=spec.difficulty,
        starter_code="def f(:\n    pass\n",
        examples=(),
        tests=spec.tests,
        solution="def f():\n    return 1\n",
    )
    check = check_exercise(broken)
    assert not any(o.passed for o in check.solution_tests)
    assert all(
        o.message.startswith("code failed to load: SyntaxError") for o in check.starter_tests
    )


@pytest.mark.skipif(SANDBOX is None, reason="serve_app.domain.sandbox.Sandbox does not exist yet")
async def test_sandbox_grades_every_reference_solution_as_passed() -> None:
    assert SANDBOX is not None
    sandbox = SANDBOX()
    two_at_a_time = asyncio.Semaphore(2)

    async def grade(spec: ExerciseSpec) -> tuple[str, object]:
        async with two_at_a_time:
            report = await sandbox.grade(spec.solution, spec.tests)
        if report.status == "passed":
            return _key(spec), None
        failed = [(r.name, r.message) for r in report.results if not r.passed]
        return _key(spec), (report.status, report.error, failed)

    outcomes = await asyncio.gather(*(grade(spec) for spec in BANK))
    assert {eid: problem for eid, problem in outcomes if problem is not None} == {}
