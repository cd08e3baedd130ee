# mypy: disallow-untyped-calls=False
# (Locust ships without annotations for User.wait, events.request.fire and LoadTestShape.)
"""Load profiles as stage plans, and the Locust shapes that play them.

A plan is a list of stages `(until_s, users, spawn_rate)`: while the run time is below
`until_s` Locust holds `users` students, spawning at `spawn_rate` per second. Plans are pure
so the orchestrator can print them and the tests can check them without Locust.
"""

import os
from dataclasses import dataclass

from locust import LoadTestShape


@dataclass(frozen=True)
class Stage:
    until_s: float
    users: int
    spawn_rate: float


def step_plan(peak: int, duration_s: float) -> list[Stage]:
    """Four equal steps up to `peak`, a long hold at `peak`, then a drop to a tenth of it.

    The steps give the autoscaler distinct plateaus to react to; the final low plateau is
    where replicas must scale back down (the last 30% of the run).
    """
    step = duration_s * 0.1
    hold_until = duration_s * 0.7
    spawn = max(peak / 4 / 10, 1.0)  # each step is fully spawned within 10 s
    stages = [Stage(step * (i + 1), round(peak * (i + 1) / 4), spawn) for i in range(3)]
    stages.append(Stage(hold_until, peak, spawn))
    stages.append(Stage(duration_s, max(peak // 10, 1), spawn * 4))
    return stages


def ramp_plan(peak: int, duration_s: float) -> list[Stage]:
    """A steady climb to `peak` over 70% of the run, a hold, then a ramp back to zero."""
    up = duration_s * 0.7
    return [
        Stage(up, peak, max(peak / up, 0.1)),
        Stage(duration_s * 0.85, peak, 1.0),
        Stage(duration_s, 0, max(peak / (duration_s * 0.15), 0.1)),
    ]


def saturate_plan(peak: int, duration_s: float) -> list[Stage]:
    """A climb over the first 40% to `peak` busy students, then a hold at saturation.

    Played with near-zero think time: it finds the most requests per second a target
    sustains on the same task mix, not how it behaves with real students.
    """
    up = duration_s * 0.4
    return [Stage(up, peak, max(peak / up, 0.1)), Stage(duration_s, peak, 1.0)]


PLANS = {"step": step_plan, "ramp": ramp_plan, "saturate": saturate_plan}


def stage_at(plan: list[Stage], run_time_s: float) -> Stage | None:
    return next((stage for stage in plan if run_time_s < stage.until_s), None)


class PlannedShape(LoadTestShape):
    """Plays the plan named by LEARNFLOW_BENCH_PROFILE with LEARNFLOW_BENCH_USERS at peak
    for LEARNFLOW_BENCH_DURATION seconds (set by run.py; Locust builds shapes without args)."""

    abstract = True
    profile = "step"

    def __init__(self) -> None:
        super().__init__()
        peak = int(os.environ.get("LEARNFLOW_BENCH_USERS", "1000"))
        duration = float(os.environ.get("LEARNFLOW_BENCH_DURATION", "300"))
        self.plan = PLANS[self.profile](peak, duration)

    def tick(self) -> tuple[int, float] | None:
        stage = stage_at(self.plan, self.get_run_time())
        return None if stage is None else (stage.users, stage.spawn_rate)


class StepShape(PlannedShape):
    abstract = False
    profile = "step"


class RampShape(PlannedShape):
    abstract = False
    profile = "ramp"


class SaturateShape(PlannedShape):
    abstract = False
    profile = "saturate"


SHAPES: dict[str, type[PlannedShape]] = {
    "step": StepShape,
    "ramp": RampShape,
    "saturate": SaturateShape,
}
