"""Relay deployment: one small replica that moves the outbox to Kafka. Not an ingress.

Publishes through the Dapr sidecar when DAPR_HTTP_PORT is set, else to Kafka directly;
idle when neither is configured: events then stay in PostgreSQL.
A database or broker that is down does not fail the replica; the relay backs off and
retries. Its health check fails only if the relay loop itself stopped, so Serve restarts it.
"""

import asyncio
import logging
from contextlib import suppress
from typing import Any

from ray import serve
from ray.serve.handle import DeploymentHandle

from serve_app.events.relay import KafkaState, OutboxRelay
from serve_app.events.status import KafkaProbe
from serve_app.events.wiring import build_relay, event_transport
from serve_app.settings import get_settings
from serve_app.store.database import Database

logger = logging.getLogger(__name__)
# httpx logs every request at INFO: through Dapr that is one line per published event.
logging.getLogger("httpx").setLevel(logging.WARNING)


class Relay:
    async def __init__(self) -> None:  # type: ignore[misc]  # Serve awaits async constructors
        settings = get_settings()
        self._relay: OutboxRelay | None = None
        self._task: asyncio.Task[None] | None = None
        self._db: Database | None = None
        transport = event_transport(settings)
        if transport == "off":
            logger.info(
                "neither DAPR_HTTP_PORT nor LEARNFLOW_KAFKA_BOOTSTRAP_SERVERS set:"
                " relay idle, events stay in PostgreSQL"
            )
            return
        url = settings.database_url.get_secret_value() if settings.database_url else None
        # One connection claims and marks, one listens for NOTIFY.
        self._db = Database(url, data_dir=settings.data_dir, min_size=1, max_size=3)
        self._relay = build_relay(settings, self._db)
        self._task = asyncio.create_task(self._relay.run(), name="outbox-relay")
        logger.info("outbox relay started (%s)", transport)

    async def status(self) -> KafkaState:
        return "off" if self._relay is None else self._relay.kafka_state

    async def check_health(self) -> None:
        if self._task is not None and self._task.done():
            raise RuntimeError("the outbox relay loop stopped")

    async def __del__(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
        if self._relay is not None:
            await self._relay.close()
        if self._db is not None:
            await self._db.stop()


def relay_probe(handle: DeploymentHandle[Any]) -> KafkaProbe:
    """The ingress's view of Kafka, as the relay sees it (for /readyz)."""

    async def probe() -> KafkaState:
        state: KafkaState = await handle.status.remote()
        return state

    return probe


RelayDeployment = serve.deployment(
    name="Relay", num_replicas=1, max_ongoing_requests=16, ray_actor_options={"num_cpus": 0.1}
)(Relay)
