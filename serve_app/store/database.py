"""The one owner of the PostgreSQL connection pool: explicit start, stop and health check."""

import asyncio
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import asyncpg

from serve_app.errors import DependencyUnavailable
from serve_app.store.embedded import start_embedded
from serve_app.store.migrate import upgrade_to_head

logger = logging.getLogger(__name__)

# Errors that mean "the database cannot be reached right now", not "this query is wrong".
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.PostgresConnectionError,
    asyncpg.exceptions.OperatorInterventionError,
    asyncpg.InterfaceError,
)
# Waiting longer than this for a pooled connection means the database is overwhelmed.
ACQUIRE_TIMEOUT_SECONDS = 10.0


@asynccontextmanager
async def _unavailable_on_connection_loss() -> AsyncIterator[None]:
    try:
        yield
    except CONNECTION_ERRORS as exc:
        raise DependencyUnavailable(f"database unavailable: {type(exc).__name__}") from exc


async def _init_connection(conn: asyncpg.Connection) -> None:
    # JSON columns come back as Python objects, not strings.
    for kind in ("json", "jsonb"):
        await conn.set_type_codec(kind, encoder=json.dumps, decoder=json.loads, schema="pg_catalog")


class Database:
    """Owns the asyncpg pool. `start()` migrates the schema; `stop()` is safe to call twice."""

    def __init__(
        self,
        url: str | None,
        *,
        data_dir: Path,
        min_size: int = 1,
        max_size: int = 10,
        migrate: bool = True,
    ) -> None:
        self._url = url
        self._data_dir = data_dir
        self._min_size = min_size
        self._max_size = max_size
        self._migrate = migrate
        self._pool: asyncpg.Pool | None = None

    @property
    def embedded(self) -> bool:
        return self._url is None

    @property
    def pool(self) -> asyncpg.Pool:
        if self._pool is None:
            raise DependencyUnavailable("database is not started")
        return self._pool

    async def start(self) -> None:
        if self._pool is not None:
            return
        url = self._url
        if url is None:
            url = await asyncio.to_thread(start_embedded, self._data_dir)
        async with _unavailable_on_connection_loss():
            if self._migrate:
                await upgrade_to_head(url)
            self._pool = await asyncpg.create_pool(
                url,
                min_size=self._min_size,
                max_size=self._max_size,
                init=_init_connection,
                command_timeout=30,
            )
        logger.info("database pool ready (embedded=%s)", self.embedded)

    async def stop(self) -> None:
        pool, self._pool = self._pool, None
        if pool is not None:
            await pool.close()

    async def __aenter__(self) -> "Database":
        await self.start()
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.stop()

    async def check_health(self) -> None:
        """Raise DependencyUnavailable unless a trivial query answers."""
        try:
            async with self.pool.acquire(timeout=2) as conn:
                await conn.fetchval("SELECT 1")
        except (*CONNECTION_ERRORS, asyncpg.PostgresError) as exc:
            raise DependencyUnavailable(f"database unreachable: {type(exc).__name__}") from exc

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[asyncpg.Connection]:
        async with (
            _unavailable_on_connection_loss(),
            self.pool.acquire(timeout=ACQUIRE_TIMEOUT_SECONDS) as conn,
            conn.transaction(),
        ):
            yield conn

    @asynccontextmanager
    async def connection(self) -> AsyncIterator[asyncpg.Connection]:
        async with (
            _unavailable_on_connection_loss(),
            self.pool.acquire(timeout=ACQUIRE_TIMEOUT_SECONDS) as conn,
        ):
            yield conn

    async def fetch(self, query: str, *args: Any) -> list[asyncpg.Record]:
        async with self.connection() as conn:
            rows: list[asyncpg.Record] = await conn.fetch(query, *args)
            return rows
