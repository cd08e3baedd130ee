"""The v1 HTTP contract over the real FastAPI app, a real PostgreSQL and the real engines.

(The same contract is checked again through `serve run` in tests/e2e.)
"""

from collections.abc import AsyncIterator

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.support.databases import row_counts
from tests.support.tutors import api_client

TABLES = ("interactions", "debug_sessions", "exercises", "submissions", "progress", "events")


@pytest.fixture
async def client(tutor: Tutor) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(create_api(max_body_bytes=256 * 1024), tutor) as http:
        yield http


BAD_REQUESTS = [
    ("/v1/ask", {}, 422),
    ("/v1/ask", {"student_id": "s1"}, 422),
    ("/v1/ask", {"student_id": "s1", "text": 5}, 422),
    ("/v1/ask", {"student_id": "s1", "text": ""}, 422),
    ("/v1/ask", {"student_id": "", "text": "hi"}, 422),
    ("/v1/ask", {"student_id": "s1", "text": "hi", "colour": "blue"}, 422),
    ("/v1/ask", {"student_id": "s1", "text": "x" * 4_001}, 413),
    ("/v1/ask", {"student_id": "s1", "text": "fix", "code": "x" * 20_001}, 413),
    ("/v1/triage", {"text": ["list"]}, 422),
    ("/v1/concepts/explain", {"student_id": "s1", "text": "loops", "level": "expert"}, 422),
    ("/v1/debug", {"student_id": "s1"}, 422),
    ("/v1/debug", {"student_id": "s1", "code": ""}, 422),
    ("/v1/exercises", {"student_id": "s1", "difficulty": "impossible"}, 422),
    ("/v1/exercises", {"student_id": "s1", "topic": "astrology"}, 422),
    ("/v1/exercises/does-not-exist/submissions", {"student_id": "s1", "code": "pass"}, 404),
    ("/v1/exercises/x/submissions", {"student_id": "s1"}, 422),
    ("/v1/debug/00000000-0000-0000-0000-000000000000/hints", {"student_id": "s1"}, 404),
    ("/v1/debug/not-a-uuid/hints", {"student_id": "s1"}, 404),
    (
        "/v1/teacher/exercises",
        {"title": "t", "prompt": "p", "topic": "loops", "difficulty": "easy", "tests": []},
        422,
    ),
    (
        "/v1/teacher/exercises",
        {
            "title": "t",
            "prompt": "p",
            "topic": "loops",
            "difficulty": "easy",
            "tests": [{"name": "n", "code": "assert ("}],
        },
        422,
    ),
]


@pytest.mark.parametrize(("path", "body", "status"), BAD_REQUESTS)
async def test_bad_input_gets_a_clear_4xx_and_writes_nothing(
    client: httpx.AsyncClient, db: Database, path: str, body: dict[str, object], status: int
) -> None:
    before = await row_counts(db, TABLES)
    response = await client.post(path, json=body)
    assert response.status_code == status, response.text
    assert "detail" in response.json()
    assert await row_counts(db, TABLES) == before


async def test_malformed_json_and_huge_bodies_are_refused(
    client: httpx.AsyncClient, db: Database
) -> None:
    before = await row_counts(db, TABLES)
    broken = await client.post(
        "/v1/ask", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert broken.status_code == 422
    huge = await client.post(
        "/v1/ask", content=b"x" * (300 * 1024), headers={"content-type": "application/json"}
    )
    assert huge.status_code == 413
    assert await row_counts(db, TABLES) == before


async def test_bad_path_ids_are_refused(client: httpx.AsyncClient) -> None:
    assert (await client.get("/v1/students/bad%20id/progress")).status_code == 422
    assert (await client.get("/v1/students/" + "x" * 200 + "/history")).status_code == 422


async def test_every_endpoint_answers_with_its_fields(client: httpx.AsyncClient) -> None:
    triage = (await client.post("/v1/triage", json={"text": "what is a dict?"})).json()
    assert {"route", "confidence", "needs_clarification"} <= triage.keys()

    ask = await client.post("/v1/ask", json={"student_id": "h1", "text": "explain recursion"})
    assert ask.status_code == 200
    assert {"interaction_id", "route", "confidence", "message", "payload"} <= ask.json().keys()

    explain = await client.post(
        "/v1/concepts/explain",
        json={"student_id": "h1", "text": "what is a dictionary", "level": "advanced"},
    )
    assert explain.status_code == 200
    body = explain.json()
    assert {"concept", "explanation", "example_code", "check_question", "references"} <= (
        body.keys()
    )
    assert body["level"] == "advanced"

    debug = (
        await client.post("/v1/debug", json={"student_id": "h1", "code": "x = [1]\nprint(x[3])\n"})
    ).json()
    assert (debug["error_type"], debug["line"]) == ("IndexError", 2)
    hint = await client.post(f"/v1/debug/{debug['debug_id']}/hints", json={"student_id": "h1"})
    assert hint.status_code == 200
    assert hint.json()["hint_level"] == 2

    exercise = (
        await client.post("/v1/exercises", json={"student_id": "h1", "topic": "strings"})
    ).json()
    assert "tests" not in exercise
    assert "solution" not in exercise
    submitted = await client.post(
        f"/v1/exercises/{exercise['exercise_id']}/submissions",
        json={"student_id": "h1", "code": "pass\n"},
    )
    assert submitted.status_code == 200
    assert submitted.json()["status"] in {"failed", "error"}

    teacher = await client.post(
        "/v1/teacher/exercises",
        json={
            "title": "Shout",
            "prompt": "Write `shout(s)`.",
            "topic": "strings",
            "difficulty": "easy",
            "tests": [{"name": "upper", "code": "assert shout('a') == 'A!'"}],
            "solution": "def shout(s):\n    return s.upper() + '!'\n",
        },
    )
    assert teacher.status_code == 201
    assert teacher.json()["exercise_id"].startswith("teacher-")

    progress = (await client.get("/v1/students/h1/progress")).json()
    assert {"topics", "overall_mastery", "streak_days", "struggling"} <= progress.keys()
    history = (await client.get("/v1/students/h1/history")).json()
    assert len(history["interactions"]) >= 4
    assert (await client.get("/v1/teacher/alerts")).status_code == 200
    assert (await client.get("/healthz")).json() == {"status": "ok"}
    assert (await client.get("/readyz")).status_code == 200


async def test_ask_streams_server_sent_events(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/ask",
        json={"student_id": "h2", "text": "what is a list comprehension?"},
        headers={"accept": "text/event-stream"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/event-stream")
    names = [
        line.removeprefix("event: ")
        for line in response.text.splitlines()
        if line.startswith("event: ")
    ]
    assert names[0] == "meta"
    assert names[-1] == "done"
    assert names.count("delta") >= 2
