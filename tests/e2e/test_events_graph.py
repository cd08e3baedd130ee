"""The relay deployment inside the real graph: `serve run` with a (private) Kafka broker.

An answered question becomes an event on Kafka (published by the Relay deployment) and on
the SSE feed (`GET /v1/events`, fed from Kafka), and /readyz reports Kafka as ok.
"""

import asyncio
import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from serve_app.events.validation import validate_envelope
from tests.e2e.conftest import serving_tutor
from tests.integration.kafka_support import PrivateKafka, kafka_missing_reason, read_topics

_MISSING = kafka_missing_reason()
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(_MISSING is not None, reason=_MISSING or ""),
]


@pytest.fixture(scope="module")
def kafka_tutor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, str]]:
    broker = PrivateKafka()
    broker.start()
    try:
        env = {"LEARNFLOW_KAFKA_BOOTSTRAP_SERVERS": broker.bootstrap}
        with serving_tutor(tmp_path_factory.mktemp("serve-kafka"), env) as url:
            yield url, broker.bootstrap
    finally:
        broker.destroy()


def _messages(text: str) -> list[tuple[int, dict[str, Any]]]:
    found = []
    for block in text.split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "data" in fields:
            found.append((int(fields["id"]), json.loads(fields["data"])))
    return found


def _ask(url: str, student: str) -> None:
    response = httpx.post(
        f"{url}/v1/ask", json={"student_id": student, "text": "what is a tuple?"}, timeout=30
    )
    assert response.status_code == 200, response.text


def test_readyz_reports_kafka_ok(kafka_tutor: tuple[str, str]) -> None:
    url, _ = kafka_tutor
    deadline = time.monotonic() + 60
    while (state := httpx.get(f"{url}/readyz", timeout=10).json()["kafka"]) != "ok":
        assert time.monotonic() < deadline, f"kafka stayed {state!r}"
        time.sleep(1)


def test_an_answer_reaches_kafka_and_the_sse_feed(kafka_tutor: tuple[str, str]) -> None:
    url, bootstrap = kafka_tutor
    _ask(url, "ev-1")
    replay = httpx.get(
        f"{url}/v1/events", params={"student_id": "ev-1", "after": 0, "limit": 1}, timeout=60
    )
    [(_, envelope)] = _messages(replay.text)
    validate_envelope(envelope)
    assert envelope["type"] == "learnflow.response.delivered.v1"
    assert "ev-1" not in json.dumps(envelope)

    [record, *_] = asyncio.run(read_topics(bootstrap, {envelope["id"]}, timeout=60))
    assert record.envelope == envelope
    assert record.key == envelope["subject"]

    # Live (no cursor): fed from Kafka by the Triage replica's consumer.
    with ThreadPoolExecutor(1) as pool:
        live = pool.submit(
            lambda: httpx.get(
                f"{url}/v1/events", params={"student_id": "ev-1", "limit": 1}, timeout=90
            )
        )
        deadline = time.monotonic() + 60
        while not live.done():
            assert time.monotonic() < deadline, "no live event"
            _ask(url, "ev-1")
            time.sleep(1)
        [(_, fresh)] = _messages(live.result().text)
    assert fresh["subject"] == envelope["subject"]
    assert fresh["id"] != envelope["id"]
