"""The relay's publisher when a Dapr sidecar carries the events to Kafka.

`POST /v1.0/publish/<pubsub>/<topic>` on the sidecar, one outbox row per call, with:
- `metadata.rawPayload=true`: Dapr sends the body as it is instead of wrapping it in a
  CloudEvent of its own, so the Kafka value is byte for byte what `KafkaPublisher` sends;
- `metadata.partitionKey=<pseudonym>`: the Kafka key, so one student stays on one partition;
- `metadata.ce_id`, `metadata.learnflow_seq`, `metadata.content-type`: Dapr's Kafka component
  turns every metadata entry into a record header, so the records carry the headers the
  direct path writes (the dedupe key and the feed's cursor).

The sidecar's Kafka producer waits for acks=all before it answers 204, so a row counts as
sent only once Kafka holds it. It is not idempotent (Dapr has no option for that): its
retries may duplicate a record, which consumers dedupe by id, but cannot reorder a student's,
because one student's rows go one after another, each after the previous one's ack.
Different students go concurrently. Dapr partitions by sarama's FNV-1a hash of the key, not
Java's murmur2: stable per student, but not the partition the direct path would pick.
Any failure fails the whole batch: the relay leaves every row of it unpublished and sends
them again (at least once).
"""

import asyncio
import logging
from collections.abc import Sequence
from urllib.parse import quote

import httpx
from pydantic import SecretStr

from serve_app.events.kafka import CONTENT_TYPE, ID_HEADER, SEQ_HEADER, encode
from serve_app.events.outbox import OutboxRow
from serve_app.events.relay import BrokerFailed

logger = logging.getLogger(__name__)

TOKEN_HEADER = "dapr-api-token"  # noqa: S105  # a header name, not a secret
PUBLISH_CONTENT_TYPE = "application/cloudevents+json"


class DaprPublisher:
    """Publishes outbox rows through the Dapr sidecar's pub/sub HTTP API."""

    def __init__(
        self,
        http_port: int,
        *,
        pubsub_name: str = "learnflow-pubsub",
        api_token: SecretStr | None = None,
        timeout_seconds: float = 10.0,
        concurrency: int = 8,
        host: str = "127.0.0.1",
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self._base = f"http://{host}:{http_port}"
        self._pubsub = pubsub_name
        self._api_token = api_token
        self._timeout = timeout_seconds
        self._concurrency = concurrency
        self._transport = transport
        self._client: httpx.AsyncClient | None = None

    @property
    def pubsub_name(self) -> str:
        return self._pubsub

    def _http(self) -> httpx.AsyncClient:
        if self._client is None:
            headers = {}
            if self._api_token is not None:
                headers[TOKEN_HEADER] = self._api_token.get_secret_value()
            self._client = httpx.AsyncClient(
                base_url=self._base,
                headers=headers,
                timeout=self._timeout,
                transport=self._transport,
            )
        return self._client

    def publish_path(self, topic: str) -> str:
        return f"/v1.0/publish/{quote(self._pubsub, safe='')}/{quote(topic, safe='')}"

    @staticmethod
    def publish_params(row: OutboxRow) -> dict[str, str]:
        return {
            "metadata.rawPayload": "true",
            "metadata.partitionKey": row.subject,
            f"metadata.{ID_HEADER}": row.event_id,
            f"metadata.{SEQ_HEADER}": str(row.seq),
            "metadata.content-type": CONTENT_TYPE.decode(),
        }

    async def _publish_one(self, row: OutboxRow) -> None:
        _, value, _ = encode(row)
        try:
            response = await self._http().post(
                self.publish_path(row.kafka_topic),
                params=self.publish_params(row),
                content=value,
                headers={"Content-Type": PUBLISH_CONTENT_TYPE},
            )
        except httpx.HTTPError as exc:
            raise BrokerFailed(f"Dapr sidecar unreachable: {type(exc).__name__}") from exc
        if not response.is_success:
            raise BrokerFailed(
                f"Dapr publish to {row.kafka_topic} failed: HTTP {response.status_code}"
                f" {_error_code(response)}"
            )

    async def _publish_student(self, rows: Sequence[OutboxRow], gate: asyncio.Semaphore) -> None:
        async with gate:
            for row in rows:  # the next one only after Kafka acknowledged this one
                await self._publish_one(row)

    async def publish(self, rows: Sequence[OutboxRow]) -> None:
        """Send `rows` (oldest first) and return once Kafka acknowledged every one."""
        by_student: dict[str, list[OutboxRow]] = {}
        for row in rows:
            by_student.setdefault(row.subject, []).append(row)
        gate = asyncio.Semaphore(self._concurrency)
        try:
            async with asyncio.TaskGroup() as group:
                for student_rows in by_student.values():
                    group.create_task(self._publish_student(student_rows, gate))
        except* BrokerFailed as failures:
            raise failures.exceptions[0] from None

    async def check(self) -> None:
        """Raise unless the sidecar is up and has the pub/sub component loaded.

        Dapr has no API that reaches the broker without publishing; a broker that is down
        behind a healthy sidecar shows as a failed publish instead.
        """
        client = self._http()
        try:
            health = await client.get("/v1.0/healthz/outbound")
            metadata = await client.get("/v1.0/metadata")
        except httpx.HTTPError as exc:
            raise BrokerFailed(f"Dapr sidecar unreachable: {type(exc).__name__}") from exc
        if not health.is_success:
            raise BrokerFailed(f"Dapr sidecar not ready: HTTP {health.status_code}")
        if not metadata.is_success:
            raise BrokerFailed(f"Dapr metadata unavailable: HTTP {metadata.status_code}")
        try:
            components = metadata.json().get("components") or []
        except ValueError as exc:
            raise BrokerFailed("Dapr metadata is not JSON") from exc
        if not any(c.get("name") == self._pubsub for c in components if isinstance(c, dict)):
            raise BrokerFailed(f"Dapr has no pub/sub component named {self._pubsub!r}")

    async def stop(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await client.aclose()


def _error_code(response: httpx.Response) -> str:
    """Dapr's error code (ERR_PUBSUB_NOT_FOUND, ...); its message may quote the request."""
    try:
        body = response.json()
    except ValueError:
        return ""
    code = body.get("errorCode") if isinstance(body, dict) else None
    return str(code) if code else ""
