"""The mastery formula: weights, components, levels, difficulty steps and streaks."""

from datetime import date, datetime, timedelta

import pytest

from serve_app.domain.mastery import (
    RECENT_EVIDENCE,
    ExerciseEvidence,
    TopicEvidence,
    compute_mastery,
    difficulty_for,
    exercise_component,
    is_mastered,
    mastery_level,
    quality_component,
    streak_days,
)

TODAY = date(2025, 3, 10)


def days_ago(*offsets: int) -> list[date]:
    return [TODAY - timedelta(days=n) for n in offsets]


def aced(difficulty: str, n: int = 3, quality: float = 1.0) -> list[ExerciseEvidence]:
    return [ExerciseEvidence(1.0, difficulty, quality) for _ in range(n)]


def test_no_evidence_is_zero_and_beginner() -> None:
    breakdown = compute_mastery(TopicEvidence())
    assert (breakdown.mastery, breakdown.level) == (0.0, "beginner")


def test_weights_are_40_30_20_10() -> None:
    breakdown = compute_mastery(
        TopicEvidence(exercises=aced("hard"), checks=[True, True], streak_days=7)
    )
    assert (breakdown.exercises, breakdown.checks, breakdown.quality, breakdown.streak) == (
        100.0,
        100.0,
        100.0,
        100.0,
    )
    assert breakdown.mastery == 100.0
    only_checks = compute_mastery(TopicEvidence(checks=[True]))
    assert only_checks.mastery == 30.0
    only_streak = compute_mastery(TopicEvidence(streak_days=7))
    assert only_streak.mastery == 10.0


def test_exercise_scores_are_recency_weighted() -> None:
    improving = [ExerciseEvidence(1.0, "hard"), ExerciseEvidence(0.0, "hard")]  # newest first
    worsening = list(reversed(improving))
    assert exercise_component(improving) > 50 > exercise_component(worsening)
    # weights 1 and 0.8: 1 / 1.8
    assert exercise_component(improving) == pytest.approx(100 / 1.8)


def test_only_recent_evidence_counts() -> None:
    old_failures = [ExerciseEvidence(0.0, "hard")] * 50
    recent = aced("hard", RECENT_EVIDENCE) + old_failures
    assert exercise_component(recent) == 100.0


def test_easy_work_alone_cannot_reach_mastered() -> None:
    best_easy = compute_mastery(
        TopicEvidence(exercises=aced("easy", 10), checks=[True] * 10, streak_days=30)
    )
    assert best_easy.level == "proficient"
    best_medium = compute_mastery(
        TopicEvidence(exercises=aced("medium", 10), checks=[True] * 10, streak_days=30)
    )
    assert best_medium.level == "mastered"


def test_practice_without_checks_tops_out_at_learning() -> None:
    breakdown = compute_mastery(TopicEvidence(exercises=aced("hard", 10), streak_days=7))
    assert breakdown.mastery == 70.0
    assert breakdown.level == "learning"


def test_quality_only_counts_code_that_passes_something() -> None:
    assert quality_component([ExerciseEvidence(0.0, "easy", 1.0)]) == 0.0
    assert quality_component([ExerciseEvidence(0.5, "easy", 0.8)]) == pytest.approx(80.0)
    assert quality_component([ExerciseEvidence(0.5, "easy", None)]) == 0.0


def test_mastery_grows_with_every_kind_of_evidence() -> None:
    base = TopicEvidence(exercises=[ExerciseEvidence(0.5, "medium", 0.5)], checks=[False])
    better = [
        TopicEvidence(exercises=[ExerciseEvidence(1.0, "medium", 0.5)], checks=[False]),
        TopicEvidence(exercises=[ExerciseEvidence(0.5, "medium", 1.0)], checks=[False]),
        TopicEvidence(exercises=base.exercises, checks=[True]),
        TopicEvidence(exercises=base.exercises, checks=[False], streak_days=3),
    ]
    start = compute_mastery(base).mastery
    assert all(compute_mastery(e).mastery > start for e in better)


def test_unknown_difficulty_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown difficulty"):
        exercise_component([ExerciseEvidence(1.0, "expert")])


@pytest.mark.parametrize(
    ("mastery", "level"),
    [
        (0, "beginner"),
        (40, "beginner"),
        (40.4, "beginner"),
        (40.5, "learning"),
        (41, "learning"),
        (70, "learning"),
        (71, "proficient"),
        (90, "proficient"),
        (90.6, "mastered"),
        (91, "mastered"),
        (100, "mastered"),
    ],
)
def test_level_bands(mastery: float, level: str) -> None:
    assert mastery_level(mastery) == level


@pytest.mark.parametrize(
    ("mastery", "difficulty"),
    [(10, "easy"), (40, "easy"), (41, "medium"), (70, "medium"), (71, "hard"), (95, "hard")],
)
def test_difficulty_steps_up_with_each_level(mastery: float, difficulty: str) -> None:
    assert difficulty_for(mastery) == difficulty


def test_is_mastered_from_91() -> None:
    assert not is_mastered(90.0)
    assert is_mastered(91.0)


def test_streak_counts_consecutive_days_ending_today() -> None:
    assert streak_days(days_ago(0, 1, 2, 4), TODAY) == 3


def test_streak_still_alive_if_last_activity_was_yesterday() -> None:
    assert streak_days(days_ago(1, 2), TODAY) == 2


def test_streak_broken_after_a_missed_day() -> None:
    assert streak_days(days_ago(2, 3, 4), TODAY) == 0


def test_streak_ignores_duplicates_future_dates_and_accepts_datetimes() -> None:
    stamps = [datetime(2025, 3, 10, 9), datetime(2025, 3, 10, 18), datetime(2025, 3, 9, 12)]
    assert streak_days([*stamps, TODAY + timedelta(days=3)], TODAY) == 2


def test_streak_component_caps_at_a_week() -> None:
    week = compute_mastery(TopicEvidence(streak_days=7)).streak
    month = compute_mastery(TopicEvidence(streak_days=30)).streak
    assert week == month == 100.0
    assert compute_mastery(TopicEvidence(streak_days=1)).streak == pytest.approx(14.3)
