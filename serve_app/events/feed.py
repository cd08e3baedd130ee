"""The live event feed behind `GET /v1/events` (Server-Sent Events).

Cursor: an event's SSE id is its outbox `seq` (decimal), opaque to clients. A stream that
resumes after id N (`Last-Event-ID: N`) first replays the committed rows with seq > N from
PostgreSQL, which holds every event whether or not it reached Kafka yet, then goes live.

Live source:
- PostgreSQL (no Kafka configured): short polls of the outbox woken by LISTEN/NOTIFY.
- Kafka: one consumer per process (no consumer group, all partitions of every event topic,
  starting at the end) fans records out to the open streams whose filter matches, through
  a bounded queue each. A stream whose client cannot keep up is closed rather than allowed
  to hold memory: the browser reconnects with Last-Event-ID and replays from PostgreSQL.
  While Kafka cannot be reached, new streams are served from PostgreSQL instead.
- Dapr (a sidecar carries the events): the sidecar delivers each Kafka record to
  `POST /dapr/events`, which hands it to `EventFeed.inject`; the fan-out to the streams is the
  same as Kafka's. The cursor of a delivered event is its outbox row's seq, looked up by
  event id, and the event is streamed only if the outbox holds it.

Every stream dedupes by event id: Kafka is at-least-once and the replay and the live
source overlap.
"""

import asyncio
import json
import logging
import uuid
from collections import OrderedDict
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing, suppress
from dataclasses import dataclass
from typing import Any, Unpack

from aiokafka import AIOKafkaConsumer
from aiokafka.errors import KafkaError

from serve_app.events.kafka import (
    ID_HEADER,
    SEQ_HEADER,
    TOPICS,
    KafkaClient,
    KafkaOptions,
    header,
)
from serve_app.events.notifier import OutboxNotifier
from serve_app.events.outbox import row_by_event_id, rows_after
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.store.database import Database

logger = logging.getLogger(__name__)

REPLAY_PAGE = 500
# Enough to absorb Kafka redeliveries and the replay/live overlap of one stream.
DEDUPE_WINDOW = 10_000


@dataclass(frozen=True)
class FeedFilter:
    subject: str | None = None
    event_type: str | None = None
    # A teacher's stream: only these subjects (the pseudonyms of their classes' students).
    subjects: frozenset[str] | None = None

    def matches(self, envelope: dict[str, Any]) -> bool:
        subject = envelope.get("subject")
        return (
            (self.subject is None or subject == self.subject)
            and (self.subjects is None or subject in self.subjects)
            and (self.event_type is None or envelope.get("type") == self.event_type)
        )


@dataclass(frozen=True)
class FeedEvent:
    seq: int
    envelope: dict[str, Any]

    @property
    def event_id(self) -> str:
        return str(self.envelope["id"])


class _SeenIds:
    def __init__(self, size: int = DEDUPE_WINDOW) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def first_time(self, event_id: str) -> bool:
        if event_id in self._ids:
            return False
        self._ids[event_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return True


class StreamOverflow(Exception):
    """The client fell too far behind the live source; it should reconnect and resume."""


class _Subscription:
    def __init__(self, feed_filter: FeedFilter, capacity: int) -> None:
        self.filter = feed_filter
        self.queue: asyncio.Queue[FeedEvent] = asyncio.Queue(capacity)
        self.overflowed = False

    def offer(self, event: FeedEvent) -> None:
        if self.overflowed or not self.filter.matches(event.envelope):
            return
        try:
            self.queue.put_nowait(event)
        except asyncio.QueueFull:
            self.overflowed = True


class UnknownEvent(LookupError):
    """A delivered event that the outbox does not hold (or holds with another type/subject)."""


class NotPushFed(RuntimeError):
    """The feed has its own live source and takes no delivered events."""


class PushFanout:
    """Fan-out of events pushed in from outside (Dapr deliveries) to the open streams."""

    def __init__(self, queue_capacity: int = 1000) -> None:
        self._capacity = queue_capacity
        self._subscriptions: set[_Subscription] = set()

    def subscribe(self, feed_filter: FeedFilter) -> _Subscription:
        subscription = _Subscription(feed_filter, self._capacity)
        self._subscriptions.add(subscription)
        return subscription

    def unsubscribe(self, subscription: _Subscription) -> None:
        self._subscriptions.discard(subscription)

    @property
    def subscribers(self) -> int:
        return len(self._subscriptions)

    def offer(self, event: FeedEvent) -> None:
        for subscription in tuple(self._subscriptions):
            subscription.offer(event)

    def close(self) -> None:
        # Open streams end; their clients reconnect and resume from PostgreSQL.
        for subscription in self._subscriptions:
            subscription.overflowed = True


class KafkaFanout(KafkaClient):
    """One consumer per process, started with the first stream, shared by all of them."""

    def __init__(
        self,
        bootstrap_servers: str,
        *,
        queue_capacity: int = 1000,
        **options: Unpack[KafkaOptions],
    ) -> None:
        super().__init__(bootstrap_servers, **options)
        self._capacity = queue_capacity
        self._subscriptions: set[_Subscription] = set()
        self._task: asyncio.Task[None] | None = None
        self._ready: asyncio.Future[None] | None = None

    async def subscribe(self, feed_filter: FeedFilter) -> _Subscription:
        """Register a stream; returns once the consumer is positioned, so every record
        committed to Kafka after this call reaches the subscription."""
        if self._task is None or self._task.done():
            self._ready = asyncio.get_running_loop().create_future()
            self._task = asyncio.create_task(self._consume(self._ready))
        assert self._ready is not None
        await asyncio.wait_for(asyncio.shield(self._ready), self._timeout)
        subscription = _Subscription(feed_filter, self._capacity)
        self._subscriptions.add(subscription)
        return subscription

    @property
    def subscribers(self) -> int:
        return len(self._subscriptions)

    def unsubscribe(self, subscription: _Subscription) -> None:
        self._subscriptions.discard(subscription)

    async def _consume(self, ready: asyncio.Future[None]) -> None:
        consumer: AIOKafkaConsumer | None = None
        try:
            await self._ensure_topics()
            consumer = AIOKafkaConsumer(
                *TOPICS,
                bootstrap_servers=self._bootstrap,
                client_id="learnflow-event-feed",
                group_id=None,
                enable_auto_commit=False,
                auto_offset_reset="latest",
                request_timeout_ms=self._request_timeout_ms,
            )
            await consumer.start()
            # Resolve "latest" now, so the subscriber misses nothing produced after this.
            for partition in consumer.assignment():
                await consumer.position(partition)
            if not ready.done():
                ready.set_result(None)
            while True:
                batches = await consumer.getmany(timeout_ms=1000)
                for records in batches.values():
                    for record in records:
                        self._dispatch(record.value, record.headers)
        except Exception as exc:
            logger.warning("event feed consumer stopped: %s", type(exc).__name__)
            if not ready.done():
                ready.set_exception(exc)
            # Streams end; browsers reconnect and resume from PostgreSQL and a new consumer.
            for subscription in self._subscriptions:
                subscription.overflowed = True
        finally:
            if consumer is not None:
                await consumer.stop()

    def _dispatch(self, value: bytes | None, headers: Any) -> None:
        seq = header(headers, SEQ_HEADER)
        if value is None or seq is None or header(headers, ID_HEADER) is None:
            return  # not an outbox record; another producer wrote to the topic
        try:
            event = FeedEvent(int(seq), json.loads(value))
        except ValueError:
            return
        for subscription in tuple(self._subscriptions):
            subscription.offer(event)

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task


class EventFeed:
    """Streams of events for the SSE endpoint; yields None when a heartbeat is due."""

    def __init__(
        self,
        db: Database,
        pseudonymize: Pseudonymizer,
        *,
        kafka: KafkaFanout | None = None,
        pushed: PushFanout | None = None,
        poll_seconds: float = 1.0,
        heartbeat_seconds: float = 15.0,
    ) -> None:
        if kafka is not None and pushed is not None:
            raise ValueError("one live source: a Kafka consumer or pushed deliveries")
        self._db = db
        self._pseudonymize = pseudonymize
        self._kafka = kafka
        self._pushed = pushed
        self._notifier = OutboxNotifier(db)
        self._poll = poll_seconds
        self._heartbeat = heartbeat_seconds

    @property
    def source(self) -> str:
        if self._pushed is not None:
            return "dapr"
        return "kafka" if self._kafka is not None else "postgres"

    async def inject(self, envelope: dict[str, Any]) -> FeedEvent:
        """Fan out a delivered event (from the Dapr sidecar) to the matching streams.

        The outbox is the authority: the event is streamed as the outbox holds it, with its
        seq as the cursor, and refused (UnknownEvent) when the outbox has no such event.
        Raises NotPushFed when this feed has its own live source, and the database's errors
        when it cannot be asked (the sidecar then delivers again).
        """
        if self._pushed is None:
            raise NotPushFed(f"the event feed is fed by {self.source}")
        try:
            event_id = str(uuid.UUID(str(envelope.get("id"))))
        except ValueError:
            raise UnknownEvent("the event id is not a UUID") from None
        async with self._db.connection() as conn:
            row = await row_by_event_id(conn, event_id)
        if row is None:
            raise UnknownEvent("no such event in the outbox")
        delivered = (envelope.get("type"), envelope.get("subject"))
        if (row.envelope.get("type"), row.subject) != delivered:
            raise UnknownEvent("the delivered event differs from the outbox's")
        event = FeedEvent(row.seq, row.envelope)
        self._pushed.offer(event)
        return event

    def subject_of(self, student_id: str) -> str:
        return self._pseudonymize(student_id)

    async def head(self) -> int:
        """The newest committed seq: where a stream without a cursor starts."""
        async with self._db.connection() as conn:
            seq: int = await conn.fetchval("SELECT coalesce(max(seq), 0) FROM events")
        return seq

    async def _replay(self, feed_filter: FeedFilter, after: int) -> AsyncIterator[FeedEvent]:
        while True:
            async with self._db.connection() as conn:
                rows = await rows_after(
                    conn,
                    after_seq=after,
                    subject=feed_filter.subject,
                    subjects=feed_filter.subjects,
                    event_type=feed_filter.event_type,
                    limit=REPLAY_PAGE,
                )
            for row in rows:
                yield FeedEvent(row.seq, row.envelope)
            if len(rows) < REPLAY_PAGE:
                return
            after = rows[-1].seq

    async def stream(
        self, feed_filter: FeedFilter, after: int | None
    ) -> AsyncIterator[FeedEvent | None]:
        """Events matching `feed_filter` past cursor `after` (None: from now on), forever."""
        seen = _SeenIds()
        if self._pushed is not None:
            source = self._pushed_live(feed_filter, after)
        elif self._kafka is not None:
            source = self._kafka_live(feed_filter, after)
        else:
            source = self._postgres_live(feed_filter, after)
        # Closed with the stream, so its subscription ends now rather than at collection.
        async with aclosing(source):
            async for event in source:
                if event is None or seen.first_time(event.event_id):
                    yield event

    async def _postgres_live(
        self, feed_filter: FeedFilter, after: int | None
    ) -> AsyncGenerator[FeedEvent | None]:
        cursor = await self.head() if after is None else after
        idle = 0.0
        while True:
            ticket = self._notifier.ticket()
            found = False
            async for event in self._replay(feed_filter, cursor):
                found = True
                cursor = max(cursor, event.seq)
                yield event
            if found:
                idle = 0.0
                continue
            if idle >= self._heartbeat:
                idle = 0.0
                yield None
            started = asyncio.get_running_loop().time()
            await self._notifier.wait(ticket, min(self._poll, self._heartbeat))
            idle += asyncio.get_running_loop().time() - started

    async def _kafka_live(
        self, feed_filter: FeedFilter, after: int | None
    ) -> AsyncGenerator[FeedEvent | None]:
        assert self._kafka is not None
        try:
            subscription = await self._kafka.subscribe(feed_filter)
        except (KafkaError, OSError, TimeoutError) as exc:
            # Kafka is down: this stream is served from PostgreSQL, which has every event.
            logger.warning(
                "event feed: Kafka unavailable (%s); streaming from PostgreSQL", type(exc).__name__
            )
            async for event in self._postgres_live(feed_filter, after):
                yield event
            return
        try:
            async for event in self._follow(subscription, feed_filter, after):
                yield event
        finally:
            self._kafka.unsubscribe(subscription)

    async def _pushed_live(
        self, feed_filter: FeedFilter, after: int | None
    ) -> AsyncGenerator[FeedEvent | None]:
        assert self._pushed is not None
        subscription = self._pushed.subscribe(feed_filter)
        # A pod's sidecar hands each delivery to whichever Triage replica its Serve proxy
        # picks, so no replica can count on seeing every event through Dapr. The outbox
        # (LISTEN/NOTIFY) is followed into the same queue as a backstop; `stream` dedupes.
        backstop = asyncio.create_task(
            self._pump(self._postgres_live(feed_filter, after), subscription),
            name="event-feed-backstop",
        )
        try:
            async for event in self._follow(subscription, feed_filter, None):
                if backstop.done() and not backstop.cancelled():
                    backstop.result()  # the database failed: end the stream, client resumes
                yield event
        finally:
            backstop.cancel()
            with suppress(asyncio.CancelledError):
                await backstop
            self._pushed.unsubscribe(subscription)

    @staticmethod
    async def _pump(source: AsyncGenerator[FeedEvent | None], into: _Subscription) -> None:
        async with aclosing(source):
            async for event in source:
                if event is not None:
                    into.offer(event)

    async def _follow(
        self, subscription: _Subscription, feed_filter: FeedFilter, after: int | None
    ) -> AsyncIterator[FeedEvent | None]:
        """The replay past `after`, then the live events the subscription receives."""
        if after is not None:
            async for event in self._replay(feed_filter, after):
                yield event
        while True:
            if subscription.overflowed and subscription.queue.empty():
                raise StreamOverflow("the event stream fell behind; reconnect to resume")
            try:
                event = await asyncio.wait_for(subscription.queue.get(), self._heartbeat)
            except TimeoutError:
                yield None
                continue
            yield event

    async def close(self) -> None:
        await self._notifier.close()
        if self._kafka is not None:
            await self._kafka.close()
        if self._pushed is not None:
            self._pushed.close()
