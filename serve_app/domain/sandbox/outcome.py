"""Turn what a child produced into the sandbox's public results.

Only authenticated report frames are believed. A missing, truncated or forged report can
make a run an error, a timeout or a memory failure, but never a pass.
"""

import signal
from collections.abc import Sequence
from typing import Any

from serve_app.domain.sandbox.models import (
    ExceptionInfo,
    Execution,
    GradeReport,
    GradeStatus,
    RunStatus,
    TestCase,
    TestResult,
)
from serve_app.domain.sandbox.process import ChildRun

TIMED_OUT = "timed out: the code did not finish within the time limit"
NOT_RUN_AFTER_TIMEOUT = "not run: an earlier test used up the time limit"
STOPPED = "the program stopped while this test was running"
NOT_RUN_AFTER_STOP = "not run: the program stopped before reaching this test"
UNVERIFIED = "not counted: the sandbox could not verify this run's report"
REFUSED_SUFFIX = "is not allowed in the sandbox"  # the guard's wording, see child/guard.py
_MEMORY_HINTS = (b"MemoryError", b"Cannot allocate memory", b"out of memory")


def _text(data: bytes) -> str:
    return data.decode("utf-8", "replace")


def exception_info(raw: Any) -> ExceptionInfo | None:
    if not isinstance(raw, dict):
        return None
    line = raw.get("line")
    column = raw.get("column")
    locals_ = raw.get("locals")
    return ExceptionInfo(
        type=str(raw.get("type", "")),
        message=str(raw.get("message", "")),
        line=line if isinstance(line, int) else None,
        column=column if isinstance(column, int) else None,
        traceback=str(raw.get("traceback", "")),
        locals={str(k): str(v) for k, v in locals_.items()} if isinstance(locals_, dict) else {},
    )


def never_started(run: ChildRun) -> bool:
    """The harness said nothing at all: the run failed before the student's code existed.

    The harness's first frame precedes the student's code, so student code cannot cause
    this; it means the sandbox itself failed to start (e.g. no resources on a saturated
    machine), which says nothing about the submission.
    """
    return not run.report.frames and not run.killed_for_time


def _timed_out(run: ChildRun) -> bool:
    if run.startup_timed_out:
        return False  # our own kill of a start-up that hung; the student's code never ran
    # SIGKILL we did not send is the CPU limit's hard stop: memory runs out through
    # RLIMIT_AS (a MemoryError) long before the kernel's OOM killer would step in.
    if run.killed_for_time or run.signal in (signal.SIGXCPU, signal.SIGKILL):
        return True
    return run.report.trusted and run.report.last("deadline") is not None


def _out_of_memory(run: ChildRun, done: dict[str, Any] | None) -> bool:
    if done is not None and done.get("memory"):
        return True
    return done is None and any(hint in run.stderr for hint in _MEMORY_HINTS)


def to_execution(run: ChildRun) -> Execution:
    done = run.report.last("done") if run.report.trusted else None
    exception = exception_info(done.get("exc")) if done is not None else None
    status: RunStatus
    if _timed_out(run):
        status = "timeout"
    elif _out_of_memory(run, done):
        status = "memory_limit"
    elif exception is not None or run.signal is not None or run.exit_code != 0:
        status = "error"
    else:
        status = "ok"
    return Execution(
        status=status,
        stdout=_text(run.stdout),
        stderr=_text(run.stderr),
        exception=exception,
        duration_ms=run.duration_ms,
        output_truncated=run.output_truncated,
        exit_code=run.exit_code,
    )


def _load_failure(done: dict[str, Any]) -> ExceptionInfo | None:
    if done.get("load_error") is not None:
        return exception_info(done["load_error"])
    if done.get("exc") is not None:  # the code did not compile
        return exception_info(done["exc"])
    return None


def _refused(error: ExceptionInfo) -> bool:
    # The guard's refusal (guard._deny) stopped the code before any test: the submission uses
    # something the sandbox does not allow. Code that raises this itself only rejects itself.
    return error.type == "PermissionError" and error.message.endswith(REFUSED_SUFFIX)


def to_grade_report(run: ChildRun, tests: Sequence[TestCase]) -> GradeReport:
    report = run.report
    done = report.last("done") if report.trusted else None
    results: dict[int, tuple[bool, str]] = {}
    started: set[int] = set()
    if report.trusted:
        for frame in report.all("test"):
            started.add(int(frame["i"]))
        for frame in report.all("result"):
            results[int(frame["i"])] = (bool(frame["passed"]), str(frame["message"]))
    timed_out = _timed_out(run)
    error = _load_failure(done) if done is not None else None
    status: GradeStatus
    if timed_out:
        status = "timeout"
    elif _out_of_memory(run, done):
        status = "memory_limit"
    elif error is not None and _refused(error):
        status = "rejected"
    elif error is not None or done is None:
        status = "error"
    elif all(results.get(i, (False, ""))[0] for i in range(len(tests))):
        status = "passed"
    else:
        status = "failed"

    interrupted = STOPPED
    not_reached = NOT_RUN_AFTER_STOP
    if timed_out:
        interrupted, not_reached = TIMED_OUT, NOT_RUN_AFTER_TIMEOUT
    if not report.trusted:
        interrupted = not_reached = UNVERIFIED
    if error is not None:
        not_reached = f"not run: your code failed before the tests ({error.type}: {error.message})"
    outcomes: list[TestResult] = []
    for index, test in enumerate(tests):
        if index in results and report.trusted:
            passed, message = results[index]
        elif index in started:
            passed, message = False, interrupted
        else:
            passed, message = False, not_reached
        outcomes.append(TestResult(name=test.name, passed=passed, message=message))
    return GradeReport(
        status=status,
        results=tuple(outcomes),
        passed=sum(1 for outcome in outcomes if outcome.passed),
        total=len(tests),
        duration_ms=run.duration_ms,
        stdout=_text(run.stdout),
        error=error,
    )
