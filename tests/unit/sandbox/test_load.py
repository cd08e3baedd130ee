"""Under load a correct answer is graded slowly, never wrongly; a real timeout stays one."""

import asyncio
import os
from typing import Any

import pytest

from serve_app.domain.sandbox import Sandbox, SandboxLimits, TestCase, process
from serve_app.domain.sandbox import sandbox as sandbox_module
from serve_app.domain.sandbox.channel import Report
from serve_app.domain.sandbox.descriptors import PipeReader, open_pipe
from serve_app.domain.sandbox.models import MiB
from serve_app.domain.sandbox.process import ChildRun
from tests.unit.sandbox.conftest import make_sandbox

CORRECT = "def add(a, b):\n    return a + b\n"
TESTS = [TestCase("adds", "assert add(1, 2) == 3")]
SHORT_WALL = SandboxLimits(cpu_seconds=2, wall_seconds=0.5, memory_bytes=128 * MiB, max_processes=8)


async def test_a_slow_start_up_is_not_charged_to_the_wall_clock_limit(
    monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox
) -> None:
    # Stands in for a CPU-starved machine: the child takes longer to start than the whole
    # wall-clock limit plus the kill grace. The student's code itself is quick and correct.
    monkeypatch.setattr(process, "BOOTSTRAP", "import time\ntime.sleep(1.5)\n" + process.BOOTSTRAP)
    report = await sandbox.grade(CORRECT, TESTS, limits=SHORT_WALL)
    assert report.status == "passed"


async def test_a_genuine_timeout_after_a_slow_start_up_is_still_a_timeout(
    monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox
) -> None:
    monkeypatch.setattr(process, "BOOTSTRAP", "import time\ntime.sleep(1.0)\n" + process.BOOTSTRAP)
    sleeper = "import time\ntime.sleep(30)\n" + CORRECT
    report = await sandbox.grade(sleeper, TESTS, limits=SHORT_WALL)
    assert report.status == "timeout"


async def test_bytes_left_in_a_pipe_are_collected_when_the_loop_was_too_busy() -> None:
    read_end, write_end = open_pipe()
    with read_end, write_end:
        os.write(write_end.fd, b"the whole report")
        write_end.close()
        reader = PipeReader(read_end, 1 << 20)
        waiting = asyncio.create_task(reader.until_eof())
        waiting.cancel()  # the grace period ran out before the loop read anything
        await asyncio.gather(waiting, return_exceptions=True)
        assert reader.finish() == (b"the whole report", True)


async def test_a_pipe_still_held_open_is_reported_incomplete() -> None:
    read_end, write_end = open_pipe()
    with read_end, write_end:
        os.write(write_end.fd, b"partial")
        assert PipeReader(read_end, 1 << 20).finish() == (b"partial", False)


def _never_started() -> ChildRun:
    return ChildRun(
        exit_code=1,
        signal=None,
        stdout=b"",
        stderr=b"bwrap: Creating new namespace failed: Resource temporarily unavailable\n",
        output_truncated=False,
        report=Report(),
        killed_for_time=False,
        duration_ms=1.0,
    )


async def test_a_child_that_failed_to_start_is_run_again(
    monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox
) -> None:
    calls: list[str] = []
    real = sandbox_module.run_child

    async def flaky(*args: Any, **kwargs: Any) -> ChildRun:
        calls.append(kwargs["mode"])
        if len(calls) == 1:
            return _never_started()
        return await real(*args, **kwargs)

    monkeypatch.setattr(sandbox_module, "run_child", flaky)
    report = await sandbox.grade(CORRECT, TESTS)
    assert report.status == "passed"
    assert calls == ["grade", "grade"]


async def test_a_sandbox_that_never_starts_is_an_error_not_a_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0

    async def broken(*_args: Any, **_kwargs: Any) -> ChildRun:
        nonlocal calls
        calls += 1
        return _never_started()

    monkeypatch.setattr(sandbox_module, "run_child", broken)
    report = await make_sandbox("auto").grade(CORRECT, TESTS)
    assert report.status == "error"
    assert calls == sandbox_module.START_ATTEMPTS


async def test_code_that_exits_early_is_not_run_again(
    monkeypatch: pytest.MonkeyPatch, sandbox: Sandbox
) -> None:
    calls = 0
    real = sandbox_module.run_child

    async def counting(*args: Any, **kwargs: Any) -> ChildRun:
        nonlocal calls
        calls += 1
        return await real(*args, **kwargs)

    monkeypatch.setattr(sandbox_module, "run_child", counting)
    report = await sandbox.grade("import os\nos._exit(0)\n", TESTS)
    assert report.status == "error"
    assert calls == 1


async def test_children_beyond_the_limit_wait_for_a_free_slot(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    running = peak = 0
    real = sandbox_module.run_child

    async def tracking(*args: Any, **kwargs: Any) -> ChildRun:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        try:
            return await real(*args, **kwargs)
        finally:
            running -= 1

    monkeypatch.setattr(sandbox_module, "run_child", tracking)
    limited = Sandbox(SHORT_WALL, isolation="auto", max_concurrent=2)
    reports = await asyncio.gather(*(limited.grade(CORRECT, TESTS) for _ in range(6)))
    assert [r.status for r in reports] == ["passed"] * 6
    assert peak == 2


def test_max_concurrent_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_concurrent"):
        Sandbox(max_concurrent=0)
