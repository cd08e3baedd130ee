"""Start one sandboxed child, feed it, watch it, kill it, and collect what it produced."""

from __future__ import annotations

import ast
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
from typing import TYPE_CHECKING, Any, Literal

from serve_app.domain.sandbox.cancellation import acquire, finish_despite_cancellation
from serve_app.domain.sandbox.channel import KEY_BYTES, MAX_REPORT_BYTES, Report, parse_report
from serve_app.domain.sandbox.child import CHILD_MODULES
from serve_app.domain.sandbox.child.checks import compile_tests
from serve_app.domain.sandbox.descriptors import OwnedFd, PipeReader, memfd_holding, open_pipe
from serve_app.domain.sandbox.isolation import IsolationPlan
from serve_app.domain.sandbox.models import SandboxLimits, TestCase
from serve_app.domain.sandbox.workdir import create_workdir, remove_workdir

if TYPE_CHECKING:
    from serve_app.domain.sandbox.child.checks import CompiledTest

_CHILD_PACKAGE = "serve_app.domain.sandbox.child"
_CHILD_DIR = Path(__file__).with_name("child")
# Compiled once per service process, not once per run: compiling the harness's source cost
# each child about 6 ms of CPU. The child is this same interpreter binary, so it can load
# the marshalled code objects directly.
HARNESS_MODULES = tuple(
    (
        f"{_CHILD_PACKAGE}.{name}",
        compile(
            (_CHILD_DIR / f"{name}.py").read_text(encoding="utf-8"),
            "<sandbox>",
            "exec",
            dont_inherit=True,
        ),
    )
    for name in CHILD_MODULES
)
_HARNESS_BLOB = marshal.dumps(HARNESS_MODULES)
_BLOB_LENGTH_BYTES = 8
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
    data = memoryview(b"".join(chunks))
    del chunks
    split = 8 + int.from_bytes(data[:8], "big")
    modules, config = marshal.loads(data[8:split]), marshal.loads(data[split:])
    del data
    private_builtins = dict(vars(__builtins__))
    for name, code in modules:
        module = type(sys)(name)
        module.__dict__["__builtins__"] = private_builtins
        sys.modules[name] = module
        exec(code, module.__dict__)
    main = sys.modules[modules[-1][0]].main
    for name, _ in modules:
        del sys.modules[name]
    main(config, results)
_boot(int(sys.argv[1]), int(sys.argv[2]))
"""
# The harness ends the run itself at the wall-clock limit; the parent's kill is the backstop.
KILL_GRACE_SECONDS = 0.75
DRAIN_GRACE_SECONDS = 1.0
# Start-up (interpreter, harness, limits) happens before the harness's first report frame
# and is not charged to the student's wall-clock limit: on a CPU-starved machine it can take
# seconds, and charging it turned correct answers into timeouts. This only bounds a start-up
# that hangs; such a run never reached the student's code.
STARTUP_TIMEOUT_SECONDS = 60.0
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
    startup_timed_out: bool = False  # killed before the harness reached the student's code


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
    compiled_tests, tests_need_traceback = _prepared_tests(
        tuple((test.name, test.code) for test in tests)
    )
    config: dict[str, Any] = {
        "mode": mode,
        "key": key,
        "source": source,
        "tests": compiled_tests,
        "traceback": "import" in source or tests_need_traceback,
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
    # The harness part is marshalled once per process; only the config is per run.
    length = len(_HARNESS_BLOB).to_bytes(_BLOB_LENGTH_BYTES, "big")
    return b"".join((length, _HARNESS_BLOB, marshal.dumps(config)))


@functools.lru_cache(maxsize=512)
def _prepared_tests(tests: tuple[tuple[str, str], ...]) -> tuple[list[CompiledTest], bool]:
    """The hidden tests compiled, and whether they may reach the traceback module.

    Done once per exercise, not once per run. Only the teacher's tests are compiled here
    (the service already parses them when they are authored); the student's code is
    compiled only inside the sandbox. This spares every grading child the `ast` import.

    The harness loads the traceback module (a third of its start-up) only when the code
    may use it: when the student's code contains the word "import" (code without it cannot
    name a module directly) or a test imports anything beyond TRACEBACK_FREE_MODULES.
    Guessing wrong costs a feature, never isolation: without the module loaded, the guard
    refuses every read of tb_frame, so traceback printing fails with PermissionError.
    """
    return compile_tests(list(tests)), any(_may_use_traceback(code) for _, code in tests)


# What tests commonly import to capture output or compute expected values; none of these
# formats tracebacks.
TRACEBACK_FREE_MODULES = frozenset(
    {"collections", "contextlib", "fractions", "functools", "io", "itertools", "math"}
    | {"operator", "random", "statistics", "string", "types"}
)


def _may_use_traceback(test_source: str) -> bool:
    if "import" not in test_source:
        return False
    try:
        tree = ast.parse(test_source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] if node.level == 0 else [""]
        elif _mentions_import(node):
            return True  # e.g. __import__(...) or importlib
        else:
            continue
        if any(name.split(".")[0] not in TRACEBACK_FREE_MODULES for name in names):
            return True
    return False


def _mentions_import(node: ast.AST) -> bool:
    if isinstance(node, ast.Name):
        return "import" in node.id
    if isinstance(node, ast.Attribute):
        return "import" in node.attr
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return "import" in node.value
    return False


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
        stdout = PipeReader(stdout_read, limits.output_bytes)
        stderr = PipeReader(stderr_read, limits.output_bytes)
        report = PipeReader(report_read, MAX_REPORT_BYTES)
        tasks: list[asyncio.Task[Any]] = [
            asyncio.create_task(reader.until_eof()) for reader in (stdout, stderr, report)
        ]
        tasks.append(asyncio.create_task(_feed(process.stdin, stdin_bytes)))
        killed_for_time = startup_timed_out = False
        try:
            if await _started(process, report):
                try:
                    await asyncio.wait_for(process.wait(), limits.wall_seconds + KILL_GRACE_SECONDS)
                except TimeoutError:
                    killed_for_time = True
            else:
                startup_timed_out = True
        finally:
            returncode, duration_ms = await finish_despite_cancellation(
                _wind_down(plan, uid, process, tasks, started)
            )
        # Whatever the child left in a pipe is collected even if the loop was too busy to
        # read it during the grace period; only a pipe still held open counts as cut off.
        stdout_bytes, stdout_complete = stdout.finish()
        stderr_bytes, stderr_complete = stderr.finish()
        report_bytes, report_complete = report.finish()
    exit_code, died_by = _exit_status(plan, returncode)
    return ChildRun(
        exit_code=exit_code,
        signal=died_by,
        stdout=stdout_bytes,
        stderr=stderr_bytes,
        output_truncated=not (stdout_complete and stderr_complete),
        report=parse_report(report_bytes, key, overflowed=not report_complete),
        killed_for_time=killed_for_time,
        duration_ms=duration_ms,
        startup_timed_out=startup_timed_out,
    )


async def _started(process: asyncio.subprocess.Process, report: PipeReader) -> bool:
    """Wait until the harness's first report frame (or the child's end); False on timeout.

    The harness writes its first frame before any student code exists, so student code can
    neither delay nor hasten the moment its wall-clock limit starts.
    """
    spoke = asyncio.ensure_future(report.spoke.wait())
    exited = asyncio.ensure_future(process.wait())
    try:
        done, _ = await asyncio.wait(
            (spoke, exited), timeout=STARTUP_TIMEOUT_SECONDS, return_when=asyncio.FIRST_COMPLETED
        )
    finally:
        for waiter in (spoke, exited):
            waiter.cancel()
        await asyncio.gather(spoke, exited, return_exceptions=True)
    return bool(done)


def _pipe(descriptors: contextlib.ExitStack) -> tuple[OwnedFd, OwnedFd]:
    read_end, write_end = open_pipe()
    descriptors.enter_context(read_end)
    descriptors.enter_context(write_end)
    return read_end, write_end


async def _stop(plan: IsolationPlan, uid: int | None, process: asyncio.subprocess.Process) -> int:
    """Kill everything the run started and reap the child; returns its exit status."""
    if process.returncode is None or _group_may_outlive_leader(plan, uid):
        _kill_group(process.pid)
    if uid is not None and plan.mode == "rlimits":
        await _kill_uid(uid)
    # Python 3.11's asyncio only completes wait() once every pipe it manages is closed; a
    # stdin nobody reads any more must not keep the run waiting.
    if process.stdin is not None:
        process.stdin.close()
    return await process.wait()


def _group_may_outlive_leader(plan: IsolationPlan, uid: int | None) -> bool:
    """Whether the group must be killed even though its leader was already reaped.

    A reaped leader's pid (and so its process-group id) can be reused at once: on a busy
    machine killing that group after the fact can hit an unrelated process group, for
    example another run's sandbox. In bwrap mode the leader exits only after the PID
    namespace is empty; with a per-run uid the uid sweep kills every survivor. Only the
    remaining case (rlimits, the service's own uid, where the guard refuses forking) keeps
    the kill as a second line of defence.
    """
    return plan.mode == "rlimits" and uid is None


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
