"""Sample the replica count of each deployment from Serve's REST API, as JSON lines.

`python -m infra.bench.load.replicas --dashboard URL --out FILE [--interval S]` runs next to
the load test (a separate process: it imports Ray, which the orchestrator keeps out of
itself) until SIGTERM. The tutor's local Ray cluster keeps Ray's default token auth: run
it with RAY_AUTH_MODE=token and Ray's own client authenticates as it does for `serve status`.
"""

import argparse
import json
import signal
import time
from collections.abc import Mapping
from pathlib import Path
from types import FrameType
from typing import Any

APP = "tutor"


def running_replicas(details: Mapping[str, Any], app: str = APP) -> dict[str, int]:
    """RUNNING replicas per deployment of `app`, from `get_serve_details()`'s answer."""
    deployments = details.get("applications", {}).get(app, {}).get("deployments", {})
    return {
        name: sum(1 for replica in deployment.get("replicas", []) if replica["state"] == "RUNNING")
        for name, deployment in deployments.items()
    }


def target_replicas(details: Mapping[str, Any], app: str = APP) -> dict[str, int]:
    """What the autoscaler currently asks for, per deployment."""
    deployments = details.get("applications", {}).get(app, {}).get("deployments", {})
    return {
        name: int(deployment.get("target_num_replicas") or 0)
        for name, deployment in deployments.items()
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dashboard", required=True)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--interval", type=float, default=3.0)
    args = parser.parse_args()

    from ray.dashboard.modules.serve.sdk import ServeSubmissionClient

    stopping = False

    def stop(_signum: int, _frame: FrameType | None) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    client = ServeSubmissionClient(args.dashboard)
    with args.out.open("a") as out:
        while not stopping:
            started = time.monotonic()
            try:
                details = client.get_serve_details()
            except Exception as exc:  # a missed sample must not end the timeline
                print(f"replica sample failed: {type(exc).__name__}: {exc}", flush=True)
            else:
                sample = {
                    "t": time.time(),
                    "running": running_replicas(details),
                    "target": target_replicas(details),
                }
                out.write(json.dumps(sample) + "\n")
                out.flush()
            time.sleep(max(0.0, args.interval - (time.monotonic() - started)))


if __name__ == "__main__":
    main()
