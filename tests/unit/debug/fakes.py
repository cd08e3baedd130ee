"""Test doubles and helpers for the Debug engine tests."""

import json
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field

from serve_app.domain.sandbox.models import ExceptionInfo, Execution

SUBPROCESS_TIMEOUT = 20.0


@dataclass
class FakeRunner:
    """Returns one canned Execution and records what it was asked to run."""

    execution: Execution | None = None
    calls: list[tuple[str, str]] = field(default_factory=list)

    async def execute(self, code: str, *, stdin: str = "") -> Execution:
        self.calls.append((code, stdin))
        if self.execution is None:
            raise AssertionError("the engine should not have run this code")
        return self.execution


def raised(type_name: str, message: str, line: int | None, **local_reprs: str) -> Execution:
    return Execution(
        status="error",
        stdout="",
        stderr=f"{type_name}: {message}",
        exception=ExceptionInfo(type=type_name, message=message, line=line, locals=local_reprs),
        duration_ms=3.0,
        exit_code=1,
    )


def finished(stdout: str = "") -> Execution:
    return Execution(status="ok", stdout=stdout, stderr="", exception=None, duration_ms=3.0)


def timed_out(stdout: str = "") -> Execution:
    return Execution(status="timeout", stdout=stdout, stderr="", exception=None, duration_ms=1e4)


@dataclass(frozen=True)
class RunResult:
    returncode: int
    stdout: str
    stderr: str


def run_python(code: str, stdin: str = "", cwd: str | None = None) -> RunResult:
    """Run our own (fixed) code in a fresh interpreter, as a file called main.py would be."""
    completed = subprocess.run(
        [sys.executable, "-c", code],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        cwd=cwd,
        check=False,
    )
    return RunResult(completed.returncode, completed.stdout, completed.stderr)


# Runs snippets the way the sandbox would and reports what CPython raised: the type, the
# message, the innermost main.py line and that frame's variables.
_OBSERVER = textwrap.dedent(
    """
    import io, json, sys
    results = []
    for case in json.load(sys.stdin):
        sys.stdin, saved_stdout = io.StringIO(case["stdin"]), sys.stdout
        sys.stdout = io.StringIO()
        outcome = None
        try:
            exec(compile(case["code"], "main.py", "exec"), {"__name__": "__main__"})
        except BaseException as error:
            line, local_reprs, tb = None, {}, error.__traceback__
            while tb is not None:
                if tb.tb_frame.f_code.co_filename == "main.py":
                    line = tb.tb_lineno
                    local_reprs = {k: repr(v) for k, v in tb.tb_frame.f_locals.items()
                                   if not k.startswith("__")}
                tb = tb.tb_next
            outcome = {"type": type(error).__name__, "message": str(error), "line": line,
                       "locals": local_reprs}
        finally:
            sys.stdout = saved_stdout
        results.append(outcome)
    print(json.dumps(results))
    """
)


def observe(cases: list[tuple[str, str]]) -> list[dict[str, object] | None]:
    """What real CPython raises for each (code, stdin) pair, in one interpreter start."""
    payload = json.dumps([{"code": code, "stdin": stdin} for code, stdin in cases])
    completed = subprocess.run(
        [sys.executable, "-W", "ignore", "-c", _OBSERVER],
        input=payload,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        check=True,
    )
    results: list[dict[str, object] | None] = json.loads(completed.stdout)
    return results
