"""Child side: limits, the guard, the worker thread that runs student code, the watchdog."""

from __future__ import annotations

import _thread
import builtins
import os
import sys
import time

from serve_app.domain.sandbox.child.checks import failure_message
from serve_app.domain.sandbox.child.guard import make_guard
from serve_app.domain.sandbox.child.report import (
    DEADLINE_SEQUENCE,
    STUDENT_FILE,
    describe_compile_error,
    describe_exception,
    forget_traceback,
    frame_bytes,
    is_original,
    new_channel,
    send,
    wipe,
    write_all,
)

# Typing names are imported for the type checker only: `typing` and `collections.abc`
# cost the child about a third of its start-up (see infra/bench/sandbox.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any, NoReturn

    from serve_app.domain.sandbox.child.checks import CompiledTest

_PRISTINE_BUILTINS: dict[str, Any] = dict(vars(builtins))
_os_exit = os._exit
_os_write = os.write
_monotonic = time.monotonic
_start_thread = _thread.start_new_thread
_allocate_lock = _thread.allocate_lock
_modules = sys.modules
EXIT_DEADLINE = 124
EXIT_HARNESS_FAILED = 70
CUSHION_BYTES = 1 << 20
WATCH_INTERVAL = 0.05


class _Deadline(BaseException):
    """Raised in the watchdog when the CPU limit's warning signal (SIGXCPU) arrives."""


DEADLINE_HANDLER = "def on_deadline(signum, frame):\n    raise Deadline\n"
REFUSE_PROGRAMS = (
    "def fork_exec(*args, **kwargs):\n"
    "    raise PermissionError('starting another program is not allowed in the sandbox')\n"
)


def _harmless_function(source: str, name: str, names: dict[str, Any]) -> Any:
    """A function whose globals hold only `names`: safe where student code can reach it."""
    scope: dict[str, Any] = {"__builtins__": {}, **names}
    exec(compile(source, "<sandbox>", "exec"), scope)  # noqa: S102 - fixed source above
    return scope[name]


def _drop_privileges(drop: Any) -> None:
    if drop is None:
        return
    uid, gid = drop
    os.setgroups([])
    os.setresgid(gid, gid, gid)
    os.setresuid(uid, uid, uid)


def _set_limits(config: dict[str, Any]) -> None:
    import resource

    cpu = config["cpu"]
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_AS, (config["memory"], config["memory"]))
    resource.setrlimit(resource.RLIMIT_FSIZE, (config["fsize"], config["fsize"]))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    resource.setrlimit(resource.RLIMIT_NOFILE, (config["nofile"], config["nofile"]))
    if config["nproc"] is not None:
        resource.setrlimit(resource.RLIMIT_NPROC, (config["nproc"], config["nproc"]))


def _flush(streams: list[Any]) -> None:
    for stream in streams:
        # Plain try/except rather than contextlib: a module student code can patch.
        try:  # noqa: SIM105
            stream.flush()
        except BaseException:  # noqa: S110 - a closed stream must not stop the report
            pass


def _exit_code(error: BaseException, stderr: Any) -> int:
    code = error.code if type(error) is SystemExit else 1
    if code is None:
        return 0
    if type(code) is int:
        return code & 0xFF
    try:  # noqa: SIM105 - contextlib is a module student code can patch
        stderr.write(f"{str(code)[:2000]}\n")
    except BaseException:  # noqa: S110 - the student's own exit value, shown if possible
        pass
    return 1


def _join_student_threads() -> None:
    """Like interpreter shutdown: wait for the student's non-daemon threads."""
    threading = _modules.get("threading")
    if threading is None:
        return
    try:
        for thread in threading.enumerate():
            if thread is not threading.current_thread() and not thread.daemon:
                thread.join()
    except BaseException:  # noqa: S110 - a broken student thread must not stop the report
        pass


def _execute(
    code: Any,
    namespace: dict[str, Any],
    lines: list[str],
    channel: list[Any],
    trusted: set[int],
    streams: list[Any],
    cushion: list[Any],
) -> int:
    info = None
    memory = False
    try:
        exec(code, namespace)  # noqa: S102 - running it is the point
        exit_code = 0
    except BaseException as error:
        if issubclass(type(error), MemoryError):
            cushion.clear()
            memory = True
        if issubclass(type(error), SystemExit):
            forget_traceback(error)
            exit_code = _exit_code(error, streams[1])
        else:
            exit_code = 1
            info = describe_exception(error, lines, trusted)
        del error
    _join_student_threads()
    _flush(streams)
    if info is not None:
        try:  # noqa: SIM105 - contextlib is a module student code can patch
            write_all(2, str.encode(info["traceback"], "utf-8", "replace"))
        except OSError:
            pass
    send(channel, {"k": "done", "exit": exit_code, "exc": info, "memory": memory})
    return exit_code


def _grade(
    code: Any,
    namespace: dict[str, Any],
    lines: list[str],
    tests: list[CompiledTest],
    channel: list[Any],
    trusted: set[int],
    streams: list[Any],
    cushion: list[Any],
) -> None:
    memory = False
    try:
        exec(code, namespace)  # noqa: S102 - loading the student's module
    except BaseException as error:
        if issubclass(type(error), MemoryError):
            cushion.clear()
            memory = True
        if issubclass(type(error), SystemExit) and getattr(error, "code", 1) in (None, 0):
            forget_traceback(error)  # a clean exit at import leaves the namespace usable
        else:
            load_error = describe_exception(error, lines, trusted)
            _flush(streams)
            send(channel, {"k": "done", "load_error": load_error, "memory": memory})
            return
        del error
    for index, (_name, test_code, asserts) in enumerate(tests):
        send(channel, {"k": "test", "i": index})
        if type(test_code) is str:
            send(channel, {"k": "result", "i": index, "passed": False, "message": test_code})
            continue
        # The student's names, but builtins the student cannot have shadowed or patched.
        scope = {k: v for k, v in dict.items(namespace) if k not in _PRISTINE_BUILTINS}
        scope["__builtins__"] = dict(_PRISTINE_BUILTINS)
        scope["__name__"] = "__test__"
        try:
            exec(test_code, scope)  # noqa: S102 - teacher's test in the student's namespace
            passed, message = True, "passed"
        except BaseException as error:
            if issubclass(type(error), MemoryError):
                cushion.clear()
                memory = True
            passed, message = False, failure_message(error, asserts, scope, trusted)
            del error
        send(channel, {"k": "result", "i": index, "passed": passed, "message": message})
        scope.clear()
    _flush(streams)
    send(channel, {"k": "done", "load_error": None, "memory": memory})


def _watch(
    done: Any, deadline: float, outcome: list[int], fd: int, deadline_frame: bytes
) -> NoReturn:
    """The main thread: wait for the worker, or report the deadline and end the process.

    It never runs student code and allocates almost nothing while waiting, so no finalizer
    of a student object runs here (a finalizer in this thread could install a signal
    handler and be handed this thread's frames).
    """
    while True:
        # The CPU limit's handler may raise between any two bytecodes, the loop's own jump
        # included, so the whole waiting loop sits inside the try: a Deadline escaping
        # here would end the run as an "error" instead of a timeout.
        try:
            while True:
                remaining = deadline - _monotonic()
                if remaining <= 0:
                    break
                # Short waits: a signal delivered to another thread only runs its Python
                # handler (the CPU limit's) once this thread executes bytecode again.
                if done.acquire(True, min(remaining, WATCH_INTERVAL)):
                    _os_exit(outcome[0])
            break
        except _Deadline:
            break
        except BaseException:  # noqa: S112 - e.g. interrupt_main() from student code
            continue
    try:
        _os_write(fd, deadline_frame)
    finally:
        _os_exit(EXIT_DEADLINE)


def main(config: dict[str, Any], result_fd: int) -> NoReturn:
    """Run one execution or grading described by `config`, then end the process."""
    key = bytearray(config.pop("key"))
    channel = new_channel(key, result_fd)
    mode: str = config["mode"]
    source: str = config["source"]
    lines = source.split("\n")
    trusted: set[int] = set()
    streams = [sys.stdout, sys.stderr]
    sys.dont_write_bytecode = True

    _drop_privileges(config["drop"])
    _set_limits(config)
    # `_signal` rather than `signal`: the latter builds enums, a few ms of every start-up.
    import _signal  # type: ignore[import-not-found]  # no stub; the C half of `signal`

    _signal.signal(_signal.SIGXFSZ, _signal.SIG_IGN)  # oversize writes fail with OSError instead
    _signal.signal(_signal.SIGINT, _signal.SIG_IGN)  # interrupt_main() cannot disturb the watchdog
    on_deadline = _harmless_function(DEADLINE_HANDLER, "on_deadline", {"Deadline": _Deadline})
    _signal.signal(_signal.SIGXCPU, on_deadline)

    import _posixsubprocess

    # The guard lets the genuine traceback module read tb_frame, so it must be imported
    # before the student's code. It is also the dearest import (re, enum, tokenize: about
    # a third of start-up), so the parent asks for it only when the code or the tests
    # contain "import"; without it the guard refuses every tb_frame read, which only ever
    # takes a feature away from code that reaches traceback by other means.
    traceback_module: Any = None
    if config["traceback"]:
        traceback_module = __import__("traceback")
    else:
        # `types` reads tb_frame while it is imported (to name FrameType), which the guard
        # would refuse later; everything else the standard library imports lazily (re,
        # enum, ...) needs it, e.g. for "".encode("idna") in code without imports.
        __import__("types")
    # Compiled by the parent (checks.compile_tests) and cached there per exercise.
    tests: list[CompiledTest] = config["tests"] if mode == "grade" else []
    try:
        code = compile(source, STUDENT_FILE, "exec", dont_inherit=True)
    except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
        info = describe_compile_error(error, lines)
        if mode == "execute":
            write_all(2, str.encode(info["traceback"], "utf-8", "replace"))
        memory = isinstance(error, MemoryError)
        send(channel, {"k": "done", "exit": 1, "exc": info, "memory": memory})
        _os_exit(1)

    module = type(sys)("__main__" if mode == "execute" else "solution")
    namespace = vars(module)
    namespace["__file__"] = STUDENT_FILE
    namespace["__builtins__"] = builtins
    _modules[namespace["__name__"]] = module
    _modules["__main__"] = module
    sys.argv = [STUDENT_FILE]
    # Output reaches the parent line by line, so what was printed before a timeout is kept.
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]

    def forget_secrets_in_child() -> None:
        wipe(channel)
        tests.clear()

    os.register_at_fork(after_in_child=forget_secrets_in_child)
    _posixsubprocess.fork_exec = _harmless_function(
        REFUSE_PROGRAMS, "fork_exec", {"PermissionError": PermissionError}
    )
    sys.addaudithook(
        make_guard(
            trusted=trusted,
            write_roots=tuple(config["write_roots"]),
            read_roots=tuple(config["read_roots"]) if config["read_roots"] is not None else None,
            allow_fork=config["allow_fork"] and mode == "execute",
            restrict_signals=config["restrict_signals"],
            traceback_module=traceback_module,
        )
    )
    deadline_frame = frame_bytes(key, DEADLINE_SEQUENCE, {"k": "deadline"})
    done = _allocate_lock()
    done.acquire()
    outcome = [0]
    cushion = [bytearray(CUSHION_BYTES)]  # freed on MemoryError so the report can be built

    def worker() -> None:
        try:
            if mode == "execute":
                outcome[0] = _execute(code, namespace, lines, channel, trusted, streams, cushion)
            else:
                _grade(code, namespace, lines, tests, channel, trusted, streams, cushion)
        except BaseException:
            _os_exit(EXIT_HARNESS_FAILED)
        if not is_original(channel):
            _os_exit(outcome[0])  # a process forked by the student's code ends here
        done.release()

    send(channel, {"k": "start"})
    started = _monotonic()
    _start_thread(worker, ())
    _watch(done, started + config["wall"], outcome, result_fd, deadline_frame)
