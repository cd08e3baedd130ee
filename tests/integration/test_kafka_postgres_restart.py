"""PostgreSQL restarts under the HTTP API: requests fail fast with 503 (not a hang, not a
500) while it is down and succeed again once it is back; the relay catches up by itself.

Runs on a PostgreSQL and a Kafka broker of its own, which it stops and starts.
"""

import asyncio
from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.events.feed import EventFeed
from serve_app.events.kafka import KafkaPublisher
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.events.relay import OutboxRelay
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.integration.kafka_support import (
    PrivateKafka,
    PrivatePostgres,
    all_published,
    assert_kafka_matches_outbox,
    eventually,
    needs_private_servers,
    outbox,
    read_topics,
    relay_running,
    running,
)
from tests.support.tutors import api_client

pytestmark = needs_private_servers()

# A request that neither answers nor fails within this long counts as hanging.
NO_HANG_SECONDS = 30


@pytest.fixture(scope="module")
def kafka() -> Iterator[PrivateKafka]:
    with running(PrivateKafka()) as broker:
        yield broker


@pytest.fixture(scope="module")
def private_pg() -> Iterator[PrivatePostgres]:
    with running(PrivatePostgres()) as server:
        yield server


@pytest.fixture(scope="module")
def pg_server(private_pg: PrivatePostgres) -> str:
    # Overrides the shared server: this test stops and restarts its own.
    return private_pg.start()


@pytest.fixture
async def client(tutor: Tutor, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    feed = EventFeed(db, Pseudonymizer(b"test-key"))
    async with api_client(create_api(), tutor, event_feed=feed, timeout=NO_HANG_SECONDS) as http:
        yield http
    await feed.close()


async def _request(http: httpx.AsyncClient, method: str, path: str, **kw: object) -> int:
    response = await asyncio.wait_for(http.request(method, path, **kw), NO_HANG_SECONDS)  # type: ignore[arg-type]
    if response.status_code == 503:
        assert response.headers.get("retry-after"), "a 503 says when to retry"
    return response.status_code


ASK = {"student_id": "pg-1", "text": "what is a list comprehension?"}


async def _answers(http: httpx.AsyncClient, status: int) -> bool:
    return await _request(http, "POST", "/v1/ask", json=ASK) == status


async def test_postgres_restart_gives_503_then_recovers(
    client: httpx.AsyncClient, db: Database, kafka: PrivateKafka, private_pg: PrivatePostgres
) -> None:
    relay = OutboxRelay(
        db,
        KafkaPublisher(kafka.bootstrap, timeout_seconds=3),
        idle_seconds=0.2,
        backoff_initial=0.1,
        backoff_max=1.0,
    )
    async with relay_running(relay):
        assert await _request(client, "POST", "/v1/ask", json=ASK) == 200
        assert await _request(client, "GET", "/readyz") == 200

        await asyncio.to_thread(private_pg.stop)
        down = [
            await _request(client, "POST", "/v1/ask", json=ASK),
            await _request(client, "GET", "/v1/students/pg-1/progress"),
            await _request(client, "GET", "/v1/events", params={"student_id": "pg-1"}),
            await _request(client, "GET", "/readyz"),
        ]
        assert down == [503, 503, 503, 503]

        await asyncio.to_thread(private_pg.start)
        await eventually(
            lambda: _answers(client, 200), failure="no recovery after restart", interval=0.5
        )
        assert await _request(client, "GET", "/readyz") == 200
        assert await _request(client, "GET", "/v1/students/pg-1/progress") == 200
        events = await client.get(
            "/v1/events", params={"student_id": "pg-1", "after": 0, "limit": 2}
        )
        assert events.status_code == 200
        assert events.text.count("\ndata: ") == 2

        await eventually(lambda: all_published(db), failure="the relay did not catch up")
    rows = await outbox(db)
    assert len(rows) == 2
    records = await read_topics(kafka.bootstrap, {row["event_id"] for row in rows})
    assert_kafka_matches_outbox(records, rows)
