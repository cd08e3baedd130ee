"""Every event the application writes validates against its JSON Schema.

Real flows run through the service layer (ask on every route, explain, the debug ladder to
the solution, practice until a struggle alert opens, a pass, an erasure); then each
envelope in the outbox is checked with jsonschema against serve_app/events/schemas/.
"""

import pytest

from serve_app.events.registry import event_classes
from serve_app.events.validation import MissingSchema, envelope_errors
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.integration.kafka_support import outbox


async def _write_every_kind_of_event(tutor: Tutor) -> None:
    for text, code in (
        ("what is a list comprehension?", None),
        ("my code crashes, please help", "names = ['a']\nprint(nmes[0])\n"),
        ("give me a practice problem about loops", None),
        ("who won the football match last night?", None),
    ):
        await tutor.tutoring.ask("schema-1", text, code)
    await tutor.tutoring.explain("schema-1", "what is a dictionary", "advanced")
    code = "numbers = [1, 2, 3]\nfor i in range(len(numbers) + 1):\n    print(numbers[i])\n"
    started = await tutor.debugging.start(
        "schema-1", code, error=None, stdin=None, expected_output=None
    )
    for _ in range(3):
        await tutor.debugging.next_hint(started.debug_id, "schema-1")
    exercise = await tutor.practice.new_exercise("schema-2", topic="lists", difficulty=None)
    for _ in range(4):
        await tutor.practice.submit(exercise.exercise_id, "schema-2", "x = 1\n")
    privacy = getattr(tutor, "privacy", None)
    if privacy is not None:  # the erasure use case, where the privacy feature is present
        await tutor.tutoring.ask("schema-3", "what is a tuple?", None)
        await privacy.erase("schema-3")


async def test_every_written_event_validates_against_its_schema(tutor: Tutor, db: Database) -> None:
    await _write_every_kind_of_event(tutor)
    rows = await outbox(db)
    written = {row["envelope"]["type"] for row in rows}
    assert {
        "learnflow.response.delivered.v1",
        "learnflow.debug.hint_revealed.v1",
        "learnflow.exercise.graded.v1",
        "learnflow.progress.updated.v1",
        "learnflow.struggle.detected.v1",
    } <= written

    problems: list[str] = []
    for row in rows:
        envelope = row["envelope"]
        try:
            errors = envelope_errors(envelope)
        except MissingSchema as missing:
            problems.append(str(missing))
            continue
        problems += [f"{envelope['type']} (seq {row['seq']}): {error}" for error in errors]
        assert row["event_id"] == envelope["id"]
        assert row["subject"] == envelope["subject"]
        assert row["kafka_topic"] == event_classes()[envelope["type"]].kafka_topic
    assert not problems, "events that break the contract:\n" + "\n".join(sorted(set(problems)))


@pytest.mark.parametrize("event_type", sorted(event_classes()))
def test_every_event_type_has_a_schema(event_type: str) -> None:
    from serve_app.events.validation import schema_path

    assert schema_path(event_type).is_file(), (
        f"event type {event_type!r} has no JSON Schema: add "
        f"serve_app/events/schemas/{event_type}.json"
    )
