"""What /readyz says about Kafka: "off" (not configured), "ok" or "unavailable".

The ingress does not talk to the broker for this: it asks the relay, which does, through
an async probe the app holds in `app.state.kafka_status`. Kafka being down never makes the
tutor unready; events wait in PostgreSQL.
"""

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from serve_app.events.relay import KafkaState

logger = logging.getLogger(__name__)

KafkaProbe = Callable[[], Awaitable[KafkaState]]
PROBE_TIMEOUT_SECONDS = 2.0


async def kafka_state(app_state: Any) -> KafkaState:
    probe: KafkaProbe | None = getattr(app_state, "kafka_status", None)
    if probe is None:
        return "off"
    try:
        return await asyncio.wait_for(probe(), PROBE_TIMEOUT_SECONDS)
    except Exception as exc:
        logger.info("Kafka status probe failed: %s", type(exc).__name__)
        return "unavailable"
