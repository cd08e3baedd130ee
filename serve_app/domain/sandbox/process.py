"""Start one sandboxed child, feed it, watch it, kill it, and collect what it produced."""

from __future__ import annotations

import asyncio
import contextlib
import marshal
import math
import os
import secrets
import shutil
import signal
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from serve_app.domain.sandbox.channel import KEY_BYTES, MAX_REPORT_BYTES, Report, parse_report
from serve_app.domain.sandbox.child import CHILD_MODULES
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
READ_CHUNK = 64 * 1024
OPEN_FILES = 128


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


def _control_fd(data: bytes) -> int:
    fd = os.memfd_create("learnflow-sandbox-control", os.MFD_CLOEXEC)
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]
    os.lseek(fd, 0, os.SEEK_SET)
    return fd


async def _drain(reader: asyncio.StreamReader, cap: int) -> tuple[bytes, bool]:
    """Read to EOF, keeping at most `cap` bytes; the rest is read and dropped."""
    kept = bytearray()
    overflow = False
    while True:
        chunk = await reader.read(READ_CHUNK)
        if not chunk:
            return bytes(kept), overflow
        room = cap - len(kept)
        if len(chunk) > room:
            overflow = True
            chunk = chunk[: max(room, 0)]
        kept += chunk


async def _feed(writer: asyncio.StreamWriter | None, data: bytes) -> None:
    if writer is None:
        return
    with contextlib.suppress(ConnectionError, BrokenPipeError, OSError):
        if data:
            writer.write(data)
            await writer.drain()
        writer.close()
        await writer.wait_closed()


async def _pipe_reader(fd: int) -> tuple[asyncio.StreamReader, asyncio.BaseTransport]:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader(limit=MAX_REPORT_BYTES)
    transport, _ = await loop.connect_read_pipe(
        lambda: asyncio.StreamReaderProtocol(reader), os.fdopen(fd, "rb", buffering=0)
    )
    return reader, transport


def _kill_group(pid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


async def _kill_uid(uid: int) -> None:
    """Kill every process of a per-run uid, including any that left the process group."""
    kill = shutil.which("kill", path="/usr/bin:/bin")
    if kill is None:
        return
    sweeper = await asyncio.create_subprocess_exec(
        kill,
        "-KILL",
        "-1",
        user=uid,
        group=uid,
        extra_groups=[],
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
        env={"PATH": "/usr/bin:/bin"},
        cwd="/",
    )
    await sweeper.wait()


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
    host_workdir = await asyncio.to_thread(create_workdir, source, uid)
    key = secrets.token_bytes(KEY_BYTES)
    try:
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
    control_fd = await asyncio.to_thread(_control_fd, control)
    result_read, result_write = os.pipe()
    child = [plan.interpreter, "-I", "-S", "-c", BOOTSTRAP, str(control_fd), str(result_write)]
    workdir_inside = plan.workdir_inside(host_workdir)
    stdin_bytes = stdin.encode("utf-8", "surrogateescape")
    started = time.monotonic()
    try:
        process = await asyncio.create_subprocess_exec(
            *plan.command(host_workdir, child),
            stdin=asyncio.subprocess.PIPE if stdin_bytes else asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.PIPE,
            stderr=asyncio.subprocess.PIPE,
            pass_fds=(control_fd, result_write),
            env=_environment(plan, workdir_inside),
            cwd=host_workdir if plan.mode == "rlimits" else "/",
            start_new_session=True,
        )
    finally:
        os.close(control_fd)
        os.close(result_write)
    reader, transport = await _pipe_reader(result_read)
    assert process.stdout is not None
    assert process.stderr is not None
    stdout_task = asyncio.create_task(_drain(process.stdout, limits.output_bytes))
    stderr_task = asyncio.create_task(_drain(process.stderr, limits.output_bytes))
    report_task = asyncio.create_task(_drain(reader, MAX_REPORT_BYTES))
    feed_task = asyncio.create_task(_feed(process.stdin, stdin_bytes))
    tasks = [stdout_task, stderr_task, report_task, feed_task]
    killed_for_time = False
    try:
        try:
            await asyncio.wait_for(process.wait(), limits.wall_seconds + KILL_GRACE_SECONDS)
        except TimeoutError:
            killed_for_time = True
    finally:
        _kill_group(process.pid)
        if uid is not None and plan.mode == "rlimits":
            await _kill_uid(uid)
        returncode = await process.wait()
        duration_ms = (time.monotonic() - started) * 1000
        _, pending = await asyncio.wait(tasks, timeout=DRAIN_GRACE_SECONDS)
        for task in pending:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        transport.close()
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


def _result_of(task: asyncio.Task[tuple[bytes, bool]]) -> tuple[bytes, bool]:
    if task.cancelled() or task.exception() is not None:
        return b"", True
    return task.result()
