"""Generated exercises over real HTTP to a local OpenAI-protocol server: served only when the
sandbox proves them, otherwise the bank answers."""

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.domain.concepts import KnowledgeBase
from serve_app.domain.exercises import load_bank
from serve_app.domain.sandbox import Sandbox
from serve_app.store.database import Database
from tests.support.fake_openai import FakeLLM
from tests.support.tutors import api_client, fake_llm_client, seeded_tutor

BANK_IDS = {spec.exercise_id for spec in load_bank()}
CUBE: dict[str, Any] = {
    "title": "Cube a number",
    "prompt": "Write `cube(n: int) -> int` that returns `n` to the power of three.",
    "starter_code": "def cube(n):\n    pass\n",
    "solution": "def cube(n):\n    return n ** 3\n",
    "examples": [{"call": "cube(2)", "result": "8"}, {"call": "cube(-1)", "result": "-1"}],
    "tests": [
        {"name": "two", "code": "assert cube(2) == 8"},
        {"name": "zero", "code": "assert cube(0) == 0"},
        {"name": "negative", "code": "assert cube(-3) == -27"},
        {"name": "ten", "code": "assert cube(10) == 1000"},
    ],
}


@pytest.fixture
async def client(
    db: Database, knowledge_base: KnowledgeBase, sandbox: Sandbox, fake_llm: tuple[FakeLLM, str]
) -> AsyncIterator[httpx.AsyncClient]:
    llm = fake_llm_client(fake_llm, timeout=5)
    tutor = await seeded_tutor(db, knowledge_base, sandbox, exercise_llm=llm)
    async with api_client(create_api(max_body_bytes=256 * 1024), tutor) as http:
        yield http
    await llm.close()


def _answer_with(fake: FakeLLM, exercise: dict[str, Any]) -> None:
    reply = "Here is the exercise:\n```json\n" + json.dumps(exercise) + "\n```"
    fake.answer_for = lambda body: reply  # type: ignore[method-assign]


async def _request(client: httpx.AsyncClient, student: str) -> dict[str, Any]:
    response = await client.post(
        "/v1/exercises", json={"student_id": student, "topic": "functions", "difficulty": "easy"}
    )
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def test_a_verified_generated_exercise_is_served_and_gradable(
    client: httpx.AsyncClient, fake_llm: tuple[FakeLLM, str]
) -> None:
    fake, _ = fake_llm
    _answer_with(fake, CUBE)
    exercise = await _request(client, "g1")
    assert exercise["exercise_id"].startswith("generated-")
    assert (exercise["title"], exercise["topic"], exercise["difficulty"]) == (
        "Cube a number",
        "functions",
        "easy",
    )
    assert "tests" not in exercise
    assert "n ** 3" not in json.dumps(exercise)  # the reference solution stays on the server
    sent = fake.requests[-1]
    assert "functions" in sent["messages"][-1]["content"]
    graded = await client.post(
        f"/v1/exercises/{exercise['exercise_id']}/submissions",
        json={"student_id": "g1", "code": CUBE["solution"]},
    )
    assert graded.json()["status"] == "passed"
    wrong = await client.post(
        f"/v1/exercises/{exercise['exercise_id']}/submissions",
        json={"student_id": "g1", "code": "def cube(n):\n    return n * 3\n"},
    )
    assert wrong.json()["status"] == "failed"


@pytest.mark.parametrize(
    "broken",
    [
        CUBE | {"solution": "def cube(n):\n    return n * 3\n"},  # fails its own tests
        CUBE
        | {"examples": [{"call": "cube(2)", "result": "9"}, {"call": "cube(1)", "result": "1"}]},
        CUBE | {"starter_code": "def cube(n):\n    return n ** 3\n"},  # tests test nothing
        CUBE | {"solution": "while True:\n    pass\n"},  # not even the starter's names
    ],
)
async def test_an_unproven_generated_exercise_falls_back_to_the_bank(
    client: httpx.AsyncClient, fake_llm: tuple[FakeLLM, str], broken: dict[str, Any]
) -> None:
    fake, _ = fake_llm
    _answer_with(fake, broken)
    exercise = await _request(client, "g2")
    assert fake.requests, "the LLM was asked"
    assert exercise["exercise_id"] in BANK_IDS


async def test_an_llm_outage_falls_back_to_the_bank(
    client: httpx.AsyncClient, fake_llm: tuple[FakeLLM, str]
) -> None:
    fake, _ = fake_llm
    fake.mode = "error"
    exercise = await _request(client, "g3")
    assert exercise["exercise_id"] in BANK_IDS
