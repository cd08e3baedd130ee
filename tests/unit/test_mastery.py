"""The mastery model: bounded, monotonic, hard to game; streaks; struggle signals."""

from datetime import date, datetime, timedelta

import pytest

from serve_app.domain.mastery import (
    ADVANCED_AT,
    INTERMEDIATE_AT,
    detect_struggle,
    difficulty_for,
    level_for,
    streak_days,
    update_mastery,
)
from serve_app.domain.topics import DIFFICULTIES, LEVELS

SCORES = [n / 20 for n in range(21)]
TODAY = date(2025, 3, 10)


def days_ago(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in offsets]


@pytest.mark.parametrize("difficulty", DIFFICULTIES)
@pytest.mark.parametrize("previous", [-10.0, 0.0, 35.0, 74.0, 100.0, 250.0])
@pytest.mark.parametrize("attempts", [1, 2, 7])
def test_update_is_bounded_and_monotonic_in_score(
    difficulty: str, previous: float, attempts: int
) -> None:
    results = [update_mastery(previous, s, difficulty, attempts) for s in SCORES]
    assert all(0.0 <= r <= 100.0 for r in results)
    assert results == sorted(results)


def test_one_lucky_pass_is_not_mastery() -> None:
    assert update_mastery(0.0, 1.0, "hard", 1) <= INTERMEDIATE_AT


def test_easy_exercises_alone_never_make_a_student_advanced() -> None:
    mastery = 0.0
    for _ in range(100):
        mastery = update_mastery(mastery, 1.0, "easy", 1)
    assert level_for(mastery) == "intermediate"


def test_steady_hard_passes_lead_to_advanced() -> None:
    mastery = 50.0
    for _ in range(5):
        mastery = update_mastery(mastery, 1.0, "hard", 1)
    assert level_for(mastery) == "advanced"


def test_harder_passes_count_more() -> None:
    gains = [update_mastery(30.0, 1.0, d, 1) for d in DIFFICULTIES]
    assert gains == sorted(gains)
    assert len(set(gains)) == 3


def test_failing_a_hard_exercise_hurts_less_than_failing_an_easy_one() -> None:
    assert update_mastery(60.0, 0.0, "hard", 1) > update_mastery(60.0, 0.0, "easy", 1)
    assert update_mastery(60.0, 0.0, "easy", 1) < 60.0


def test_results_only_count_within_what_the_difficulty_can_show() -> None:
    assert update_mastery(20.0, 0.0, "hard", 1) == 20.0  # a beginner failing a hard one
    assert update_mastery(90.0, 1.0, "easy", 1) == 90.0  # an expert acing an easy one
    assert update_mastery(90.0, 0.5, "easy", 1) < 90.0  # ...but failing half of it matters


def test_retries_move_mastery_less() -> None:
    first = update_mastery(20.0, 1.0, "medium", 1) - 20.0
    fourth = update_mastery(20.0, 1.0, "medium", 4) - 20.0
    assert fourth == pytest.approx(first / 2, abs=0.01)


@pytest.mark.parametrize(
    ("score", "difficulty", "attempts", "complaint"),
    [
        (1.5, "easy", 1, "score must be between 0 and 1"),
        (-0.1, "easy", 1, "score must be between 0 and 1"),
        (0.5, "expert", 1, "unknown difficulty"),
        (0.5, "easy", 0, "attempts must be at least 1"),
    ],
)
def test_invalid_input_raises(score: float, difficulty: str, attempts: int, complaint: str) -> None:
    with pytest.raises(ValueError, match=complaint):
        update_mastery(50.0, score, difficulty, attempts)


@pytest.mark.parametrize(
    ("mastery", "level", "difficulty"),
    [
        (0.0, "beginner", "easy"),
        (INTERMEDIATE_AT - 0.01, "beginner", "easy"),
        (INTERMEDIATE_AT, "intermediate", "medium"),
        (ADVANCED_AT - 0.01, "intermediate", "medium"),
        (ADVANCED_AT, "advanced", "hard"),
        (100.0, "advanced", "hard"),
    ],
)
def test_levels_and_difficulties_share_thresholds(
    mastery: float, level: str, difficulty: str
) -> None:
    assert level_for(mastery) == level
    assert level in LEVELS
    assert difficulty_for(mastery) == difficulty


@pytest.mark.parametrize(
    ("dates", "streak"),
    [
        ([], 0),
        (days_ago(0), 1),
        (days_ago(1), 1),
        (days_ago(0, 1, 2), 3),
        (days_ago(1, 2, 3, 4), 4),
        (days_ago(0, 2, 3), 1),
        (days_ago(2, 3, 4), 0),
        (days_ago(0, 0, 1, 1), 2),
        (days_ago(-1), 0),
        (days_ago(-3, 0, 1), 2),
    ],
)
def test_streak_days(dates: list[date], streak: int) -> None:
    assert streak_days(dates, TODAY) == streak


def test_streak_counts_datetimes_by_their_day_and_accepts_any_iterable() -> None:
    moments = (datetime(2025, 3, d, hour) for d, hour in [(10, 8), (10, 22), (9, 23), (8, 0)])
    assert streak_days(moments, TODAY) == 3


def test_no_struggle_with_little_evidence_or_a_recent_pass() -> None:
    assert detect_struggle([], []) is None
    assert detect_struggle([0.0, 0.0], ["failed", "failed"]) is None
    assert detect_struggle([0.0, 0.0, 0.0, 1.0], ["failed", "error", "failed", "passed"]) is None
    assert (
        detect_struggle([0.0] * 4 + [1.0] + [0.0] * 2, ["failed"] * 4 + ["passed"] + ["failed"] * 2)
        is None
    )


def test_three_failures_in_a_row_is_a_struggle() -> None:
    signal = detect_struggle([0.5, 0.2, 0.0], ["failed", "error", "timeout"])
    assert signal is not None
    assert (signal.kind, signal.severity) == ("repeated_failures", "medium")
    assert "3 submissions in a row" in signal.reason
    assert "ran out of time" in signal.reason


def test_five_failures_in_a_row_is_urgent() -> None:
    signal = detect_struggle([0.0] * 6, ["passed"] + ["failed"] * 5)
    assert signal is not None
    assert signal.severity == "high"
    assert "5 submissions" in signal.reason


def test_a_sharp_score_drop_is_a_struggle() -> None:
    signal = detect_struggle(
        [1.0, 1.0, 1.0, 0.4, 1.0, 0.1], ["passed"] * 3 + ["failed", "passed", "failed"]
    )
    assert signal is not None
    assert (signal.kind, signal.severity) == ("score_drop", "low")
    assert "100% to 50%" in signal.reason


def test_a_very_sharp_score_drop_is_more_severe() -> None:
    signal = detect_struggle(
        [1.0, 1.0, 1.0, 0.0, 0.0, 1.0], ["passed"] * 3 + ["failed", "failed", "passed"]
    )
    assert signal is not None
    assert signal.severity == "medium"


def test_small_drops_and_short_histories_are_not_struggles() -> None:
    statuses = ["passed"] * 3 + ["failed", "passed", "failed"]
    assert detect_struggle([1.0, 0.9, 1.0, 0.7, 1.0, 0.6], statuses) is None
    assert detect_struggle([1.0, 1.0, 0.4, 1.0, 0.1], statuses[1:]) is None
