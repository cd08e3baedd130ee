"""Practice over the HTTP API with a real PostgreSQL and sandbox: variants, grading with a
quality signal, mastery and its components, concept checks, and progress events."""

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.domain.concepts.checking import grade_check_answer
from serve_app.domain.exercises import load_bank
from serve_app.domain.exercises.variants import pick_variant, render_variant
from serve_app.domain.sandbox import Sandbox
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.events.validation import envelope_errors
from serve_app.service.context import ServiceContext
from serve_app.service.practice import PracticeFlow
from serve_app.service.tutor import Tutor
from serve_app.specialists.exercise import ExerciseSpecialist
from serve_app.store.database import Database
from tests.support.tutors import api_client

BANK = {spec.exercise_id: spec for spec in load_bank()}
CONCEPT = "list-comprehensions"


@pytest.fixture
async def client(tutor: Tutor) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(create_api(max_body_bytes=256 * 1024), tutor) as http:
        yield http


async def _events(db: Database, kind: str) -> list[dict[str, Any]]:
    async with db.connection() as conn:
        rows = await conn.fetch(
            "SELECT envelope FROM events WHERE type = $1 ORDER BY seq", f"learnflow.{kind}.v1"
        )
    return [row["envelope"]["data"] for row in rows]


async def _issue(http: httpx.AsyncClient, student: str, **wish: str) -> dict[str, Any]:
    response = await http.post("/v1/exercises", json={"student_id": student, **wish})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


async def _submit(http: httpx.AsyncClient, student: str, exercise_id: str, code: str) -> Any:
    response = await http.post(
        f"/v1/exercises/{exercise_id}/submissions", json={"student_id": student, "code": code}
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_students_get_variants_and_are_graded_against_their_own(
    client: httpx.AsyncClient,
) -> None:
    wish = {"topic": "loops", "difficulty": "easy"}
    issued = {}
    for student in ("v1", "v2", "v3", "v4"):
        # Two easy loops exercises: the second request avoids the first one seen.
        for _ in range(2):
            exercise = await _issue(client, student, **wish)
            if exercise["exercise_id"] == "loops-count-multiples":
                issued[student] = exercise
                break
    assert issued.keys() == {"v1", "v2", "v3", "v4"}
    expected = {s: pick_variant(s, "loops-count-multiples", 0, 3) for s in issued}
    assert {s: e["variant"] for s, e in issued.items()} == expected
    assert len(set(expected.values())) > 1, "these students should differ in variant"
    template = BANK["loops-count-multiples"]
    student, exercise = next(iter(issued.items()))
    own = render_variant(template, exercise["variant"])
    other = render_variant(template, exercise["variant"] + 1)
    assert exercise["prompt"] == own.prompt
    assert [e["result"] for e in exercise["examples"]] == [e.result for e in own.examples]
    passed = await _submit(client, student, own.exercise_id, own.solution)
    assert (passed["status"], passed["variant"]) == ("passed", exercise["variant"])
    # Another variant's solution is wrong for this student's prompt.
    wrong = await _submit(client, student, own.exercise_id, other.solution)
    assert wrong["status"] == "failed"


async def test_reissuing_an_exercise_moves_to_the_next_variant(
    db: Database, sandbox: Sandbox
) -> None:
    caesar = BANK["strings-caesar"]
    only_caesar = ExerciseSpecialist(sandbox, bank=[caesar])
    practice = PracticeFlow(ServiceContext(db=db, pseudonymize=Pseudonymizer(b"k")), only_caesar)
    await practice.seed_bank((caesar,))
    variants = [
        (await practice.new_exercise("cycler", topic="strings", difficulty=None)).variant
        for _ in range(4)
    ]
    assert sorted(variants[:3]) == [0, 1, 2]  # every variant before any repeats
    assert variants[3] == variants[0]


async def test_submission_has_per_test_results_score_feedback_and_quality(
    client: httpx.AsyncClient,
) -> None:
    exercise = await _issue(client, "q1", topic="lists", difficulty="hard")
    assert exercise["exercise_id"] == "lists-rotate"
    half_right = (
        "def rotate(items, k):\n"
        "    list = items[:]\n"  # shadows a builtin
        "    unused = 0\n"
        "    if not list:\n"
        "        return []\n"
        "    return list[-k:] + list[:-k]\n"
    )
    graded = await _submit(client, "q1", "lists-rotate", half_right)
    assert graded["status"] == "failed"
    assert 0 < graded["score"] < 1
    assert graded["passed"] == sum(r["passed"] for r in graded["results"])
    failing = [r for r in graded["results"] if not r["passed"]]
    assert failing
    assert all("failed" in r["message"] for r in failing)
    assert "First to fix" in graded["feedback"]
    quality = graded["quality"]
    assert 0 <= quality["score"] < 1
    lines = {
        (f["line"], f["message"].split("`")[1]) for f in quality["findings"] if "`" in f["message"]
    }
    assert (2, "list") in lines
    assert any("unused" in f["message"] for f in quality["findings"])
    assert graded["level"] in {"beginner", "learning", "proficient", "mastered"}


async def test_progress_shows_mastery_levels_components_and_emits_events(
    client: httpx.AsyncClient, db: Database
) -> None:
    spec = BANK["lists-rotate"]
    await _issue(client, "m1", topic="lists", difficulty="hard")
    graded = await _submit(client, "m1", spec.exercise_id, spec.solution)
    assert graded["status"] == "passed"
    progress = (await client.get("/v1/students/m1/progress")).json()
    assert {"topics", "overall_mastery", "streak_days", "struggling"} <= progress.keys()
    lists = progress["topics"]["lists"]
    # 40% of an aced hard exercise + 20% of clean code + 10% of a one-day streak (1/7).
    assert lists["components"] == {
        "exercises": 100.0,
        "checks": 0.0,
        "quality": 100.0,
        "streak": pytest.approx(14.3),
    }
    assert lists["mastery"] == pytest.approx(40 + 20 + 1.4, abs=0.1)
    assert lists["level"] == "learning"
    assert graded["mastery"] == lists["mastery"]
    assert progress["streak_days"] == 1
    updates = await _events(db, "progress.updated")
    assert updates[-1]["topic"] == "lists"
    assert updates[-1]["mastery"] == lists["mastery"]
    assert updates[-1]["level"] == "learning"
    assert updates[-1]["components"]["exercises"] == 100.0


async def test_check_answers_feed_mastery_and_reveal_the_answer_sensibly(
    client: httpx.AsyncClient, db: Database
) -> None:
    verdict = grade_check_answer(CONCEPT, "")
    url = f"/v1/concepts/{CONCEPT}/check"
    first = await client.post(url, json={"student_id": "c1", "answer": "no idea, sorry"})
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["correct"] is False
    assert body["expected"] is None  # one retry before the model answer is shown
    # A wrong answer earns nothing; the day's activity is a one-day streak (10% x 1/7).
    assert body["mastery"]["topic"] == verdict.topic
    assert body["mastery"]["mastery"] == pytest.approx(1.4, abs=0.1)
    assert body["mastery"]["level"] == "beginner"
    second = (await client.post(url, json={"student_id": "c1", "answer": "still no idea"})).json()
    assert second["expected"] == verdict.expected
    updates = await _events(db, "progress.updated")
    assert [u["topic"] for u in updates] == [verdict.topic, verdict.topic]
    progress = (await client.get("/v1/students/c1/progress")).json()
    assert progress["topics"][verdict.topic]["components"]["checks"] == 0.0


async def test_a_correct_check_answer_raises_mastery(client: httpx.AsyncClient) -> None:
    answer = grade_check_answer(CONCEPT, "").expected
    result = (
        await client.post(
            f"/v1/concepts/{CONCEPT}/check", json={"student_id": "c2", "answer": answer}
        )
    ).json()
    assert result["correct"] is True
    assert result["expected"] == answer
    # 30% for the checks plus a one-day streak.
    assert result["mastery"]["mastery"] == pytest.approx(30 + 1.4, abs=0.1)


async def test_unknown_concept_is_404_and_bad_bodies_422_writing_nothing(
    client: httpx.AsyncClient, db: Database
) -> None:
    unknown = await client.post(
        "/v1/concepts/no-such-concept/check", json={"student_id": "c3", "answer": "x"}
    )
    assert unknown.status_code == 404
    for body in ({"student_id": "c3"}, {"student_id": "c3", "answer": ""}, {"answer": "x"}):
        assert (await client.post(f"/v1/concepts/{CONCEPT}/check", json=body)).status_code == 422
    async with db.connection() as conn:
        assert await conn.fetchval("SELECT count(*) FROM concept_checks") == 0
        assert await conn.fetchval("SELECT count(*) FROM progress") == 0


async def test_unknown_exercise_submission_is_404(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/exercises/nope/submissions", json={"student_id": "x1", "code": "x = 1"}
    )
    assert response.status_code == 404


async def test_every_practice_event_matches_the_event_contract(
    client: httpx.AsyncClient, db: Database
) -> None:
    spec = BANK["lists-rotate"]
    await _issue(client, "ev1", topic="lists", difficulty="hard")
    for code in (spec.solution, "x = 1\n", "x = 1\n", "x = 1\n"):
        await _submit(client, "ev1", spec.exercise_id, code)
    await client.post(f"/v1/concepts/{CONCEPT}/check", json={"student_id": "ev2", "answer": "?"})
    async with db.connection() as conn:
        envelopes = [row["envelope"] for row in await conn.fetch("SELECT envelope FROM events")]
    kinds = {envelope["type"] for envelope in envelopes}
    assert {
        "learnflow.exercise.graded.v1",
        "learnflow.progress.updated.v1",
        "learnflow.struggle.detected.v1",
    } <= kinds
    assert {e["type"]: envelope_errors(e) for e in envelopes if envelope_errors(e)} == {}
