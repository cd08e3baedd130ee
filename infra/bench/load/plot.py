"""report.png: per target, throughput and users, latency percentiles, and (graph) replicas."""

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")  # files only, never a window

import matplotlib.pyplot as plt


def _timeline(target: Mapping[str, Any]) -> list[dict[str, Any]]:
    points: list[dict[str, Any]] = []
    for phase in target["phases"].values():
        points += phase["timeline"]
    return sorted(points, key=lambda point: point["t"])


def write_plot(report: Mapping[str, Any], path: Path) -> None:
    targets = {name: t for name, t in report["targets"].items() if t is not None}
    figure, axes = plt.subplots(3, len(targets), figsize=(7 * len(targets), 10), squeeze=False)
    for column, (name, target) in enumerate(targets.items()):
        points = _timeline(target)
        origin = points[0]["t"] if points else 0.0
        seconds = [point["t"] - origin for point in points]
        throughput, latency, replicas = (axes[row][column] for row in range(3))
        throughput.set_title(f"{name}: throughput and students")
        throughput.plot(seconds, [p["rps"] for p in points], label="requests/s")
        throughput.plot(seconds, [p["failures_per_s"] for p in points], label="failures/s")
        users = throughput.twinx()
        users.plot(seconds, [p["users"] for p in points], color="grey", linestyle=":")
        users.set_ylabel("students")
        throughput.set_ylabel("requests/s")
        throughput.legend(loc="upper left")
        latency.set_title(f"{name}: latency (10 s window)")
        for key in ("p50_ms", "p95_ms", "p99_ms"):
            latency.plot(seconds, [p[key] for p in points], label=key.removesuffix("_ms"))
        latency.set_yscale("log")
        latency.set_ylabel("ms")
        latency.legend(loc="upper left")
        replicas.set_title(f"{name}: running replicas")
        samples = target.get("replicas") or []
        if samples:
            deployments = sorted({d for sample in samples for d in sample["running"]})
            times = [sample["t"] - origin for sample in samples]
            for deployment in deployments:
                replicas.step(
                    times,
                    [sample["running"].get(deployment, 0) for sample in samples],
                    where="post",
                    label=deployment,
                )
            top = max((n for sample in samples for n in sample["running"].values()), default=1)
            replicas.set_ylim(0, top + 0.5)
            replicas.set_yticks(range(top + 1))
            replicas.legend(loc="upper left")
        else:
            replicas.text(0.5, 0.5, "one process", ha="center", va="center")
        replicas.set_xlabel("seconds since the first phase started")
    figure.tight_layout()
    figure.savefig(path, dpi=100)
    plt.close(figure)
