"""Key rotation: re-encrypt every encrypted field under the active key, in batches.

`python -m serve_app.privacy.rotate` is idempotent and resumable: each batch selects rows
that still have a field not under the active key, so a run that stops part-way (or runs on
two machines at once) picks up where it left off. When `--check` reports 0 remaining, the
old keys can be removed from LEARNFLOW_ENCRYPTION_KEYS. It covers every column of
`fields.ENCRYPTED_TABLES` (JSON columns too: their JSON text is what is sealed), including
fields a migration left as legacy plaintext (0004, 0006).
"""

import argparse
import asyncio
import sys

import asyncpg

from serve_app.privacy.field_cipher import LEGACY_PLAINTEXT, FieldCipher, associated_data
from serve_app.privacy.fields import ENCRYPTED_TABLES, EncryptedTable
from serve_app.store.database import Database

DEFAULT_BATCH_SIZE = 500


def _stale_condition(table: EncryptedTable, *, legacy_only: bool) -> str:
    """SQL true for rows with a field to rewrite; $1 is the active key's prefix."""
    if legacy_only:
        tests = [f"get_byte({c}, 0) = {LEGACY_PLAINTEXT}" for c in table.columns]
        # $1 is still named so that both variants take the same parameters.
        return "$1::bytea IS NOT NULL AND (" + " OR ".join(tests) + ")"
    return " OR ".join(
        f"(substring({c} from 1 for length($1::bytea)) <> $1::bytea)" for c in table.columns
    )


async def rewrap_batch(
    conn: asyncpg.Connection,
    cipher: FieldCipher,
    table: EncryptedTable,
    batch_size: int,
    *,
    legacy_only: bool,
) -> int:
    columns = ", ".join(table.columns)
    rows = await conn.fetch(
        f"""
        SELECT {table.row_key}::text AS row_key, {table.student_column} AS student, {columns}
        FROM {table.name} WHERE {_stale_condition(table, legacy_only=legacy_only)}
        LIMIT $2 FOR UPDATE SKIP LOCKED
        """,  # noqa: S608 - identifiers come from ENCRYPTED_TABLES
        cipher.active_prefix(),
        batch_size,
    )
    updates = []
    for row in rows:
        values: list[bytes | None] = []
        for column in table.columns:
            stored: bytes | None = row[column]
            if cipher.needs_rewrap(stored):
                assert stored is not None  # needs_rewrap is False for None
                aad = associated_data(table.name, column, row["row_key"], row["student"])
                stored = cipher.encrypt(cipher.decrypt(stored, aad=aad), aad=aad)
            values.append(stored)
        updates.append((row["row_key"], *values))
    if updates:
        assignments = ", ".join(f"{c} = ${i + 2}" for i, c in enumerate(table.columns))
        await conn.executemany(
            f"UPDATE {table.name} SET {assignments} WHERE {table.row_key}::text = $1",  # noqa: S608
            updates,
        )
    return len(rows)


async def rewrap_all(
    db: Database,
    cipher: FieldCipher,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    legacy_only: bool = False,
    max_batches: int | None = None,
) -> dict[str, int]:
    """Re-encrypt stale fields (all, or only legacy plaintext); {table: rows rewritten}.
    Each batch commits on its own, so progress survives an interruption."""
    done: dict[str, int] = {}
    batches = 0
    for table in ENCRYPTED_TABLES:
        done[table.name] = 0
        while max_batches is None or batches < max_batches:
            async with db.transaction() as conn:
                count = await rewrap_batch(conn, cipher, table, batch_size, legacy_only=legacy_only)
            batches += 1
            done[table.name] += count
            if count < batch_size:
                break
    return done


async def remaining(db: Database, cipher: FieldCipher) -> dict[str, int]:
    """Rows per table that still hold a field not under the active key."""
    counts: dict[str, int] = {}
    async with db.connection() as conn:
        for table in ENCRYPTED_TABLES:
            counts[table.name] = await conn.fetchval(
                f"SELECT count(*) FROM {table.name} WHERE "  # noqa: S608
                f"{_stale_condition(table, legacy_only=False)}",
                cipher.active_prefix(),
            )
    return counts


async def _run(batch_size: int, check_only: bool) -> int:
    from serve_app.privacy.bootstrap import database_from_settings, install_cipher_from_settings
    from serve_app.settings import get_settings

    settings = get_settings()
    cipher = install_cipher_from_settings(settings)
    async with database_from_settings(settings) as db:
        if not check_only:
            done = await rewrap_all(db, cipher, batch_size=batch_size)
            print(f"re-encrypted under key {cipher.active_id!r}: {done}")
        left = await remaining(db, cipher)
    print(f"rows not yet under the active key: {left}")
    if any(left.values()):
        return 1
    print("every field is under the active key: older keys may be removed from the ring")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m serve_app.privacy.rotate", description=__doc__)
    parser.add_argument("--batch-size", type=int, default=DEFAULT_BATCH_SIZE)
    parser.add_argument(
        "--check", action="store_true", help="only count rows still under old keys (exit 1 if any)"
    )
    args = parser.parse_args(argv)
    if args.batch_size < 1:
        parser.error("--batch-size must be at least 1")
    return asyncio.run(_run(args.batch_size, args.check))


if __name__ == "__main__":
    sys.exit(main())
