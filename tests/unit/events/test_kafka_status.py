"""What /readyz reports about Kafka: off, or what the relay says, or unavailable."""

import asyncio
from types import SimpleNamespace

import pytest

from serve_app.events import status
from serve_app.events.relay import KafkaState


async def test_no_probe_means_off() -> None:
    assert await status.kafka_state(SimpleNamespace()) == "off"


@pytest.mark.parametrize("state", ["ok", "unavailable", "off"])
async def test_the_probe_answer_is_reported(state: KafkaState) -> None:
    async def probe() -> KafkaState:
        return state

    assert await status.kafka_state(SimpleNamespace(kafka_status=probe)) == state


async def test_a_failing_or_silent_probe_means_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(status, "PROBE_TIMEOUT_SECONDS", 0.05)

    async def broken() -> KafkaState:
        raise ConnectionError("relay replica gone")

    async def silent() -> KafkaState:
        await asyncio.sleep(10)
        return "ok"

    assert await status.kafka_state(SimpleNamespace(kafka_status=broken)) == "unavailable"
    assert await status.kafka_state(SimpleNamespace(kafka_status=silent)) == "unavailable"
