"""The LLM path through the whole graph: a local OpenAI-protocol server behind Concepts."""

import itertools
import json
from collections.abc import Iterator

import httpx
import pytest

from tests.e2e.conftest import all_logs, serving_tutor
from tests.support.fake_openai import FakeLLM, running_fake_llm

pytestmark = pytest.mark.e2e

SECRET_KEY = "sk-e2e-secret-key-do-not-log"


@pytest.fixture(scope="module")
def llm_tutor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, FakeLLM]]:
    with running_fake_llm() as (fake, base_url):
        env = {
            "LEARNFLOW_LLM_BASE_URL": base_url,
            "LEARNFLOW_LLM_MODEL": "tutor-e2e",
            "LEARNFLOW_LLM_API_KEY": SECRET_KEY,
            "LEARNFLOW_LLM_TIMEOUT_SECONDS": "2",
        }
        tmp = tmp_path_factory.mktemp("serve-llm")
        with serving_tutor(tmp, env) as url:
            yield url, fake
        # The replicas' own logs too: with Serve's throughput mode they go only to files.
        assert any("Triage" in path.name for path in (tmp / "ray-logs").rglob("*.log"))
        assert SECRET_KEY not in all_logs(tmp)


def _ask_stream(url: str, text: str) -> tuple[list[str], dict[str, object]]:
    with httpx.stream(
        "POST",
        f"{url}/v1/ask",
        timeout=30,
        headers={"accept": "text/event-stream"},
        json={"student_id": "llm1", "text": text},
    ) as response:
        assert response.status_code == 200
        lines = list(response.iter_lines())
    deltas = [
        json.loads(line.removeprefix("data: "))["text"]
        for previous, line in itertools.pairwise(lines)
        if previous == "event: delta"
    ]
    done = json.loads(lines[lines.index("event: done") + 1].removeprefix("data: "))
    return deltas, done


def test_llm_answer_streams_through_the_graph(llm_tutor: tuple[str, FakeLLM]) -> None:
    url, fake = llm_tutor
    fake.mode = "ok"
    deltas, done = _ask_stream(url, "what is a list comprehension?")
    assert len(deltas) > 5  # token by token, as the model streamed them
    assert "model tutor-e2e" in "".join(deltas)
    payload = done["payload"]
    assert isinstance(payload, dict)
    assert payload["llm_used"] is True
    assert fake.requests[-1]["stream"] is True


def test_llm_failure_falls_back_to_the_local_engine(llm_tutor: tuple[str, FakeLLM]) -> None:
    url, fake = llm_tutor
    fake.mode = "error"
    response = httpx.post(
        f"{url}/v1/concepts/explain",
        timeout=30,
        json={"student_id": "llm2", "text": "what is a list comprehension?"},
    )
    fake.mode = "ok"
    assert response.status_code == 200
    body = response.json()
    assert body["llm_used"] is False
    assert body["source"] == "card"
    assert "model tutor-e2e" not in body["explanation"]
