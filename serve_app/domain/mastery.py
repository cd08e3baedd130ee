"""How much of a topic a student has mastered, and when they are stuck.

Mastery is a number from 0 to 100 per topic. It is an estimate built from graded submissions,
so the model is deliberately simple, explainable to a teacher, and hard to game:

- Each graded submission is a noisy observation of skill; recent work counts more, because
  skill changes as the student learns. Hence an exponential moving average (EMA).
- The difficulty of the exercise bounds what the observation can show: acing easy exercises
  proves the basics, not expertise; failing a hard one does not prove ignorance.
- Retries of the same exercise are not independent evidence (the student has seen the
  feedback), so each further attempt moves the estimate less.

The level thresholds (40, 75) are shared with exercise selection, so the level a teacher sees
and the difficulty a student is offered always agree.
"""

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Final, Literal

from serve_app.domain.topics import DIFFICULTIES, Difficulty, Level

MASTERY_MIN: Final = 0.0
MASTERY_MAX: Final = 100.0
INTERMEDIATE_AT: Final = 40.0  # below: beginner, offered easy exercises
ADVANCED_AT: Final = 75.0  # at or above: advanced, offered hard exercises

# The mastery range an exercise of each difficulty can speak to: a pass is evidence of at
# least the top of its range, a failure of at most the bottom. Easy work alone tops out at 60
# (solid intermediate); medium work can reach just past the advanced threshold; only hard work
# can show 100. Failing a hard exercise says "below 40", not "zero".
EVIDENCE_RANGE: Final[dict[str, tuple[float, float]]] = {
    "easy": (0.0, 60.0),
    "medium": (20.0, 80.0),
    "hard": (40.0, 100.0),
}
# How far one first attempt moves mastery towards what it shows. Harder exercises are stronger
# evidence. With 0.4, a single lucky pass of a hard exercise from 0 lands at 40, not 100;
# four straight easy passes take a beginner from 0 to about 45.
LEARNING_RATE: Final[dict[str, float]] = {"easy": 0.30, "medium": 0.35, "hard": 0.40}

Severity = Literal["low", "medium", "high"]

# Three failures in a row is the usual "stuck" signal of tutoring systems: one failure is
# normal, two is iterating, three means the feedback is not getting through. Five is urgent.
STUCK_AFTER: Final = 3
VERY_STUCK_AFTER: Final = 5
# A drop of 0.4 in mean score (e.g. from 90% of tests passing to 50%) between the earlier and
# the latest submissions is larger than the noise between exercises of one difficulty.
SCORE_DROP: Final = 0.4
BIG_SCORE_DROP: Final = 0.6  # e.g. from 90% to 30%: the topic has stopped making sense
_RECENT_WINDOW: Final = 3
_BASELINE_WINDOW: Final = 5


def update_mastery(previous: float, score: float, difficulty: str, attempts: int) -> float:
    """The new mastery (0-100) after a submission.

    `score` is the fraction of tests passed (0-1), `difficulty` the exercise's, `attempts` the
    number of submissions so far on that exercise including this one (1 = first try).

    The passed share of the tests pulls mastery up towards the top of the difficulty's
    EVIDENCE_RANGE, the failed share pulls it down towards the bottom, and each pull only acts
    from the side it speaks to: a beginner failing a hard exercise loses nothing, and an
    advanced student acing an easy one gains nothing. The step is LEARNING_RATE / sqrt(attempts):
    a retry still counts, but the fourth attempt moves mastery half as much as the first. The
    result is non-decreasing in `score` and stays within 0-100 (rounded to 0.01 for storage).
    """
    if difficulty not in DIFFICULTIES:
        raise ValueError(f"unknown difficulty {difficulty!r}")
    if not 0.0 <= score <= 1.0:
        raise ValueError(f"score must be between 0 and 1, got {score}")
    if attempts < 1:
        raise ValueError(f"attempts must be at least 1, got {attempts}")
    previous = min(max(previous, MASTERY_MIN), MASTERY_MAX)
    low, high = EVIDENCE_RANGE[difficulty]
    weight = LEARNING_RATE[difficulty] / math.sqrt(attempts)
    pull_up = score * max(high - previous, 0.0)
    pull_down = (1.0 - score) * max(previous - low, 0.0)
    updated = previous + weight * (pull_up - pull_down)
    return round(min(max(updated, MASTERY_MIN), MASTERY_MAX), 2)


def level_for(mastery: float) -> Level:
    """The level (one of topics.LEVELS) a mastery value corresponds to."""
    if mastery >= ADVANCED_AT:
        return "advanced"
    if mastery >= INTERMEDIATE_AT:
        return "intermediate"
    return "beginner"


def difficulty_for(mastery: float) -> Difficulty:
    """The exercise difficulty that stretches a student at this mastery without losing them."""
    if mastery >= ADVANCED_AT:
        return "hard"
    if mastery >= INTERMEDIATE_AT:
        return "medium"
    return "easy"


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


@dataclass(frozen=True)
class StruggleSignal:
    """Why a student looks stuck on a topic, and how urgently a teacher should look."""

    kind: Literal["repeated_failures", "score_drop"]
    reason: str
    severity: Severity


def detect_struggle(
    recent_scores: Sequence[float], recent_statuses: Sequence[str]
) -> StruggleSignal | None:
    """A struggle signal from one topic's recent submissions (oldest first), or None.

    `recent_scores` are submission scores (0-1), `recent_statuses` their grade statuses
    ("passed", "failed", "error", ...). Two signals, the first found wins:

    - repeated failures: the last STUCK_AFTER or more submissions all failed to pass;
    - a score drop: the mean of the last three scores is at least SCORE_DROP below the mean of
      up to five scores before them (needs at least three of those, to not overreact).
    """
    failures = 0
    for status in reversed(recent_statuses):
        if status == "passed":
            break
        failures += 1
    if failures >= STUCK_AFTER:
        last = recent_statuses[-1]
        detail = {
            "timeout": "the last one ran out of time",
            "memory_limit": "the last one ran out of memory",
            "error": "the last one raised an error",
            "rejected": "the last one was rejected by the sandbox",
        }.get(last, "the last one failed some tests")
        return StruggleSignal(
            kind="repeated_failures",
            reason=f"{failures} submissions in a row did not pass; {detail}",
            severity="high" if failures >= VERY_STUCK_AFTER else "medium",
        )

    recent = list(recent_scores[-_RECENT_WINDOW:])
    baseline = list(recent_scores[-_RECENT_WINDOW - _BASELINE_WINDOW : -_RECENT_WINDOW])
    if len(recent) == _RECENT_WINDOW and len(baseline) >= _RECENT_WINDOW:
        before = sum(baseline) / len(baseline)
        now = sum(recent) / len(recent)
        if before - now >= SCORE_DROP:
            return StruggleSignal(
                kind="score_drop",
                reason=f"average score fell from {before:.0%} to {now:.0%} over the last "
                f"{_RECENT_WINDOW} submissions",
                severity="medium" if before - now >= BIG_SCORE_DROP else "low",
            )
    return None
