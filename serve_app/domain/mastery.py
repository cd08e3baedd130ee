"""How much of a topic a student has mastered: four kinds of evidence, one number 0-100.

    mastery = 0.4 * exercises + 0.3 * checks + 0.2 * quality + 0.1 * streak

Each component is 0-100 and built from the topic's most recent evidence:

- exercises: a recency-weighted average of the last RECENT_EVIDENCE submission scores, each
  scaled by what its difficulty can show (DIFFICULTY_CREDIT): acing easy exercises proves the
  basics, not mastery. The newest submission has weight 1, the one before RECENCY_DECAY, then
  RECENCY_DECAY**2, ... so the estimate follows the student as they learn.
- checks: the share of correct answers among the last RECENT_EVIDENCE check-question answers.
- quality: the same recency-weighted average of the code-quality scores (0-1) of submissions
  that passed at least one test; code that does nothing cannot earn quality points.
- streak: min(streak_days, STREAK_FULL_DAYS) / STREAK_FULL_DAYS, consecutive days with practice.

Missing evidence counts as 0: a topic is mastered only with all four kinds of evidence, so
practice alone tops out at "learning" (at most 70) until the concept checks are answered too.
Levels: beginner 0-40, learning 41-70, proficient 71-90, mastered 91-100 (on the rounded value).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final, Literal

from serve_app.domain.topics import DIFFICULTIES, Difficulty

MasteryLevel = Literal["beginner", "learning", "proficient", "mastered"]
MASTERY_LEVELS: Final[tuple[str, ...]] = ("beginner", "learning", "proficient", "mastered")

WEIGHTS: Final[dict[str, float]] = {"exercises": 0.4, "checks": 0.3, "quality": 0.2, "streak": 0.1}
RECENT_EVIDENCE: Final = 10
RECENCY_DECAY: Final = 0.8
# Acing only easy work reaches 70 on the exercise component, medium 85, hard 100: with perfect
# checks, quality and streak, easy work alone stays proficient (88) and mastery needs more.
DIFFICULTY_CREDIT: Final[dict[str, float]] = {"easy": 0.7, "medium": 0.85, "hard": 1.0}
STREAK_FULL_DAYS: Final = 7

# Upper bounds (inclusive, on the rounded mastery) of each level but the last.
BEGINNER_UP_TO: Final = 40
LEARNING_UP_TO: Final = 70
PROFICIENT_UP_TO: Final = 90


@dataclass(frozen=True)
class ExerciseEvidence:
    """One graded submission in the topic."""

    score: float  # fraction of tests passed, 0-1
    difficulty: str
    quality: float | None = None  # code-quality score 0-1; None when not assessed


@dataclass(frozen=True)
class TopicEvidence:
    """Everything the mastery of one topic is built from; sequences are newest first."""

    exercises: Sequence[ExerciseEvidence] = ()
    checks: Sequence[bool] = ()
    streak_days: int = 0


@dataclass(frozen=True)
class MasteryBreakdown:
    """The four components (each 0-100) and the weighted mastery (0-100), rounded to 0.1."""

    exercises: float
    checks: float
    quality: float
    streak: float
    mastery: float

    @property
    def level(self) -> MasteryLevel:
        return mastery_level(self.mastery)


def _recency_weighted(values: Sequence[float]) -> float:
    recent = values[:RECENT_EVIDENCE]
    if not recent:
        return 0.0
    weights = [RECENCY_DECAY**age for age in range(len(recent))]
    return sum(w * v for w, v in zip(weights, recent, strict=True)) / sum(weights)


def _clamp01(value: float) -> float:
    return min(max(value, 0.0), 1.0)


def exercise_component(exercises: Sequence[ExerciseEvidence]) -> float:
    for item in exercises:
        if item.difficulty not in DIFFICULTIES:
            raise ValueError(f"unknown difficulty {item.difficulty!r}")
    credits = [_clamp01(e.score) * DIFFICULTY_CREDIT[e.difficulty] for e in exercises]
    return 100.0 * _recency_weighted(credits)


def check_component(checks: Sequence[bool]) -> float:
    recent = checks[:RECENT_EVIDENCE]
    return 100.0 * sum(recent) / len(recent) if recent else 0.0


def quality_component(exercises: Sequence[ExerciseEvidence]) -> float:
    scored = [
        _clamp01(e.quality)
        for e in exercises[:RECENT_EVIDENCE]
        if e.quality is not None and e.score > 0
    ]
    return 100.0 * _recency_weighted(scored)


def streak_component(days: int) -> float:
    return 100.0 * min(max(days, 0), STREAK_FULL_DAYS) / STREAK_FULL_DAYS


def compute_mastery(evidence: TopicEvidence) -> MasteryBreakdown:
    """The mastery of one topic from its evidence (see the module docstring for the formula)."""
    parts = {
        "exercises": exercise_component(evidence.exercises),
        "checks": check_component(evidence.checks),
        "quality": quality_component(evidence.exercises),
        "streak": streak_component(evidence.streak_days),
    }
    mastery = sum(WEIGHTS[name] * value for name, value in parts.items())
    rounded = {name: round(value, 1) for name, value in parts.items()}
    return MasteryBreakdown(**rounded, mastery=round(min(max(mastery, 0.0), 100.0), 1))


def mastery_level(mastery: float) -> MasteryLevel:
    """beginner 0-40, learning 41-70, proficient 71-90, mastered 91-100 (mastery rounded)."""
    points = int(mastery + 0.5)
    if points <= BEGINNER_UP_TO:
        return "beginner"
    if points <= LEARNING_UP_TO:
        return "learning"
    if points <= PROFICIENT_UP_TO:
        return "proficient"
    return "mastered"


def is_mastered(mastery: float) -> bool:
    return mastery_level(mastery) == "mastered"


def difficulty_for(mastery: float) -> Difficulty:
    """The next difficulty: one step up each time the student reaches the next level."""
    level = mastery_level(mastery)
    if level == "beginner":
        return "easy"
    if level == "learning":
        return "medium"
    return "hard"


def streak_days(activity_dates: Iterable[date], today: date) -> int:
    """Consecutive days with activity, ending today or yesterday.

    Yesterday counts as the end of a live streak so that a student is not told their streak is
    lost in the morning before they have practised. Dates after `today` (clock skew) are ignored;
    datetimes count by their date.
    """
    days = {d.date() if isinstance(d, datetime) else d for d in activity_dates}
    if today in days:
        day = today
    elif today - timedelta(days=1) in days:
        day = today - timedelta(days=1)
    else:
        return 0
    streak = 0
    while day in days:
        streak += 1
        day -= timedelta(days=1)
    return streak
