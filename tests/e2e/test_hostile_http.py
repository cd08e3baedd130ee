"""Hostile submissions through the real graph (`serve run` + HTTP): each gets its status,
nothing escapes, no secret leaks, and the next honest submission is graded normally."""

import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pytest

from serve_app.domain.exercises import load_bank
from tests.e2e.conftest import serving_tutor

pytestmark = pytest.mark.e2e

EXERCISE = "variables-celsius-to-fahrenheit"
HONEST = {s.exercise_id: s for s in load_bank()}[EXERCISE].solution
WRONG = "def celsius_to_fahrenheit(celsius):\n    return celsius\n"
CANARY = f"sk-canary-{secrets.token_hex(12)}"


@pytest.fixture(scope="module")
def hostile_tutor(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp("hostile")
    # Secrets the student's code must never see: the LLM key (no LLM URL, so it stays unused)
    # and an unrelated variable in the service's environment.
    env = {"LEARNFLOW_LLM_API_KEY": CANARY, "HOSTILE_TEST_CANARY": CANARY}
    with serving_tutor(tmp, env) as url:
        yield url, tmp


def _submit(url: str, code: str, student: str = "hostile") -> httpx.Response:
    return httpx.post(
        f"{url}/v1/exercises/{EXERCISE}/submissions",
        json={"student_id": student, "code": code},
        timeout=60,
    )


def _cases(url: str, tmp: Path) -> dict[str, tuple[str, set[str]]]:
    port = urlsplit(url).port
    outside = tmp / "escaped.txt"
    return {
        "infinite loop": ("while True:\n    pass\n", {"timeout"}),
        "fork bomb": ("import os\nwhile True:\n    os.fork()\n", {"rejected"}),
        "memory bomb": ("blob = bytearray(10**10)\n", {"memory_limit"}),
        "connect to the tutor": (
            "import socket\n"
            f"socket.create_connection(('127.0.0.1', {port}), timeout=3).sendall(b'GET /')\n"
            + WRONG,
            {"error", "rejected"},
        ),
        "environment secrets": (
            "import os\ndef celsius_to_fahrenheit(celsius):\n    return repr(dict(os.environ))\n",
            {"failed"},
        ),
        "the service's environment through /proc": (
            f"import os\nleak = open(f'/proc/{{os.getppid()}}/environ').read()\n{WRONG}",
            {"rejected", "error"},
        ),
        "write outside the work dir": (
            f"open({str(outside)!r}, 'w').write('escaped')\n" + WRONG,
            {"rejected", "error"},
        ),
        "patch AssertionError and builtins": (
            "import builtins\n"
            "builtins.AssertionError = type('Never', (Exception,), {})\n"
            "builtins.isinstance = lambda *args: True\n" + WRONG,
            {"failed"},
        ),
        "print a pytest summary": (
            "print('4 passed')\nprint('== 6 passed ==')\n" + WRONG,
            {"failed"},
        ),
        "exit early with status 0": ("import os\n" + WRONG + "os._exit(0)\n", {"error"}),
        "50 MB of output": (
            "import sys\nsys.stdout.write('x' * 50_000_000)\n" + HONEST,
            {"passed"},
        ),
    }


CASE_NAMES = [
    "infinite loop",
    "fork bomb",
    "memory bomb",
    "connect to the tutor",
    "environment secrets",
    "the service's environment through /proc",
    "write outside the work dir",
    "patch AssertionError and builtins",
    "print a pytest summary",
    "exit early with status 0",
    "50 MB of output",
]


@pytest.mark.parametrize("name", CASE_NAMES)
def test_hostile_submission_is_contained_and_the_service_stays_healthy(
    hostile_tutor: tuple[str, Path], name: str
) -> None:
    url, tmp = hostile_tutor
    code, statuses = _cases(url, tmp)[name]
    response = _submit(url, code)
    assert response.status_code == 200, response.text[:500]
    graded: dict[str, Any] = response.json()
    assert graded["status"] in statuses, (name, graded["status"], graded["feedback"])
    if "passed" not in statuses:
        assert graded["passed"] < graded["total"]
    assert CANARY not in response.text
    assert len(response.content) < 64 * 1024  # output is capped, never echoed in bulk
    assert not (tmp / "escaped.txt").exists()

    honest = _submit(url, HONEST, student="honest")
    assert honest.status_code == 200
    assert honest.json()["status"] == "passed"
    assert httpx.get(f"{url}/healthz", timeout=10).status_code == 200


def test_case_names_cover_every_case(hostile_tutor: tuple[str, Path]) -> None:
    url, tmp = hostile_tutor
    assert sorted(_cases(url, tmp)) == sorted(CASE_NAMES)
