"""Sandbox throughput and grading latency on this machine, with and without namespaces.

`make bench-sandbox` (or `python infra/bench/sandbox.py --runs 60 --concurrency 4`) prints,
for each isolation mode that works here: runs per second of a trivial program at the given
concurrency, and the p50/p99 latency of grading one bank exercise's reference solution
(load the code, run its hidden tests, report over the authenticated pipe). A figure, not a
test: nothing is asserted.

It also prints the CPU time per run (this process plus its reaped children, from
getrusage), the least noisy figure on a shared machine. In bwrap mode bubblewrap exits
before reaping the namespace's init, so the kernel never adds the interpreter's CPU to
ours and the figure shows only the service's share; `perf stat -e task-clock` on this
script counts every task (see the README's sandbox performance paragraph).
"""

import argparse
import asyncio
import os
import resource
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from serve_app.domain.exercises import load_bank
from serve_app.domain.sandbox import Sandbox, SandboxUnavailableError

EXERCISE = "loops-fizzbuzz"


@dataclass(frozen=True)
class Figures:
    mode: str
    runs_per_second: float
    grade_p50_ms: float
    grade_p99_ms: float
    grades: int
    run_cpu_ms: float
    grade_cpu_ms: float


def _cpu_seconds() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


async def _measure(sandbox: Sandbox, runs: int, concurrency: int) -> Figures:
    spec = next(s for s in load_bank() if s.exercise_id == EXERCISE)
    gate = asyncio.Semaphore(concurrency)

    async def run_once() -> None:
        async with gate:
            result = await sandbox.execute("print(sum(range(1000)))\n")
            if result.status != "ok":
                raise RuntimeError(f"trivial run failed: {result.status}")

    await run_once()  # warm-up: imports, page cache
    started = time.perf_counter()
    cpu_before = _cpu_seconds()
    await asyncio.gather(*(run_once() for _ in range(runs)))
    throughput = runs / (time.perf_counter() - started)
    run_cpu_ms = (_cpu_seconds() - cpu_before) / runs * 1000

    latencies: list[float] = []
    cpu_before = _cpu_seconds()
    for _ in range(runs):  # one at a time: latency, not queueing
        began = time.perf_counter()
        report = await sandbox.grade(spec.solution, spec.tests)
        latencies.append((time.perf_counter() - began) * 1000)
        if report.status != "passed":
            raise RuntimeError(f"reference solution graded {report.status}")
    grade_cpu_ms = (_cpu_seconds() - cpu_before) / runs * 1000
    return Figures(
        mode=sandbox.isolation,
        runs_per_second=throughput,
        grade_p50_ms=statistics.median(latencies),
        grade_p99_ms=_percentile(latencies, 0.99),
        grades=len(latencies),
        run_cpu_ms=run_cpu_ms,
        grade_cpu_ms=grade_cpu_ms,
    )


async def main(runs: int, concurrency: int) -> None:
    load_before = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    rows: list[Figures] = []
    for mode in ("bwrap", "rlimits"):
        try:
            sandbox = Sandbox(isolation=mode)
        except SandboxUnavailableError as exc:
            print(f"{mode}: unavailable here ({exc})")
            continue
        rows.append(await _measure(sandbox, runs, concurrency))
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(
        f"\nload average before: {load_before}, after: {load} ({os.cpu_count()} cores)\n"
        f"Sandbox benchmark: {runs} trivial runs at concurrency {concurrency}; "
        f"{runs} sequential gradings of {EXERCISE} ({len(load_bank())} exercises in the bank)\n"
    )
    header = (
        f"{'isolation':<10} {'runs/s':>8} {'grade p50 ms':>13} {'grade p99 ms':>13}"
        f" {'CPU ms/run':>11} {'CPU ms/grade':>13}"
    )
    print(header)
    print("-" * len(header))
    for row in rows:
        print(
            f"{row.mode:<10} {row.runs_per_second:>8.1f} {row.grade_p50_ms:>13.1f} "
            f"{row.grade_p99_ms:>13.1f} {row.run_cpu_ms:>11.1f} {row.grade_cpu_ms:>13.1f}"
        )
    print("(CPU: getrusage of this process and its reaped children; see the docstring)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=60)
    parser.add_argument("--concurrency", type=int, default=4)
    args = parser.parse_args()
    asyncio.run(main(args.runs, args.concurrency))
