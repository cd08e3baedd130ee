"""Runs cancelled at any point leak nothing and never close a descriptor they do not own.

Regression tests for a production incident: under load in a Ray replica (uvloop), the
report pipe's descriptor was closed twice, once by libuv and once by the file object
wrapping it, and the second close hit whatever another thread had just opened.
"""

import asyncio
import contextlib
import gc
import os
import random
import shutil
import subprocess
import sys
from collections.abc import Coroutine
from pathlib import Path
from typing import Any

import pytest

import serve_app
from serve_app.domain.sandbox import Execution, Sandbox, TestCase, process, workdir
from tests.unit.sandbox.loops import LoopFactory, loop_factories, run_on

# Cancel after this many passes of the event loop, then after these delays: together they
# land on every step of a run's start-up (work dir, spawn, pipes) and on its later life.
CANCEL_AFTER_TICKS = range(0, 12, 2)
CANCEL_AFTER_SECONDS = (*(ms / 1000 for ms in range(1, 41)), 0.08, 0.15, 0.3)
SENTINELS_PER_RUN = 3


@pytest.fixture
def workdirs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every work dir created during the test (whatever else runs on the machine)."""
    created: list[str] = []
    real = workdir.create_workdir

    def recording(source: str, owner: int | None) -> str:
        path = real(source, owner)
        created.append(path)
        return path

    monkeypatch.setattr(process, "create_workdir", recording)
    return created


def fd_table() -> dict[str, str]:
    table = {}
    for name in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            table[name] = os.readlink(f"/proc/self/fd/{name}")
    return table


def processes_in(paths: list[str]) -> list[int]:
    """Pids of processes whose command line or working directory is one of `paths`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            cmdline = (entry / "cmdline").read_bytes().decode(errors="replace")
            cwd = os.readlink(entry / "cwd")
        except OSError:
            continue
        if any(path in cmdline or cwd.startswith(path) for path in paths):
            found.append(int(entry.name))
    return found


class Sentinels:
    """Descriptors opened between runs: each grabs the lowest number a run just freed."""

    def __init__(self, target: Path) -> None:
        self._target = target
        self._identity = (target.stat().st_dev, target.stat().st_ino)
        self._fds: list[int] = []

    def grab(self, count: int) -> None:
        self._fds += [os.open(self._target, os.O_RDONLY) for _ in range(count)]

    def damaged(self) -> list[int]:
        bad = []
        for fd in self._fds:
            try:
                info = os.fstat(fd)
            except OSError:
                bad.append(fd)
                continue
            if (info.st_dev, info.st_ino) != self._identity:
                bad.append(fd)
        return bad

    def close(self) -> None:
        for fd in self._fds:
            with contextlib.suppress(OSError):
                os.close(fd)


async def cancelled_run(sandbox: Sandbox, call: int, point: float) -> None:
    work: Coroutine[Any, Any, object]
    if call % 3 == 0:
        work = sandbox.grade("def f():\n    return 1\n", [TestCase("t", "assert f() == 1")])
    elif call % 3 == 1:
        work = sandbox.execute("print(input())\n", stdin="hello\n")
    else:
        work = sandbox.execute("while True:\n    pass\n")
    task = asyncio.create_task(work)
    await pause(point)
    task.cancel()
    if call % 2:  # a second cancellation, arriving while the run cleans up
        await asyncio.sleep(0.005)
        task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task


async def storm(sandbox: Sandbox, sentinel_file: Path) -> tuple[list[int], dict[str, str]]:
    """Cancel runs at many points; return damaged sentinels and descriptors left over."""
    # Warm up: the loop creates some helpers lazily, e.g. libuv's reserve descriptor
    # (/dev/null, kept for EMFILE handling) with its first stream, here stdin's pipe.
    await sandbox.execute("print(input())\n", stdin="warm\n")
    before = fd_table()
    sentinels = Sentinels(sentinel_file)
    rng = random.Random(7)
    jittered = [seconds * rng.uniform(0.8, 1.2) for seconds in CANCEL_AFTER_SECONDS]
    points: list[float] = [*CANCEL_AFTER_TICKS, *jittered]
    try:
        for call, point in enumerate(points):
            await cancelled_run(sandbox, call, point)
            sentinels.grab(SENTINELS_PER_RUN)
        # Late finalizers (a file object closing a number it no longer owns) run now.
        gc.collect()
        await asyncio.sleep(0.05)
        damaged = sentinels.damaged()
    finally:
        sentinels.close()
    after = fd_table()
    leaked = {fd: target for fd, target in after.items() if before.get(fd) != target}
    return damaged, leaked


async def pause(point: float) -> None:
    """An int is a number of event loop passes, a float a delay in seconds."""
    if isinstance(point, int):
        for _ in range(point):
            await asyncio.sleep(0)
    else:
        await asyncio.sleep(point)


@pytest.mark.parametrize("factory", loop_factories())
def test_cancelled_runs_leak_nothing_and_close_nothing_foreign(
    factory: LoopFactory, sandbox: Sandbox, workdirs: list[str], tmp_path: Path
) -> None:
    sentinel_file = tmp_path / "sentinel"
    sentinel_file.write_text("mine")
    damaged, leaked = run_on(factory, storm(sandbox, sentinel_file))
    assert damaged == []
    assert leaked == {}
    assert workdirs
    assert [path for path in workdirs if os.path.lexists(path)] == []
    assert processes_in(workdirs) == []


def describe(result: Execution | BaseException) -> str:
    if isinstance(result, asyncio.CancelledError):
        return "cancelled"
    if isinstance(result, BaseException):
        return repr(result)
    return result.stdout


@pytest.mark.parametrize("factory", loop_factories())
def test_concurrent_runs_with_cancellations_all_complete(
    factory: LoopFactory, default_sandbox: Sandbox, workdirs: list[str]
) -> None:
    sandbox = default_sandbox

    async def main() -> list[str]:
        calls = [sandbox.execute(f"print({i})\n") for i in range(8)]
        tasks = [asyncio.create_task(call) for call in calls]
        await asyncio.sleep(0.05)
        for task in tasks[::2]:
            task.cancel()
        done = await asyncio.gather(*tasks, return_exceptions=True)
        return [describe(result) for result in done]

    outcomes = run_on(factory, main())
    assert len(outcomes) == 8
    for index, outcome in enumerate(outcomes):
        assert outcome in ("cancelled", f"{index}\n")
    assert [path for path in workdirs if os.path.lexists(path)] == []
    assert processes_in(workdirs) == []


# Runs a few calls (plain, graded, killed, cancelled at many points, all concurrently) and
# prints the ids of the service's threads, so that closes by sandbox children are ignored.
TRACED_SCRIPT = """
import asyncio, contextlib, os, sys
from serve_app.domain.sandbox import Sandbox, SandboxLimits, TestCase

async def cancelled(sandbox, delay):
    task = asyncio.ensure_future(sandbox.execute("print(input())", stdin="x\\n"))
    await asyncio.sleep(delay)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task

async def main():
    sandbox = Sandbox(SandboxLimits(wall_seconds=0.5, cpu_seconds=1), isolation=sys.argv[2])
    await asyncio.gather(
        sandbox.execute("print(input())", stdin="x\\n"),
        sandbox.grade("def f():\\n    return 1\\n", [TestCase("t", "assert f() == 1")]),
        sandbox.execute("while True:\\n    pass\\n"),
        *(cancelled(sandbox, ms / 1000) for ms in (0, 2, 5, 10, 20, 40, 80, 160)),
    )
    await sandbox.execute("print(1)")
    print(" ".join(os.listdir("/proc/self/task")))

if sys.argv[1] == "uvloop":
    import uvloop
    uvloop.run(main())
else:
    asyncio.run(main())
"""


def strace_works() -> bool:
    strace = shutil.which("strace")
    if strace is None:
        return False
    probe = subprocess.run([strace, "-qq", "-o", os.devnull, "true"], check=False)
    return probe.returncode == 0


@pytest.mark.skipif(not strace_works(), reason="needs strace and permission to trace")
@pytest.mark.parametrize("loop", [param.id for param in loop_factories()])
def test_no_descriptor_number_is_closed_twice(loop: str, tmp_path: Path) -> None:
    """The kernel's verdict: closing an already-closed number fails with EBADF.

    A second close of a number that nobody reused in between is harmless but shows the
    bug: had another thread reused the number, its descriptor would have been closed.
    """
    trace = tmp_path / "trace"
    command = ["strace", "-f", "--seccomp-bpf", "-qq", "-e", "trace=close"]
    command += ["-e", "status=failed", "-o", str(trace)]
    command += [sys.executable, "-c", TRACED_SCRIPT, loop, "auto"]
    # The child imports the same serve_app as this test does.
    project = str(Path(serve_app.__file__).resolve().parents[1])
    path = os.pathsep.join(filter(None, [project, os.environ.get("PYTHONPATH")]))
    environment = {**os.environ, "PYTHONPATH": path}
    done = subprocess.run(
        command, capture_output=True, text=True, timeout=60, check=False, env=environment
    )
    assert done.returncode == 0, done.stderr
    service_threads = set(done.stdout.split())
    assert service_threads
    double_closes = [
        line
        for line in trace.read_text().splitlines()
        if "EBADF" in line and line.split()[0] in service_threads
    ]
    assert double_closes == []
