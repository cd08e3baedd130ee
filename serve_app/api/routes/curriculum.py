"""GET /v1/curriculum: what the tutor teaches, for clients that need the topic list."""

from collections import Counter
from functools import cache

from fastapi import APIRouter, Response

from serve_app.domain.concepts.cards import ALL_CARDS
from serve_app.domain.exercises import load_bank
from serve_app.domain.mastery import MASTERY_LEVELS
from serve_app.domain.topics import DIFFICULTIES, TOPICS
from serve_app.schemas.curriculum import CurriculumPublic, CurriculumTopicPublic
from serve_app.security.dependencies import AccessDep

router = APIRouter(prefix="/v1", tags=["curriculum"])

# The answer is built from code, so it changes only with a deployment.
CACHE_CONTROL = "public, max-age=3600"


def topic_title(topic: str) -> str:
    return topic.replace("_", " ").capitalize()


@cache
def curriculum() -> CurriculumPublic:
    """The curriculum of this build, computed once per process."""
    exercises = Counter(spec.topic for spec in load_bank())
    return CurriculumPublic(
        topics=[
            CurriculumTopicPublic(
                topic=topic,
                title=topic_title(topic),
                concepts=[card.concept_id for card in ALL_CARDS if card.topic == topic],
                exercises=exercises[topic],
            )
            for topic in TOPICS
        ],
        difficulties=list(DIFFICULTIES),
        levels=list(MASTERY_LEVELS),
    )


@router.get("/curriculum")
async def read_curriculum(response: Response, access: AccessDep) -> CurriculumPublic:
    # Same gate as every read (authenticated when auth is on), counted as one cheap request.
    await access.charge()
    response.headers["Cache-Control"] = CACHE_CONTROL
    return curriculum()
