"""The Dapr publisher's requests and error mapping, against an in-process fake sidecar.

The real wire behaviour (Dapr's Kafka component, the bytes that reach Kafka) is covered by
tests/integration/test_dapr_relay.py against a real daprd; here: what we send and how each
failure becomes BrokerFailed (so the relay leaves the rows unpublished).
"""

import asyncio
import logging
from collections.abc import Callable, Coroutine

import httpx
import pytest
from pydantic import SecretStr

from serve_app.events.dapr import DaprPublisher
from serve_app.events.kafka import CONTENT_TYPE, encode
from serve_app.events.models import CloudEvent, ProgressUpdated
from serve_app.events.outbox import OutboxRow
from serve_app.events.relay import BrokerFailed
from serve_app.events.wiring import build_publisher, event_transport
from serve_app.settings import Settings
from tests.support.fake_openai import free_port

TOKEN = "sidecar-token-4f2b9c"  # a test value, checked to stay out of logs
Handler = Callable[[httpx.Request], Coroutine[None, None, httpx.Response]]


def _row(seq: int, subject: str, topic: str = "progress.updated") -> OutboxRow:
    envelope = CloudEvent.wrap(
        ProgressUpdated(topic="loops", mastery=0.5, previous_mastery=0.25, attempts=seq),
        source="/learnflow/tutor",
        subject=subject,
    ).model_dump()
    return OutboxRow(seq, envelope["id"], subject, topic, envelope)


def _publisher(handler: Handler, **options: object) -> DaprPublisher:
    return DaprPublisher(
        3500,
        api_token=SecretStr(TOKEN),
        transport=httpx.MockTransport(handler),
        **options,  # type: ignore[arg-type]
    )


async def test_each_row_is_posted_raw_with_its_key_and_headers_as_metadata() -> None:
    seen: list[httpx.Request] = []

    async def sidecar(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    rows = [_row(1, "stu_a"), _row(2, "stu_a", "exercise.graded")]
    publisher = _publisher(sidecar)
    await publisher.publish(rows)
    await publisher.stop()

    assert [r.url.path for r in seen] == [
        "/v1.0/publish/learnflow-pubsub/progress.updated",
        "/v1.0/publish/learnflow-pubsub/exercise.graded",
    ]
    for request, row in zip(seen, rows, strict=True):
        assert request.url.host == "127.0.0.1"
        assert request.url.port == 3500
        assert request.content == encode(row)[1], "the Kafka value must be the direct path's"
        assert request.headers["content-type"] == "application/cloudevents+json"
        assert request.headers["dapr-api-token"] == TOKEN
        assert dict(request.url.params) == {
            "metadata.rawPayload": "true",
            "metadata.partitionKey": row.subject,
            "metadata.ce_id": row.event_id,
            "metadata.learnflow_seq": str(row.seq),
            "metadata.content-type": CONTENT_TYPE.decode(),
        }


async def test_no_token_header_without_a_token() -> None:
    seen: list[httpx.Request] = []

    async def sidecar(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(204)

    publisher = DaprPublisher(3500, transport=httpx.MockTransport(sidecar))
    await publisher.publish([_row(1, "stu_a")])
    await publisher.stop()
    assert "dapr-api-token" not in seen[0].headers


async def test_one_students_rows_go_one_at_a_time_in_order_others_concurrently() -> None:
    in_flight: dict[str, int] = {}
    most_at_once = 0
    order: dict[str, list[int]] = {}

    async def sidecar(request: httpx.Request) -> httpx.Response:
        nonlocal most_at_once
        key = request.url.params["metadata.partitionKey"]
        in_flight[key] = in_flight.get(key, 0) + 1
        assert in_flight[key] == 1, "a student's next row went before Kafka acknowledged"
        most_at_once = max(most_at_once, sum(in_flight.values()))
        await asyncio.sleep(0.01)
        order.setdefault(key, []).append(int(request.url.params["metadata.learnflow_seq"]))
        in_flight[key] -= 1
        return httpx.Response(204)

    rows = [_row(seq, f"stu_{seq % 3}") for seq in range(1, 13)]
    publisher = _publisher(sidecar, concurrency=3)
    await publisher.publish(rows)
    await publisher.stop()
    assert order == {f"stu_{k}": [s for s in range(1, 13) if s % 3 == k] for k in range(3)}
    assert most_at_once > 1, "different students are published concurrently"


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (500, {"errorCode": "ERR_PUBSUB_PUBLISH_MESSAGE", "message": "kafka: broker down"}),
        (404, {"errorCode": "ERR_PUBSUB_NOT_FOUND", "message": "pubsub not found"}),
        (403, {"errorCode": "ERR_PUBSUB_FORBIDDEN", "message": "not allowed"}),
        (401, {"error": "invalid api token"}),
    ],
)
async def test_a_refused_publish_fails_the_batch(status: int, body: dict[str, str]) -> None:
    calls = 0

    async def sidecar(request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        return httpx.Response(204 if calls == 1 else status, json=body)

    publisher = _publisher(sidecar, concurrency=1)
    with pytest.raises(BrokerFailed, match=f"HTTP {status}"):
        await publisher.publish([_row(1, "stu_a"), _row(2, "stu_a"), _row(3, "stu_a")])
    assert calls == 2, "the student's later rows are not sent after a failure"
    await publisher.stop()


async def test_a_sidecar_that_is_down_fails_the_batch_and_the_check() -> None:
    publisher = DaprPublisher(free_port(), api_token=SecretStr(TOKEN), timeout_seconds=2)
    with pytest.raises(BrokerFailed, match="unreachable: ConnectError"):
        await publisher.publish([_row(1, "stu_a")])
    with pytest.raises(BrokerFailed, match="unreachable"):
        await publisher.check()
    await publisher.stop()


async def test_a_sidecar_that_times_out_fails_the_batch() -> None:
    async def sidecar(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("no answer", request=request)

    publisher = _publisher(sidecar)
    with pytest.raises(BrokerFailed, match="ReadTimeout"):
        await publisher.publish([_row(1, "stu_a")])
    await publisher.stop()


def _metadata_sidecar(health: int, components: list[dict[str, str]]) -> Handler:
    async def sidecar(request: httpx.Request) -> httpx.Response:
        assert request.headers["dapr-api-token"] == TOKEN
        if request.url.path == "/v1.0/healthz/outbound":
            return httpx.Response(health)
        assert request.url.path == "/v1.0/metadata"
        return httpx.Response(200, json={"id": "app", "components": components})

    return sidecar


async def test_check_needs_a_ready_sidecar_with_the_pubsub_component() -> None:
    kafka = {"name": "learnflow-pubsub", "type": "pubsub.kafka", "version": "v1"}
    healthy = _publisher(_metadata_sidecar(204, [kafka]))
    await healthy.check()
    await healthy.stop()

    not_ready = _publisher(_metadata_sidecar(500, [kafka]))
    with pytest.raises(BrokerFailed, match="not ready"):
        await not_ready.check()
    await not_ready.stop()

    other = _publisher(_metadata_sidecar(204, [{"name": "other", "type": "pubsub.redis"}]))
    with pytest.raises(BrokerFailed, match="no pub/sub component named 'learnflow-pubsub'"):
        await other.check()
    await other.stop()


async def test_failures_never_carry_the_token_or_the_payload(
    caplog: pytest.LogCaptureFixture,
) -> None:
    row = _row(1, "stu_secretive")

    async def sidecar(request: httpx.Request) -> httpx.Response:
        return httpx.Response(500, json={"errorCode": "ERR", "message": request.content.decode()})

    caplog.set_level(logging.DEBUG)
    publisher = _publisher(sidecar)
    with pytest.raises(BrokerFailed) as failure:
        await publisher.publish([row])
    await publisher.stop()
    shown = str(failure.value) + repr(failure.value) + caplog.text
    assert TOKEN not in shown
    assert "mastery" not in shown, "the sidecar's answer (here: the payload) is not shown"
    assert TOKEN not in repr(publisher.__dict__)


def test_the_transport_follows_the_settings() -> None:
    assert event_transport(Settings()) == "off"
    kafka = Settings(kafka_bootstrap_servers="127.0.0.1:9092")
    assert event_transport(kafka) == "kafka"
    dapr = Settings(
        kafka_bootstrap_servers="127.0.0.1:9092",
        DAPR_HTTP_PORT=3500,
        DAPR_API_TOKEN=TOKEN,
    )
    assert event_transport(dapr) == "dapr"
    publisher = build_publisher(dapr)
    assert isinstance(publisher, DaprPublisher)
    assert publisher.pubsub_name == "learnflow-pubsub"
    assert TOKEN not in repr(dapr)
    assert TOKEN not in str(dapr)


def test_dapr_settings_come_from_the_sidecar_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAPR_HTTP_PORT", "3511")
    monkeypatch.setenv("DAPR_API_TOKEN", TOKEN)
    monkeypatch.setenv("APP_API_TOKEN", "from-the-sidecar")
    monkeypatch.setenv("LEARNFLOW_DAPR_PUBSUB_NAME", "other-pubsub")
    settings = Settings()
    assert settings.dapr_http_port == 3511
    assert settings.dapr_api_token is not None
    assert settings.dapr_api_token.get_secret_value() == TOKEN
    assert settings.dapr_app_token is not None
    assert settings.dapr_app_token.get_secret_value() == "from-the-sidecar"
    assert settings.dapr_pubsub_name == "other-pubsub"
    monkeypatch.setenv("DAPR_HTTP_PORT", "")
    assert Settings().dapr_http_port is None
