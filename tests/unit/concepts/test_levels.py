"""The explanation level follows mastery: beginner <=40, intermediate 41-70, advanced >70."""

import pytest

from serve_app.domain.concepts.levels import explanation_level_for
from serve_app.domain.topics import LEVELS
from serve_app.service.context import level_from_mastery


@pytest.mark.parametrize(
    ("mastery", "level"),
    [
        (None, "beginner"),
        (float("nan"), "beginner"),
        (-5.0, "beginner"),
        (0.0, "beginner"),
        (40.0, "beginner"),
        (40.4, "beginner"),
        (40.5, "intermediate"),
        (41.0, "intermediate"),
        (55.0, "intermediate"),
        (70.0, "intermediate"),
        (70.6, "advanced"),
        (71.0, "advanced"),
        (90.0, "advanced"),
        (91.0, "advanced"),
        (100.0, "advanced"),
    ],
)
def test_explanation_level_for(mastery: float | None, level: str) -> None:
    assert explanation_level_for(mastery) == level


def test_every_mastery_point_maps_to_a_level_and_never_goes_down() -> None:
    levels = [explanation_level_for(float(point)) for point in range(101)]
    assert set(levels) == set(LEVELS)
    ranks = [LEVELS.index(level) for level in levels]
    assert ranks == sorted(ranks)


@pytest.mark.parametrize(
    ("mastery", "topic", "level"),
    [
        ({}, "loops", "beginner"),
        ({"loops": 80.0}, None, "beginner"),
        ({"loops": 80.0}, "lists", "beginner"),
        ({"loops": 80.0, "lists": 50.0}, "lists", "intermediate"),
        ({"loops": 80.0}, "loops", "advanced"),
    ],
)
def test_service_level_uses_the_topic_mastery(
    mastery: dict[str, float], topic: str | None, level: str
) -> None:
    assert level_from_mastery(mastery, topic) == level
