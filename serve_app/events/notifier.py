"""Wake-ups on new outbox rows: one LISTEN connection shared by every waiter of a process.

The 0005 migration makes each insert into `events` NOTIFY `learnflow_events` at commit.
A waiter takes a ticket *before* it reads the outbox and then waits on that ticket, so a
notification that arrives between the read and the wait is not lost. Notifications are
only a hint: waits always end after their timeout, so a lost LISTEN connection (database
restart) costs latency, never events.
"""

import asyncio
import logging
from contextlib import suppress

import asyncpg

from serve_app.store.database import Database

logger = logging.getLogger(__name__)

CHANNEL = "learnflow_events"


class OutboxNotifier:
    def __init__(self, db: Database) -> None:
        self._db = db
        self._conn: asyncpg.pool.PoolConnectionProxy | None = None
        self._ticket = asyncio.Event()
        self._lock = asyncio.Lock()

    def ticket(self) -> asyncio.Event:
        """The event the next notification sets; take it before reading the outbox."""
        return self._ticket

    def _notified(self, *_: object) -> None:
        ticket, self._ticket = self._ticket, asyncio.Event()
        ticket.set()

    async def _listen(self) -> None:
        async with self._lock:
            if self._conn is not None and not self._conn.is_closed():
                return
            await self._drop()
            conn = await self._db.pool.acquire(timeout=2)
            try:
                await conn.add_listener(CHANNEL, self._notified)
            except BaseException:
                await self._db.pool.release(conn)
                raise
            self._conn = conn

    async def wait(self, ticket: asyncio.Event, seconds: float) -> None:
        """Return when `ticket` is set (rows were committed since it was taken) or after
        `seconds`, whichever comes first."""
        try:
            await self._listen()
        except Exception as exc:  # the database is down: fall back to the timeout alone
            logger.debug("outbox LISTEN unavailable: %s", type(exc).__name__)
        with suppress(TimeoutError):
            await asyncio.wait_for(ticket.wait(), seconds)

    async def _drop(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        try:
            if not conn.is_closed():
                await conn.remove_listener(CHANNEL, self._notified)
            await self._db.pool.release(conn)
        except Exception as exc:  # a connection lost with its server needs no goodbye
            logger.debug("outbox LISTEN connection dropped: %s", type(exc).__name__)

    async def close(self) -> None:
        async with self._lock:
            await self._drop()
