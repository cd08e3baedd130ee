"""Print one-request latency per endpoint of a running tutor (median of N sequential calls).

Usage: .venv/bin/python infra/endpoint_latency.py [BASE_URL] [N]
A smoke figure for humans, not a load test: requests go one at a time over one connection.
"""

import statistics
import sys
import time
import uuid
from collections.abc import Callable

import httpx


def main() -> None:
    base = sys.argv[1] if len(sys.argv) > 1 else "http://127.0.0.1:8000"
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    student = f"latency-{uuid.uuid4().hex[:8]}"
    with httpx.Client(base_url=base, timeout=60) as http:
        exercise = http.post("/v1/exercises", json={"student_id": student, "topic": "loops"})
        exercise_id = exercise.json()["exercise_id"]

        # Each hint request climbs a fresh ladder, created before timing starts.
        debug_body = {"student_id": student, "code": "x = [1]\nprint(x[3])\n"}
        ladders = iter(
            [http.post("/v1/debug", json=debug_body).json()["debug_id"] for _ in range(rounds)]
        )

        calls: dict[str, Callable[[], httpx.Response]] = {
            "POST /v1/triage": lambda: http.post("/v1/triage", json={"text": "what is a dict?"}),
            "POST /v1/ask": lambda: http.post(
                "/v1/ask", json={"student_id": student, "text": "explain recursion"}
            ),
            "POST /v1/concepts/explain": lambda: http.post(
                "/v1/concepts/explain", json={"student_id": student, "text": "what is a set"}
            ),
            "POST /v1/debug": lambda: http.post(
                "/v1/debug", json={"student_id": student, "code": "x = [1]\nprint(x[3])\n"}
            ),
            "POST /v1/debug/{id}/hints": lambda: http.post(
                f"/v1/debug/{next(ladders)}/hints", json={"student_id": student}
            ),
            "POST /v1/exercises": lambda: http.post(
                "/v1/exercises", json={"student_id": student, "topic": "strings"}
            ),
            "POST /v1/exercises/{id}/submissions": lambda: http.post(
                f"/v1/exercises/{exercise_id}/submissions",
                json={"student_id": student, "code": "def f():\n    return 1\n"},
            ),
            "GET /v1/students/{id}/progress": lambda: http.get(f"/v1/students/{student}/progress"),
            "GET /v1/students/{id}/history": lambda: http.get(f"/v1/students/{student}/history"),
            "GET /v1/teacher/alerts": lambda: http.get("/v1/teacher/alerts"),
            "GET /readyz": lambda: http.get("/readyz"),
        }
        print(f"{'endpoint':40} {'median ms':>10} {'max ms':>8}")
        for name, call in calls.items():
            samples = []
            for _ in range(rounds):
                start = time.perf_counter()
                response = call()
                samples.append((time.perf_counter() - start) * 1000)
                response.raise_for_status()
            print(f"{name:40} {statistics.median(samples):10.1f} {max(samples):8.1f}")


if __name__ == "__main__":
    main()
