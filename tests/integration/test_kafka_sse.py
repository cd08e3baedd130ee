"""GET /v1/events: Server-Sent Events filtered by student or type, resumable with
Last-Event-ID, fed from PostgreSQL without Kafka and from a real broker with it."""

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.events.feed import EventFeed, FeedFilter, KafkaFanout
from serve_app.events.kafka import KafkaPublisher
from serve_app.events.outbox import OutboxRow
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.events.relay import OutboxRelay
from serve_app.events.validation import validate_envelope
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.integration.kafka_support import (
    PrivateKafka,
    kafka_missing_reason,
    outbox,
    running,
    unpublished,
)
from tests.support.tutors import api_client

PSEUDONYMIZE = Pseudonymizer(b"test-key")  # the integration tutor's key
GRADED = "learnflow.exercise.graded.v1"


def _parse(text: str) -> list[tuple[int, dict[str, Any]]]:
    """(id, envelope) of each SSE message, checking the wire format as a browser reads it."""
    messages = []
    for block in text.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "data" in fields:
            messages.append((int(fields["id"]), json.loads(fields["data"])))
    return messages


def _client(tutor: Tutor, feed: EventFeed) -> httpx.AsyncClient:
    return api_client(create_api(), tutor, event_feed=feed, timeout=60)


@pytest.fixture
async def pg_feed(db: Database) -> AsyncIterator[EventFeed]:
    feed = EventFeed(db, PSEUDONYMIZE, poll_seconds=0.1, heartbeat_seconds=5)
    yield feed
    await feed.close()


@pytest.fixture
async def client(tutor: Tutor, pg_feed: EventFeed) -> AsyncIterator[httpx.AsyncClient]:
    async with _client(tutor, pg_feed) as http:
        yield http


async def _practice(tutor: Tutor, student: str) -> None:
    await tutor.tutoring.ask(student, "what is a list comprehension?", None)
    exercise = await tutor.practice.new_exercise(student, topic="loops", difficulty=None)
    await tutor.practice.submit(exercise.exercise_id, student, "x = 1\n")


async def test_filtered_by_student_resumable_with_last_event_id(
    client: httpx.AsyncClient, tutor: Tutor, db: Database
) -> None:
    for student in ("sse-a", "sse-b", "sse-a"):
        await _practice(tutor, student)
    mine = [r for r in await outbox(db) if r["subject"] == PSEUDONYMIZE("sse-a")]
    assert len(mine) >= 6

    first = await client.get("/v1/events", params={"student_id": "sse-a", "after": 0, "limit": 2})
    assert first.status_code == 200
    assert first.headers["content-type"].startswith("text/event-stream")
    assert first.text.startswith("retry: ")
    head = _parse(first.text)
    rest = _parse(
        (
            await client.get(
                "/v1/events",
                params={"student_id": "sse-a", "limit": len(mine) - 2},
                headers={"Last-Event-ID": str(head[-1][0])},
            )
        ).text
    )
    got = head + rest
    assert [seq for seq, _ in got] == [r["seq"] for r in mine]
    assert [env for _, env in got] == [r["envelope"] for r in mine]
    for _, envelope in got:
        validate_envelope(envelope)
        assert "sse-a" not in json.dumps(envelope)


async def test_filtered_by_type(client: httpx.AsyncClient, tutor: Tutor, db: Database) -> None:
    for student in ("sse-c", "sse-d"):
        await _practice(tutor, student)
    response = await client.get("/v1/events", params={"type": GRADED, "after": 0, "limit": 2})
    got = _parse(response.text)
    assert {env["type"] for _, env in got} == {GRADED}
    assert {env["subject"] for _, env in got} == {PSEUDONYMIZE("sse-c"), PSEUDONYMIZE("sse-d")}


async def test_without_a_cursor_the_stream_starts_now(
    client: httpx.AsyncClient, tutor: Tutor, db: Database
) -> None:
    await _practice(tutor, "sse-e")
    before = max(r["seq"] for r in await outbox(db))
    stream = asyncio.create_task(
        client.get("/v1/events", params={"student_id": "sse-e", "limit": 1})
    )
    for _ in range(60):  # keep writing until the live stream has seen one
        await tutor.tutoring.ask("sse-e", "what is a tuple?", None)
        done, _ = await asyncio.wait({stream}, timeout=0.5)
        if done:
            break
    [(seq, envelope)] = _parse((await stream).text)
    assert seq > before
    assert envelope["type"] == "learnflow.response.delivered.v1"


@pytest.mark.parametrize(
    ("params", "headers"),
    [
        ({"type": "learnflow.made.up.v1"}, {}),
        ({"student_id": "bad id"}, {}),
        ({"student_id": "x" * 200}, {}),
        ({"limit": 0}, {}),
        ({"after": -1}, {}),
        ({}, {"Last-Event-ID": "not-a-cursor"}),
    ],
)
async def test_bad_input_is_a_422(
    client: httpx.AsyncClient, params: dict[str, Any], headers: dict[str, str]
) -> None:
    response = await client.get("/v1/events", params=params, headers=headers)
    assert response.status_code == 422, response.text
    assert "detail" in response.json()


async def test_heartbeats_when_nothing_happens(db: Database) -> None:
    feed = EventFeed(db, PSEUDONYMIZE, poll_seconds=0.05, heartbeat_seconds=0.3)
    try:
        stream = feed.stream(FeedFilter(subject=PSEUDONYMIZE("nobody")), after=None)
        assert await asyncio.wait_for(anext(stream), 10) is None
        await stream.aclose()
    finally:
        await feed.close()


# --- fed from a real broker ---------------------------------------------------------

_NO_KAFKA = kafka_missing_reason()
needs_kafka = pytest.mark.skipif(_NO_KAFKA is not None, reason=_NO_KAFKA or "")


@pytest.fixture(scope="module")
def kafka() -> Iterator[PrivateKafka]:
    if _NO_KAFKA is not None:
        pytest.skip(_NO_KAFKA)
    with running(PrivateKafka()) as broker:
        yield broker


class _Republishing(KafkaPublisher):
    """Sends every batch twice, as a relay that died before marking would."""

    async def publish(self, rows: list[OutboxRow]) -> None:  # type: ignore[override]
        await super().publish(rows)
        await super().publish(rows)


@needs_kafka
async def test_stream_is_fed_from_kafka_and_dedupes(
    tutor: Tutor, db: Database, kafka: PrivateKafka
) -> None:
    fanout = KafkaFanout(kafka.bootstrap, timeout_seconds=5)
    feed = EventFeed(db, PSEUDONYMIZE, kafka=fanout, heartbeat_seconds=5)
    relay = OutboxRelay(db, _Republishing(kafka.bootstrap, timeout_seconds=5), idle_seconds=0.1)
    relaying = asyncio.create_task(relay.run())
    try:
        async with _client(tutor, feed) as http:
            stream = asyncio.create_task(
                http.get("/v1/events", params={"student_id": "kf-1", "limit": 4})
            )
            for _ in range(100):
                if fanout.subscribers:
                    break
                await asyncio.sleep(0.1)
            assert fanout.subscribers == 1
            for student in ("kf-1", "kf-2", "kf-1", "kf-1", "kf-1"):
                await tutor.tutoring.ask(student, "what is a generator?", None)
            got = _parse((await asyncio.wait_for(stream, 60)).text)

            mine = [r for r in await outbox(db) if r["subject"] == PSEUDONYMIZE("kf-1")]
            assert [seq for seq, _ in got] == [r["seq"] for r in mine]
            assert len({env["id"] for _, env in got}) == 4
            while await unpublished(db):
                await asyncio.sleep(0.1)
            assert relay.published == 5

            resumed = await http.get(
                "/v1/events",
                params={"student_id": "kf-1", "limit": 2},
                headers={"Last-Event-ID": str(got[1][0])},
            )
            assert [seq for seq, _ in _parse(resumed.text)] == [r["seq"] for r in mine[2:]]
    finally:
        relaying.cancel()
        with pytest.raises(asyncio.CancelledError):
            await relaying
        await relay.close()
        await feed.close()
