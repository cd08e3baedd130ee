"""The embedded PostgreSQL of the default mode: a real server in a local data directory.

`pgserver` ships PostgreSQL binaries on PyPI and reference-counts the server across the
processes that open the same data directory, so every replica can call `start_embedded`
and the server stops when the last one exits.
"""

import logging
import warnings
from pathlib import Path

logger = logging.getLogger(__name__)


def start_embedded(data_dir: Path) -> str:
    """Start (or join) the embedded server and return its connection URI."""
    with warnings.catch_warnings():
        # platformdirs warns about XDG_RUNTIME_DIR at import time; irrelevant here.
        warnings.simplefilter("ignore")
        import pgserver

    data_dir.mkdir(parents=True, exist_ok=True)
    server = pgserver.get_server(  # type: ignore[attr-defined]
        data_dir / "pgdata", cleanup_mode="stop"
    )
    uri: str = server.get_uri()
    logger.info("embedded PostgreSQL ready in %s", data_dir / "pgdata")
    return uri
