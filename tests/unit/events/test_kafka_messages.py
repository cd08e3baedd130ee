"""The Kafka message of an outbox row: key, value and headers."""

import json

from serve_app.events.kafka import CONTENT_TYPE, ID_HEADER, SEQ_HEADER, TOPICS, encode, header
from serve_app.events.models import CloudEvent, ProgressUpdated
from serve_app.events.outbox import OutboxRow


def _row() -> OutboxRow:
    envelope = CloudEvent.wrap(
        ProgressUpdated(topic="loops", mastery=50.0, previous_mastery=40.0, attempts=3),
        source="/learnflow/tutor",
        subject="stu_" + "a" * 32,
    ).model_dump()
    return OutboxRow(
        seq=17,
        event_id=envelope["id"],
        subject=envelope["subject"],
        kafka_topic=ProgressUpdated.kafka_topic,
        envelope=envelope,
    )


def test_key_is_the_pseudonym_and_value_the_envelope() -> None:
    row = _row()
    key, value, headers = encode(row)
    assert key == row.subject.encode()
    assert json.loads(value) == row.envelope
    assert header(headers, ID_HEADER) == row.envelope["id"]
    assert header(headers, SEQ_HEADER) == "17"
    assert ("content-type", CONTENT_TYPE) in headers
    assert header(headers, "absent") is None


def test_the_message_carries_no_raw_student_id() -> None:
    _, value, headers = encode(_row())
    text = value.decode() + "".join(v.decode() for _, v in headers)
    assert "student" not in text


def test_topics_are_the_contract_topics() -> None:
    assert {"learning.responses", "exercise.graded", "struggle.detected", "progress.updated"} <= (
        set(TOPICS)
    )
