"""The outbox relay through a real Dapr sidecar (our daprd, infra/dapr) to a real Kafka.

daprd runs standalone with the `pubsub.kafka` component named learnflow-pubsub pointing at
a private broker; the relay publishes with DaprPublisher. What Kafka holds must be what
the direct path writes: the outbox envelopes byte for byte, the pseudonym as key, the
ce_id / learnflow_seq headers, each student's events in outbox order. A sidecar that goes
away loses nothing; and daprd's Subscriptions deliver the events to /dapr/events of an app
served here, whose SSE streams then carry them.

Needs the daprd binary (`bash infra/dapr/build-daprd.sh` builds or finds it): without it
these tests skip, unless LEARNFLOW_REQUIRE_DAPR_TESTS=1 (CI), where they fail.
"""

import asyncio
import json
import os
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest
import uvicorn

from serve_app.api.app import create_api
from serve_app.events.feed import EventFeed, PushFanout
from serve_app.events.kafka import CONTENT_TYPE, SEQ_HEADER, ensure_topics
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.events.relay import OutboxRelay
from serve_app.security.policy import SecurityPolicy
from serve_app.service.tutor import Tutor
from serve_app.settings import get_settings
from serve_app.store.database import Database
from tests.integration.kafka_support import (
    KafkaRecord,
    PrivateKafka,
    all_published,
    assert_kafka_matches_outbox,
    drive_flows,
    eventually,
    kafka_missing_reason,
    outbox,
    read_topics,
    relay_running,
    relay_state_is,
    running,
    unpublished,
)
from tests.support.daprd import APP_TOKEN, Daprd, build_daprd, running_daprd
from tests.support.fake_openai import free_port
from tests.support.tutors import PSEUDONYM_KEY

pytestmark = pytest.mark.skipif(kafka_missing_reason() is not None, reason="no Kafka here")


def _unavailable(reason: str) -> None:
    if os.environ.get("LEARNFLOW_REQUIRE_DAPR_TESTS") == "1":
        pytest.fail(f"LEARNFLOW_REQUIRE_DAPR_TESTS=1 but {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def daprd_binary() -> Path:
    binary, reason = build_daprd()
    if binary is None:
        _unavailable(reason)
    assert binary is not None
    return binary


@pytest.fixture(scope="module")
def kafka() -> Iterator[PrivateKafka]:
    with running(PrivateKafka()) as broker:
        # The topics are the cluster's to create (auto-creation is off, as in production).
        asyncio.run(
            ensure_topics(broker.bootstrap, partitions=3, replication_factor=1, timeout_seconds=30)
        )
        yield broker


def _assert_same_as_the_direct_path(found: list[KafkaRecord], rows: list[dict[str, Any]]) -> None:
    assert_kafka_matches_outbox(found, rows)
    by_id = {row["event_id"]: row for row in rows}
    for item in found:
        row = by_id[item.event_id]
        # What KafkaPublisher writes: compact, sorted JSON of the outbox envelope.
        assert (
            item.value
            == json.dumps(row["envelope"], separators=(",", ":"), sort_keys=True).encode()
        )
        assert item.headers[SEQ_HEADER] == str(row["seq"]).encode()
        assert item.headers["content-type"] == CONTENT_TYPE


def _relay(db: Database, daprd: Daprd, *, timeout_seconds: float = 10.0) -> OutboxRelay:
    return OutboxRelay(
        db,
        daprd.publisher(timeout_seconds=timeout_seconds),
        batch_size=25,
        idle_seconds=0.2,
        check_every_seconds=0.5,
        backoff_initial=0.1,
        backoff_max=1.0,
    )


STUDENTS = ["dapr-ada", "dapr-bob", "dapr-cyd"]


async def test_the_relay_publishes_through_daprd_what_the_direct_path_would(
    tutor: Tutor, db: Database, kafka: PrivateKafka, daprd_binary: Path
) -> None:
    for round_no in range(2):
        await asyncio.gather(*(drive_flows(tutor, s, round_no) for s in STUDENTS))
    rows = await outbox(db)
    assert len(rows) >= 20
    async with running_daprd(daprd_binary, kafka.bootstrap) as daprd:
        relay = _relay(db, daprd)
        try:
            assert await relay.drain() == len(rows)
        finally:
            await relay.close()
        checker = daprd.publisher()
        await checker.check()  # the sidecar is up with learnflow-pubsub loaded
        await checker.stop()
    assert relay.kafka_state == "ok"
    assert await unpublished(db) == 0
    rows = await outbox(db)
    found = await read_topics(kafka.bootstrap, {row["event_id"] for row in rows})
    assert len(found) == len(rows), "published once each when nothing failed"
    _assert_same_as_the_direct_path(found, rows)


async def test_a_sidecar_that_goes_away_loses_nothing(
    tutor: Tutor, db: Database, kafka: PrivateKafka, daprd_binary: Path
) -> None:
    async with (
        running_daprd(daprd_binary, kafka.bootstrap) as daprd,
        relay_running(_relay(db, daprd, timeout_seconds=5)) as relay,
    ):
        await drive_flows(tutor, STUDENTS[0], 0)
        await eventually(lambda: all_published(db))
        assert relay.kafka_state == "ok"

        await daprd.stop()
        for round_no in range(1, 3):
            await asyncio.gather(*(drive_flows(tutor, s, round_no) for s in STUDENTS))
        await eventually(lambda: relay_state_is(relay, "unavailable"))
        assert await unpublished(db) > 0, "events written meanwhile wait in PostgreSQL"

        await daprd.start()
        await eventually(lambda: all_published(db), timeout=90)
        await eventually(lambda: relay_state_is(relay, "ok"))
    rows = await outbox(db)
    found = await read_topics(kafka.bootstrap, {row["event_id"] for row in rows})
    _assert_same_as_the_direct_path(found, rows)


async def test_a_broker_that_goes_away_behind_the_sidecar_loses_nothing(
    tutor: Tutor, db: Database, kafka: PrivateKafka, daprd_binary: Path
) -> None:
    async with (
        running_daprd(daprd_binary, kafka.bootstrap) as daprd,
        relay_running(_relay(db, daprd, timeout_seconds=5)) as relay,
    ):
        await drive_flows(tutor, STUDENTS[1], 0)
        await eventually(lambda: all_published(db))

        await asyncio.to_thread(kafka.stop)
        try:
            await drive_flows(tutor, STUDENTS[1], 1)
            await eventually(lambda: relay_state_is(relay, "unavailable"), timeout=120)
            assert await unpublished(db) > 0
        finally:
            await asyncio.to_thread(kafka.start)
        await eventually(lambda: all_published(db), timeout=180)
    rows = await outbox(db)
    found = await read_topics(kafka.bootstrap, {row["event_id"] for row in rows})
    _assert_same_as_the_direct_path(found, rows)


@pytest.fixture
def app_token_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("APP_API_TOKEN", APP_TOKEN)
    get_settings.cache_clear()
    yield
    get_settings.cache_clear()


@asynccontextmanager
async def serving(app: Any, port: int) -> AsyncIterator[None]:
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off")
    )
    task = asyncio.create_task(server.serve())
    try:
        await eventually(lambda: _started(server), timeout=20)
        yield
    finally:
        server.should_exit = True
        await task


async def _subscribed(pushed: PushFanout) -> bool:
    return pushed.subscribers > 0


async def _started(server: uvicorn.Server) -> bool:
    return server.started


async def _sse_events(
    base_url: str, student: str, count: int, received: list[tuple[int, dict[str, Any]]]
) -> None:
    async with (
        httpx.AsyncClient(base_url=base_url, timeout=None) as http,
        http.stream("GET", "/v1/events", params={"student_id": student}) as response,
    ):
        assert response.status_code == 200
        seq = None
        async for line in response.aiter_lines():
            if line.startswith("id: "):
                seq = int(line[4:])
            elif line.startswith("data: "):
                assert seq is not None
                received.append((seq, json.loads(line[6:])))
                if len(received) >= count:
                    return


async def test_daprd_delivers_the_events_to_the_sse_streams(
    tutor: Tutor,
    db: Database,
    kafka: PrivateKafka,
    daprd_binary: Path,
    app_token_env: None,
) -> None:
    pseudonymize = Pseudonymizer(PSEUDONYM_KEY)
    pushed = PushFanout()
    feed = EventFeed(db, pseudonymize, pushed=pushed, heartbeat_seconds=1)
    app = create_api(security=SecurityPolicy())
    app.state.tutor = tutor
    app.state.event_feed = feed
    app_port = free_port()
    student = STUDENTS[2]
    async with (
        serving(app, app_port),
        running_daprd(daprd_binary, kafka.bootstrap, app_port) as daprd,
    ):
        base_url = f"http://127.0.0.1:{app_port}"
        async with httpx.AsyncClient(base_url=base_url) as http:
            forged = await http.post(
                "/dapr/events",
                json={"id": "x"},
                headers={"content-type": "application/cloudevents+json"},
            )
        assert forged.status_code == 401, "only the sidecar (with the app token) may deliver"

        await drive_flows(tutor, student, 0)
        await drive_flows(tutor, STUDENTS[0], 0)  # another student's: filtered out
        subject = pseudonymize(student)
        expected = [row for row in await outbox(db) if row["subject"] == subject]
        received: list[tuple[int, dict[str, Any]]] = []
        stream = asyncio.create_task(_sse_events(base_url, student, len(expected), received))
        # No cursor: the stream carries what arrives once it is open.
        await eventually(lambda: _subscribed(pushed))
        relay = _relay(db, daprd)
        try:
            await relay.drain()
        finally:
            await relay.close()
        try:
            await asyncio.wait_for(stream, 90)
        except TimeoutError:
            pytest.fail(f"{len(received)} of {len(expected)} events streamed\n{daprd.tail()}")
    await feed.close()
    # Every event once, as the outbox holds it, with its seq as the cursor...
    assert sorted(received, key=lambda item: item[0]) == [
        (row["seq"], row["envelope"]) for row in expected
    ]
    # ...and in outbox order within each topic (topics are consumed independently).
    topic_of = {row["seq"]: row["kafka_topic"] for row in expected}
    for topic in set(topic_of.values()):
        seqs = [seq for seq, _ in received if topic_of[seq] == topic]
        assert seqs == sorted(seqs), f"{topic} out of order: {seqs}"
