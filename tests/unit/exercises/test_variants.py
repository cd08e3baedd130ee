"""Parametrised exercises: consistent rendering, deterministic and rotating variant choice."""

import dataclasses

import pytest

from serve_app.domain.exercises import ExerciseSpec, load_bank
from serve_app.domain.exercises.bank import validate_bank
from serve_app.domain.exercises.errors import InvalidExerciseBank
from serve_app.domain.exercises.variants import (
    expand_variants,
    pick_variant,
    placeholders,
    render_variant,
    variant_count,
)

BANK = load_bank()
PARAMETRISED = [spec for spec in BANK if spec.variants]


def test_the_bank_has_parametrised_exercises_with_several_variants() -> None:
    assert len(PARAMETRISED) >= 3
    assert all(variant_count(spec) >= 3 for spec in PARAMETRISED)


@pytest.mark.parametrize("spec", PARAMETRISED, ids=lambda s: s.exercise_id)
def test_variants_change_prompt_tests_and_solution_together(spec: ExerciseSpec) -> None:
    rendered = [render_variant(spec, i) for i in range(variant_count(spec))]
    for field in ("prompt", "solution"):
        assert len({getattr(r, field) for r in rendered}) == len(rendered), field
    assert len({r.tests for r in rendered}) == len(rendered)
    for index, variant in enumerate(rendered):
        assert variant.variant == index
        assert variant.variants == ()
        assert variant.exercise_id == spec.exercise_id
        text = " ".join([variant.prompt, variant.solution, *(t.code for t in variant.tests)])
        assert "$" not in text


def test_plain_exercises_render_as_themselves() -> None:
    plain = next(spec for spec in BANK if not spec.variants)
    assert render_variant(plain, 5) is plain
    assert variant_count(plain) == 1


def test_expand_lists_every_variant() -> None:
    expanded = expand_variants(BANK)
    assert len(expanded) == sum(variant_count(s) for s in BANK)


def test_variant_choice_is_deterministic_per_student_and_exercise() -> None:
    assert pick_variant("ana", "loops-count-multiples", 0, 3) == pick_variant(
        "ana", "loops-count-multiples", 0, 3
    )
    firsts = {pick_variant(f"s{n}", "loops-count-multiples", 0, 3) for n in range(30)}
    assert firsts == {0, 1, 2}  # different students start on different variants


def test_reissues_cycle_through_every_variant_before_repeating() -> None:
    seen = [pick_variant("ana", "strings-caesar", n, 3) for n in range(6)]
    assert sorted(seen[:3]) == [0, 1, 2]
    assert seen[3:] == seen[:3]


def test_a_plain_exercise_always_has_variant_zero() -> None:
    assert pick_variant("ana", "x", 4, 1) == 0


def test_a_variant_missing_a_placeholder_is_refused() -> None:
    spec = PARAMETRISED[0]
    names = sorted(placeholders(spec))
    broken_pairs = tuple(p for p in spec.variants[0] if p[0] != names[0])
    broken = dataclasses.replace(spec, variants=(broken_pairs, *spec.variants[1:]))
    with pytest.raises(InvalidExerciseBank, match="variant 0 sets"):
        validate_bank([broken])


def test_a_single_variant_is_refused() -> None:
    spec = dataclasses.replace(PARAMETRISED[0], variants=PARAMETRISED[0].variants[:1])
    with pytest.raises(InvalidExerciseBank, match="at least 2 variants"):
        validate_bank([spec])
