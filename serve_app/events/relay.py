"""The outbox relay: publishes committed outbox rows to Kafka, then marks them published.

Guarantees:
- at least once: a row is marked published only in the transaction that claimed it and
  only after the broker acknowledged it (idempotent producer, acks=all). A relay that dies
  between the two leaves the row unpublished and it is sent again; consumers dedupe by the
  event id (the `ce_id` header and the envelope's `id`);
- no two relays publish one row at once: rows are claimed with FOR UPDATE SKIP LOCKED
  inside the publishing transaction;
- one student's events reach Kafka in outbox order: the claim keeps back a row whose older
  sibling another relay holds, and the message key (the pseudonym) fixes the partition.

While the broker (or the database) is down the relay backs off exponentially, with jitter,
and events wait in PostgreSQL.
"""

import asyncio
import logging
import random
import time
from collections.abc import Sequence
from typing import Literal, Protocol

from serve_app.events.notifier import OutboxNotifier
from serve_app.events.outbox import OutboxRow, claim_unpublished, mark_published
from serve_app.store.database import Database

logger = logging.getLogger(__name__)

KafkaState = Literal["ok", "unavailable", "off"]


class Publisher(Protocol):
    async def publish(self, rows: Sequence[OutboxRow]) -> None: ...

    async def check(self) -> None: ...

    async def stop(self) -> None: ...


class BrokerFailed(Exception):
    """The publisher failed; the claimed rows stay unpublished."""


class Backoff:
    """Exponential delays with full jitter, so restarted relays do not retry in lockstep."""

    def __init__(self, initial: float, maximum: float) -> None:
        self._initial = initial
        self._maximum = maximum
        self._attempts = 0

    def next_delay(self) -> float:
        ceiling = min(self._maximum, self._initial * 2**self._attempts)
        self._attempts += 1
        return random.uniform(ceiling / 2, ceiling)  # noqa: S311  # jitter, not a secret

    def reset(self) -> None:
        self._attempts = 0


class OutboxRelay:
    def __init__(
        self,
        db: Database,
        publisher: Publisher,
        *,
        batch_size: int = 200,
        idle_seconds: float = 1.0,
        check_every_seconds: float = 10.0,
        backoff_initial: float = 0.2,
        backoff_max: float = 30.0,
    ) -> None:
        self._db = db
        self._publisher = publisher
        self._batch_size = batch_size
        self._idle_seconds = idle_seconds
        self._check_every = check_every_seconds
        self._backoff = Backoff(backoff_initial, backoff_max)
        self._notifier = OutboxNotifier(db)
        self._kafka: KafkaState = "unavailable"
        self._last_check = 0.0
        self.published = 0

    @property
    def kafka_state(self) -> KafkaState:
        return self._kafka

    async def publish_batch(self) -> int:
        """Claim, publish and mark one batch; return how many rows were published."""
        async with self._db.transaction() as conn:
            rows = await claim_unpublished(conn, self._batch_size)
            if not rows:
                return 0
            try:
                await self._publisher.publish(rows)
            except Exception as exc:
                self._kafka = "unavailable"
                raise BrokerFailed(type(exc).__name__) from exc
            self._kafka = "ok"
            await mark_published(conn, [row.seq for row in rows])
        self.published += len(rows)
        return len(rows)

    async def drain(self) -> int:
        """Publish batches until none is left; return how many rows were published."""
        total = 0
        while count := await self.publish_batch():
            total += count
        return total

    async def _check_broker(self) -> None:
        if time.monotonic() - self._last_check < self._check_every:
            return
        try:
            await self._publisher.check()
        except Exception as exc:
            self._kafka = "unavailable"
            raise BrokerFailed(type(exc).__name__) from exc
        self._kafka = "ok"
        self._last_check = time.monotonic()

    async def run(self) -> None:
        """Relay until cancelled. Failures back off and retry; nothing here gives up."""
        while True:
            ticket = self._notifier.ticket()
            try:
                await self._db.start()
                published = await self.publish_batch()
                if published == 0:
                    await self._check_broker()
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                delay = self._backoff.next_delay()
                logger.warning(
                    "outbox relay: %s (%s); retrying in %.1fs",
                    "broker unavailable" if isinstance(exc, BrokerFailed) else "database error",
                    exc if isinstance(exc, BrokerFailed) else type(exc).__name__,
                    delay,
                )
                await asyncio.sleep(delay)
                continue
            self._backoff.reset()
            if published == 0:
                await self._notifier.wait(ticket, self._idle_seconds)

    async def close(self) -> None:
        await self._notifier.close()
        await self._publisher.stop()
