"""Correct answers the simulated students know, keyed by exercise id.

The load tool lives in the same repository as the exercise bank, so it reads the reference
solutions from there instead of keeping a copy that drifts. An exercise it does not know
(a teacher's, or a bank from another version of the tutor) gets only the wrong attempt.
"""

from functools import cache


@cache
def known_solutions() -> dict[str, str]:
    try:
        from serve_app.domain.exercises import load_bank
    except ImportError:
        return {}
    return {spec.exercise_id: spec.solution for spec in load_bank()}
