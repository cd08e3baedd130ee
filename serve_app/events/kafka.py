"""The Kafka side of the outbox: topics, the message format, and the relay's producer.

Messages are CloudEvents in structured mode: the value is the JSON envelope, the key the
student's pseudonym (so the default partitioner keeps one student on one partition, in
order). Headers repeat the envelope id (`ce_id`, the dedupe key) and carry the outbox
position (`learnflow_seq`), which the SSE feed uses as its resumable cursor.
"""

import asyncio
import json
import logging
from collections.abc import Sequence
from typing import TypedDict, Unpack, get_args

from aiokafka import AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import KafkaError

from serve_app.errors import DependencyUnavailable
from serve_app.events.models import KafkaTopic
from serve_app.events.outbox import OutboxRow

logger = logging.getLogger(__name__)

TOPICS: tuple[str, ...] = get_args(KafkaTopic)
CONTENT_TYPE = b"application/cloudevents+json; charset=UTF-8"
ID_HEADER = "ce_id"
SEQ_HEADER = "learnflow_seq"
# Kafka's own "topic already exists" error code: another relay created it first.
_TOPIC_ALREADY_EXISTS = 36

Headers = list[tuple[str, bytes]]


def encode(row: OutboxRow) -> tuple[bytes, bytes, Headers]:
    """Key, value and headers of the Kafka message for one outbox row."""
    value = json.dumps(row.envelope, separators=(",", ":"), sort_keys=True).encode()
    headers = [
        ("content-type", CONTENT_TYPE),
        (ID_HEADER, row.event_id.encode()),
        (SEQ_HEADER, str(row.seq).encode()),
    ]
    return row.subject.encode(), value, headers


def header(headers: Sequence[tuple[str, bytes]], name: str) -> str | None:
    for key, value in headers:
        if key == name:
            return value.decode()
    return None


async def ensure_topics(
    bootstrap_servers: str,
    *,
    partitions: int,
    replication_factor: int,
    timeout_seconds: float,
    topics: Sequence[str] = TOPICS,
) -> None:
    """Create the event topics that do not exist yet; a no-op when they all do."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=bootstrap_servers,
        client_id="learnflow-topics",
        request_timeout_ms=int(timeout_seconds * 1000),
    )
    try:
        await admin.start()  # bounded by request_timeout_ms; a cancelled start leaks sockets
        existing = set(await admin.list_topics())
        missing = [
            NewTopic(topic, partitions, replication_factor)
            for topic in topics
            if topic not in existing
        ]
        if not missing:
            return
        response = await admin.create_topics(missing)
        for topic, code, *_ in response.topic_errors:
            if code not in (0, _TOPIC_ALREADY_EXISTS):
                raise DependencyUnavailable(f"cannot create Kafka topic {topic}: error {code}")
        logger.info("created Kafka topics %s", ", ".join(t.name for t in missing))
    finally:
        await admin.close()


class KafkaOptions(TypedDict, total=False):
    """How the event topics are laid out when created, and how long a request may take."""

    partitions: int
    replication_factor: int
    timeout_seconds: float


class KafkaClient:
    """What the relay's producer and the SSE feed's consumer share: the broker, its request
    timeout and the event topics, which whichever client connects first creates."""

    def __init__(
        self,
        bootstrap_servers: str,
        *,
        partitions: int = 3,
        replication_factor: int = 1,
        timeout_seconds: float = 10.0,
    ) -> None:
        self._bootstrap = bootstrap_servers
        self._partitions = partitions
        self._replication = replication_factor
        self._timeout = timeout_seconds

    @property
    def _request_timeout_ms(self) -> int:
        return int(self._timeout * 1000)

    async def _ensure_topics(self) -> None:
        await ensure_topics(
            self._bootstrap,
            partitions=self._partitions,
            replication_factor=self._replication,
            timeout_seconds=self._timeout,
        )


class KafkaPublisher(KafkaClient):
    """Owns the relay's idempotent producer: explicit start, stop and health check.

    Any failure discards the producer: an idempotent producer whose batch timed out may
    hold sequence numbers the broker never saw, and a fresh one starts clean.
    """

    def __init__(self, bootstrap_servers: str, **options: Unpack[KafkaOptions]) -> None:
        super().__init__(bootstrap_servers, **options)
        self._producer: AIOKafkaProducer | None = None

    async def start(self) -> None:
        if self._producer is not None:
            return
        await self._ensure_topics()
        producer = AIOKafkaProducer(
            bootstrap_servers=self._bootstrap,
            client_id="learnflow-relay",
            enable_idempotence=True,
            acks="all",
            linger_ms=5,
            request_timeout_ms=self._request_timeout_ms,
        )
        try:
            await producer.start()
        except BaseException:
            await producer.stop()
            raise
        self._producer = producer

    async def stop(self) -> None:
        producer, self._producer = self._producer, None
        if producer is not None:
            # Not cut short: stop() first waits for pending batches, which fail by themselves
            # after request_timeout_ms, and only then closes the connections.
            try:
                await producer.stop()
            except (KafkaError, OSError) as exc:
                logger.warning("Kafka producer did not stop cleanly: %s", type(exc).__name__)

    async def publish(self, rows: Sequence[OutboxRow]) -> None:
        """Send `rows` in order and return once the broker acknowledged every one (acks=all)."""
        await self.start()
        assert self._producer is not None
        try:
            deliveries = []
            for row in rows:
                key, value, headers = encode(row)
                deliveries.append(
                    await self._producer.send(row.kafka_topic, value, key=key, headers=headers)
                )
            # Waited on, not cancelled: the producer owns these futures and settles them.
            done, pending = await asyncio.wait(deliveries, timeout=self._timeout)
            if pending:
                raise TimeoutError(f"{len(pending)} of {len(deliveries)} sends not acknowledged")
            for delivery in done:
                delivery.result()
        except BaseException:
            await self.stop()
            raise

    async def check(self) -> None:
        """Raise unless the broker answers a metadata request."""
        await self.start()
        assert self._producer is not None
        try:
            await self._producer.client.fetch_all_metadata()  # bounded by request_timeout_ms
        except BaseException:
            await self.stop()
            raise
