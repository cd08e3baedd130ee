"""Choosing the next exercise: explicit wishes, weakest topic, mastery-based difficulty."""

import dataclasses
import random

import pytest

from serve_app.domain.exercises import (
    ExerciseSpec,
    NoExerciseAvailable,
    load_bank,
    practice_order,
    select_exercise,
)
from serve_app.domain.topics import TOPICS

BANK = load_bank()
IDS_BY_TOPIC = {t: {s.exercise_id for s in BANK if s.topic == t} for t in TOPICS}


def pick(
    *,
    topic: str | None = None,
    difficulty: str | None = None,
    mastery: dict[str, float] | None = None,
    seen: set[str] | None = None,
    bank: tuple[ExerciseSpec, ...] = BANK,
    seed: int = 0,
) -> ExerciseSpec:
    return select_exercise(
        bank,
        topic=topic,
        difficulty=difficulty,
        mastery=mastery or {},
        recently_seen=seen or set(),
        rng=random.Random(seed),
    )


def variant(exercise_id: str, topic: str, difficulty: str) -> ExerciseSpec:
    return dataclasses.replace(BANK[0], exercise_id=exercise_id, topic=topic, difficulty=difficulty)


@pytest.mark.parametrize("topic", TOPICS)
def test_explicit_topic_is_respected(topic: str) -> None:
    assert pick(topic=topic, mastery={"variables": 10}).topic == topic


def test_explicit_difficulty_is_respected_and_picks_a_topic_that_has_it() -> None:
    chosen = pick(difficulty="hard")
    assert chosen.difficulty == "hard"
    assert chosen.topic == "variables"  # the first topic in curriculum order: all have hard ones


def test_explicit_topic_and_difficulty_together() -> None:
    assert pick(topic="dicts", difficulty="hard").exercise_id == "dicts-deep-get"


def test_missing_combination_raises() -> None:
    bank = (variant("x-easy", "sets", "easy"),)
    with pytest.raises(NoExerciseAvailable) as raised:
        pick(topic="sets", difficulty="hard", bank=bank)
    assert (raised.value.topic, raised.value.difficulty) == ("sets", "hard")


def test_every_topic_has_every_difficulty() -> None:
    assert {(s.topic, s.difficulty) for s in BANK} == {
        (t, d) for t in TOPICS for d in ("easy", "medium", "hard")
    }


def test_unknown_topic_raises() -> None:
    with pytest.raises(NoExerciseAvailable, match="unknown topic 'pointers'") as raised:
        pick(topic="pointers")
    assert raised.value.topic == "pointers"


def test_unknown_difficulty_raises() -> None:
    with pytest.raises(NoExerciseAvailable, match="unknown difficulty 'expert'"):
        pick(difficulty="expert")


def test_empty_bank_raises() -> None:
    with pytest.raises(NoExerciseAvailable):
        pick(bank=())


def test_new_student_starts_at_the_beginning_of_the_curriculum() -> None:
    chosen = pick()
    assert (chosen.topic, chosen.difficulty) == ("variables", "easy")


def test_weakest_started_topic_comes_first() -> None:
    chosen = pick(mastery={"variables": 80, "strings": 50, "loops": 30})
    assert (chosen.topic, chosen.difficulty) == ("loops", "easy")


def test_when_started_topics_are_mastered_the_next_unstarted_topic_comes() -> None:
    chosen = pick(mastery={"variables": 95, "strings": 91})
    assert (chosen.topic, chosen.difficulty) == ("conditionals", "easy")


def test_when_everything_is_mastered_the_weakest_topic_gets_a_hard_exercise() -> None:
    mastery = dict.fromkeys(TOPICS, 95.0) | {"classes": 80.0}
    assert pick(mastery=mastery).exercise_id == "classes-vector"


@pytest.mark.parametrize(
    ("mastery", "difficulty"),
    [
        (0.0, "easy"),
        (40.4, "easy"),
        (40.5, "medium"),
        (70.4, "medium"),
        (70.5, "hard"),
        (95.0, "hard"),
    ],
)
def test_difficulty_follows_mastery_of_the_topic(mastery: float, difficulty: str) -> None:
    chosen = pick(topic="strings", mastery={"strings": mastery, "variables": 100.0})
    assert chosen.difficulty == difficulty


def test_recently_seen_exercise_is_avoided_for_an_unseen_neighbour() -> None:
    chosen = pick(topic="strings", mastery={"strings": 50}, seen={"strings-palindrome"})
    assert chosen.exercise_id == "strings-caesar"  # the other medium one


def test_recently_seen_medium_exercises_yield_to_a_neighbouring_difficulty() -> None:
    seen = {"strings-palindrome", "strings-caesar"}
    chosen = pick(topic="strings", mastery={"strings": 50}, seen=seen)
    assert chosen.exercise_id in {"strings-initials", "strings-run-length"}


def test_recently_seen_exercise_is_repeated_when_the_topic_has_nothing_else() -> None:
    chosen = pick(topic="strings", mastery={"strings": 50}, seen=IDS_BY_TOPIC["strings"])
    assert chosen.exercise_id in {"strings-palindrome", "strings-caesar"}


def test_without_explicit_topic_a_fully_seen_topic_yields_to_the_next() -> None:
    chosen = pick(mastery={"loops": 10}, seen=IDS_BY_TOPIC["loops"])
    assert (chosen.topic, chosen.difficulty) == ("variables", "easy")


def test_beginner_repeats_an_easy_exercise_rather_than_jump_to_hard() -> None:
    bank = (variant("x-easy", "sets", "easy"), variant("x-hard", "sets", "hard"))
    assert pick(mastery={"sets": 10}, seen={"x-easy"}, bank=bank).exercise_id == "x-easy"


def test_missing_target_difficulty_falls_back_to_the_nearest() -> None:
    bank = (variant("x-easy", "sets", "easy"), variant("x-medium", "sets", "medium"))
    assert pick(topic="sets", mastery={"sets": 90}, bank=bank).exercise_id == "x-medium"


def test_choice_among_equals_is_random_but_reproducible() -> None:
    bank = tuple(variant(f"x-{n}", "variables", "easy") for n in range(4))
    chosen = {pick(bank=bank, seed=seed).exercise_id for seed in range(40)}
    assert len(chosen) > 1
    assert pick(bank=bank, seed=7) == pick(bank=bank, seed=7)


def test_practice_order_puts_learning_then_unstarted_then_mastered() -> None:
    order = practice_order({"loops": 60, "strings": 20, "variables": 91, "sets": 0, "x": 1})
    assert order[:3] == ("sets", "strings", "loops")
    assert order[3:5] == ("conditionals", "lists")
    assert order[-1] == "variables"
    assert sorted(order) == sorted(TOPICS)
