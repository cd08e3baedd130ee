"""Assertions shared by the Debug engine tests."""

import ast

from serve_app.domain.debug import Diagnosis
from serve_app.domain.topics import TOPICS
from tests.unit.debug.fakes import run_python


def assert_well_formed(diagnosis: Diagnosis) -> None:
    """The hint ladder climbs: three distinct, non-empty hints, the first saying where."""
    assert len(diagnosis.hints) == 3
    assert all(hint.strip() for hint in diagnosis.hints)
    assert len(set(diagnosis.hints)) == 3
    if diagnosis.line is not None:
        assert f"line {diagnosis.line}" in diagnosis.hints[0].lower()
    assert diagnosis.topic in TOPICS
    assert diagnosis.summary.strip()
    if diagnosis.solution is not None:
        ast.parse(diagnosis.solution)
        # The general how-to hint must not give the whole answer away.
        assert diagnosis.solution.strip() not in diagnosis.hints[2]


def assert_solution_runs(solution: str | None, stdin: str = "") -> str:
    """The corrected code must exist and run to the end; returns what it printed."""
    assert solution is not None
    result = run_python(solution, stdin)
    assert result.returncode == 0, result.stderr
    return result.stdout
