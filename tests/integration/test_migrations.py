"""Migrations against a real PostgreSQL: complete, idempotent, safe when replicas race."""

import asyncio

import asyncpg
from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import create_async_engine

from serve_app.store.migrate import alembic_config, upgrade_to_head

EXPECTED_TABLES = {
    "interactions",
    "debug_sessions",
    "exercises",
    "submissions",
    "progress",
    "struggle_alerts",
    "events",
    "issued_exercises",
    "concept_checks",
    "classes",
    "class_teachers",
    "class_students",
    "quota_counters",
    "students",
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
    # One line of history: exactly one head, and the database is at it.
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert [row["version_num"] for row in versions] == [head]


async def test_every_migration_downgrades_and_upgrades_again(database_url: str) -> None:
    await upgrade_to_head(database_url)
    engine = create_async_engine(
        "postgresql+asyncpg://", async_creator=lambda: asyncpg.connect(database_url)
    )
    try:
        async with engine.begin() as conn:
            await conn.run_sync(lambda sync: command.downgrade(alembic_config(sync), "base"))
    finally:
        await engine.dispose()
    assert await _tables(database_url) <= {"alembic_version"}
    await upgrade_to_head(database_url)
    assert await _tables(database_url) >= EXPECTED_TABLES


async def test_concurrent_upgrades_do_not_collide(database_url: str) -> None:
    # Replicas of Triage start together and each migrates on start.
    await asyncio.gather(*(upgrade_to_head(database_url) for _ in range(4)))
    assert await _tables(database_url) >= EXPECTED_TABLES
