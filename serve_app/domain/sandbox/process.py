"""Start one sandboxed child, feed it, watch it, kill it, and collect what it produced."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import marshal
import math
import os
import secrets
import shutil
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from serve_app.domain.sandbox.cancellation import acquire, finish_despite_cancellation
from serve_app.domain.sandbox.channel import KEY_BYTES, MAX_REPORT_BYTES, Report, parse_report
from serve_app.domain.sandbox.child import CHILD_MODULES
from serve_app.domain.sandbox.descriptors import OwnedFd, memfd_holding, open_pipe, read_to_eof
from serve_app.domain.sandbox.isolation import IsolationPlan
from serve_app.domain.sandbox.models import SandboxLimits, TestCase
from serve_app.domain.sandbox.workdir import create_workdir, remove_workdir

_CHILD_PACKAGE = "serve_app.domain.sandbox.child"
_CHILD_DIR = Path(__file__).with_name("child")
HARNESS_MODULES = tuple(
    (f"{_CHILD_PACKAGE}.{name}", (_CHILD_DIR / f"{name}.py").read_text(encoding="utf-8"))
    for name in CHILD_MODULES
)
# Reads the control descriptor, then runs the harness modules with a private copy of the
# builtins (so later monkeypatching of `builtins` by student code cannot reach them). They
# sit in sys.modules only while they import one another: afterwards nothing the student's
# code can reach leads to them.
BOOTSTRAP = """\
import os, sys, marshal
def _boot(control, results):
    chunks = []
    while True:
        chunk = os.read(control, 1 << 20)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(control)
    modules, config = marshal.loads(b"".join(chunks))
    del chunks
    private_builtins = dict(vars(__builtins__))
    for name, source in modules:
        module = type(sys)(name)
        module.__dict__["__builtins__"] = private_builtins
        sys.modules[name] = module
        exec(compile(source, "<sandbox>", "exec"), module.__dict__)
    main = sys.modules[modules[-1][0]].main
    for name, _ in modules:
        del sys.modules[name]
    main(config, results)
_boot(int(sys.argv[1]), int(sys.argv[2]))
"""
# The harness ends the run itself at the wall-clock limit; the parent's kill is the backstop.
KILL_GRACE_SECONDS = 0.75
DRAIN_GRACE_SECONDS = 1.0
OPEN_FILES = 128
SWEEP_TIMEOUT_SECONDS = 5.0
CONTROL_NAME = "learnflow-sandbox-control"


@dataclass(frozen=True)
class ChildRun:
    """The raw outcome of one child process."""

    exit_code: int | None  # the process's own exit status, None if killed by a signal
    signal: int | None
    stdout: bytes
    stderr: bytes
    output_truncated: bool
    report: Report
    killed_for_time: bool
    duration_ms: float


def _environment(plan: IsolationPlan, workdir_inside: str) -> dict[str, str]:
    # Built from nothing: no variable of the service's environment reaches the child.
    return {
        "PATH": "/usr/local/bin:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        "HOME": workdir_inside,
        "TMPDIR": "/tmp" if plan.mode == "bwrap" else workdir_inside,  # noqa: S108
        "PYTHONDONTWRITEBYTECODE": "1",
        # One malloc arena per thread would spend RLIMIT_AS on reserved address space.
        "MALLOC_ARENA_MAX": "2",
    }


def _control(
    plan: IsolationPlan,
    *,
    mode: Literal["execute", "grade"],
    source: str,
    tests: list[TestCase],
    limits: SandboxLimits,
    key: bytes,
    uid: int | None,
    host_workdir: str,
) -> bytes:
    config: dict[str, Any] = {
        "mode": mode,
        "key": key,
        "source": source,
        "tests": [(test.name, test.code) for test in tests],
        "cpu": max(1, math.ceil(limits.cpu_seconds)),
        "memory": int(limits.memory_bytes),
        "fsize": int(limits.file_bytes),
        "nofile": OPEN_FILES,
        "nproc": int(limits.max_processes) if plan.nproc_enforced else None,
        "wall": float(limits.wall_seconds),
        "drop": (uid, uid) if uid is not None else None,
        "allow_fork": plan.allow_fork,
        "restrict_signals": plan.mode == "rlimits",
        "write_roots": plan.write_roots(host_workdir),
        "read_roots": plan.read_roots(),
    }
    return marshal.dumps((HARNESS_MODULES, config))


async def _feed(writer: asyncio.StreamWriter | None, data: bytes) -> None:
    if writer is None:
        return
    with contextlib.suppress(ConnectionError, BrokenPipeError, OSError):
        if data:
            writer.write(data)
            await writer.drain()
        writer.close()
        await writer.wait_closed()


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


async def _kill_uid(uid: int) -> None:
    """Kill every process of a per-run uid, including any that left the process group."""
    # In a worker thread through `subprocess`: uvloop's subprocess_exec has no `user=`.
    await asyncio.to_thread(_sweep_uid, uid)


def _sweep_uid(uid: int) -> None:
    kill = shutil.which("kill", path="/usr/bin:/bin")
    if kill is None:
        return
    with contextlib.suppress(OSError, subprocess.SubprocessError):
        subprocess.run(
            [kill, "-KILL", "-1"],
            user=uid,
            group=uid,
            extra_groups=[],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env={"PATH": "/usr/bin:/bin"},
            cwd="/",
            timeout=SWEEP_TIMEOUT_SECONDS,
            check=False,
        )


def _exit_status(plan: IsolationPlan, returncode: int) -> tuple[int | None, int | None]:
    if returncode < 0:
        return None, -returncode
    # bwrap reports a command killed by signal N as exit status 128 + N.
    if plan.mode == "bwrap" and 128 < returncode < 128 + 65:
        return None, returncode - 128
    return returncode, None


async def run_child(
    plan: IsolationPlan,
    *,
    mode: Literal["execute", "grade"],
    source: str,
    tests: list[TestCase],
    limits: SandboxLimits,
    stdin: str,
) -> ChildRun:
    uid = plan.run_uid()
    host_workdir = await acquire(asyncio.to_thread(create_workdir, source, uid), _remove)
    try:
        key = secrets.token_bytes(KEY_BYTES)
        control = _control(
            plan,
            mode=mode,
            source=source,
            tests=tests,
            limits=limits,
            key=key,
            uid=uid,
            host_workdir=host_workdir,
        )
        return await _supervise(plan, control, key, limits, stdin, uid, host_workdir)
    finally:
        await finish_despite_cancellation(_remove(host_workdir))


async def _remove(host_workdir: str) -> None:
    await asyncio.to_thread(remove_workdir, host_workdir)


async def _supervise(
    plan: IsolationPlan,
    control: bytes,
    key: bytes,
    limits: SandboxLimits,
    stdin: str,
    uid: int | None,
    host_workdir: str,
) -> ChildRun:
    # Every descriptor below is closed exactly once, by this stack, whatever happens; the
    # child's ends are closed early so that EOF on a pipe means the child is gone.
    with contextlib.ExitStack() as descriptors:
        control_fd = descriptors.enter_context(memfd_holding(CONTROL_NAME, control))
        stdout_read, stdout_write = _pipe(descriptors)
        stderr_read, stderr_write = _pipe(descriptors)
        report_read, report_write = _pipe(descriptors)
        child = [plan.interpreter, "-I", "-S", "-c", BOOTSTRAP]
        child += [str(control_fd.fd), str(report_write.fd)]
        workdir_inside = plan.workdir_inside(host_workdir)
        stdin_bytes = stdin.encode("utf-8", "surrogateescape")
        started = time.monotonic()
        # Not interruptible half-way: a cancellation during the spawn would otherwise let
        # asyncio kill only bwrap's own pid, orphaning a half-built sandbox that holds our
        # pipe ends forever. Once spawned, the whole process group is killed instead.
        process = await acquire(
            asyncio.create_subprocess_exec(
                *plan.command(host_workdir, child),
                stdin=asyncio.subprocess.PIPE if stdin_bytes else asyncio.subprocess.DEVNULL,
                stdout=stdout_write.fd,
                stderr=stderr_write.fd,
                pass_fds=(control_fd.fd, report_write.fd),
                env=_environment(plan, workdir_inside),
                cwd=host_workdir if plan.mode == "rlimits" else "/",
                start_new_session=True,
            ),
            functools.partial(_stop, plan, uid),
        )
        for child_end in (control_fd, stdout_write, stderr_write, report_write):
            child_end.close()
        stdout_task = asyncio.create_task(read_to_eof(stdout_read, limits.output_bytes))
        stderr_task = asyncio.create_task(read_to_eof(stderr_read, limits.output_bytes))
        report_task = asyncio.create_task(read_to_eof(report_read, MAX_REPORT_BYTES))
        feed_task = asyncio.create_task(_feed(process.stdin, stdin_bytes))
        tasks: list[asyncio.Task[Any]] = [stdout_task, stderr_task, report_task, feed_task]
        killed_for_time = False
        try:
            try:
                await asyncio.wait_for(process.wait(), limits.wall_seconds + KILL_GRACE_SECONDS)
            except TimeoutError:
                killed_for_time = True
        finally:
            returncode, duration_ms = await finish_despite_cancellation(
                _wind_down(plan, uid, process, tasks, started)
            )
    stdout, stdout_over = _result_of(stdout_task)
    stderr, stderr_over = _result_of(stderr_task)
    report_bytes, report_over = _result_of(report_task)
    exit_code, died_by = _exit_status(plan, returncode)
    return ChildRun(
        exit_code=exit_code,
        signal=died_by,
        stdout=stdout,
        stderr=stderr,
        output_truncated=stdout_over or stderr_over,
        report=parse_report(report_bytes, key, overflowed=report_over),
        killed_for_time=killed_for_time,
        duration_ms=duration_ms,
    )


def _pipe(descriptors: contextlib.ExitStack) -> tuple[OwnedFd, OwnedFd]:
    read_end, write_end = open_pipe()
    descriptors.enter_context(read_end)
    descriptors.enter_context(write_end)
    return read_end, write_end


async def _stop(plan: IsolationPlan, uid: int | None, process: asyncio.subprocess.Process) -> int:
    """Kill everything the run started and reap the child; returns its exit status."""
    _kill_group(process.pid)
    if uid is not None and plan.mode == "rlimits":
        await _kill_uid(uid)
    # Python 3.11's asyncio only completes wait() once every pipe it manages is closed; a
    # stdin nobody reads any more must not keep the run waiting.
    if process.stdin is not None:
        process.stdin.close()
    return await process.wait()


async def _wind_down(
    plan: IsolationPlan,
    uid: int | None,
    process: asyncio.subprocess.Process,
    tasks: list[asyncio.Task[Any]],
    started: float,
) -> tuple[int, float]:
    """Stop the child, then give the readers a moment to reach EOF; none outlives this."""
    try:
        returncode = await _stop(plan, uid, process)
        duration_ms = (time.monotonic() - started) * 1000
        await asyncio.wait(tasks, timeout=DRAIN_GRACE_SECONDS)
    finally:
        # The readers must be off the event loop before their descriptors are closed.
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return returncode, duration_ms


def _result_of(task: asyncio.Task[tuple[bytes, bool]]) -> tuple[bytes, bool]:
    if task.cancelled() or task.exception() is not None:
        return b"", True
    return task.result()
