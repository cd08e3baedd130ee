"""Schema migrations with Alembic, run on start; idempotent and safe with many replicas."""

import asyncio
from pathlib import Path

import asyncpg
from alembic import command
from alembic.config import Config
from sqlalchemy import Connection, text
from sqlalchemy.ext.asyncio import create_async_engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# Any constant works; it only has to be the same in every replica.
_MIGRATION_LOCK_ID = 0x1EA4F10


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["connection"] = connection
    return config


def _upgrade(connection: Connection) -> None:
    # Replicas start together; the lock makes the second one wait and then find nothing to do.
    connection.execute(text("SELECT pg_advisory_xact_lock(:id)"), {"id": _MIGRATION_LOCK_ID})
    command.upgrade(alembic_config(connection), "head")


async def upgrade_to_head(url: str) -> None:
    """Bring the database at `url` (a libpq URI, as asyncpg takes it) to the newest schema."""
    # asyncpg parses libpq URIs (including unix-socket hosts) itself, so the engine
    # gets its connections from asyncpg rather than from a SQLAlchemy URL.
    engine = create_async_engine(
        "postgresql+asyncpg://", async_creator=lambda: asyncpg.connect(url)
    )
    try:
        async with engine.begin() as conn:
            await conn.run_sync(_upgrade)
    finally:
        await engine.dispose()


def main() -> None:
    """`python -m serve_app.store.migrate URL`: migrate a database by hand."""
    import sys

    asyncio.run(upgrade_to_head(sys.argv[1]))


if __name__ == "__main__":
    main()
