"""The Debug hint ladder through `serve run` and real HTTP, with an LLM behind the Debug replica."""

from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.e2e.conftest import serving_tutor
from tests.support.fake_openai import FakeLLM, running_fake_llm
from tests.support.programs import FIXED_BASE_CASE, SKIPS_BASE_CASE

pytestmark = pytest.mark.e2e

DOUBLES = "n = int(input('Number: '))\nprint('Double: ' + n * 2)\n"


@pytest.fixture(scope="module")
def tutor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, FakeLLM]]:
    with running_fake_llm() as (fake, base_url):
        env = {
            "LEARNFLOW_LLM_BASE_URL": base_url,
            "LEARNFLOW_LLM_MODEL": "debug-e2e",
            "LEARNFLOW_LLM_TIMEOUT_SECONDS": "5",
        }
        with serving_tutor(tmp_path_factory.mktemp("serve-debug"), env) as url:
            yield url, fake


def _correction_requests(fake: FakeLLM) -> list[dict[str, Any]]:
    return [
        body
        for body in fake.requests
        if any("You correct programs" in m["content"] for m in body["messages"])
    ]


def _climb(http: httpx.Client, debug_id: str, student: str) -> list[dict[str, Any]]:
    """Every rung above the first: hint 2, hint 3, then the corrected code."""
    steps = []
    for _ in range(3):
        response = http.post(f"/v1/debug/{debug_id}/hints", json={"student_id": student})
        assert response.status_code == 200, response.text
        steps.append(response.json())
    return steps


def _assert_ladder_shape(first: dict[str, Any], steps: list[dict[str, Any]]) -> None:
    assert (first["hint_level"], first["hints_remaining"]) == (1, 3)
    assert [s["hint_level"] for s in steps] == [2, 3, 4]
    assert [s["hints_remaining"] for s in steps] == [2, 1, 0]
    hints = [first["hint"], *(s["hint"] for s in steps[:2])]
    assert len(set(hints)) == 3
    assert all(hint.strip() for hint in hints)
    # The corrected code is held back until the hints are used up.
    assert [s["solution"] for s in steps[:2]] == [None, None]


def test_ladder_climbs_to_a_local_correction_that_runs_clean(
    tutor: tuple[str, FakeLLM],
) -> None:
    url, fake = tutor
    student = "ladder-local"
    with httpx.Client(base_url=url, timeout=60) as http:
        first = http.post(
            "/v1/debug", json={"student_id": student, "code": DOUBLES, "stdin": "4\n"}
        ).json()
        assert (first["error_type"], first["line"]) == ("TypeError", 2)
        assert "line 2" in first["hint"].lower()

        steps = _climb(http, first["debug_id"], student)
        _assert_ladder_shape(first, steps)
        solution = steps[-1]["solution"]
        assert solution is not None
        assert "str(n * 2)" in solution

        rerun = http.post(
            "/v1/debug", json={"student_id": student, "code": solution, "stdin": "4\n"}
        ).json()
        assert (rerun["error_type"], rerun["line"]) == ("NoError", None)
        assert "Double: 8" in rerun["summary"]

        again = http.post(f"/v1/debug/{first['debug_id']}/hints", json={"student_id": student})
        assert again.status_code == 409
    # The local correction already runs cleanly, so the LLM was never asked for one.
    assert _correction_requests(fake) == []


def test_llm_correction_reaches_the_ladder_only_after_it_runs_clean(
    tutor: tuple[str, FakeLLM], monkeypatch: pytest.MonkeyPatch
) -> None:
    url, fake = tutor
    monkeypatch.setattr(fake, "answer_for", lambda _body: f"```python\n{FIXED_BASE_CASE}```")
    student = "ladder-llm"
    with httpx.Client(base_url=url, timeout=60) as http:
        first = http.post("/v1/debug", json={"student_id": student, "code": SKIPS_BASE_CASE})
        assert first.status_code == 200, first.text
        body = first.json()
        assert (body["error_type"], body["line"]) == ("RecursionError", 4)

        steps = _climb(http, body["debug_id"], student)
        _assert_ladder_shape(body, steps)
        assert steps[-1]["solution"] == FIXED_BASE_CASE

        rerun = http.post("/v1/debug", json={"student_id": student, "code": FIXED_BASE_CASE})
        assert rerun.json()["error_type"] == "NoError"
        assert "16" in rerun.json()["summary"]

        again = http.post(f"/v1/debug/{body['debug_id']}/hints", json={"student_id": student})
        assert again.status_code == 409
    (asked,) = _correction_requests(fake)
    assert SKIPS_BASE_CASE in asked["messages"][-1]["content"]
    assert student not in str(asked)
