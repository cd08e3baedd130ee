"""Private brokers and PostgreSQL servers for the Kafka tests, and what the tests share.

Each test module starts its own broker (infra/kafka/kafka.sh on free ports, own data dir)
and its own PostgreSQL (infra/postgres.sh, own port and PGDATA_DIR), so stopping them
never disturbs the shared test server or another helper's tests.

`python -m tests.integration.kafka_support relay-publish-then-hang DB_URL BOOTSTRAP` is a
relay that publishes one batch and then hangs before marking it: the crash test kills it.
"""

import asyncio
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Sequence
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import pytest
from aiokafka import AIOKafkaConsumer

from serve_app.events.kafka import ID_HEADER, TOPICS, KafkaPublisher, header
from serve_app.events.outbox import OutboxRow, claim_unpublished
from serve_app.events.relay import OutboxRelay
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.support.fake_openai import free_port

ROOT = Path(__file__).resolve().parents[2]
KAFKA_SH = ROOT / "infra" / "kafka" / "kafka.sh"
POSTGRES_SH = ROOT / "infra" / "postgres.sh"
JARS_DIR = ROOT / "infra" / "kafka" / ".jars"


def kafka_missing_reason() -> str | None:
    """Why a private broker cannot be started here, or None when it can.

    With LEARNFLOW_REQUIRE_KAFKA_TESTS=1 (CI) a missing toolchain is an error, not a skip.
    """
    reason = None
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        reason = "Java 17+ is not installed (the Kafka tests run a real broker)"
    elif shutil.which("mvn") is None and not any(JARS_DIR.glob("kafka_2.13-*.jar")):
        reason = "Maven is not installed and the broker jars are not cached (infra/kafka/.jars)"
    if reason and os.environ.get("LEARNFLOW_REQUIRE_KAFKA_TESTS") == "1":
        raise RuntimeError(f"LEARNFLOW_REQUIRE_KAFKA_TESTS=1 but {reason}")
    return reason


def postgres_missing_reason() -> str | None:
    if not list(Path("/usr/lib/postgresql").glob("*/bin/postgres")):
        return "a PostgreSQL server from Debian's packages is not installed (make system-deps)"
    return None


def needs_private_servers() -> pytest.MarkDecorator:
    """Skips the tests that need a broker and a PostgreSQL of their own where either is missing."""
    missing = kafka_missing_reason() or postgres_missing_reason()
    return pytest.mark.skipif(missing is not None, reason=missing or "")


class _ScriptedServer:
    """A server driven by an infra script's start/stop/destroy commands and its own env."""

    _script: Path
    _timeout: int

    def __init__(self, env: dict[str, str]) -> None:
        self._env = os.environ | env

    def _run(self, command: str) -> str:
        done = subprocess.run(
            ["bash", str(self._script), command],
            env=self._env,
            capture_output=True,
            text=True,
            timeout=self._timeout,
        )
        if done.returncode != 0:
            raise RuntimeError(f"{self._script.name} {command} failed:\n{done.stderr[-3000:]}")
        return done.stdout.strip()

    def start(self) -> str:
        return self._run("start")

    def stop(self) -> None:
        self._run("stop")

    def destroy(self) -> None:
        self._run("destroy")


class PrivateKafka(_ScriptedServer):
    """A single-node KRaft broker on free ports with its own data directory."""

    _script = KAFKA_SH
    _timeout = 300

    def __init__(self) -> None:
        self.port = free_port()
        self.data_dir = Path(tempfile.mkdtemp(prefix="learnflow-test-kafka-"))
        super().__init__(
            {
                "LEARNFLOW_KAFKA_PORT": str(self.port),
                "LEARNFLOW_KAFKA_CONTROLLER_PORT": str(free_port()),
                "KAFKA_DATA_DIR": str(self.data_dir),
            }
        )
        self.bootstrap = f"127.0.0.1:{self.port}"


class PrivatePostgres(_ScriptedServer):
    """A PostgreSQL server of our own (infra/postgres.sh): tests may stop and restart it."""

    _script = POSTGRES_SH
    _timeout = 120

    def __init__(self) -> None:
        self.port = free_port()
        # Directly under /tmp: the server runs as 'postgres' and must reach its directory.
        self.data_dir = Path(tempfile.mkdtemp(prefix="learnflow-test-pg-"))
        super().__init__({"LEARNFLOW_PG_PORT": str(self.port), "PGDATA_DIR": str(self.data_dir)})

    def url(self) -> str:
        return self._run("url")


_Server = TypeVar("_Server", bound=_ScriptedServer)


@contextmanager
def running(server: _Server) -> Iterator[_Server]:
    """`server` started for the block and destroyed (data directory too) after it."""
    server.start()
    try:
        yield server
    finally:
        server.destroy()


@dataclass(frozen=True)
class KafkaRecord:
    topic: str
    partition: int
    offset: int
    key: str
    event_id: str
    envelope: dict[str, Any]
    # As they are on the wire, for tests that compare bytes (the Dapr path against the direct).
    value: bytes = field(default=b"", repr=False, compare=False)
    headers: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)


async def read_topics(
    bootstrap: str, wanted: set[str], *, timeout: float = 60.0
) -> list[KafkaRecord]:
    """Every record of the event topics whose event id is in `wanted` (duplicates too), read
    from the beginning until each wanted id arrived and a quiet second passed. Records of
    other tests on the same broker are left out."""
    consumer = AIOKafkaConsumer(
        *TOPICS,
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
    )
    await consumer.start()
    records: list[KafkaRecord] = []
    try:
        deadline = asyncio.get_running_loop().time() + timeout
        while asyncio.get_running_loop().time() < deadline:
            batches = await consumer.getmany(timeout_ms=1000)
            got = [r for batch in batches.values() for r in batch]
            for r in got:
                assert r.value is not None
                assert r.key is not None
                event_id = header(r.headers, ID_HEADER)
                assert event_id is not None
                if event_id not in wanted:
                    continue
                records.append(
                    KafkaRecord(
                        r.topic,
                        r.partition,
                        r.offset,
                        r.key.decode(),
                        event_id,
                        json.loads(r.value),
                        r.value,
                        dict(r.headers),
                    )
                )
            if not got and wanted <= {r.event_id for r in records}:
                break
    finally:
        await consumer.stop()
    return records


def dedupe(records: Sequence[KafkaRecord]) -> dict[str, KafkaRecord]:
    """First occurrence of each event id (what a consumer keeps)."""
    kept: dict[str, KafkaRecord] = {}
    for record in records:
        assert record.event_id == record.envelope["id"], "header id differs from envelope id"
        kept.setdefault(record.event_id, record)
    return kept


async def outbox(db: Database) -> list[dict[str, Any]]:
    async with db.connection() as conn:
        rows = await conn.fetch(
            "SELECT seq, event_id::text AS event_id, subject, kafka_topic, envelope,"
            " published_at FROM events ORDER BY seq"
        )
    return [dict(row) for row in rows]


async def unpublished(db: Database) -> int:
    async with db.connection() as conn:
        count: int = await conn.fetchval("SELECT count(*) FROM events WHERE published_at IS NULL")
    return count


async def all_published(db: Database) -> bool:
    return await unpublished(db) == 0


async def relay_state_is(relay: OutboxRelay, state: str) -> bool:
    return relay.kafka_state == state


async def eventually(
    check: Callable[[], Awaitable[bool]],
    timeout: float = 60.0,
    *,
    failure: str = "condition not reached in time",
    interval: float = 0.2,
) -> None:
    """Poll `check` until it holds; fail the test with `failure` when `timeout` seconds pass
    first."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not await check():
        assert asyncio.get_running_loop().time() < deadline, failure
        await asyncio.sleep(interval)


@asynccontextmanager
async def relay_running(relay: OutboxRelay) -> AsyncIterator[OutboxRelay]:
    """`relay.run()` in the background for the block; then cancelled (it must not have ended
    on its own) and closed."""
    task = asyncio.create_task(relay.run())
    try:
        yield relay
    finally:
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        await relay.close()


def assert_kafka_matches_outbox(
    records: Sequence[KafkaRecord], rows: Sequence[dict[str, Any]]
) -> None:
    """Every outbox row exactly once after dedupe, same envelope, key and topic, and each
    student's events in outbox order."""
    kept = dedupe(records)
    assert set(kept) == {row["event_id"] for row in rows}
    for row in rows:
        record = kept[row["event_id"]]
        assert record.envelope == row["envelope"]
        assert record.key == row["subject"]
        assert record.topic == row["kafka_topic"]
    # Per student (key) and topic, first occurrences follow the outbox order.
    seq_of = {row["event_id"]: row["seq"] for row in rows}
    firsts: dict[tuple[str, str], list[int]] = {}
    for record in records:
        if kept[record.event_id] is record:
            firsts.setdefault((record.topic, record.key), []).append(seq_of[record.event_id])
    for key, seqs in firsts.items():
        assert seqs == sorted(seqs), f"events of {key} out of order: {seqs}"


async def drive_flows(tutor: Tutor, student: str, round_no: int) -> None:
    """One round of real use cases for `student`: ask, debug with a hint, practise."""
    await tutor.tutoring.ask(student, "what is a list comprehension?", None)
    started = await tutor.debugging.start(
        student, "items = [1, 2]\nprint(items[5])\n", error=None, stdin=None, expected_output=None
    )
    await tutor.debugging.next_hint(started.debug_id, student)
    exercise = await tutor.practice.new_exercise(student, topic="loops", difficulty=None)
    await tutor.practice.submit(exercise.exercise_id, student, f"x = {round_no}\n")


async def _publish_then_hang(db_url: str, bootstrap: str, batch: int) -> None:
    db = Database(db_url, data_dir=Path(tempfile.gettempdir()), migrate=False, max_size=2)
    await db.start()
    publisher = KafkaPublisher(bootstrap, timeout_seconds=10)
    async with db.transaction() as conn:
        rows: list[OutboxRow] = await claim_unpublished(conn, batch)
        await publisher.publish(rows)
        print(f"PUBLISHED {len(rows)}", flush=True)
        await asyncio.sleep(3600)  # killed here: after publishing, before marking


if __name__ == "__main__":
    if sys.argv[1:2] == ["relay-publish-then-hang"]:
        asyncio.run(_publish_then_hang(sys.argv[2], sys.argv[3], int(sys.argv[4])))
