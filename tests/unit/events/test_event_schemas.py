"""Each event model against its JSON Schema file: complete, in sync, and strict."""

from typing import Any

import pytest
from jsonschema import ValidationError

from serve_app.events.models import (
    CloudEvent,
    Event,
    ExerciseGraded,
    HintRevealed,
    ProgressUpdated,
    ResponseDelivered,
    StruggleDetected,
)
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.events.registry import event_classes
from serve_app.events.validation import (
    MissingSchema,
    envelope_errors,
    schema_path,
    validate_envelope,
)

SUBJECT = Pseudonymizer(b"unit-key")("student-1")
UUID = "6f1c1a9e-3f1b-4d2a-9a43-0c2b1c7e9d10"

EXAMPLES: dict[type[Event], Event] = {
    ResponseDelivered: ResponseDelivered(
        interaction_id=UUID, route="concepts", confidence=0.9, concept="list-comprehension"
    ),
    HintRevealed: HintRevealed(debug_id=UUID, hint_level=2, solution_revealed=False),
    ExerciseGraded: ExerciseGraded(
        submission_id=UUID,
        exercise_id="bank-loops-1",
        topic="loops",
        difficulty="easy",
        status="passed",
        passed=3,
        total=3,
        score=1.0,
    ),
    ProgressUpdated: ProgressUpdated(
        topic="loops", mastery=42.0, previous_mastery=30.0, attempts=2
    ),
    StruggleDetected: StruggleDetected(
        alert_id=UUID, topic="loops", reason="three failed submissions", severity="high"
    ),
}


def _envelope(event: Event) -> dict[str, Any]:
    return CloudEvent.wrap(event, source="/learnflow/tutor", subject=SUBJECT).model_dump()


def test_every_event_type_has_a_schema_file() -> None:
    missing = sorted(t for t in event_classes() if not schema_path(t).is_file())
    assert not missing, (
        f"event types without a JSON Schema: {missing}; add serve_app/events/schemas/<type>.json"
    )


@pytest.mark.parametrize("event_type", sorted(event_classes()))
def test_schema_lists_exactly_the_model_fields(event_type: str) -> None:
    import json

    schema = json.loads(schema_path(event_type).read_text())
    data = schema["properties"]["data"]
    fields = set(event_classes()[event_type].model_fields)
    assert set(data["properties"]) == fields, f"{event_type}: schema and model fields differ"
    assert set(data["required"]) == fields
    assert schema["properties"]["type"] == {"const": event_type}


@pytest.mark.parametrize("event", list(EXAMPLES.values()), ids=lambda e: e.type)
def test_each_model_writes_a_valid_envelope(event: Event) -> None:
    envelope = _envelope(event)
    assert envelope_errors(envelope) == []
    validate_envelope(envelope)


def test_a_raw_student_id_as_subject_is_refused() -> None:
    envelope = _envelope(EXAMPLES[ResponseDelivered]) | {"subject": "student-1"}
    with pytest.raises(ValidationError):
        validate_envelope(envelope)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        (lambda d: d.pop("score"), "data"),
        (lambda d: d.update(score=1.5), "data/score"),
        (lambda d: d.update(status="great"), "data/status"),
        (lambda d: d.update(code="print(1)"), "data"),
        (lambda d: d.update(passed="3"), "data/passed"),
    ],
)
def test_payload_mistakes_are_refused(change: Any, where: str) -> None:
    envelope = _envelope(EXAMPLES[ExerciseGraded])
    change(envelope["data"])
    errors = envelope_errors(envelope)
    assert errors
    assert errors[0].startswith(where), errors


def test_envelope_mistakes_are_refused() -> None:
    good = _envelope(EXAMPLES[HintRevealed])
    for bad in (
        good | {"specversion": "0.3"},
        good | {"id": "not-a-uuid"},
        good | {"time": "yesterday"},
        good | {"extra": 1},
        {k: v for k, v in good.items() if k != "source"},
    ):
        assert envelope_errors(bad), bad


def test_an_unknown_type_names_the_missing_file() -> None:
    envelope = _envelope(EXAMPLES[HintRevealed]) | {"type": "learnflow.made.up.v1"}
    with pytest.raises(MissingSchema, match=r"schemas/learnflow\.made\.up\.v1\.json"):
        validate_envelope(envelope)


def test_every_event_type_is_versioned_and_has_a_topic() -> None:
    for event_type, cls in event_classes().items():
        assert event_type.startswith("learnflow.")
        assert event_type.rsplit(".", 1)[-1].startswith("v"), event_type
        assert cls.kafka_topic
