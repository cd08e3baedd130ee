"""The outbox relay against a real (private) Kafka broker and a private PostgreSQL.

Nothing is lost when the broker goes away, when a relay dies between publishing and
marking, or when two relays run at once; consumers that dedupe by event id see every
event of the outbox exactly once, each student's in order.
"""

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator, Sequence

import pytest

from serve_app.events.kafka import KafkaPublisher
from serve_app.events.models import ProgressUpdated
from serve_app.events.outbox import OutboxRow, append_event
from serve_app.events.relay import OutboxRelay
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.integration.kafka_support import (
    ROOT,
    KafkaRecord,
    PrivateKafka,
    PrivatePostgres,
    all_published,
    assert_kafka_matches_outbox,
    drive_flows,
    eventually,
    needs_private_servers,
    outbox,
    read_topics,
    relay_running,
    relay_state_is,
    running,
    unpublished,
)

pytestmark = needs_private_servers()


@pytest.fixture(scope="module")
def kafka() -> Iterator[PrivateKafka]:
    with running(PrivateKafka()) as broker:
        yield broker


@pytest.fixture(scope="module")
def pg_server() -> Iterator[str]:
    # Overrides the shared server: these tests run on a PostgreSQL of their own.
    with running(PrivatePostgres()) as server:
        yield server.url()


def _relay(db: Database, kafka: PrivateKafka, batch_size: int = 50) -> OutboxRelay:
    return OutboxRelay(
        db,
        KafkaPublisher(kafka.bootstrap, timeout_seconds=3),
        batch_size=batch_size,
        idle_seconds=0.2,
        check_every_seconds=0.5,
        backoff_initial=0.1,
        backoff_max=1.0,
    )


@pytest.fixture
async def running_relay(db: Database, kafka: PrivateKafka) -> AsyncIterator[OutboxRelay]:
    async with relay_running(_relay(db, kafka)) as relay:
        yield relay


async def test_broker_outage_while_requests_flow_loses_nothing(
    tutor: Tutor, db: Database, kafka: PrivateKafka, running_relay: OutboxRelay
) -> None:
    students = ["k-ada", "k-bob", "k-cyd"]
    keep_going = asyncio.Event()
    keep_going.set()
    rounds = 0

    async def traffic() -> None:
        nonlocal rounds
        while keep_going.is_set():
            await asyncio.gather(*(drive_flows(tutor, s, rounds) for s in students))
            rounds += 1

    flowing = asyncio.create_task(traffic())
    await eventually(lambda: _published_some(db))
    assert running_relay.kafka_state == "ok"

    await asyncio.to_thread(kafka.stop)
    await eventually(lambda: relay_state_is(running_relay, "unavailable"))
    before = rounds
    await eventually(lambda: _rounds_past(lambda: rounds, before + 2))
    assert await unpublished(db) > 0, "events written during the outage wait in PostgreSQL"

    await asyncio.to_thread(kafka.start)
    after = rounds
    await eventually(lambda: _rounds_past(lambda: rounds, after + 1))
    keep_going.clear()
    await flowing

    await eventually(lambda: all_published(db), timeout=90)
    assert running_relay.kafka_state == "ok"
    rows = await outbox(db)
    records = await read_topics(kafka.bootstrap, {row["event_id"] for row in rows})
    assert_kafka_matches_outbox(records, rows)


async def _published_some(db: Database) -> bool:
    rows = await outbox(db)
    return any(row["published_at"] is not None for row in rows)


async def _rounds_past(current, target: int) -> bool:  # type: ignore[no-untyped-def]
    return bool(current() >= target)


async def _write_events(db: Database, subjects: Sequence[str], per_subject: int) -> None:
    for attempt in range(per_subject):
        for subject in subjects:
            async with db.transaction() as conn:
                await append_event(
                    conn,
                    ProgressUpdated(
                        topic="loops", mastery=float(attempt), previous_mastery=0.0, attempts=1
                    ),
                    subject=subject,
                )


SUBJECTS = [f"stu_{i:032x}" for i in range(12)]


class _SlowPublisher(KafkaPublisher):
    """Holds each batch a little, so two relays' transactions overlap."""

    async def publish(self, rows: Sequence[OutboxRow]) -> None:
        await asyncio.sleep(0.05)
        await super().publish(rows)


async def test_two_relays_never_publish_the_same_row(db: Database, kafka: PrivateKafka) -> None:
    # Student after student: a relay holding one student's rows leaves the next student's
    # rows to the other relay (per-student order makes it skip students it cannot take).
    for subject in SUBJECTS:
        await _write_events(db, [subject], per_subject=20)
    relays = [
        OutboxRelay(db, _SlowPublisher(kafka.bootstrap, timeout_seconds=5), batch_size=15)
        for _ in range(2)
    ]
    try:
        while await unpublished(db):
            await asyncio.gather(*(relay.publish_batch() for relay in relays))
    finally:
        for relay in relays:
            await relay.close()

    assert all(relay.published > 0 for relay in relays), "both relays took part"
    assert sum(relay.published for relay in relays) == len(SUBJECTS) * 20
    rows = await outbox(db)
    records = await read_topics(kafka.bootstrap, {row["event_id"] for row in rows})
    assert len(records) == len(rows), "a row was published twice"
    assert_kafka_matches_outbox(records, rows)


class _HangAfterPublish(KafkaPublisher):
    def __init__(self, bootstrap: str) -> None:
        super().__init__(bootstrap, timeout_seconds=5)
        self.published = asyncio.Event()

    async def publish(self, rows: Sequence[OutboxRow]) -> None:
        await super().publish(rows)
        self.published.set()
        await asyncio.sleep(3600)  # the relay is cancelled here, before it marks the rows


async def test_relay_cancelled_between_publish_and_mark_loses_nothing(
    db: Database, kafka: PrivateKafka
) -> None:
    await _write_events(db, SUBJECTS[:4], per_subject=10)
    publisher = _HangAfterPublish(kafka.bootstrap)
    doomed = OutboxRelay(db, publisher, batch_size=25)
    task = asyncio.create_task(doomed.run())
    await asyncio.wait_for(publisher.published.wait(), 30)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    await doomed.close()
    assert await unpublished(db) == 40, "the cancelled batch was rolled back, not marked"

    records = await _survivor_drains(db, kafka, 40)
    assert len(records) == 40 + 25, "the first batch went out twice (at least once)"


async def test_relay_process_killed_between_publish_and_mark_loses_nothing(
    database_url: str, db: Database, kafka: PrivateKafka
) -> None:
    await _write_events(db, SUBJECTS[4:8], per_subject=10)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.integration.kafka_support",
            "relay-publish-then-hang",
            database_url,
            kafka.bootstrap,
            "30",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = await asyncio.wait_for(asyncio.to_thread(process.stdout.readline), 60)
        assert line.strip() == "PUBLISHED 30", line
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        if process.stdout is not None:
            process.stdout.close()

    # The server notices the dead session and rolls it back, releasing the row locks.
    await eventually(lambda: _all_claimable(db, 40), timeout=30)
    records = await _survivor_drains(db, kafka, 40)
    assert len(records) == 40 + 30


async def _survivor_drains(db: Database, kafka: PrivateKafka, pending: int) -> list[KafkaRecord]:
    """A fresh relay publishes the `pending` rows a dead one left; the broker then holds every
    outbox row (checked), and the records it read are returned."""
    survivor = _relay(db, kafka)
    try:
        assert await survivor.drain() == pending
    finally:
        await survivor.close()
    rows = await outbox(db)
    records = await read_topics(kafka.bootstrap, {row["event_id"] for row in rows})
    assert_kafka_matches_outbox(records, rows)
    return records


async def _all_claimable(db: Database, count: int) -> bool:
    async with db.transaction() as conn:
        locked_free = await conn.fetchval(
            "SELECT count(*) FROM (SELECT seq FROM events WHERE published_at IS NULL"
            " FOR UPDATE SKIP LOCKED) AS free"
        )
    return bool(locked_free == count)
