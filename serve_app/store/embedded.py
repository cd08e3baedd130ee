"""The embedded PostgreSQL of the default mode: a real server in a local data directory.

`pgserver` ships PostgreSQL binaries on PyPI and reference-counts the server across the
processes that open the same data directory, so every replica can call `start_embedded`
and the server stops when the last one exits (or, when Ray kills replicas without running
`atexit`, when the watchdog sees that no holder is left).
"""

import fcntl
import logging
import warnings
from pathlib import Path

from serve_app.store.embedded_watchdog import spawn_watchdog

logger = logging.getLogger(__name__)


def start_embedded(data_dir: Path) -> str:
    """Start (or join) the embedded server and return its connection URI."""
    with warnings.catch_warnings():
        # platformdirs warns about XDG_RUNTIME_DIR at import time; irrelevant here.
        warnings.simplefilter("ignore")
        import pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    # pgserver's own locking starts after it creates the directory; replicas starting
    # together would race on initdb, so they queue on a lock file first.
    with (data_dir / "embedded-start.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        server = pgserver.get_server(  # type: ignore[attr-defined]
            data_dir / "pgdata", cleanup_mode="stop"
        )
        spawn_watchdog(data_dir / "pgdata")
    uri: str = server.get_uri()
    logger.info("embedded PostgreSQL ready in %s", data_dir / "pgdata")
    return uri
