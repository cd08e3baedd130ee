"""Turns weighted evidence into a route and a calibrated confidence."""

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final

from serve_app.domain.topics import ROUTES
from serve_app.domain.triage.signals import Evidence

# Evidence-free mass split evenly over the routes. It keeps confidence honest for thin
# evidence: a lone weight-1 hint scores 0.5, a weight-12 signal about 0.9, and a message with
# no evidence at all 1/len(ROUTES).
UNCERTAINTY: Final = 2.0


@dataclass(frozen=True, slots=True)
class Scores:
    totals: dict[str, float]
    route: str
    confidence: float

    def runner_up(self) -> str | None:
        """The second-best route, if any evidence at all supports it."""
        ranked = sorted(
            (route for route in ROUTES if route != self.route and self.totals[route] > 0),
            key=lambda route: self.totals[route],
            reverse=True,
        )
        return ranked[0] if ranked else None


def score(evidence: Iterable[Evidence], extra_uncertainty: float = 0.0) -> Scores:
    """Sum evidence per route; confidence is the winner's share including the uncertainty."""
    totals = dict.fromkeys(ROUTES, 0.0)
    for item in evidence:
        totals[item.route] += item.weight
    uncertainty = UNCERTAINTY + extra_uncertainty
    # Ties (including no evidence) fall to the earlier route in ROUTES: concepts first, the
    # gentlest answer when nothing points elsewhere.
    route = max(ROUTES, key=lambda name: totals[name])
    share = uncertainty / len(ROUTES)
    confidence = (totals[route] + share) / (sum(totals.values()) + uncertainty)
    return Scores(totals=totals, route=route, confidence=min(max(confidence, 0.0), 1.0))
