"""Stops the embedded PostgreSQL once every process that uses it is gone.

pgserver stops the server from `atexit` in the last process holding it, but Ray ends replica
processes without running `atexit`, which would leave a server running after `serve run`
exits. This small detached process watches pgserver's list of holders and, when none is
alive for a few seconds, asks the postmaster for a fast shutdown.

Run as `python -m serve_app.store.embedded_watchdog PGDATA`; one per data directory
(guarded by a lock file).
"""

import fcntl
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

POLL_SECONDS = 1.0
# Consecutive polls with no live holder before stopping: replicas restart within this window.
IDLE_POLLS = 5


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _holders(pgdata: Path) -> list[int]:
    try:
        pids: list[int] = json.loads((pgdata / ".handle_pids.json").read_text())
    except (FileNotFoundError, ValueError):
        return []
    return [pid for pid in pids if _alive(pid)]


def _postmaster_pid(pgdata: Path) -> int | None:
    try:
        return int((pgdata / "postmaster.pid").read_text().splitlines()[0])
    except (FileNotFoundError, ValueError, IndexError):
        return None


def watch(pgdata: Path) -> None:
    lock = (pgdata.parent / "embedded-watchdog.lock").open("w")
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return  # another watchdog already guards this data directory
    idle = 0
    while idle < IDLE_POLLS:
        time.sleep(POLL_SECONDS)
        if _postmaster_pid(pgdata) is None:
            return  # stopped by pgserver itself
        idle = 0 if _holders(pgdata) else idle + 1
    postmaster = _postmaster_pid(pgdata)
    if postmaster is not None and _alive(postmaster):
        os.kill(postmaster, signal.SIGINT)  # PostgreSQL's "fast" shutdown
    (pgdata / ".handle_pids.json").unlink(missing_ok=True)


def spawn_watchdog(pgdata: Path) -> None:
    """Start a detached watchdog for `pgdata` (a no-op if one is running)."""
    # The child forks the real watchdog and exits at once, so nothing is left to reap here.
    subprocess.run(
        [sys.executable, "-m", "serve_app.store.embedded_watchdog", "--detach", str(pgdata)],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        check=True,
        timeout=30,
    )


def main(argv: list[str]) -> None:
    if argv[0] == "--detach":
        if os.fork() > 0:
            return
        os.setsid()  # outlive the replica that started us, and its process group
        argv = argv[1:]
    watch(Path(argv[0]))


if __name__ == "__main__":
    main(sys.argv[1:])
