# mypy: disallow-untyped-calls=False
# (Locust ships without annotations for User.wait, events.request.fire and LoadTestShape.)
"""Simulated LearnFlow students for Locust.

A `Student` does what students do, weighted by how often they do it: asks about a concept
(/v1/ask, /v1/concepts/explain), pastes broken code and climbs the hint ladder until the
solution is shown (409 afterwards), takes an exercise and submits a wrong attempt and then
the right one, and checks their progress. Between two actions they think for 3–10 s.

`LLMStudent` (only in the LLM scenario) streams answers from /v1/ask with
`Accept: text/event-stream` and reports the time to the first token as its own entry,
"SSE /v1/ask [first token]".

Requests are named by route template, so the statistics group per endpoint.

Environment (run.py sets these):
  LEARNFLOW_BENCH_PROFILE      step | ramp | saturate: play that shape (else use -u/-r/-t)
  LEARNFLOW_BENCH_USERS        peak students for the shape (default 1000)
  LEARNFLOW_BENCH_DURATION     seconds for the shape (default 300)
  LEARNFLOW_BENCH_THINK_SCALE  multiplies the 3–10 s think time (saturate uses ~0.01)
  LEARNFLOW_AUTH_JWT_SECRET    sign each student a bearer token with it (auth on)

Run by hand: `PYTHONPATH=. .venv/bin/locust -f infra/bench/load/locustfile.py -H URL`.
"""

import os
import random
import sys
import time
import uuid
from pathlib import Path
from typing import Any, cast

ROOT = Path(__file__).resolve().parents[3]
if str(ROOT) not in sys.path:  # Locust puts only this file's directory on the path
    sys.path.insert(0, str(ROOT))

from locust import FastHttpUser, HttpUser, between, events, task  # noqa: E402
from locust.contrib.fasthttp import FastResponse  # noqa: E402

from infra.bench.load import material, shapes  # noqa: E402
from infra.bench.load.credentials import bearer_headers  # noqa: E402
from infra.bench.load.solutions import known_solutions  # noqa: E402

THINK_SCALE = float(os.environ.get("LEARNFLOW_BENCH_THINK_SCALE", "1"))
MAX_HINT_REQUESTS = 8  # the ladder is a few hints and a solution; more means a broken ladder
TTFT_NAME = "/v1/ask [first token]"  # time to first token, its own stats entry

_rng = random.Random()  # noqa: S311 - picking what a student says, not secrets

_profile = os.environ.get("LEARNFLOW_BENCH_PROFILE")
if _profile:
    # Locust plays the first shape class it finds in this module: bind only the chosen one.
    Shape = shapes.SHAPES[_profile]


def _new_student_id() -> str:
    return f"bench-{uuid.uuid4().hex[:16]}"


class Student(FastHttpUser):
    weight = 9
    wait_time = between(3 * THINK_SCALE, 10 * THINK_SCALE)

    def on_start(self) -> None:
        self.student_id = _new_student_id()
        self.headers = bearer_headers(self.student_id)

    def _post(self, path: str, name: str, body: dict[str, Any]) -> FastResponse:
        with self.client.post(
            path, json=body, headers=self.headers, name=name, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
            return cast(FastResponse, response)

    @task(5)
    def ask_concept(self) -> None:
        self._post(
            "/v1/ask",
            "/v1/ask",
            {"student_id": self.student_id, "text": _rng.choice(material.CONCEPT_QUESTIONS)},
        )

    @task(3)
    def explain_concept(self) -> None:
        self._post(
            "/v1/concepts/explain",
            "/v1/concepts/explain",
            {
                "student_id": self.student_id,
                "text": _rng.choice(material.CONCEPT_QUESTIONS),
                "level": _rng.choice(material.LEVELS),
            },
        )

    @task(1)
    def debug_with_hint_ladder(self) -> None:
        body: dict[str, Any] = {
            "student_id": self.student_id,
            "code": _rng.choice(material.BROKEN_PROGRAMS),
        }
        error = _rng.choice(material.ERROR_MESSAGES)
        if error:
            body["error"] = error
        started = self._post("/v1/debug", "/v1/debug", body)
        if started.status_code != 200:
            return
        debug_id = started.json()["debug_id"]
        for _ in range(MAX_HINT_REQUESTS):
            self.wait()  # reads the hint, tries it, comes back for the next one
            with self.client.post(
                f"/v1/debug/{debug_id}/hints",
                json={"student_id": self.student_id},
                headers=self.headers,
                name="/v1/debug/{debug_id}/hints",
                catch_response=True,
            ) as hint:
                if hint.status_code == 409:  # the ladder is used up: the expected end
                    hint.success()
                    return
                if hint.status_code != 200:
                    hint.failure(f"HTTP {hint.status_code}")
                    return
                if hint.json().get("solution"):
                    return
        events.request.fire(
            request_type="POST",
            name="/v1/debug/{debug_id}/hints",
            response_time=0,
            response_length=0,
            exception=RuntimeError(f"ladder longer than {MAX_HINT_REQUESTS} steps"),
            context={},
        )

    @task(1)
    def practice_exercise(self) -> None:
        chosen = self._post(
            "/v1/exercises",
            "/v1/exercises",
            {"student_id": self.student_id, "topic": _rng.choice(material.EXERCISE_TOPICS)},
        )
        if chosen.status_code != 200:
            return
        exercise = chosen.json()
        path = f"/v1/exercises/{exercise['exercise_id']}/submissions"
        name = "/v1/exercises/{exercise_id}/submissions"
        self.wait()
        # First attempt: the starter code, which never passes; any graded status is fine.
        self._post(path, name, {"student_id": self.student_id, "code": exercise["starter_code"]})
        solution = known_solutions().get((exercise["exercise_id"], exercise.get("variant")))
        if solution is None:
            return
        self.wait()
        with self.client.post(
            path,
            json={"student_id": self.student_id, "code": solution},
            headers=self.headers,
            name=name,
            catch_response=True,
        ) as graded:
            if graded.status_code != 200:
                graded.failure(f"HTTP {graded.status_code}")
            elif (status := graded.json().get("status")) != "passed":
                # Under CPU pressure a correct answer can time out: that is a real failure.
                graded.failure(f"reference solution graded {status}")

    @task(2)
    def check_progress(self) -> None:
        with self.client.get(
            f"/v1/students/{self.student_id}/progress",
            headers=self.headers,
            name="/v1/students/{student_id}/progress",
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
        if _rng.random() < 0.3:
            self.client.get(
                f"/v1/students/{self.student_id}/history",
                headers=self.headers,
                name="/v1/students/{student_id}/history",
            )


class LLMStudent(HttpUser):
    """Streams concept answers; measures time to the first streamed token."""

    weight = 1
    wait_time = between(3 * THINK_SCALE, 10 * THINK_SCALE)

    def on_start(self) -> None:
        self.student_id = _new_student_id()
        self.headers = {"Accept": "text/event-stream", **bearer_headers(self.student_id)}

    @task
    def stream_answer(self) -> None:
        body = {"student_id": self.student_id, "text": _rng.choice(material.CONCEPT_QUESTIONS)}
        started = time.perf_counter()
        first_token_ms: float | None = None
        with self.client.post(
            "/v1/ask",
            json=body,
            headers=self.headers,
            name="/v1/ask [stream]",
            stream=True,
            catch_response=True,
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                return
            for line in response.iter_lines(decode_unicode=True):
                if first_token_ms is None and line == "event: delta":
                    first_token_ms = (time.perf_counter() - started) * 1000
            if first_token_ms is None:
                response.failure("stream ended without a token")
                return
        events.request.fire(
            request_type="SSE",
            name=TTFT_NAME,
            response_time=first_token_ms,
            response_length=0,
            exception=None,
            context={},
        )
