"""GET /v1/events without a student: an admin follows everyone, a teacher follows the
students of their classes only (the web app's live alerts), a student is refused."""

import json
from collections.abc import AsyncIterator

import httpx
import pytest

from serve_app.api.app import create_api
from serve_app.events.feed import EventFeed
from serve_app.events.pseudonym import Pseudonymizer
from serve_app.security.mint_token import mint
from serve_app.security.policy import SecurityPolicy
from serve_app.service.tutor import Tutor
from serve_app.settings import Settings
from serve_app.store.database import Database
from tests.support.tutors import api_client

PSEUDONYMIZE = Pseudonymizer(b"test-key")  # the integration tutor's key
SECRET = "teacher-feed-test-secret-0123456789abcdef"
SETTINGS = Settings(auth_mode="hs256", auth_jwt_secret=SECRET, rate_limit_per_minute=0)


def bearer(sub: str, *roles: str, classes: list[str] | None = None) -> dict[str, str]:
    # Minted at import (collection): valid for as long as a whole suite may take to get here.
    token = mint(SETTINGS, subject=sub, roles=roles, classes=classes, minutes=240)
    return {"authorization": f"Bearer {token}"}


ADMIN = bearer("root", "admin")
TEACHER = bearer("t1", "teacher")
STUDENT = bearer("alice", "student")


def _subjects(text: str) -> list[str]:
    subjects = []
    for block in text.split("\n\n"):
        for line in block.splitlines():
            if line.startswith("data: "):
                subjects.append(json.loads(line[len("data: ") :])["subject"])
    return subjects


@pytest.fixture
async def client(tutor: Tutor, db: Database) -> AsyncIterator[httpx.AsyncClient]:
    feed = EventFeed(db, PSEUDONYMIZE, poll_seconds=0.1, heartbeat_seconds=5)
    app = create_api(security=SecurityPolicy.from_settings(SETTINGS))
    async with api_client(app, tutor, event_feed=feed, timeout=60) as http:
        yield http
    await feed.close()


@pytest.fixture
async def school(client: httpx.AsyncClient, tutor: Tutor) -> int:
    """Class 7a (teacher t1: alice, carol); bob is in nobody's class. Returns the event count."""
    put = await client.put(
        "/v1/admin/classes/7a",
        json={"name": "Year 7a", "teacher_ids": ["t1"], "student_ids": ["alice", "carol"]},
        headers=ADMIN,
    )
    assert put.status_code == 200, put.text
    for student in ("alice", "bob", "carol", "bob"):
        await tutor.tutoring.ask(student, "what is a list comprehension?", None)
    everything = await client.get("/v1/events", params={"after": 0, "limit": 4}, headers=ADMIN)
    assert everything.status_code == 200, everything.text
    return len(_subjects(everything.text))


async def test_a_teacher_follows_only_their_classes_students(
    client: httpx.AsyncClient, school: int
) -> None:
    assert school == 4
    response = await client.get("/v1/events", params={"after": 0, "limit": 2}, headers=TEACHER)
    assert response.status_code == 200, response.text
    got = _subjects(response.text)
    assert got == [PSEUDONYMIZE("alice"), PSEUDONYMIZE("carol")]


async def test_live_events_of_other_students_do_not_reach_a_teacher(
    client: httpx.AsyncClient, tutor: Tutor, school: int
) -> None:
    head = await client.get("/v1/events", params={"after": 0, "limit": 4}, headers=ADMIN)
    last_seen = max(int(line[4:]) for line in head.text.splitlines() if line.startswith("id: "))
    # After the cursor: bob twice, then carol; the teacher's first event must be carol's.
    for student in ("bob", "bob", "carol"):
        await tutor.tutoring.ask(student, "what is a tuple?", None)
    response = await client.get(
        "/v1/events", params={"after": last_seen, "limit": 1}, headers=TEACHER
    )
    assert _subjects(response.text) == [PSEUDONYMIZE("carol")]


@pytest.mark.parametrize(("headers", "status"), [(STUDENT, 403), ({}, 401)])
async def test_students_and_anonymous_callers_are_refused(
    client: httpx.AsyncClient, school: int, headers: dict[str, str], status: int
) -> None:
    response = await client.get("/v1/events", params={"after": 0, "limit": 1}, headers=headers)
    assert response.status_code == status, response.text
