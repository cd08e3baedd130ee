"""Parametrised exercises: one template, several variants with other numbers, words or targets.

A variant is rendered by replacing `$name` placeholders (Python's `string.Template`; `$$` is a
literal dollar) in every text field at once, so the prompt, examples, hidden tests and the
reference solution always agree. Which variant a student gets is deterministic: a hash of
(student, exercise) picks the first one, and each re-issue of the same exercise moves to the
next, so a student cycles through every variant before seeing one again.
"""

import dataclasses
import hashlib
from string import Template

from serve_app.domain.exercises.models import Example, ExerciseSpec
from serve_app.domain.sandbox.models import TestCase


def variant_count(spec: ExerciseSpec) -> int:
    return max(1, len(spec.variants))


def pick_variant(student_id: str, exercise_id: str, issued_before: int, count: int) -> int:
    """The variant for the student's next issue of an exercise already issued `issued_before`
    times: a per-(student, exercise) starting point, then one step per re-issue."""
    if count <= 1:
        return 0
    digest = hashlib.sha256(f"{student_id}\x00{exercise_id}".encode()).digest()
    start = int.from_bytes(digest[:8], "big") % count
    return (start + max(issued_before, 0)) % count


def template_fields(spec: ExerciseSpec) -> list[str]:
    """Every text of the exercise that may hold placeholders."""
    return [
        spec.title,
        spec.prompt,
        spec.starter_code,
        spec.solution,
        *(text for e in spec.examples for text in (e.call, e.result)),
        *(text for t in spec.tests for text in (t.name, t.code)),
    ]


def placeholders(spec: ExerciseSpec) -> set[str]:
    names: set[str] = set()
    for text in template_fields(spec):
        names.update(Template(text).get_identifiers())
    return names


def render_variant(spec: ExerciseSpec, index: int) -> ExerciseSpec:
    """The concrete exercise of variant `index` (wrapped into range); a plain spec as is.

    Raises KeyError if a variant lacks a placeholder's value (the bank's validation prevents it).
    """
    if not spec.variants:
        return spec
    index %= len(spec.variants)
    values = dict(spec.variants[index])

    def fill(text: str) -> str:
        return Template(text).substitute(values)

    return dataclasses.replace(
        spec,
        title=fill(spec.title),
        prompt=fill(spec.prompt),
        starter_code=fill(spec.starter_code),
        solution=fill(spec.solution),
        examples=tuple(Example(call=fill(e.call), result=fill(e.result)) for e in spec.examples),
        tests=tuple(TestCase(name=fill(t.name), code=fill(t.code)) for t in spec.tests),
        variants=(),
        variant=index,
    )


def expand_variants(specs: tuple[ExerciseSpec, ...]) -> tuple[ExerciseSpec, ...]:
    """Every concrete exercise: each plain spec, and each variant of each parametrised one."""
    return tuple(
        render_variant(spec, index) for spec in specs for index in range(variant_count(spec))
    )


def variant_problems(spec: ExerciseSpec) -> list[str]:
    """What is wrong with a parametrised spec's variants; empty when sound or not parametrised."""
    if not spec.variants:
        return []
    where = f"{spec.exercise_id}:"
    problems: list[str] = []
    if len(spec.variants) < 2:
        problems.append(f"{where} a parametrised exercise needs at least 2 variants")
    try:
        wanted = placeholders(spec)
    except ValueError as exc:
        return [f"{where} invalid placeholder: {exc}"]
    if not wanted:
        problems.append(f"{where} has variants but no $placeholders")
    rendered_prompts: set[str] = set()
    for index, pairs in enumerate(spec.variants):
        given = {name for name, _ in pairs}
        if given != wanted:
            problems.append(
                f"{where} variant {index} sets {sorted(given)}, placeholders are {sorted(wanted)}"
            )
            continue
        rendered_prompts.add(render_variant(spec, index).prompt)
    if len(rendered_prompts) != len(spec.variants) and not problems:
        problems.append(f"{where} two variants render the same prompt")
    return problems
