"""The built-in exercise bank, checked for consistency when it is loaded."""

import ast
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from serve_app.domain.exercises import (
    catalog_basics,
    catalog_collections,
    catalog_functions,
    catalog_programs,
)
from serve_app.domain.exercises.catalog_parametrised import EXERCISES as PARAMETRISED
from serve_app.domain.exercises.catalog_stretch import EXERCISES as STRETCH
from serve_app.domain.exercises.errors import InvalidExerciseBank
from serve_app.domain.exercises.models import ExerciseSpec
from serve_app.domain.exercises.variants import render_variant, variant_problems
from serve_app.domain.topics import DIFFICULTIES, TOPICS

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# One example leaves the format ambiguous; more than three crowd the prompt.
MIN_EXAMPLES, MAX_EXAMPLES = 2, 3
# Fewer than four hidden tests cannot cover the normal case and the edges.
MIN_TESTS, MAX_TESTS = 4, 12


def load_bank() -> tuple[ExerciseSpec, ...]:
    """Every built-in exercise, in curriculum order; raises InvalidExerciseBank if inconsistent."""
    return _load()


@cache
def _load() -> tuple[ExerciseSpec, ...]:
    specs = (
        catalog_basics.EXERCISES
        + catalog_collections.EXERCISES
        + catalog_functions.EXERCISES
        + catalog_programs.EXERCISES
        + STRETCH
        + PARAMETRISED
    )
    validate_bank(specs)
    return tuple(sorted(specs, key=lambda spec: TOPICS.index(spec.topic)))


def validate_bank(specs: Iterable[ExerciseSpec]) -> None:
    """Raise InvalidExerciseBank listing every problem of every spec, plus duplicate ids."""
    specs = tuple(specs)
    problems = [problem for spec in specs for problem in _spec_problems(spec)]
    duplicates = [eid for eid, n in Counter(s.exercise_id for s in specs).items() if n > 1]
    problems.extend(f"duplicate exercise_id {eid!r}" for eid in duplicates)
    if problems:
        raise InvalidExerciseBank(problems)


def _spec_problems(spec: ExerciseSpec) -> list[str]:
    if not spec.variants:
        return exercise_problems(spec)
    problems = variant_problems(spec)
    if problems:
        return problems
    return [
        f"variant {index}: {problem}"
        for index in range(len(spec.variants))
        for problem in exercise_problems(render_variant(spec, index))
    ]


def exercise_problems(spec: ExerciseSpec, *, require_solution: bool = True) -> list[str]:
    """What is wrong with one exercise; empty when it is sound.

    `require_solution=False` suits teacher-authored exercises, which come without a reference
    solution or examples.
    """
    where = f"{spec.exercise_id or '<no id>'}:"
    problems: list[str] = []
    if not _SLUG.match(spec.exercise_id):
        problems.append(f"{where} exercise_id must be a lowercase slug")
    if not spec.title.strip() or not spec.prompt.strip():
        problems.append(f"{where} title and prompt must not be blank")
    if spec.topic not in TOPICS:
        problems.append(f"{where} unknown topic {spec.topic!r}")
    if spec.difficulty not in DIFFICULTIES:
        problems.append(f"{where} unknown difficulty {spec.difficulty!r}")

    starter_names = _top_level_names(spec.starter_code, f"{where} starter_code", problems)
    if require_solution:
        solution_names = _top_level_names(spec.solution, f"{where} solution", problems)
        if starter_names is not None and solution_names is not None:
            missing = starter_names - solution_names
            if missing:
                problems.append(f"{where} solution lacks {sorted(missing)} from the starter code")
    problems.extend(_test_problems(spec, where, starter_names or set()))
    problems.extend(_example_problems(spec, where, starter_names, require_solution))
    return problems


def _test_problems(spec: ExerciseSpec, where: str, starter_names: set[str]) -> list[str]:
    problems: list[str] = []
    if not MIN_TESTS <= len(spec.tests) <= MAX_TESTS:
        problems.append(f"{where} needs {MIN_TESTS}-{MAX_TESTS} tests, has {len(spec.tests)}")
    names = [test.name for test in spec.tests]
    if any(not name.strip() for name in names):
        problems.append(f"{where} every test needs a name")
    if len(set(names)) != len(names):
        problems.append(f"{where} test names must be unique")
    for test in spec.tests:
        if _syntax_error(test.code) is not None:
            problems.append(f"{where} test {test.name!r} is not valid Python")
            continue
        # A grader may run all tests in one namespace; rebinding the student's names in one
        # test would silently change what the next tests check.
        rebound = _bound_names(test.code) & starter_names
        if rebound:
            problems.append(f"{where} test {test.name!r} rebinds {sorted(rebound)}")
    return problems


def _bound_names(source: str) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            names.add(node.name)
        elif isinstance(node, ast.alias):
            names.add((node.asname or node.name).split(".")[0])
    return names


def _example_problems(
    spec: ExerciseSpec, where: str, starter_names: set[str] | None, require_solution: bool
) -> list[str]:
    problems: list[str] = []
    if require_solution and not MIN_EXAMPLES <= len(spec.examples) <= MAX_EXAMPLES:
        problems.append(f"{where} needs {MIN_EXAMPLES}-{MAX_EXAMPLES} examples")
    for example in spec.examples:
        try:
            expression = ast.parse(example.call, mode="eval")
        except SyntaxError:
            problems.append(f"{where} example {example.call!r} is not an expression")
            continue
        used = {node.id for node in ast.walk(expression) if isinstance(node, ast.Name)}
        # An example that calls nothing the student writes would teach nothing about it.
        if starter_names is not None and not used & starter_names:
            problems.append(f"{where} example {example.call!r} uses nothing from the starter code")
        if not example.result.strip():
            problems.append(f"{where} example {example.call!r} has no result")
    return problems


def _top_level_names(source: str, label: str, problems: list[str]) -> set[str] | None:
    error = _syntax_error(source)
    if error is not None:
        problems.append(f"{label} is not valid Python: {error}")
        return None
    tree = ast.parse(source)
    names = {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef)
    }
    if not names:
        problems.append(f"{label} defines no function or class")
    return names


def _syntax_error(source: str) -> str | None:
    try:
        ast.parse(source)
    except SyntaxError as exc:
        return f"{exc.msg} (line {exc.lineno})"
    return None
