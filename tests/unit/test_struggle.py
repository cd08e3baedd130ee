"""Struggle rules over explicit timestamps: windows, thresholds, and what does not count."""

from datetime import UTC, datetime, timedelta

import pytest

from serve_app.domain.sandbox.models import ExceptionInfo, GradeReport, TestResult
from serve_app.domain.struggle import (
    REASONS,
    STRUGGLE_KINDS,
    Occurrence,
    detect_struggles,
    says_stuck,
    submission_error_type,
)

T0 = datetime(2025, 3, 10, 12, 0, tzinfo=UTC)


def minutes(n: float) -> datetime:
    return T0 + timedelta(minutes=n)


def sub(
    at: float,
    *,
    topic: str = "loops",
    error: str | None = None,
    failed: bool = True,
    score: float = 0.0,
    exercise: str = "loops-sum-evens",
) -> Occurrence:
    return Occurrence(
        at=minutes(at),
        topic=topic,
        error_type=error,
        failed=failed,
        kind="submission",
        exercise_id=exercise,
        score=score,
    )


def debug(at: float, error: str = "NameError", topic: str = "variables") -> Occurrence:
    return Occurrence(
        at=minutes(at), topic=topic, error_type=error, failed=error != "NoError", kind="debug"
    )


def kinds(history: list[Occurrence], now: float, issued_at: float | None = None) -> set[str]:
    found = detect_struggles(
        history,
        history[-1],
        minutes(now),
        issued_at=minutes(issued_at) if issued_at is not None else None,
    )
    return {f.kind for f in found}


def test_same_error_three_times_in_30_minutes() -> None:
    history = [debug(0), debug(10), debug(29)]
    assert kinds(history, 29) == {"repeated_error"}


def test_same_error_spread_over_more_than_30_minutes_is_not_struggle() -> None:
    history = [debug(0), debug(20), debug(31)]
    assert kinds(history, 31) == set()


def test_debug_runs_and_submissions_share_error_types() -> None:
    history = [
        debug(0, "TypeError", "loops"),
        sub(5, error="TypeError", score=0.6),
        debug(6, "TypeError", "loops"),
    ]
    assert "repeated_error" in kinds(history, 6)


def test_different_error_types_do_not_add_up() -> None:
    history = [debug(0, "NameError"), debug(1, "TypeError"), debug(2, "IndexError")]
    assert kinds(history, 2) == set()


def test_no_error_diagnoses_are_not_errors() -> None:
    history = [debug(0, "NoError"), debug(1, "NoError"), debug(2, "NoError")]
    assert kinds(history, 2) == set()


def test_five_failed_runs_in_10_minutes() -> None:
    history = [sub(m, score=0.6, exercise=f"e{m}") for m in (0, 2, 4, 6, 9)]
    assert kinds(history, 9) == {"failed_runs"}


def test_failed_runs_outside_the_window_do_not_count() -> None:
    history = [sub(m, score=0.6, exercise=f"e{m}") for m in (0, 2, 4, 6, 11)]
    assert kinds(history, 11) == set()


def test_a_passing_submission_sets_off_no_rule() -> None:
    history = [sub(m, score=0.0, error="TypeError") for m in range(4)]
    history.append(sub(5, failed=False, score=1.0))
    assert kinds(history, 5) == set()


def test_three_low_scores_in_a_topic() -> None:
    history = [
        sub(0, score=0.4, exercise="a"),
        sub(20, score=0.2, exercise="b"),
        sub(200, score=0.49, exercise="c"),
    ]
    assert kinds(history, 200) == {"low_scores"}


def test_low_scores_must_be_consecutive_and_in_one_topic() -> None:
    broken = [
        sub(0, score=0.4, exercise="a"),
        sub(1, score=0.5, exercise="b"),
        sub(2, score=0.4, exercise="c"),
    ]
    assert "low_scores" not in kinds(broken, 2)
    mixed = [
        sub(0, score=0.1, exercise="a"),
        sub(1, score=0.1, topic="lists", exercise="b"),
        sub(2, score=0.1, exercise="c"),
    ]
    assert "low_scores" not in kinds(mixed, 2)


def test_more_than_ten_minutes_on_one_exercise_with_only_failures() -> None:
    history = [sub(0, score=0.6), sub(11, score=0.8)]
    assert kinds(history, 11) == {"stuck_on_exercise"}
    assert kinds([sub(0, score=0.6), sub(10, score=0.8)], 10) == set()


def test_time_on_an_exercise_counts_from_when_it_was_issued() -> None:
    assert kinds([sub(12, score=0.6)], 12, issued_at=0) == {"stuck_on_exercise"}
    assert kinds([sub(5, score=0.6)], 5, issued_at=0) == set()


def test_an_earlier_pass_of_the_exercise_means_not_stuck_on_it() -> None:
    history = [sub(0, failed=False, score=1.0), sub(15, score=0.8)]
    assert "stuck_on_exercise" not in kinds(history, 15)


@pytest.mark.parametrize(
    "text",
    [
        "I'm stuck",
        "im stuck on this loop",
        "I am so lost",
        "I don't get it",
        "i dont understand this",
        "I still can't figure out this",
        "this makes no sense",
        "I give up",
        "I\u2019m totally confused",
    ],
)
def test_stuck_messages(text: str) -> None:
    assert says_stuck(text)


@pytest.mark.parametrize(
    "text",
    [
        "what is a list comprehension",
        "my loop is stuck forever, why?",
        "I get it now, thanks",
        "how do I get the last item",
        "give me an exercise",
    ],
)
def test_ordinary_messages_are_not_stuck(text: str) -> None:
    assert not says_stuck(text)


def test_every_kind_has_a_fixed_reason() -> None:
    assert set(REASONS) == set(STRUGGLE_KINDS)


def _report(
    status: str, results: list[TestResult], error: ExceptionInfo | None = None
) -> GradeReport:
    passed = sum(r.passed for r in results)
    return GradeReport(status, tuple(results), passed, len(results), 1.0, error=error)  # type: ignore[arg-type]


def test_submission_error_types() -> None:
    crash = ExceptionInfo(type="NameError", message="x", line=1)
    assert submission_error_type(_report("error", [], crash)) == "NameError"
    assert submission_error_type(_report("timeout", [])) == "Timeout"
    assert submission_error_type(_report("memory_limit", [])) == "MemoryError"
    raised = TestResult("t", False, "TypeError: unsupported operand (while checking `f(1)`)")
    wrong = TestResult("u", False, "assert f(1) == 2 failed: got 3")
    assert submission_error_type(_report("failed", [wrong, raised])) == "TypeError"
    assert submission_error_type(_report("failed", [wrong])) is None
    assert submission_error_type(_report("passed", [TestResult("v", True, "passed")])) is None
