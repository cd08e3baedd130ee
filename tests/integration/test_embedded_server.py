"""The embedded PostgreSQL of the default mode: real, shared, and gone when its users are."""

import asyncio
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import asyncpg

HOLDER = """
import sys, time
from pathlib import Path
from serve_app.store.embedded import start_embedded
print(start_embedded(Path(sys.argv[1])), flush=True)
time.sleep(600)
"""


def _wait_until_stopped(pgdata: Path, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if not (pgdata / "postmaster.pid").exists():
            return True
        time.sleep(0.25)
    return False


async def test_server_stops_after_its_holders_are_killed(tmp_path: Path) -> None:
    # Ray kills replicas without atexit; the server must not outlive them.
    holders = [
        subprocess.Popen(
            [sys.executable, "-c", HOLDER, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(2)
    ]
    try:
        urls = {holder.stdout.readline().strip() for holder in holders if holder.stdout}
        assert len(urls) == 1  # both processes share one server
        conn = await asyncpg.connect(urls.pop())
        assert await conn.fetchval("SELECT 1") == 1
        await conn.close()

        holders[0].send_signal(signal.SIGKILL)
        holders[0].wait()
        await asyncio.sleep(7)  # longer than the watchdog's idle window
        assert (tmp_path / "pgdata" / "postmaster.pid").exists(), "stopped while still held"

        holders[1].send_signal(signal.SIGKILL)
        holders[1].wait()
        assert _wait_until_stopped(tmp_path / "pgdata", 30)
    finally:
        for holder in holders:
            if holder.poll() is None:
                os.kill(holder.pid, signal.SIGKILL)
                holder.wait()
            if holder.stdout:
                holder.stdout.close()
