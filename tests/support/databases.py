"""Real PostgreSQL for tests: the server named by LEARNFLOW_TEST_DATABASE_URL (CI starts one
from Debian's packages), or else an embedded server from `pgserver` in a temporary dir.
Each caller gets a fresh, uniquely named database on that server.
"""

import asyncio
import os
import tempfile
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from serve_app.store.database import Database
from serve_app.store.embedded import start_embedded


@contextmanager
def server_url() -> Iterator[str]:
    url = os.environ.get("LEARNFLOW_TEST_DATABASE_URL")
    if url:
        yield url
        return
    with tempfile.TemporaryDirectory(prefix="learnflow-pg-") as data_dir:
        yield start_embedded(Path(data_dir))


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path=f"/{name}"))


async def create_database(admin_url: str) -> str:
    name = f"lf_test_{uuid.uuid4().hex[:10]}"
    conn = await asyncpg.connect(admin_url)
    try:
        await conn.execute(f'CREATE DATABASE "{name}"')
    finally:
        await conn.close()
    return _with_database(admin_url, name)


async def drop_database(admin_url: str, url: str) -> None:
    name = urlsplit(url).path.lstrip("/")
    conn = await asyncpg.connect(admin_url)
    try:
        for attempt in range(20):
            try:
                await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
                return
            except asyncpg.InsufficientPrivilegeError:
                # An autovacuum worker (a superuser backend) is in the database, and FORCE
                # may not end it for us; it is done within moments.
                if attempt == 19:
                    raise
                await asyncio.sleep(0.5)
    finally:
        await conn.close()


async def row_counts(db: Database, tables: Iterable[str]) -> dict[str, int]:
    """How many rows each table holds: compared before and after a request that must write
    nothing."""
    async with db.connection() as conn:
        return {table: await conn.fetchval(f"SELECT count(*) FROM {table}") for table in tables}
