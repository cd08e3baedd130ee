"""/v1/concepts/explain and /v1/ask over the real app, PostgreSQL and sandbox: every answer is
grounded in its card, at the student's level, and its example code really prints its output."""

import ast
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.domain.concepts import ConceptCard, KnowledgeBase
from serve_app.domain.sandbox import Sandbox
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.support.sse import parse_sse
from tests.support.tutors import api_client


@pytest.fixture
async def client(tutor: Tutor) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(create_api(max_body_bytes=256 * 1024), tutor) as http:
        yield http


async def _assert_example_runs(sandbox: Sandbox, body: dict[str, Any], card: ConceptCard) -> None:
    assert body["example_code"] == card.example_code
    ast.parse(body["example_code"])
    execution = await sandbox.execute(body["example_code"])
    assert execution.status == "ok", execution.exception
    assert execution.stdout == body["example_output"] == card.example_output


async def _set_mastery(db: Database, student_id: str, topic: str, mastery: float) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO progress (student_id, topic, mastery) VALUES ($1, $2, $3)",
            student_id,
            topic,
            mastery,
        )


async def test_every_card_is_served_grounded_with_an_example_that_runs(
    client: httpx.AsyncClient, knowledge_base: KnowledgeBase, sandbox: Sandbox
) -> None:
    for card in knowledge_base.cards:
        response = await client.post(
            "/v1/concepts/explain",
            json={"student_id": "s-all", "text": f"Can you explain {card.title}?"},
        )
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["source"] == "card"
        assert body["concept_id"] == card.concept_id
        assert body["llm_used"] is False
        assert body["level"] == "beginner"  # no progress yet
        assert body["explanation"] == card.explanations["beginner"]
        assert body["check_question"] == card.check_question
        assert body["references"] == list(card.references)
        assert body["common_mistakes"] == list(card.common_mistakes)
        await _assert_example_runs(sandbox, body, card)


@pytest.mark.parametrize(
    ("mastery", "level"),
    [(None, "beginner"), (35.0, "beginner"), (55.0, "intermediate"), (85.0, "advanced")],
)
async def test_level_follows_the_students_mastery_of_the_topic(
    client: httpx.AsyncClient,
    db: Database,
    knowledge_base: KnowledgeBase,
    mastery: float | None,
    level: str,
) -> None:
    card = knowledge_base.get("list-comprehensions")
    assert card is not None
    if mastery is not None:
        await _set_mastery(db, "s-level", card.topic, mastery)
        # Mastery of another topic must not leak into this one.
        await _set_mastery(db, "s-level", "recursion", 100.0 - mastery)
    response = await client.post(
        "/v1/concepts/explain",
        json={"student_id": "s-level", "text": "what is a list comprehension?"},
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["level"] == level
    assert body["explanation"] == card.explanations[level]


async def test_an_explicit_level_overrides_mastery(
    client: httpx.AsyncClient, db: Database, knowledge_base: KnowledgeBase
) -> None:
    card = knowledge_base.get("recursion")
    assert card is not None
    await _set_mastery(db, "s-explicit", card.topic, 95.0)
    response = await client.post(
        "/v1/concepts/explain",
        json={"student_id": "s-explicit", "text": "how does recursion work", "level": "beginner"},
    )
    assert response.status_code == 200, response.text
    assert response.json()["level"] == "beginner"
    assert response.json()["explanation"] == card.explanations["beginner"]


ASK_QUESTIONS = [
    ("what is a list comprehension?", "list-comprehensions"),
    ("whats the diffrence between == and is", "equality-vs-identity"),
    ("how do decorators work in python", "decorators"),
    ("explain *args and **kwargs", "args-kwargs"),
]


@pytest.mark.parametrize(("question", "concept_id"), ASK_QUESTIONS)
async def test_ask_answers_concept_questions_from_the_card(
    client: httpx.AsyncClient,
    knowledge_base: KnowledgeBase,
    sandbox: Sandbox,
    question: str,
    concept_id: str,
) -> None:
    card = knowledge_base.get(concept_id)
    assert card is not None
    response = await client.post("/v1/ask", json={"student_id": "s-ask", "text": question})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["route"] == "concepts"
    payload = body["payload"]
    assert payload["concept_id"] == concept_id
    assert payload["source"] == "card"
    assert payload["explanation"] == card.explanations[payload["level"]]
    assert card.title in body["message"]
    await _assert_example_runs(sandbox, payload, card)


async def test_ask_streams_the_cards_answer_as_server_sent_events(
    client: httpx.AsyncClient, knowledge_base: KnowledgeBase, sandbox: Sandbox
) -> None:
    card = knowledge_base.get("list-comprehensions")
    assert card is not None
    async with client.stream(
        "POST",
        "/v1/ask",
        headers={"accept": "text/event-stream"},
        json={"student_id": "s-sse", "text": "what is a list comprehension?"},
    ) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        events = parse_sse([line async for line in response.aiter_lines()])
    names = [name for name, _ in events]
    assert names[0] == "meta"
    assert names[-1] == "done"
    assert set(names[1:-1]) == {"delta"}
    streamed = "".join(data["text"] for name, data in events if name == "delta")
    assert streamed == card.explanations["beginner"]
    payload = events[-1][1]["payload"]
    assert payload["explanation"] == streamed
    assert payload["llm_used"] is False
    await _assert_example_runs(sandbox, payload, card)
