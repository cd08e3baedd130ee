"""Privacy endpoints over the real FastAPI app, and the access log that never names a student."""

import logging
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
import yaml  # type: ignore[import-untyped]
from ray.serve.schema import ServeDeploySchema

from serve_app.api.access_log import logger as access_logger
from serve_app.api.app import create_api
from serve_app.security.policy import SecurityPolicy
from serve_app.service.tutor import Tutor
from serve_app.store.database import Database
from tests.support.tutors import api_client

STUDENT = "jane.doe-2011"
EMAIL = "jane.doe@family.example.com"


@pytest.fixture
async def client(tutor: Tutor) -> AsyncIterator[httpx.AsyncClient]:
    # Authentication off: these tests are about privacy, tests/integration/test_security*
    # cover who may call what.
    app = create_api(max_body_bytes=256 * 1024, security=SecurityPolicy())
    async with api_client(app, tutor) as http:
        yield http


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        # httpx/httpcore are this test's own client, logging the URL it requested.
        if not record.name.startswith(("httpx", "httpcore")):
            self.lines.append(self.format(record))


@pytest.fixture
def every_log_line() -> Iterator[list[str]]:
    """Every record any logger emits, at every level (including the access log's tree,
    which does not propagate to the root once Ray is imported)."""
    handler = _Collect()
    loggers = [logging.getLogger(), logging.getLogger("ray"), access_logger]
    saved = [(lg, lg.level) for lg in loggers]
    for lg in loggers:
        lg.addHandler(handler)
        lg.setLevel(logging.DEBUG)
    yield handler.lines
    for lg, level in saved:
        lg.removeHandler(handler)
        lg.setLevel(level)


async def test_logs_never_carry_the_student_id_or_email(
    client: httpx.AsyncClient, tutor: Tutor, every_log_line: list[str]
) -> None:
    text = f"what is a for loop? write to me at {EMAIL}"
    responses = [
        await client.post("/v1/ask", json={"student_id": STUDENT, "text": text}),
        await client.get(f"/v1/students/{STUDENT}/progress"),
        await client.get(f"/v1/students/{STUDENT}/history"),
        await client.get(f"/v1/students/{STUDENT}/export"),
        await client.get(f"/v1/students/{STUDENT}/nothing-here"),
        await client.post("/v1/ask", json={"student_id": STUDENT, "text": ""}),
    ]
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 404, 422]

    output = "\n".join(every_log_line)
    assert STUDENT not in output
    assert EMAIL not in output
    assert "jane.doe" not in output
    access = [line for line in every_log_line if " subject=" in line]
    assert len(access) == len(responses)
    subject = tutor.privacy.pseudonym(STUDENT)
    assert "GET /v1/students/{student_id}/progress 200" in output
    assert f"subject={subject}" in output
    assert "GET <unmatched> 404" in output


def test_serve_access_log_is_disabled_for_every_application() -> None:
    config = yaml.safe_load(Path("serve_config.yaml").read_text())
    schema = ServeDeploySchema.model_validate(config)
    assert schema.logging_config is not None
    assert schema.logging_config.enable_access_log is False
    for app in schema.applications:
        # An application-level config would override the global one.
        assert app.logging_config is None or app.logging_config.enable_access_log is False


async def test_privacy_settings_round_trip(client: httpx.AsyncClient) -> None:
    fresh = await client.get("/v1/students/kid-9/privacy")
    assert fresh.status_code == 200
    assert fresh.json()["llm_allowed"] is True
    assert fresh.json()["under_13"] is False

    marked = await client.put("/v1/students/kid-9/privacy", json={"under_13": True})
    assert marked.status_code == 200
    assert marked.json() == {
        "student_id": "kid-9",
        "under_13": True,
        "parental_consent": False,
        "parental_consent_at": None,
        "llm_allowed": False,
    }
    consented = await client.put(
        "/v1/students/kid-9/privacy", json={"under_13": True, "parental_consent": True}
    )
    assert consented.json()["llm_allowed"] is True
    assert consented.json()["parental_consent_at"] is not None


@pytest.mark.parametrize(
    "body",
    [{}, {"under_13": "maybe"}, {"under_13": True, "colour": "blue"}, {"parental_consent": True}],
)
async def test_bad_privacy_settings_are_422_and_change_nothing(
    client: httpx.AsyncClient, db: Database, body: dict[str, object]
) -> None:
    response = await client.put("/v1/students/kid-10/privacy", json=body)
    assert response.status_code == 422
    async with db.connection() as conn:
        assert await conn.fetchval("SELECT count(*) FROM students") == 0


async def test_export_then_delete_over_http(client: httpx.AsyncClient, db: Database) -> None:
    asked = await client.post(
        "/v1/ask", json={"student_id": STUDENT, "text": "what is a while loop?"}
    )
    assert asked.status_code == 200

    export = await client.get(f"/v1/students/{STUDENT}/export")
    assert export.status_code == 200
    body = export.json()
    assert body["student_id"] == STUDENT
    assert body["records"]["interactions"][0]["text"] == "what is a while loop?"
    assert body["events"][0]["type"] == "learnflow.response.delivered.v1"

    first = await client.delete(f"/v1/students/{STUDENT}")
    second = await client.delete(f"/v1/students/{STUDENT}")
    assert (first.status_code, second.status_code) == (204, 204)
    assert first.content == b""
    after = (await client.get(f"/v1/students/{STUDENT}/export")).json()
    assert all(rows == [] for rows in after["records"].values())
    assert [e["type"] for e in after["events"]] == ["learnflow.student.erased.v1"]
    async with db.connection() as conn:
        assert (
            await conn.fetchval("SELECT count(*) FROM interactions WHERE student_id = $1", STUDENT)
            == 0
        )


@pytest.mark.parametrize("path", ["/v1/students/bad%20id/export", "/v1/students/a%2Fb"])
async def test_malformed_student_ids_are_refused(client: httpx.AsyncClient, path: str) -> None:
    response = await (client.get(path) if path.endswith("export") else client.delete(path))
    assert response.status_code in {404, 422}
