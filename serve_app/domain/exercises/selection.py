"""Which exercise a student should do next."""

import random
from collections.abc import Collection, Iterable, Mapping

from serve_app.domain.exercises.errors import NoExerciseAvailable
from serve_app.domain.exercises.models import ExerciseSpec
from serve_app.domain.mastery import difficulty_for, is_mastered
from serve_app.domain.topics import DIFFICULTIES, TOPICS

# Ranking within a topic: being recently seen costs as much as two difficulty steps, so an
# unseen exercise one step off the target beats repeating one, but a beginner is never sent
# to a hard exercise just because the easy one was seen (ties go to the nearer difficulty).
_SEEN_PENALTY = 2


def practice_order(mastery: Mapping[str, float]) -> tuple[str, ...]:
    """Topics from most to least worth practising.

    First the started topics not yet mastered, weakest first (consolidate before moving on);
    then the unstarted topics in curriculum order; last the mastered ones, weakest first.
    A topic is started once it has a mastery value, even 0. Ties keep curriculum order.
    """
    started = [t for t in TOPICS if t in mastery]
    by_weakness = sorted(started, key=lambda t: mastery[t])  # stable: curriculum order on ties
    learning = [t for t in by_weakness if not is_mastered(mastery[t])]
    mastered = [t for t in by_weakness if is_mastered(mastery[t])]
    unstarted = [t for t in TOPICS if t not in mastery]
    return (*learning, *unstarted, *mastered)


def select_exercise(
    bank: Iterable[ExerciseSpec],
    *,
    topic: str | None,
    difficulty: str | None,
    mastery: Mapping[str, float],
    recently_seen: Collection[str],
    rng: random.Random,
) -> ExerciseSpec:
    """The next exercise for a student.

    An explicit `topic` or `difficulty` is always respected. Otherwise the topic comes from
    `practice_order` and the difficulty from the student's mastery level in that topic
    (`mastery.difficulty_for`: beginner easy, learning medium, proficient and mastered hard).
    Recently seen exercises are avoided when another good choice exists: without an explicit
    topic, the next topic in practice order is tried before repeating one. Raises
    NoExerciseAvailable for an unknown topic or difficulty, or when no exercise matches.
    """
    if topic is not None and topic not in TOPICS:
        raise NoExerciseAvailable(f"unknown topic {topic!r}", topic=topic, difficulty=difficulty)
    if difficulty is not None and difficulty not in DIFFICULTIES:
        raise NoExerciseAvailable(
            f"unknown difficulty {difficulty!r}", topic=topic, difficulty=difficulty
        )
    specs = tuple(bank)
    seen = set(recently_seen)
    fallback: list[ExerciseSpec] | None = None
    for candidate_topic in (topic,) if topic is not None else practice_order(mastery):
        candidates = [
            spec
            for spec in specs
            if spec.topic == candidate_topic and difficulty in (None, spec.difficulty)
        ]
        if not candidates:
            continue
        target = DIFFICULTIES.index(difficulty or difficulty_for(mastery.get(candidate_topic, 0.0)))
        best_rank = min(_rank(spec, target, seen) for spec in candidates)
        best = [spec for spec in candidates if _rank(spec, target, seen) == best_rank]
        if best_rank[0] < _SEEN_PENALTY:  # unseen and at most one step from the target
            return rng.choice(best)
        if fallback is None:
            fallback = best
    if fallback is None:
        wanted = " ".join(part for part in (difficulty, topic) if part) or "any"
        raise NoExerciseAvailable(
            f"no {wanted} exercise is available", topic=topic, difficulty=difficulty
        )
    return rng.choice(fallback)


def _rank(spec: ExerciseSpec, target: int, seen: set[str]) -> tuple[int, int]:
    """Lower is better: (difficulty steps off target + seen penalty, difficulty steps)."""
    distance = abs(DIFFICULTIES.index(spec.difficulty) - target)
    return distance + _SEEN_PENALTY * (spec.exercise_id in seen), distance
