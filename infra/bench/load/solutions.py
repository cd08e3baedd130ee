"""Correct answers the simulated students know, keyed by exercise id.

The load tool lives in the same repository as the exercise bank, so it reads the reference
solutions from there instead of keeping a copy that drifts. An exercise it does not know
(a teacher's, or a bank from another version of the tutor) gets only the wrong attempt.
"""

from functools import cache


@cache
def known_solutions() -> dict[tuple[str, int | None], str]:
    """(exercise id, variant) -> a correct answer; a parametrised exercise has one per variant."""
    try:
        from serve_app.domain.exercises import load_bank
        from serve_app.domain.exercises.variants import render_variant, variant_count
    except ImportError:
        return {}
    answers: dict[tuple[str, int | None], str] = {}
    for spec in load_bank():
        count = variant_count(spec)
        if count <= 1:
            answers[(spec.exercise_id, None)] = spec.solution
            answers[(spec.exercise_id, 0)] = spec.solution
        for index in range(count if count > 1 else 0):
            answers[(spec.exercise_id, index)] = render_variant(spec, index).solution
    return answers
