"""The LLM path over real HTTP against a local OpenAI-protocol server, and its fallback."""

import httpx
import pytest

from serve_app.domain.concepts import KnowledgeBase
from serve_app.llm.client import LLMClient
from serve_app.specialists.concepts import ConceptsSpecialist
from tests.support.fake_openai import FakeLLM
from tests.support.tutors import fake_llm_client

QUESTION = "what is a list comprehension?"


@pytest.fixture
def llm(fake_llm: tuple[FakeLLM, str]) -> LLMClient:
    return fake_llm_client(fake_llm, timeout=1.5)


def _specialist(knowledge_base: KnowledgeBase, llm: LLMClient) -> ConceptsSpecialist:
    return ConceptsSpecialist(knowledge_base, llm)


async def test_llm_answer_is_grounded_in_the_card(
    knowledge_base: KnowledgeBase, llm: LLMClient, fake_llm: tuple[FakeLLM, str]
) -> None:
    answer = await _specialist(knowledge_base, llm).explain(QUESTION, "beginner")
    await llm.close()
    fake, _ = fake_llm
    assert answer.llm_used
    assert "model tutor-test" in answer.explanation.explanation
    sent = fake.requests[-1]
    assert sent["model"] == "tutor-test"
    grounding = " ".join(m["content"] for m in sent["messages"] if m["role"] == "system")
    assert "comprehension" in grounding.lower()
    assert (
        answer.explanation.explanation != knowledge_base.explain(QUESTION, "beginner").explanation
    )
    assert answer.explanation.example_code  # the card's verified example stays


async def test_llm_answer_streams_token_by_token(
    knowledge_base: KnowledgeBase, llm: LLMClient, fake_llm: tuple[FakeLLM, str]
) -> None:
    items = [
        item async for item in _specialist(knowledge_base, llm).stream_explain(QUESTION, "beginner")
    ]
    await llm.close()
    deltas = [item["text"] for item in items if item["type"] == "delta"]
    assert items[0]["type"] == "meta"
    assert items[-1] == {"type": "done", "llm_used": True}
    assert len(deltas) > 5
    assert "model tutor-test" in "".join(deltas)
    assert fake_llm[0].requests[-1]["stream"] is True


@pytest.mark.parametrize("mode", ["error", "slow"])
async def test_failing_or_slow_llm_falls_back_to_the_knowledge_base(
    knowledge_base: KnowledgeBase,
    llm: LLMClient,
    fake_llm: tuple[FakeLLM, str],
    mode: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    fake_llm[0].mode = mode
    specialist = _specialist(knowledge_base, llm)

    answer = await specialist.explain(QUESTION, "beginner")
    streamed = [item async for item in specialist.stream_explain(QUESTION, "beginner")]
    await llm.close()

    local = knowledge_base.explain(QUESTION, "beginner")
    assert not answer.llm_used
    assert answer.explanation.explanation == local.explanation
    assert streamed[-1] == {"type": "done", "llm_used": False}
    assert "".join(i["text"] for i in streamed if i["type"] == "delta") == local.explanation
    assert ("LLM" in caplog.text and "knowledge base" in caplog.text) or "local" in caplog.text


async def test_fake_server_speaks_the_wire_protocol(fake_llm: tuple[FakeLLM, str]) -> None:
    # Guard against the fake drifting from the protocol the SDK parses.
    fake_llm[0].mode = "ok"
    async with httpx.AsyncClient() as http:
        response = await http.post(
            f"{fake_llm[1]}/chat/completions",
            json={"model": "m", "messages": [{"role": "user", "content": "hi"}]},
        )
    body = response.json()
    assert body["object"] == "chat.completion"
    assert body["choices"][0]["message"]["role"] == "assistant"
