"""POST /dapr/events on the real app, with a stand-in feed (no database, no sidecar).

The full path (daprd delivering from Kafka, the feed's outbox lookup, an SSE stream) is in
tests/integration/test_dapr_relay.py.
"""

import base64
import json
import logging
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.api.routes.dapr import unwrap
from serve_app.errors import DependencyUnavailable
from serve_app.events.feed import NotPushFed, UnknownEvent
from serve_app.events.models import CloudEvent, ProgressUpdated
from serve_app.security.policy import SecurityPolicy
from serve_app.settings import get_settings

APP_TOKEN = "app-token-93be1d"  # a test value
CE_JSON = {"content-type": "application/cloudevents+json"}


class _Feed:
    """Records what the route hands over, or fails the way the real feed can."""

    def __init__(self) -> None:
        self.injected: list[dict[str, Any]] = []
        self.failure: Exception | None = None

    async def inject(self, envelope: dict[str, Any]) -> None:
        if self.failure is not None:
            raise self.failure
        self.injected.append(envelope)


def _envelope() -> dict[str, Any]:
    return CloudEvent.wrap(
        ProgressUpdated(topic="loops", mastery=0.75, previous_mastery=0.5, attempts=3),
        source="/learnflow/tutor",
        subject="stu_" + "ab" * 16,
    ).model_dump()


@pytest.fixture
def app_token(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    monkeypatch.setenv("APP_API_TOKEN", APP_TOKEN)
    get_settings.cache_clear()
    yield APP_TOKEN
    get_settings.cache_clear()


@pytest.fixture
def feed() -> _Feed:
    return _Feed()


@pytest.fixture
async def client(feed: _Feed) -> AsyncIterator[httpx.AsyncClient]:
    app = create_api(security=SecurityPolicy())
    app.state.event_feed = feed
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://tutor") as http:
        yield http


def _post(client: httpx.AsyncClient, body: object, headers: dict[str, str] | None = None) -> Any:
    return client.post(
        "/dapr/events", content=json.dumps(body), headers={**CE_JSON, **(headers or {})}
    )


async def test_a_delivery_with_the_app_token_reaches_the_feed(
    client: httpx.AsyncClient, feed: _Feed, app_token: str
) -> None:
    envelope = _envelope()
    # What daprd delivers: the envelope, plus attributes of its own.
    delivered = {**envelope, "traceparent": "00-" + "1" * 32 + "-" + "2" * 16 + "-01"}
    delivered |= {"topic": "progress.updated", "pubsubname": "learnflow-pubsub"}
    response = await _post(client, delivered, {"dapr-api-token": app_token})
    assert response.status_code == 200
    assert response.json() == {"status": "SUCCESS"}
    assert feed.injected == [envelope]


@pytest.mark.parametrize("token", [None, "", "wrong", APP_TOKEN + "x"])
async def test_without_the_app_token_a_delivery_is_refused(
    client: httpx.AsyncClient, feed: _Feed, app_token: str, token: str | None
) -> None:
    headers = {} if token is None else {"dapr-api-token": token}
    response = await _post(client, _envelope(), headers)
    assert response.status_code == 401
    assert feed.injected == []


async def test_no_app_token_configured_lets_deliveries_in(
    client: httpx.AsyncClient, feed: _Feed, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("APP_API_TOKEN", raising=False)
    get_settings.cache_clear()
    try:
        response = await _post(client, _envelope())
    finally:
        get_settings.cache_clear()
    assert response.json() == {"status": "SUCCESS"}
    assert len(feed.injected) == 1


async def test_a_raw_payload_delivery_is_unwrapped(
    client: httpx.AsyncClient, feed: _Feed, app_token: str
) -> None:
    envelope = _envelope()
    wrapper = {
        "id": "d1",
        "source": "learnflow-pubsub",
        "type": "com.dapr.event.sent",
        "specversion": "1.0",
        "datacontenttype": "application/octet-stream",
        "data_base64": base64.b64encode(json.dumps(envelope).encode()).decode(),
        "topic": "progress.updated",
        "pubsubname": "learnflow-pubsub",
    }
    response = await _post(client, wrapper, {"dapr-api-token": app_token})
    assert response.json() == {"status": "SUCCESS"}
    assert feed.injected == [envelope]
    # application/json is what some Dapr versions send for the same body.
    again = await client.post(
        "/dapr/events",
        content=json.dumps(envelope),
        headers={"content-type": "application/json", "dapr-api-token": app_token},
    )
    assert again.json() == {"status": "SUCCESS"}


@pytest.mark.parametrize(
    "body",
    [
        {"specversion": "1.0"},
        ["not", "an", "object"],
        {"type": "com.dapr.event.sent", "data_base64": "%%%"},
        {"type": "learnflow.unknown.v1", "id": "x"},
    ],
)
async def test_an_invalid_event_is_dropped_without_its_payload_in_the_log(
    client: httpx.AsyncClient,
    feed: _Feed,
    app_token: str,
    body: object,
    caplog: pytest.LogCaptureFixture,
) -> None:
    response = await _post(client, body, {"dapr-api-token": app_token})
    assert response.status_code == 200
    assert response.json() == {"status": "DROP"}
    assert feed.injected == []


async def test_an_envelope_that_breaks_its_schema_is_dropped_quietly(
    client: httpx.AsyncClient, feed: _Feed, app_token: str, caplog: pytest.LogCaptureFixture
) -> None:
    envelope = _envelope()
    envelope["data"] = {**envelope["data"], "mastery": "secret-student-text"}
    caplog.set_level(logging.INFO)
    response = await _post(client, envelope, {"dapr-api-token": app_token})
    assert response.json() == {"status": "DROP"}
    assert "data/mastery" in caplog.text
    assert "secret-student-text" not in caplog.text
    assert APP_TOKEN not in caplog.text
    not_json = await client.post(
        "/dapr/events", content=b"{", headers={**CE_JSON, "dapr-api-token": app_token}
    )
    assert not_json.json() == {"status": "DROP"}


@pytest.mark.parametrize(
    ("failure", "status"),
    [
        (UnknownEvent("no such event in the outbox"), "DROP"),
        (DependencyUnavailable("database down"), "RETRY"),
        (OSError("connection reset"), "RETRY"),
    ],
)
async def test_what_the_feed_cannot_take_is_dropped_or_retried(
    client: httpx.AsyncClient, feed: _Feed, app_token: str, failure: Exception, status: str
) -> None:
    feed.failure = failure
    response = await _post(client, _envelope(), {"dapr-api-token": app_token})
    assert response.status_code == 200
    assert response.json() == {"status": status}


async def test_a_replica_not_fed_by_dapr_answers_404(
    client: httpx.AsyncClient, feed: _Feed, app_token: str
) -> None:
    feed.failure = NotPushFed("the event feed is fed by kafka")
    response = await _post(client, _envelope(), {"dapr-api-token": app_token})
    assert response.status_code == 404


async def test_no_feed_yet_means_retry(app_token: str) -> None:
    app = create_api(security=SecurityPolicy())
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://tutor") as http:
        response = await _post(http, _envelope(), {"dapr-api-token": app_token})
    assert response.json() == {"status": "RETRY"}


async def test_other_content_types_are_refused(
    client: httpx.AsyncClient, feed: _Feed, app_token: str
) -> None:
    response = await client.post(
        "/dapr/events",
        content=json.dumps(_envelope()),
        headers={"content-type": "text/plain", "dapr-api-token": app_token},
    )
    assert response.status_code == 415
    assert feed.injected == []


async def test_the_route_is_not_in_the_public_schema(client: httpx.AsyncClient) -> None:
    schema = (await client.get("/openapi.json")).json()
    assert not any(path.startswith("/dapr") for path in schema["paths"])


def test_unwrap_keeps_only_the_envelope_attributes() -> None:
    envelope = _envelope()
    assert unwrap({**envelope, "traceid": "t", "expiration": "x"}) == envelope
    assert unwrap({"type": "com.dapr.event.sent", "data": envelope}) == envelope
