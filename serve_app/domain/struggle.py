"""When a student is stuck: five rules over their recent activity, with explicit timestamps.

Every rule is a pure function of activity records and `now`, so time windows are tested with
chosen timestamps instead of sleeps. A rule fires at most once per occurrence; keeping one open
alert per (student, kind, topic) is the store's job (a partial unique index).

Rules (the thresholds are the usual "the feedback is not getting through" signals):

- repeated_error: the same error type 3+ times within 30 minutes (debug sessions and
  submissions together);
- failed_runs: 5+ failed runs (submissions that did not pass) within 10 minutes;
- low_scores: scores under 50% on the last 3 submissions in a topic;
- stuck_on_exercise: more than 10 minutes on one exercise with only failing submissions;
- says_stuck: the student says so ("I'm stuck", "I don't get it", ...).
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Final, Literal

from serve_app.domain.sandbox.models import GradeReport

StruggleKind = Literal[
    "repeated_error", "failed_runs", "low_scores", "stuck_on_exercise", "says_stuck"
]
STRUGGLE_KINDS: Final[tuple[str, ...]] = (
    "repeated_error",
    "failed_runs",
    "low_scores",
    "stuck_on_exercise",
    "says_stuck",
)
Severity = Literal["low", "medium", "high"]

REPEATED_ERROR_COUNT: Final = 3
REPEATED_ERROR_WINDOW: Final = timedelta(minutes=30)
FAILED_RUNS_COUNT: Final = 5
FAILED_RUNS_WINDOW: Final = timedelta(minutes=10)
LOW_SCORE_BELOW: Final = 0.5
LOW_SCORE_COUNT: Final = 3
STUCK_ON_EXERCISE_AFTER: Final = timedelta(minutes=10)

# Diagnoses that are not errors of the student's program.
NOT_ERRORS: Final = frozenset({"NoError", "Rejected", ""})

# Fixed, student-free wording for alerts and events: never the student's own text.
REASONS: Final[dict[str, str]] = {
    "repeated_error": "the same error type 3 or more times within 30 minutes",
    "failed_runs": "5 or more failed runs within 10 minutes",
    "low_scores": "scores under 50% on 3 consecutive submissions in this topic",
    "stuck_on_exercise": "more than 10 minutes on one exercise with only failing submissions",
    "says_stuck": "the student said they are stuck",
}
SEVERITY: Final[dict[str, Severity]] = {
    "repeated_error": "medium",
    "failed_runs": "medium",
    "low_scores": "medium",
    "stuck_on_exercise": "low",
    "says_stuck": "high",
}

_STUCK_PHRASES = re.compile(
    r"""
    \b(?:i'?m|i\s+am|im|i'?ve\s+been|i\s+feel|feeling|totally|so|really)\s+
        (?:so\s+|really\s+|completely\s+|totally\s+)?(?:stuck|lost|confused)\b
    | \bi\s+(?:still\s+)?(?:don'?t|do\s+not|dont|can'?t|cannot)\s+
        (?:get|understand|figure\s+out|do)\s+(?:it|this|that|any\s+of\s+this)\b
    | \b(?:this|it)\s+makes\s+no\s+sense\b
    | \bi\s+give\s+up\b
    | \bno\s+idea\s+what\s+(?:i'?m|i\s+am)\s+doing\b
    | \bhelp,?\s+i'?m\s+stuck\b
    """,
    re.IGNORECASE | re.VERBOSE,
)


# A failing test's message starts with the exception's class name when the test raised one
# (a failed `assert` reads "assert ... failed: ..." instead); see the sandbox's failure_message.
_RAISED = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*(?:Error|Exception|Exit|Interrupt|Iteration))\b")


def submission_error_type(report: GradeReport) -> str | None:
    """The error type a graded submission shows, comparable with debug diagnoses' error_type.

    The exception that stopped the code, "Timeout" (as Debug names it) or "MemoryError"; for
    failing tests, the exception the first raising test raised. None when nothing was raised
    (passed, wrong answers only, or rejected by the sandbox).
    """
    if report.status == "error" and report.error is not None:
        return report.error.type
    if report.status == "timeout":
        return "Timeout"
    if report.status == "memory_limit":
        return "MemoryError"
    if report.status == "failed":
        for result in report.results:
            match = _RAISED.match(result.message) if not result.passed else None
            if match is not None:
                return match.group(1)
    return None


@dataclass(frozen=True)
class Occurrence:
    """One attempt of the student: a graded submission or a debug request."""

    at: datetime
    topic: str
    error_type: str | None  # exception class name, None when the attempt raised nothing
    failed: bool  # a submission that did not pass, or a debug session with an error
    kind: Literal["submission", "debug"] = "submission"
    exercise_id: str | None = None
    score: float | None = None  # submissions only


@dataclass(frozen=True)
class StruggleFinding:
    kind: StruggleKind
    topic: str

    @property
    def reason(self) -> str:
        return REASONS[self.kind]

    @property
    def severity(self) -> Severity:
        return SEVERITY[self.kind]


def says_stuck(text: str) -> bool:
    """Whether a message says the student is stuck or lost."""
    return bool(_STUCK_PHRASES.search(text.replace("\u2019", "'")))


def repeated_error(history: Sequence[Occurrence], latest: Occurrence, now: datetime) -> bool:
    if latest.error_type is None or latest.error_type in NOT_ERRORS:
        return False
    since = now - REPEATED_ERROR_WINDOW
    same = [o for o in history if o.at >= since and o.error_type == latest.error_type]
    return len(same) >= REPEATED_ERROR_COUNT


def failed_runs(history: Sequence[Occurrence], latest: Occurrence, now: datetime) -> bool:
    if not latest.failed or latest.kind != "submission":
        return False
    since = now - FAILED_RUNS_WINDOW
    failed = [o for o in history if o.kind == "submission" and o.failed and o.at >= since]
    return len(failed) >= FAILED_RUNS_COUNT


def low_scores(history: Sequence[Occurrence], latest: Occurrence) -> bool:
    if latest.kind != "submission":
        return False
    in_topic = sorted(
        (o for o in history if o.kind == "submission" and o.topic == latest.topic),
        key=lambda o: o.at,
    )[-LOW_SCORE_COUNT:]
    return len(in_topic) == LOW_SCORE_COUNT and all(
        o.score is not None and o.score < LOW_SCORE_BELOW for o in in_topic
    )


def stuck_on_exercise(
    history: Sequence[Occurrence],
    latest: Occurrence,
    now: datetime,
    issued_at: datetime | None = None,
) -> bool:
    """Time on the exercise counts from when it was issued, or from the first submission."""
    if latest.kind != "submission" or latest.exercise_id is None or not latest.failed:
        return False
    attempts = [
        o for o in history if o.kind == "submission" and o.exercise_id == latest.exercise_id
    ]
    if any(not o.failed for o in attempts):
        return False
    starts = [o.at for o in attempts] + ([issued_at] if issued_at is not None else [])
    return now - min(starts) > STUCK_ON_EXERCISE_AFTER


def detect_struggles(
    history: Sequence[Occurrence],
    latest: Occurrence,
    now: datetime,
    *,
    issued_at: datetime | None = None,
) -> list[StruggleFinding]:
    """Every rule the latest attempt sets off. `history` includes `latest`."""
    found: list[StruggleKind] = []
    if repeated_error(history, latest, now):
        found.append("repeated_error")
    if failed_runs(history, latest, now):
        found.append("failed_runs")
    if low_scores(history, latest):
        found.append("low_scores")
    if stuck_on_exercise(history, latest, now, issued_at):
        found.append("stuck_on_exercise")
    return [StruggleFinding(kind=kind, topic=latest.topic) for kind in found]
