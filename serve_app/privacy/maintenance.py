"""The ingress's periodic privacy work: the retention purge, and encrypting any field still
in legacy plaintext (rows written before migration 0004).

Every replica runs the loop; a transaction-scoped advisory lock lets one of them work per
tick while the others skip, so the cost does not grow with the replica count.
"""

import asyncio
import contextlib
import logging
from typing import Any

from serve_app.privacy.fields import ENCRYPTED_TABLES, field_cipher
from serve_app.privacy.retention import purge_expired
from serve_app.privacy.rotate import DEFAULT_BATCH_SIZE, rewrap_batch
from serve_app.store.database import Database

logger = logging.getLogger(__name__)

# Any constant works; it only has to be the same in every replica and unlike other locks.
MAINTENANCE_LOCK_ID = 0x1EA4F8B
# Bounds one tick's work (and its transaction); the next tick continues.
_MAX_BATCHES_PER_TICK = 20


async def run_maintenance_once(db: Database, retention_days: int | None) -> dict[str, Any] | None:
    """One tick. None when another replica holds the lock."""
    cipher = field_cipher()
    async with db.transaction() as conn:
        if not await conn.fetchval("SELECT pg_try_advisory_xact_lock($1)", MAINTENANCE_LOCK_ID):
            return None
        purged = await purge_expired(conn, retention_days) if retention_days else {}
        encrypted: dict[str, int] = {}
        for table in ENCRYPTED_TABLES:
            encrypted[table.name] = 0
            for _ in range(_MAX_BATCHES_PER_TICK):
                count = await rewrap_batch(
                    conn, cipher, table, DEFAULT_BATCH_SIZE, legacy_only=True
                )
                encrypted[table.name] += count
                if count < DEFAULT_BATCH_SIZE:
                    break
    if any(purged.values()) or any(encrypted.values()):
        logger.info("privacy maintenance: purged %s, encrypted legacy %s", purged, encrypted)
    return {"purged": purged, "encrypted": encrypted}


class PrivacyMaintenance:
    """Runs a tick at start and then every `interval_seconds`. `stop()` is safe twice."""

    def __init__(self, db: Database, *, retention_days: int | None, interval_seconds: float):
        self._db = db
        self._retention_days = retention_days
        self._interval = interval_seconds
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.get_running_loop().create_task(self._loop())

    async def stop(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task

    async def _loop(self) -> None:
        while True:
            try:
                await run_maintenance_once(self._db, self._retention_days)
            except Exception as exc:
                # A failed tick (database away, say) must not end the loop or the replica.
                logger.warning("privacy maintenance failed: %s", type(exc).__name__)
            await asyncio.sleep(self._interval)
