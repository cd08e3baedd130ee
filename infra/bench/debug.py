"""Debug diagnosis accuracy on the project's buggy-program set, through the real sandbox.

`make bench-debug` prints exact-match accuracy (error_type AND line), a per-category table,
every miss, and diagnosis latency. The programs live in infra/bench/data/debug_programs/
(see the README there for the labels). tests/unit/debug/test_benchmark.py loads this module
to hold the engine to the same target.
"""

import argparse
import asyncio
import statistics
import sys
import time
import tomllib
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from serve_app.domain.debug import DebugRequest, Diagnosis, diagnose  # noqa: E402
from serve_app.domain.sandbox import Sandbox, SandboxLimits  # noqa: E402

PROGRAMS = Path(__file__).resolve().parent / "data" / "debug_programs"
TARGET = 0.95


@dataclass(frozen=True)
class Program:
    name: str
    category: str
    error_type: str
    line: int | None
    request: DebugRequest


@dataclass(frozen=True)
class Outcome:
    program: Program
    error_type: str
    line: int | None
    seconds: float

    @property
    def type_ok(self) -> bool:
        return self.error_type == self.program.error_type

    @property
    def line_ok(self) -> bool:
        return self.line == self.program.line

    @property
    def exact(self) -> bool:
        return self.type_ok and self.line_ok


def load_programs(folder: Path = PROGRAMS) -> list[Program]:
    programs = []
    for path in sorted(folder.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        programs.append(
            Program(
                name=path.stem,
                category=data["category"],
                error_type=data["error_type"],
                line=data["line"] or None,
                request=DebugRequest(
                    code=data["code"],
                    error=data.get("error"),
                    stdin=data.get("stdin", ""),
                    expected_output=data.get("expected_output"),
                ),
            )
        )
    return programs


async def run_all(programs: list[Program], sandbox: Sandbox, concurrency: int = 2) -> list[Outcome]:
    gate = asyncio.Semaphore(concurrency)

    async def one(program: Program) -> Outcome:
        async with gate:
            started = time.perf_counter()
            diagnosis: Diagnosis = await diagnose(program.request, sandbox)
            elapsed = time.perf_counter() - started
        return Outcome(program, diagnosis.error_type, diagnosis.line, elapsed)

    return list(await asyncio.gather(*(one(p) for p in programs)))


def accuracy(outcomes: list[Outcome]) -> float:
    return sum(o.exact for o in outcomes) / len(outcomes) if outcomes else 0.0


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def report(outcomes: list[Outcome], isolation: str) -> str:
    lines = [
        f"Debug diagnosis benchmark: {len(outcomes)} programs, sandbox isolation {isolation}",
        "",
        f"{'category':<14}{'n':>4}{'exact':>8}{'type':>8}{'line':>8}",
    ]
    by_category: dict[str, list[Outcome]] = defaultdict(list)
    for outcome in outcomes:
        by_category[outcome.program.category].append(outcome)
    for category, group in sorted(by_category.items()):
        lines.append(
            f"{category:<14}{len(group):>4}{sum(o.exact for o in group):>8}"
            f"{sum(o.type_ok for o in group):>8}{sum(o.line_ok for o in group):>8}"
        )
    total = len(outcomes)
    lines += [
        "",
        f"exact match (error_type AND line): {sum(o.exact for o in outcomes)}/{total}"
        f" = {accuracy(outcomes):.1%}  (target {TARGET:.0%})",
        f"error_type alone: {sum(o.type_ok for o in outcomes) / total:.1%}   "
        f"line alone: {sum(o.line_ok for o in outcomes) / total:.1%}",
    ]
    quick = [o.seconds * 1000 for o in outcomes if o.program.error_type != "Timeout"]
    slow = [o.seconds * 1000 for o in outcomes if o.program.error_type == "Timeout"]
    if quick:
        lines.append(
            f"latency without time-outs (ms): p50 {statistics.median(quick):.0f}  "
            f"p99 {_percentile(quick, 0.99):.0f}  max {max(quick):.0f}"
        )
    if slow:
        lines.append(f"latency of time-out programs (ms): p50 {statistics.median(slow):.0f}")
    misses = [o for o in outcomes if not o.exact]
    lines += ["", f"misses: {len(misses)}"]
    for miss in misses:
        lines.append(
            f"  {miss.program.name}: expected {miss.program.error_type}@{miss.program.line}, "
            f"got {miss.error_type}@{miss.line}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cpu-seconds", type=float, default=2.0)
    parser.add_argument("--wall-seconds", type=float, default=4.0)
    parser.add_argument("--concurrency", type=int, default=2)
    args = parser.parse_args()
    sandbox = Sandbox(SandboxLimits(cpu_seconds=args.cpu_seconds, wall_seconds=args.wall_seconds))
    programs = load_programs()
    outcomes = asyncio.run(run_all(programs, sandbox, args.concurrency))
    print(report(outcomes, sandbox.isolation))
    return 0 if accuracy(outcomes) >= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
