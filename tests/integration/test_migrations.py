"""Migrations against a real PostgreSQL: complete, idempotent, safe when replicas race."""

import asyncio

import asyncpg

from serve_app.store.migrate import upgrade_to_head

EXPECTED_TABLES = {
    "interactions",
    "debug_sessions",
    "exercises",
    "submissions",
    "progress",
    "struggle_alerts",
    "events",
    "alembic_version",
}


async def _tables(url: str) -> set[str]:
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")
    finally:
        await conn.close()
    return {row["tablename"] for row in rows}


async def test_upgrade_creates_every_table(database_url: str) -> None:
    await upgrade_to_head(database_url)
    assert await _tables(database_url) >= EXPECTED_TABLES


async def test_upgrade_twice_is_a_no_op(database_url: str) -> None:
    await upgrade_to_head(database_url)
    await upgrade_to_head(database_url)
    conn = await asyncpg.connect(database_url)
    try:
        versions = await conn.fetch("SELECT version_num FROM alembic_version")
    finally:
        await conn.close()
    assert [row["version_num"] for row in versions] == ["0001"]


async def test_concurrent_upgrades_do_not_collide(database_url: str) -> None:
    # Replicas of Triage start together and each migrates on start.
    await asyncio.gather(*(upgrade_to_head(database_url) for _ in range(4)))
    assert await _tables(database_url) >= EXPECTED_TABLES
