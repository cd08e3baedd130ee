"""Retention: student text older than LEARNFLOW_RETENTION_DAYS is purged.

Interactions and debug sessions older than the limit are deleted; old submissions keep
their grade (mastery and streaks are built from it) but lose their code and everything that
quotes it (test results, feedback, quality findings).
`python -m serve_app.privacy.retention [--days N]` runs one purge by hand; the ingress
runs it periodically (see maintenance.py).
"""

import argparse
import asyncio
import sys

import asyncpg

_PURGES = {
    "interactions": "DELETE FROM interactions WHERE created_at < now() - make_interval(days => $1)",
    "debug_sessions": (
        "DELETE FROM debug_sessions WHERE created_at < now() - make_interval(days => $1)"
    ),
    "submissions": (
        "UPDATE submissions SET code = NULL, results = NULL, feedback = NULL, "
        "quality_findings = NULL WHERE created_at < now() - make_interval(days => $1) "
        "AND (code IS NOT NULL OR results IS NOT NULL OR feedback IS NOT NULL "
        "OR quality_findings IS NOT NULL)"
    ),
}


async def purge_expired(conn: asyncpg.Connection, days: int) -> dict[str, int]:
    """Purge on `conn` (inside the caller's transaction); {table: rows purged}."""
    if days < 1:
        raise ValueError("retention must be at least one day")
    purged: dict[str, int] = {}
    for table, sql in _PURGES.items():
        status: str = await conn.execute(sql, days)
        purged[table] = int(status.rsplit(" ", 1)[-1])
    return purged


async def _run(days: int | None) -> int:
    from serve_app.privacy.bootstrap import database_from_settings
    from serve_app.settings import get_settings

    settings = get_settings()
    days = days or settings.retention_days
    if days is None:
        print("no retention configured: set LEARNFLOW_RETENTION_DAYS or pass --days")
        return 2
    async with database_from_settings(settings) as db, db.transaction() as conn:
        purged = await purge_expired(conn, days)
    print(f"purged student text older than {days} days: {purged}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m serve_app.privacy.retention", description=__doc__
    )
    parser.add_argument("--days", type=int, help="override LEARNFLOW_RETENTION_DAYS")
    args = parser.parse_args(argv)
    if args.days is not None and args.days < 1:
        parser.error("--days must be at least 1")
    return asyncio.run(_run(args.days))


if __name__ == "__main__":
    sys.exit(main())
