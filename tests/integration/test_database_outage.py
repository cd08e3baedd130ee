"""A database that cannot be reached means "unavailable, retry" (HTTP 503), never a hang or
a 500, and the tutor recovers by itself when the database is back."""

from pathlib import Path
from urllib.parse import urlsplit

import pytest

from serve_app.errors import DependencyUnavailable
from serve_app.store.database import Database
from tests.support.fake_openai import free_port
from tests.support.tcp_proxy import TcpProxy, via_proxy


async def test_start_against_a_dead_server_is_dependency_unavailable(tmp_path: Path) -> None:
    dead = f"postgresql://learnflow:x@127.0.0.1:{free_port()}/learnflow"
    with pytest.raises(DependencyUnavailable):
        await Database(dead, data_dir=tmp_path).start()


async def test_outage_gives_unavailable_then_recovers(database_url: str, tmp_path: Path) -> None:
    target = urlsplit(database_url)
    if not target.port:
        pytest.skip("the test server listens on a unix socket only")
    proxy = TcpProxy(target.hostname or "127.0.0.1", target.port)
    await proxy.start()
    async with Database(
        via_proxy(database_url, proxy.port), data_dir=tmp_path, min_size=1, max_size=2
    ) as db:
        await db.check_health()

        await proxy.cut()
        for _ in range(2):
            with pytest.raises(DependencyUnavailable):
                async with db.connection() as conn:
                    await conn.fetchval("SELECT 1")
        with pytest.raises(DependencyUnavailable):
            await db.check_health()

        await proxy.start()  # the server is back, on the same address
        await db.check_health()
        async with db.transaction() as conn:
            assert await conn.fetchval("SELECT 1") == 1
        await proxy.cut()
