"""Which explanation level suits a student, from their mastery (0-100) of the topic.

Mastery bands (the progress side) are beginner 0-40, learning 41-70, proficient 71-90 and
mastered 91-100; explanations have only three levels, so the top two bands share "advanced".
Mastery is rounded to whole points first, as the progress bands are, so 40.4 is still a
beginner and 40.5 is not.
"""

import math
from typing import Final

from serve_app.domain.topics import Level

BEGINNER_UP_TO: Final = 40
INTERMEDIATE_UP_TO: Final = 70


def explanation_level_for(mastery: float | None) -> Level:
    """beginner up to 40, intermediate 41-70, advanced above 70; no mastery yet is beginner."""
    if mastery is None or math.isnan(mastery):
        return "beginner"
    points = math.floor(mastery + 0.5)
    if points <= BEGINNER_UP_TO:
        return "beginner"
    if points <= INTERMEDIATE_UP_TO:
        return "intermediate"
    return "advanced"
