"""Rate limits and the daily LLM quota, shared by two app instances on one database."""

import asyncio
import dataclasses
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Protocol

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.security.mint_token import mint
from serve_app.security.policy import SecurityPolicy
from serve_app.security.quotas import QuotaLimits
from serve_app.service.tutor import Tutor
from serve_app.settings import Settings
from serve_app.store.database import Database

SECRET = "quota-test-secret-0123456789abcdef0123"
SETTINGS = Settings(auth_mode="hs256", auth_jwt_secret=SECRET)


def bearer(sub: str, role: str = "student") -> dict[str, str]:
    return {"authorization": f"Bearer {mint(SETTINGS, subject=sub, roles=[role])}"}


Replicas = tuple[httpx.AsyncClient, httpx.AsyncClient]


@pytest.fixture
async def second_db(database_url: str, tmp_path: Path) -> AsyncIterator[Database]:
    async with Database(database_url, data_dir=tmp_path, migrate=False) as database:
        yield database


class MakeReplicas(Protocol):
    def __call__(self, limits: QuotaLimits, *, auth: bool = True) -> Replicas: ...


@pytest.fixture
async def make_replicas(tutor: Tutor, second_db: Database) -> AsyncIterator[MakeReplicas]:
    """Two apps, each with its own connection pool, like two Triage replicas."""
    clients: list[httpx.AsyncClient] = []

    def make(limits: QuotaLimits, *, auth: bool = True) -> Replicas:
        verifier = SecurityPolicy.from_settings(SETTINGS).verifier if auth else None
        policy = SecurityPolicy(verifier=verifier, quotas=limits)
        for replica_tutor in (tutor, dataclasses.replace(tutor, db=second_db)):
            app = create_api(security=policy)
            app.state.tutor = replica_tutor
            transport = httpx.ASGITransport(app=app)
            clients.append(httpx.AsyncClient(transport=transport, base_url="http://tutor"))
        return clients[-2], clients[-1]

    yield make
    for client in clients:
        await client.aclose()


async def test_the_rate_limit_holds_across_replicas(make_replicas: MakeReplicas) -> None:
    a, b = make_replicas(QuotaLimits(per_minute=5))
    alice, bob = bearer("alice"), bearer("bob")
    statuses = [
        (await (a if n % 2 else b).post("/v1/triage", json={"text": "hi"}, headers=alice))
        for n in range(6)
    ]
    assert [r.status_code for r in statuses] == [200] * 5 + [429]
    refused = statuses[-1]
    assert 1 <= int(refused.headers["retry-after"]) <= 60
    assert "rate limit" in refused.json()["detail"]
    # Per caller: bob has his own budget.
    assert (await a.post("/v1/triage", json={"text": "hi"}, headers=bob)).status_code == 200


async def test_concurrent_requests_never_overrun_the_limit(make_replicas: MakeReplicas) -> None:
    a, b = make_replicas(QuotaLimits(per_minute=10))
    alice = bearer("alice")
    responses = await asyncio.gather(
        *(
            (a if n % 2 else b).post("/v1/triage", json={"text": "hi"}, headers=alice)
            for n in range(24)
        )
    )
    codes = sorted(r.status_code for r in responses)
    assert codes == [200] * 10 + [429] * 14


async def test_the_daily_llm_quota(make_replicas: MakeReplicas, db: Database) -> None:
    a, b = make_replicas(QuotaLimits(per_minute=100, llm_per_day=2, llm_enabled=True))
    alice = bearer("alice")
    explain = {"student_id": "alice", "text": "what is a loop?"}
    assert (await a.post("/v1/concepts/explain", json=explain, headers=alice)).status_code == 200
    ask = {"student_id": "alice", "text": "what is a dict?"}
    assert (await b.post("/v1/ask", json=ask, headers=alice)).status_code == 200
    before = await _interactions(db)
    refused = await a.post("/v1/ask", json=ask, headers=alice)
    assert refused.status_code == 429
    assert 60 < int(refused.headers["retry-after"]) <= 86_400
    assert "daily quota" in refused.json()["detail"]
    assert await _interactions(db) == before
    # Requests that never use the LLM are not held back by its quota.
    exercise = await b.post("/v1/exercises", json={"student_id": "alice"}, headers=alice)
    assert exercise.status_code == 200
    assert (await b.post("/v1/triage", json={"text": "hi"}, headers=alice)).status_code == 200


async def test_no_llm_configured_means_no_llm_quota(make_replicas: MakeReplicas) -> None:
    a, _ = make_replicas(QuotaLimits(per_minute=100, llm_per_day=1, llm_enabled=False))
    ask = {"student_id": "alice", "text": "what is a dict?"}
    for _ in range(3):
        assert (await a.post("/v1/ask", json=ask, headers=bearer("alice"))).status_code == 200


async def test_refused_requests_do_not_spend_llm_quota_and_windows_roll_over(
    make_replicas: MakeReplicas,
    db: Database,
) -> None:
    a, b = make_replicas(QuotaLimits(per_minute=1, llm_per_day=5, llm_enabled=True))
    alice = bearer("alice")
    explain = {"student_id": "alice", "text": "what is a loop?"}
    assert (await a.post("/v1/concepts/explain", json=explain, headers=alice)).status_code == 200
    assert (await b.post("/v1/concepts/explain", json=explain, headers=alice)).status_code == 429
    async with db.connection() as conn:
        llm_hits = await conn.fetchval(
            "SELECT hits FROM quota_counters WHERE subject = 'alice' AND kind = 'llm-day'"
        )
        assert llm_hits == 1
        # The minute ends (moved into the past): a fresh window starts at one hit.
        await conn.execute("UPDATE quota_counters SET window_end = now() - interval '1 second'")
    assert (await b.post("/v1/concepts/explain", json=explain, headers=alice)).status_code == 200
    async with db.connection() as conn:
        rows = await conn.fetch("SELECT kind, hits FROM quota_counters ORDER BY kind")
    assert {row["kind"]: row["hits"] for row in rows} == {"llm-day": 1, "minute": 1}


async def test_with_auth_off_the_named_student_is_the_caller(make_replicas: MakeReplicas) -> None:
    a, b = make_replicas(QuotaLimits(per_minute=2), auth=False)
    for client in (a, b):
        response = await client.post("/v1/exercises", json={"student_id": "s1"})
        assert response.status_code == 200
    assert (await a.post("/v1/exercises", json={"student_id": "s1"})).status_code == 429
    assert (await a.post("/v1/exercises", json={"student_id": "s2"})).status_code == 200


async def _interactions(db: Database) -> int:
    async with db.connection() as conn:
        count: int = await conn.fetchval("SELECT count(*) FROM interactions")
        return count
