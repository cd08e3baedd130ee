"""The whole graph through `serve run serve_config.yaml` and real HTTP."""

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

pytestmark = pytest.mark.e2e

CONTRACT_CHECK = Path(__file__).resolve().parents[3] / "shared" / "tools" / "contract_check.py"


def test_acceptance_question_gets_a_routed_answer(tutor_url: str) -> None:
    response = httpx.post(
        f"{tutor_url}/v1/ask",
        timeout=30,
        json={"student_id": "s1", "text": "what is a list comprehension?"},
    )
    assert response.status_code == 200
    body = response.json()
    assert body["route"] == "concepts"
    assert "comprehension" in body["payload"]["concept"].lower()
    assert body["message"].strip()


def test_routes_reach_each_specialist(tutor_url: str) -> None:
    with httpx.Client(base_url=tutor_url, timeout=30) as http:
        debug = http.post(
            "/v1/ask",
            json={
                "student_id": "e1",
                "text": "my code crashes with an error, please help",
                "code": "names = ['a', 'b']\nprint(nmes[0])\n",
            },
        ).json()
        assert debug["route"] == "debug"
        assert debug["payload"]["error_type"] == "NameError"
        assert "names" in debug["payload"]["summary"]

        practice = http.post(
            "/v1/ask", json={"student_id": "e1", "text": "give me a practice problem about loops"}
        ).json()
        assert practice["route"] == "exercise"
        assert practice["payload"]["topic"] == "loops"
        assert "tests" not in practice["payload"]

        history = http.get("/v1/students/e1/history").json()
        assert {i["route"] for i in history["interactions"]} >= {"debug", "exercise"}


def test_debug_ladder_and_grading_through_the_graph(tutor_url: str) -> None:
    with httpx.Client(base_url=tutor_url, timeout=30) as http:
        debug = http.post(
            "/v1/debug",
            json={
                "student_id": "e2",
                "code": "total = 0\nfor n in [1, 2]:\n    total += n\nprint('total: ' + total)\n",
            },
        ).json()
        assert (debug["error_type"], debug["line"]) == ("TypeError", 4)
        levels = [
            http.post(f"/v1/debug/{debug['debug_id']}/hints", json={"student_id": "e2"})
            for _ in range(4)
        ]
        assert [r.status_code for r in levels] == [200, 200, 200, 409]
        assert levels[2].json()["hints_remaining"] == 0

        exercise = http.post(
            "/v1/exercises", json={"student_id": "e2", "topic": "strings", "difficulty": "easy"}
        ).json()
        graded = http.post(
            f"/v1/exercises/{exercise['exercise_id']}/submissions",
            json={"student_id": "e2", "code": "while True:\n    pass\n"},
        )
        assert graded.status_code == 200
        assert graded.json()["status"] == "timeout"
        assert http.get("/readyz").status_code == 200


def test_bad_input_never_reaches_a_500(tutor_url: str) -> None:
    with httpx.Client(base_url=tutor_url, timeout=30) as http:
        assert http.post("/v1/ask", json={}).status_code == 422
        assert http.post("/v1/ask", json={"student_id": "s", "text": 5}).status_code == 422
        assert (
            http.post("/v1/ask", json={"student_id": "s", "text": "x" * 200_000}).status_code == 413
        )
        assert (
            http.post(
                "/v1/exercises/nope/submissions", json={"student_id": "s", "code": "pass"}
            ).status_code
            == 404
        )
        assert http.post("/v1/debug/nope/hints", json={"student_id": "s"}).status_code == 404


def test_ask_streams_over_sse(tutor_url: str) -> None:
    with httpx.stream(
        "POST",
        f"{tutor_url}/v1/ask",
        timeout=30,
        headers={"accept": "text/event-stream"},
        json={"student_id": "e3", "text": "explain recursion"},
    ) as response:
        assert response.headers["content-type"].startswith("text/event-stream")
        lines = [line for line in response.iter_lines() if line.startswith("data: ")]
    done = json.loads(lines[-1].removeprefix("data: "))
    assert done["route"] == "concepts"
    assert done["interaction_id"]


@pytest.mark.skipif(not CONTRACT_CHECK.exists(), reason="shared/tools/contract_check.py absent")
def test_shared_contract_check_passes(tutor_url: str) -> None:
    result = subprocess.run(
        [sys.executable, str(CONTRACT_CHECK), tutor_url],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_endpoint_answers_over_http(tutor_url: str) -> None:
    with httpx.Client(base_url=tutor_url, timeout=30) as http:
        assert http.get("/healthz").json() == {"status": "ok"}
        triage = http.post("/v1/triage", json={"text": "what does enumerate do?"}).json()
        assert {"route", "confidence", "needs_clarification"} <= triage.keys()
        explain = http.post(
            "/v1/concepts/explain",
            json={"student_id": "e4", "text": "what is a dictionary", "level": "intermediate"},
        ).json()
        assert explain["level"] == "intermediate"
        assert explain["references"][0].startswith("https://docs.python.org/3/")

        authored = http.post(
            "/v1/teacher/exercises",
            json={
                "title": "Shout",
                "prompt": "Write `shout(s)` returning `s` upper-cased plus '!'.",
                "topic": "strings",
                "difficulty": "easy",
                "starter_code": "def shout(s):\n    pass\n",
                "tests": [
                    {"name": "one letter", "code": "assert shout('a') == 'A!'"},
                    {"name": "empty", "code": "assert shout('') == '!'"},
                ],
                "solution": "def shout(s):\n    return s.upper() + '!'\n",
            },
        )
        assert authored.status_code == 201
        exercise_id = authored.json()["exercise_id"]
        refused = http.post(
            "/v1/teacher/exercises",
            json={
                "title": "Broken",
                "prompt": "p",
                "topic": "strings",
                "difficulty": "easy",
                "tests": [{"name": "t", "code": "assert shout('a') == 'A!'"}],
                "solution": "def shout(s):\n    return s\n",
            },
        )
        assert refused.status_code == 422

        graded = http.post(
            f"/v1/exercises/{exercise_id}/submissions",
            json={"student_id": "e4", "code": "def shout(s):\n    return s.upper() + '!'\n"},
        ).json()
        assert (graded["status"], graded["passed"], graded["total"]) == ("passed", 2, 2)

        progress = http.get("/v1/students/e4/progress").json()
        assert progress["topics"]["strings"]["attempts"] == 1
        assert progress["streak_days"] == 1
        history = http.get("/v1/students/e4/history").json()
        assert history["submissions"][0]["exercise_id"] == exercise_id
        assert "alerts" in http.get("/v1/teacher/alerts").json()
