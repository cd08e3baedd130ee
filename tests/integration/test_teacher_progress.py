"""GET /v1/teacher/progress: every student's mastery at a glance, scoped like the alerts."""

import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.security.mint_token import mint
from serve_app.security.policy import SecurityPolicy
from serve_app.service.tutor import Tutor
from serve_app.settings import Settings
from serve_app.store.database import Database
from tests.support.tutors import api_client

SECRET = "teacher-progress-test-secret-0123456789abcdef"
SETTINGS = Settings(auth_mode="hs256", auth_jwt_secret=SECRET, rate_limit_per_minute=0)
URL = "/v1/teacher/progress"


def bearer(sub: str, *roles: str, classes: list[str] | None = None) -> dict[str, str]:
    # Minted at import (collection): valid for as long as a whole suite may take to get here.
    token = mint(SETTINGS, subject=sub, roles=roles, classes=classes, minutes=240)
    return {"authorization": f"Bearer {token}"}


ALICE = bearer("alice", "student")
T1 = bearer("t1", "teacher")  # teaches 7a: alice, carol
T1_ONLY_8B = bearer("t1", "teacher", classes=["8b"])  # a class t1 does not teach
T2 = bearer("t2", "teacher")  # teaches nobody
T3 = bearer("t3", "teacher")  # teaches 8b: bob
ADMIN = bearer("root", "admin")
NO_ROLE = bearer("ghost")


@pytest.fixture
async def client(tutor: Tutor) -> AsyncIterator[httpx.AsyncClient]:
    app = create_api(security=SecurityPolicy.from_settings(SETTINGS))
    async with api_client(app, tutor) as http:
        yield http


async def _put_class(client: httpx.AsyncClient, class_id: str, body: dict[str, Any]) -> None:
    response = await client.put(f"/v1/admin/classes/{class_id}", json=body, headers=ADMIN)
    assert response.status_code == 200, response.text


async def _set_mastery(db: Database, student_id: str, topic: str, mastery: float) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO progress (student_id, topic, mastery, attempts) VALUES ($1, $2, $3, 4)",
            student_id,
            topic,
            mastery,
        )


async def _open_alert(db: Database, student_id: str, topic: str, kind: str) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            "INSERT INTO struggle_alerts (alert_id, student_id, kind, topic, reason, severity)"
            " VALUES ($1, $2, $3, $4, 'three failed attempts', 'high')",
            str(uuid.uuid4()),
            student_id,
            kind,
            topic,
        )


@pytest.fixture
async def school(client: httpx.AsyncClient, db: Database) -> None:
    """7a: t1 teaches alice and carol (no work yet); 8b: t3 teaches bob; dave has no class."""
    await _put_class(
        client, "7a", {"name": "7a", "teacher_ids": ["t1"], "student_ids": ["alice", "carol"]}
    )
    await _put_class(client, "8b", {"name": "8b", "teacher_ids": ["t3"], "student_ids": ["bob"]})
    # Real activity today: the streak of alice starts.
    asked = await client.post(
        "/v1/ask", json={"student_id": "alice", "text": "what is a for loop?"}, headers=ALICE
    )
    assert asked.status_code == 200, asked.text
    await _set_mastery(db, "alice", "loops", 45.26)
    await _set_mastery(db, "alice", "functions", 91.0)
    await _set_mastery(db, "bob", "strings", 12.5)
    await _set_mastery(db, "dave", "lists", 70.0)
    await _open_alert(db, "alice", "loops", "low_scores")
    await _open_alert(db, "alice", "loops", "repeated_error")
    await _open_alert(db, "bob", "strings", "low_scores")
    async with db.transaction() as conn:
        # A resolved alert is not counted.
        await conn.execute(
            "UPDATE struggle_alerts SET status = 'resolved' WHERE student_id = 'bob'"
        )


def _by_student(response: httpx.Response) -> dict[str, dict[str, Any]]:
    assert response.status_code == 200, response.text
    body = response.json()
    ids = [row["student_id"] for row in body["students"]]
    assert ids == sorted(ids)
    return {row["student_id"]: row for row in body["students"]}


async def test_a_teacher_sees_the_students_of_their_classes(
    client: httpx.AsyncClient, school: None
) -> None:
    rows = _by_student(await client.get(URL, headers=T1))
    assert set(rows) == {"alice", "carol"}
    alice = rows["alice"]
    assert alice["topics"] == {
        "functions": {"mastery": 91.0, "level": "mastered"},
        "loops": {"mastery": 45.3, "level": "learning"},
    }
    assert alice["overall_mastery"] == round((91.0 + 45.3) / 2, 1)
    assert alice["streak_days"] == 1
    assert alice["open_alerts"] == 2
    # Enrolled but not started: listed with nothing yet.
    assert rows["carol"] == {
        "student_id": "carol",
        "overall_mastery": 0.0,
        "streak_days": 0,
        "topics": {},
        "open_alerts": 0,
    }
    assert set(_by_student(await client.get(URL, headers=T3))) == {"bob"}
    assert _by_student(await client.get(URL, headers=T2)) == {}
    # A token narrowed to a class the teacher does not teach shows nobody.
    assert _by_student(await client.get(URL, headers=T1_ONLY_8B)) == {}


async def test_an_admin_sees_every_student_and_the_numbers_match_their_progress(
    client: httpx.AsyncClient, school: None
) -> None:
    rows = _by_student(await client.get(URL, headers=ADMIN))
    assert set(rows) == {"alice", "bob", "carol", "dave"}
    assert rows["bob"]["open_alerts"] == 0
    for student_id, row in rows.items():
        progress = await client.get(f"/v1/students/{student_id}/progress", headers=ADMIN)
        assert progress.status_code == 200
        detail = progress.json()
        assert row["overall_mastery"] == detail["overall_mastery"], student_id
        assert row["streak_days"] == detail["streak_days"], student_id
        assert row["topics"] == {
            topic: {"mastery": t["mastery"], "level": t["level"]}
            for topic, t in detail["topics"].items()
        }


async def test_students_and_roleless_callers_are_refused(
    client: httpx.AsyncClient, school: None
) -> None:
    for headers, status in ((ALICE, 403), (NO_ROLE, 403), ({}, 401)):
        response = await client.get(URL, headers=headers)
        assert response.status_code == status, response.text
        assert "students" not in response.json()


async def test_pages_cover_every_student_once(client: httpx.AsyncClient, db: Database) -> None:
    students = [f"s{n:03d}" for n in range(23)]
    for n, student in enumerate(students):
        await _set_mastery(db, student, "loops", float(n))
    seen: list[str] = []
    after: str | None = None
    pages = 0
    while True:
        params: dict[str, Any] = {"limit": 10} | ({"after": after} if after else {})
        body = (await client.get(URL, params=params, headers=ADMIN)).json()
        seen += [row["student_id"] for row in body["students"]]
        pages += 1
        after = body["next_after"]
        if after is None:
            break
        assert len(body["students"]) == 10
    assert seen == students
    assert pages == 3


@pytest.mark.parametrize(
    "params",
    [{"limit": 0}, {"limit": 501}, {"limit": "many"}, {"after": ""}, {"after": "a b"}],
)
async def test_bad_paging_is_a_422(client: httpx.AsyncClient, params: dict[str, Any]) -> None:
    response = await client.get(URL, params=params, headers=ADMIN)
    assert response.status_code == 422, response.text
