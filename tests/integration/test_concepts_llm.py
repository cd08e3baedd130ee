"""LLM mode over real HTTP (a local OpenAI-protocol server): the card grounds the prompt, and an
answer whose code does not parse or that strays from the card is replaced by the card's own."""

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.domain.concepts import ConceptCard, KnowledgeBase
from serve_app.domain.sandbox import Sandbox
from serve_app.llm.client import LLMClient
from serve_app.specialists.concepts import RETRACTION_NOTE, ConceptsSpecialist
from serve_app.store.database import Database
from tests.support.fake_openai import FakeLLM
from tests.support.sse import parse_sse
from tests.support.tutors import api_client, fake_llm_client, seeded_tutor

QUESTION = "how does recursion work?"

GROUNDED = (
    "**Recursion** means a function calls itself on a smaller piece of the problem. Every "
    "recursive function needs a base case that stops the calls, and a recursive case that "
    "moves towards it.\n\n"
    "```python\ndef factorial(n):\n    if n <= 1:\n        return 1\n"
    "    return n * factorial(n - 1)\n\nprint(factorial(5))\n```\n"
)
BROKEN_CODE = GROUNDED.replace("if n <= 1:", "if n <= 1")
# Names recursion once, then teaches generators with generator code.
STRAYS = (
    "Recursion is one option, but generators are better: a generator function uses `yield` "
    "to produce values lazily, one at a time, pausing between them.\n\n"
    "```python\ndef count_up(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\n"
    "\nprint(list(count_up(3)))\n```\n"
)


@pytest.fixture
async def llm(fake_llm: tuple[FakeLLM, str]) -> AsyncIterator[LLMClient]:
    client = fake_llm_client(fake_llm, timeout=3)
    yield client
    await client.close()


@pytest.fixture
def answer_with(
    fake_llm: tuple[FakeLLM, str], monkeypatch: pytest.MonkeyPatch
) -> Callable[[str], None]:
    def script(text: str) -> None:
        monkeypatch.setattr(fake_llm[0], "answer_for", lambda body: text)

    return script


@pytest.fixture
def recursion(knowledge_base: KnowledgeBase) -> ConceptCard:
    card = knowledge_base.get("recursion")
    assert card is not None
    return card


async def _stream(
    specialist: ConceptsSpecialist, level: str = "beginner", *, allow_llm: bool = True
) -> list[dict[str, Any]]:
    return [item async for item in specialist.stream_explain(QUESTION, level, allow_llm=allow_llm)]


async def test_the_card_grounds_the_prompt_at_the_students_level(
    knowledge_base: KnowledgeBase,
    llm: LLMClient,
    fake_llm: tuple[FakeLLM, str],
    answer_with: Callable[[str], None],
    recursion: ConceptCard,
) -> None:
    answer_with(GROUNDED)
    answer = await ConceptsSpecialist(knowledge_base, llm).explain(QUESTION, "advanced")
    assert answer.llm_used
    assert answer.explanation.explanation == GROUNDED
    # The verified example is always the card's, never the model's.
    assert answer.explanation.example_code == recursion.example_code
    sent = fake_llm[0].requests[-1]
    system = [m["content"] for m in sent["messages"] if m["role"] == "system"]
    assert "advanced student" in system[0]
    assert recursion.explanations["advanced"] in system[1]
    assert recursion.example_code in system[1]
    assert sent["messages"][-1] == {"role": "user", "content": QUESTION}


@pytest.mark.parametrize(
    ("text", "reason"), [(BROKEN_CODE, "does not parse"), (STRAYS, "generators")]
)
async def test_ungrounded_json_answer_is_replaced_by_the_card(
    knowledge_base: KnowledgeBase,
    llm: LLMClient,
    answer_with: Callable[[str], None],
    recursion: ConceptCard,
    caplog: pytest.LogCaptureFixture,
    text: str,
    reason: str,
) -> None:
    answer_with(text)
    answer = await ConceptsSpecialist(knowledge_base, llm).explain(QUESTION, "beginner")
    assert not answer.llm_used
    assert answer.explanation.explanation == recursion.explanations["beginner"]
    assert reason in caplog.text


async def test_grounded_answer_streams_token_by_token(
    knowledge_base: KnowledgeBase, llm: LLMClient, answer_with: Callable[[str], None]
) -> None:
    answer_with(GROUNDED)
    items = await _stream(ConceptsSpecialist(knowledge_base, llm))
    deltas = [item["text"] for item in items if item["type"] == "delta"]
    assert items[0]["type"] == "meta"
    assert items[-1] == {"type": "done", "llm_used": True}
    assert len(deltas) > 10
    assert "".join(deltas) == GROUNDED
    assert all(item["type"] != "retract" for item in items)


@pytest.mark.parametrize("text", [BROKEN_CODE, STRAYS])
async def test_ungrounded_stream_is_retracted_and_replaced_by_the_card(
    knowledge_base: KnowledgeBase,
    llm: LLMClient,
    answer_with: Callable[[str], None],
    recursion: ConceptCard,
    text: str,
) -> None:
    answer_with(text)
    items = await _stream(ConceptsSpecialist(knowledge_base, llm))
    types = [item["type"] for item in items]
    retract = types.index("retract")
    before = "".join(item["text"] for item in items[:retract] if item["type"] == "delta")
    after = "".join(item["text"] for item in items[retract:] if item["type"] == "delta")
    assert before == text  # it streamed live, then was taken back
    assert items[retract]["reason"] == RETRACTION_NOTE
    assert after == recursion.explanations["beginner"]
    assert items[-1] == {"type": "done", "llm_used": False}


async def test_llm_can_be_switched_off_per_call(
    knowledge_base: KnowledgeBase,
    llm: LLMClient,
    fake_llm: tuple[FakeLLM, str],
    recursion: ConceptCard,
) -> None:
    specialist = ConceptsSpecialist(knowledge_base, llm)
    answer = await specialist.explain(QUESTION, "beginner", allow_llm=False)
    items = await _stream(specialist, allow_llm=False)
    assert not answer.llm_used
    assert answer.explanation.explanation == recursion.explanations["beginner"]
    assert items[-1] == {"type": "done", "llm_used": False}
    assert fake_llm[0].requests == []  # nothing about the student left the platform


@pytest.fixture
async def llm_client(
    db: Database, knowledge_base: KnowledgeBase, sandbox: Sandbox, llm: LLMClient
) -> AsyncIterator[httpx.AsyncClient]:
    tutor = await seeded_tutor(db, knowledge_base, sandbox, concepts_llm=llm, seed_bank=False)
    async with api_client(create_api(max_body_bytes=256 * 1024), tutor) as http:
        yield http


async def _ask_stream(client: httpx.AsyncClient) -> list[tuple[str, dict[str, Any]]]:
    async with client.stream(
        "POST",
        "/v1/ask",
        headers={"accept": "text/event-stream"},
        json={"student_id": "s-llm", "text": QUESTION},
    ) as response:
        assert response.status_code == 200
        lines = [line async for line in response.aiter_lines()]
    return parse_sse(lines)


async def test_http_ask_streams_a_grounded_llm_answer(
    llm_client: httpx.AsyncClient, answer_with: Callable[[str], None]
) -> None:
    answer_with(GROUNDED)
    events = await _ask_stream(llm_client)
    assert "retract" not in [name for name, _ in events]
    streamed = "".join(data["text"] for name, data in events if name == "delta")
    assert streamed == GROUNDED
    payload = events[-1][1]["payload"]
    assert payload["llm_used"] is True
    assert payload["explanation"] == GROUNDED


async def test_http_ask_retracts_a_straying_stream_and_stores_the_card(
    llm_client: httpx.AsyncClient,
    answer_with: Callable[[str], None],
    recursion: ConceptCard,
) -> None:
    answer_with(STRAYS)
    events = await _ask_stream(llm_client)
    names = [name for name, _ in events]
    assert names.count("retract") == 1
    after = "".join(
        data["text"] for name, data in events[names.index("retract") :] if name == "delta"
    )
    assert after == recursion.explanations["beginner"]
    done = events[-1][1]
    assert done["payload"]["llm_used"] is False
    assert done["payload"]["explanation"] == recursion.explanations["beginner"]
    assert "yield" not in done["message"]


async def test_http_explain_replaces_a_straying_json_answer(
    llm_client: httpx.AsyncClient, answer_with: Callable[[str], None], recursion: ConceptCard
) -> None:
    answer_with(STRAYS)
    response = await llm_client.post(
        "/v1/concepts/explain", json={"student_id": "s-llm", "text": QUESTION}
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["llm_used"] is False
    assert body["explanation"] == recursion.explanations["beginner"]

    answer_with(GROUNDED)
    response = await llm_client.post(
        "/v1/concepts/explain", json={"student_id": "s-llm", "text": QUESTION}
    )
    assert response.json()["llm_used"] is True
    assert response.json()["explanation"] == GROUNDED
