"""Every cross-student and cross-role attempt, with authentication on: 401 or 403 (404 for
another student's debug session), and nothing written."""

import time
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import jwt
import pytest

from serve_app.api.app import create_api
from serve_app.security.mint_token import mint
from serve_app.security.policy import SecurityPolicy
from serve_app.service.tutor import Tutor
from serve_app.settings import Settings
from serve_app.store.database import Database
from tests.support.databases import row_counts
from tests.support.tutors import api_client

SECRET = "access-control-test-secret-0123456789abcdef"
SETTINGS = Settings(auth_mode="hs256", auth_jwt_secret=SECRET, rate_limit_per_minute=0)
TABLES = (
    "interactions",
    "debug_sessions",
    "exercises",
    "submissions",
    "progress",
    "struggle_alerts",
    "events",
    "classes",
    "class_teachers",
    "class_students",
    "quota_counters",
)


def bearer(sub: str, *roles: str, classes: list[str] | None = None) -> dict[str, str]:
    # Minted at import (collection): valid for as long as a whole suite may take to get here.
    token = mint(SETTINGS, subject=sub, roles=roles, classes=classes, minutes=240)
    return {"authorization": f"Bearer {token}"}


ALICE = bearer("alice", "student")
BOB = bearer("bob", "student")
T1 = bearer("t1", "teacher")  # teaches class 7a: alice
T1_OTHER_CLASS = bearer("t1", "teacher", classes=["8b"])
T2 = bearer("t2", "teacher")  # teaches nobody
ADMIN = bearer("root", "admin")
NO_ROLE = bearer("ghost")
EXPIRED = {
    "authorization": "Bearer "
    + jwt.encode(
        {
            "sub": "alice",
            "roles": ["student"],
            "iss": SETTINGS.auth_issuer,
            "aud": SETTINGS.auth_audience,
            "exp": int(time.time()) - 3600,
        },
        SECRET,
        algorithm="HS256",
    )
}
FORGED = {"authorization": "Bearer " + ALICE["authorization"].split()[1][:-4] + "AAAA"}


@pytest.fixture
async def client(tutor: Tutor) -> AsyncIterator[httpx.AsyncClient]:
    async with api_client(
        create_api(security=SecurityPolicy.from_settings(SETTINGS)), tutor
    ) as http:
        yield http


@pytest.fixture
async def school(client: httpx.AsyncClient, db: Database) -> dict[str, str]:
    """Class 7a (teacher t1, student alice), and some work of alice and bob."""
    put = await client.put(
        "/v1/admin/classes/7a",
        json={"name": "Year 7a", "teacher_ids": ["t1"], "student_ids": ["alice"]},
        headers=ADMIN,
    )
    assert put.status_code == 200, put.text
    debug = await client.post(
        "/v1/debug", json={"student_id": "alice", "code": "print(x)\n"}, headers=ALICE
    )
    assert debug.status_code == 200, debug.text
    exercise = await client.post("/v1/exercises", json={"student_id": "bob"}, headers=BOB)
    assert exercise.status_code == 200, exercise.text
    async with db.transaction() as conn:
        for student in ("alice", "bob"):
            await conn.execute(
                "INSERT INTO struggle_alerts (alert_id, student_id, topic, reason, severity)"
                " VALUES ($1, $2, 'loops', 'three failed attempts', 'high')",
                str(uuid.uuid4()),
                student,
            )
    return {"debug_id": debug.json()["debug_id"], "exercise_id": exercise.json()["exercise_id"]}


def _attempts(ids: dict[str, str]) -> list[tuple[str, str, dict[str, Any] | None, Any, int]]:
    teacher_exercise = {
        "title": "Shout",
        "prompt": "Write shout(s).",
        "topic": "strings",
        "difficulty": "easy",
        "tests": [{"name": "upper", "code": "assert shout('a') == 'A!'"}],
    }
    hints = f"/v1/debug/{ids['debug_id']}/hints"
    submit = f"/v1/exercises/{ids['exercise_id']}/submissions"
    klass = {"name": "x", "teacher_ids": ["t2"], "student_ids": ["bob"]}
    return [
        # A student acting as another student.
        ("POST", "/v1/ask", {"student_id": "bob", "text": "what is a list?"}, ALICE, 403),
        ("POST", "/v1/concepts/explain", {"student_id": "bob", "text": "loops"}, ALICE, 403),
        ("POST", "/v1/debug", {"student_id": "bob", "code": "print(x)\n"}, ALICE, 403),
        ("POST", "/v1/exercises", {"student_id": "alice"}, BOB, 403),
        ("POST", submit, {"student_id": "alice", "code": "pass\n"}, ALICE, 200),
        ("POST", submit, {"student_id": "bob", "code": "pass\n"}, ALICE, 403),
        ("POST", hints, {"student_id": "alice"}, BOB, 403),
        # Bob naming himself still cannot reach alice's session: it does not exist for him.
        ("POST", hints, {"student_id": "bob"}, BOB, 404),
        ("GET", "/v1/students/alice/progress", None, BOB, 403),
        ("GET", "/v1/students/alice/history", None, BOB, 403),
        # Teachers: not as a student, only their classes' students, only their alerts.
        ("POST", "/v1/ask", {"student_id": "alice", "text": "hi"}, T1, 403),
        ("POST", "/v1/debug", {"student_id": "alice", "code": "1/0\n"}, T1, 403),
        ("POST", submit, {"student_id": "alice", "code": "pass\n"}, T1, 403),
        ("GET", "/v1/students/bob/progress", None, T1, 403),
        ("GET", "/v1/students/bob/history", None, T1, 403),
        ("GET", "/v1/students/alice/history", None, T2, 403),
        ("GET", "/v1/students/alice/progress", None, T1_OTHER_CLASS, 403),
        # Students and role-less tokens on teacher and admin endpoints.
        ("GET", "/v1/teacher/alerts", None, ALICE, 403),
        ("GET", "/v1/teacher/classes", None, ALICE, 403),
        ("POST", "/v1/teacher/exercises", teacher_exercise, ALICE, 403),
        ("GET", "/v1/teacher/alerts", None, NO_ROLE, 403),
        ("POST", "/v1/ask", {"student_id": "ghost", "text": "hi"}, NO_ROLE, 403),
        ("PUT", "/v1/admin/classes/7a", klass, ALICE, 403),
        ("PUT", "/v1/admin/classes/7a", klass, T1, 403),
        ("GET", "/v1/admin/classes", None, T1, 403),
        ("GET", "/v1/admin/classes/7a", None, T1, 403),
        ("DELETE", "/v1/admin/classes/7a", None, T1, 403),
        # No, expired or forged tokens.
        ("POST", "/v1/ask", {"student_id": "alice", "text": "hi"}, {}, 401),
        ("POST", "/v1/ask", {"student_id": "alice", "text": "hi"}, EXPIRED, 401),
        ("POST", "/v1/ask", {"student_id": "alice", "text": "hi"}, FORGED, 401),
        ("GET", "/v1/students/alice/progress", None, EXPIRED, 401),
        ("PUT", "/v1/admin/classes/7a", klass, FORGED, 401),
    ]


async def test_every_cross_student_and_cross_role_attempt_is_refused(
    client: httpx.AsyncClient, db: Database, school: dict[str, str]
) -> None:
    for method, path, body, headers, status in _attempts(school):
        if status == 200:
            continue
        before = await row_counts(db, TABLES)
        response = await client.request(method, path, json=body, headers=headers)
        assert response.status_code == status, (method, path, headers, response.text)
        if status == 401:
            assert response.headers["www-authenticate"].startswith("Bearer")
        assert await row_counts(db, TABLES) == before, (method, path)


async def test_every_v1_endpoint_requires_a_token(client: httpx.AsyncClient, db: Database) -> None:
    """Also catches a new route that forgot its AccessDep."""
    schema = (await client.get("/openapi.json")).json()
    before = await row_counts(db, TABLES)
    checked = 0
    for path, operations in schema["paths"].items():
        if not path.startswith("/v1/"):
            continue
        concrete = path.replace("{", "").replace("}", "")
        for method in operations:
            response = await client.request(method.upper(), concrete, json={})
            assert response.status_code == 401, (method, path, response.text)
            checked += 1
    assert checked >= 15
    assert await row_counts(db, TABLES) == before


async def test_students_teachers_and_admins_reach_what_they_may(
    client: httpx.AsyncClient, school: dict[str, str]
) -> None:
    assert (await client.get("/v1/students/alice/progress", headers=ALICE)).status_code == 200
    assert (await client.get("/v1/students/alice/history", headers=T1)).status_code == 200
    assert (await client.get("/v1/students/bob/history", headers=ADMIN)).status_code == 200
    hint = await client.post(
        f"/v1/debug/{school['debug_id']}/hints", json={"student_id": "alice"}, headers=ALICE
    )
    assert hint.status_code == 200
    assert (await client.post("/v1/triage", json={"text": "hi"}, headers=T2)).status_code == 200

    def students(response: httpx.Response) -> set[str]:
        assert response.status_code == 200, response.text
        return {alert["student_id"] for alert in response.json()["alerts"]}

    assert students(await client.get("/v1/teacher/alerts", headers=T1)) == {"alice"}
    assert students(await client.get("/v1/teacher/alerts", headers=T2)) == set()
    assert students(await client.get("/v1/teacher/alerts", headers=T1_OTHER_CLASS)) == set()
    assert students(await client.get("/v1/teacher/alerts", headers=ADMIN)) == {"alice", "bob"}
    mine = (await client.get("/v1/teacher/classes", headers=T1)).json()["classes"]
    assert [c["class_id"] for c in mine] == ["7a"]
    assert (await client.get("/v1/teacher/classes", headers=T2)).json() == {"classes": []}


async def test_admins_manage_classes_and_enrolment_opens_access(
    client: httpx.AsyncClient,
) -> None:
    assert (await client.get("/v1/students/bob/progress", headers=T2)).status_code == 403
    body = {"name": "Year 8b", "teacher_ids": ["t2"], "student_ids": ["bob", "carol"]}
    put = await client.put("/v1/admin/classes/8b", json=body, headers=ADMIN)
    assert put.json() == {"class_id": "8b", **body}
    assert (await client.get("/v1/students/bob/progress", headers=T2)).status_code == 200
    replaced = {"name": "Year 8b", "teacher_ids": ["t2"], "student_ids": ["carol"]}
    assert (await client.put("/v1/admin/classes/8b", json=replaced, headers=ADMIN)).is_success
    assert (await client.get("/v1/students/bob/progress", headers=T2)).status_code == 403
    listed = (await client.get("/v1/admin/classes", headers=ADMIN)).json()["classes"]
    assert [c["student_ids"] for c in listed] == [["carol"]]
    assert (await client.delete("/v1/admin/classes/8b", headers=ADMIN)).status_code == 204
    assert (await client.get("/v1/admin/classes/8b", headers=ADMIN)).status_code == 404
    assert (await client.delete("/v1/admin/classes/8b", headers=ADMIN)).status_code == 404
    bad = {"name": "", "teacher_ids": ["bad id"], "student_ids": []}
    assert (await client.put("/v1/admin/classes/9c", json=bad, headers=ADMIN)).status_code == 422
