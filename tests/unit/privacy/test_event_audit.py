"""Every outcome event names the student only by the envelope's pseudonym and carries no
free text: a new field has to be added to this allowlist, deliberately."""

from typing import Any

from serve_app.events.models import CloudEvent, Event, ResponseDelivered
from serve_app.events.pseudonym import Pseudonymizer

# Ids of things (never of people), enums, numbers and fixed rule descriptions.
ALLOWED_FIELDS = {
    "interaction_id", "route", "confidence", "concept", "error_type", "exercise_id",
    "llm_used", "debug_id", "hint_level", "solution_revealed", "submission_id", "topic",
    "difficulty", "status", "passed", "total", "score", "mastery", "previous_mastery",
    "attempts", "level", "components", "alert_id", "reason", "severity", "kind",
    "rows_erased", "tables",
}  # fmt: skip


def _all_events(base: type[Event] = Event) -> list[type[Event]]:
    found: list[type[Event]] = []
    for sub in base.__subclasses__():
        found += [sub, *_all_events(sub)]
    return found


def test_event_fields_are_all_reviewed() -> None:
    unreviewed: dict[str, Any] = {
        f"{event.__name__}.{name}": info.annotation
        for event in _all_events()
        for name, info in event.model_fields.items()
        if name not in ALLOWED_FIELDS
    }
    assert not unreviewed, f"event fields not reviewed for privacy: {unreviewed}"


def test_no_event_names_a_person() -> None:
    forbidden = {"student_id", "email", "name", "text", "code", "message", "question"}
    for event in _all_events():
        assert not forbidden & set(event.model_fields), event.__name__


def test_envelope_subject_is_a_pseudonym_not_the_id() -> None:
    pseudonymize = Pseudonymizer(b"k")
    envelope = CloudEvent.wrap(
        ResponseDelivered(interaction_id="i", route="concepts", confidence=1.0),
        source="/t",
        subject=pseudonymize("alice@example.com"),
    )
    dumped = envelope.model_dump_json()
    assert "alice" not in dumped
    assert envelope.subject.startswith("stu_")
