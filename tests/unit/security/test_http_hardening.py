"""Headers, CORS, 401s and error bodies of the real app, with no database behind it."""

from collections.abc import AsyncIterator
from types import SimpleNamespace

import httpx
import pytest
from fastapi import FastAPI

from serve_app.api.app import create_api
from serve_app.security.policy import SecurityPolicy
from serve_app.security.tokens import HS256Verifier
from tests.unit.security.keys import AUDIENCE, ISSUER, SECRET, hs256

SECURED = SecurityPolicy(
    verifier=HS256Verifier(SECRET, issuer=ISSUER, audience=AUDIENCE),
    cors_origins=("https://app.school.test",),
    hsts_seconds=600,
)


def _client(app: FastAPI, base: str = "http://tutor") -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    return httpx.AsyncClient(transport=transport, base_url=base)


@pytest.fixture
async def secured() -> AsyncIterator[httpx.AsyncClient]:
    app = create_api(security=SECURED)
    # No database here: a request that got past authentication and validation would fail.
    app.state.tutor = SimpleNamespace(db=None)
    async with _client(app) as client:
        yield client


async def test_every_response_carries_the_security_headers(secured: httpx.AsyncClient) -> None:
    for response in (
        await secured.get("/healthz"),
        await secured.post("/v1/ask", json={}),
        await secured.get("/nowhere"),
    ):
        headers = response.headers
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["referrer-policy"] == "no-referrer"
        assert headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in headers["content-security-policy"]
        assert headers["cache-control"] == "no-store"
        assert "strict-transport-security" not in headers
    docs = await secured.get("/docs")
    assert docs.headers["content-security-policy"] == "frame-ancestors 'none'"


async def test_hsts_only_over_https() -> None:
    async with _client(create_api(security=SECURED), "https://tutor") as client:
        response = await client.get("/healthz")
    assert response.headers["strict-transport-security"] == "max-age=600; includeSubDomains"
    async with _client(create_api(security=SECURED)) as client:
        proxied = await client.get("/healthz", headers={"x-forwarded-proto": "https"})
    assert "strict-transport-security" in proxied.headers


async def test_cors_allows_configured_origins_only(secured: httpx.AsyncClient) -> None:
    preflight = {
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
    }
    allowed = await secured.options(
        "/v1/ask", headers={"origin": "https://app.school.test", **preflight}
    )
    assert allowed.status_code == 200
    assert allowed.headers["access-control-allow-origin"] == "https://app.school.test"
    refused = await secured.options("/v1/ask", headers={"origin": "https://evil.test", **preflight})
    assert "access-control-allow-origin" not in refused.headers
    simple = await secured.get("/healthz", headers={"origin": "https://evil.test"})
    assert "access-control-allow-origin" not in simple.headers


async def test_no_cors_without_configured_origins() -> None:
    async with _client(create_api(security=SecurityPolicy())) as client:
        response = await client.get("/healthz", headers={"origin": "https://app.school.test"})
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.parametrize(
    ("headers", "challenge"),
    [
        ({}, 'Bearer realm="learnflow"'),
        ({"authorization": "Basic YWxpY2U6cHc="}, 'Bearer realm="learnflow"'),
        ({"authorization": "Bearer nonsense"}, 'Bearer realm="learnflow", error="invalid_token"'),
        (
            {"authorization": f"Bearer {hs256(aud='elsewhere')}"},
            'Bearer realm="learnflow", error="invalid_token"',
        ),
    ],
)
async def test_missing_or_bad_tokens_get_401_with_a_challenge(
    secured: httpx.AsyncClient, headers: dict[str, str], challenge: str
) -> None:
    for method, path in (("POST", "/v1/ask"), ("GET", "/v1/students/alice/progress")):
        response = await secured.request(
            method, path, headers=headers, json={"student_id": "alice", "text": "hi"}
        )
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == challenge
        assert SECRET not in response.text


async def test_health_needs_no_token(secured: httpx.AsyncClient) -> None:
    assert (await secured.get("/healthz")).status_code == 200


async def test_an_unexpected_error_answers_500_without_a_trace() -> None:
    app = create_api(security=SecurityPolicy())

    @app.get("/boom")
    async def boom() -> None:
        raise RuntimeError("secret internals at /srv/app.py line 12")

    async with _client(app) as client:
        response = await client.get("/boom")
    assert response.status_code == 500
    assert response.json() == {"detail": "internal error"}
    assert "Traceback" not in response.text
    assert "secret internals" not in response.text


async def test_validation_errors_do_not_echo_the_input(secured: httpx.AsyncClient) -> None:
    token = hs256("alice")
    response = await secured.post(
        "/v1/ask",
        json={"student_id": "alice", "text": 12345678, "colour": "sk-live-verysecret"},
        headers={"authorization": f"Bearer {token}"},
    )
    assert response.status_code == 422
    assert "sk-live-verysecret" not in response.text
