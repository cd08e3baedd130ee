"""The public entry point: run or grade student code in a fresh, isolated child process.

What each isolation mode does and does not isolate is documented in
`serve_app.domain.sandbox.isolation`.
"""

import asyncio
import logging
import os
import weakref
from collections.abc import Sequence
from typing import Literal

from serve_app.domain.sandbox.isolation import IsolationPlan, plan_for
from serve_app.domain.sandbox.models import Execution, GradeReport, SandboxLimits, TestCase
from serve_app.domain.sandbox.outcome import never_started, to_execution, to_grade_report
from serve_app.domain.sandbox.process import ChildRun, run_child

IsolationChoice = Literal["auto", "bwrap", "rlimits"]
DEFAULT_LIMITS = SandboxLimits()
# More children than cores only share the CPU: each is slower, none finishes sooner, and
# start-up and wall-clock time stretch. Queueing in the service instead keeps every
# child's limits meaningful under load (answers get slower, grades stay right).
DEFAULT_MAX_CONCURRENT = 2 * (os.cpu_count() or 1)
# A start-up failure never ran the student's code, so running again is safe; once is enough
# to ride out a transient shortage without hiding a sandbox that is really broken.
START_ATTEMPTS = 2

logger = logging.getLogger(__name__)


class Sandbox:
    """Runs untrusted code; every call gets its own process, work dir and limits.

    Constructing the first Sandbox of a process probes the machine (tens of milliseconds,
    blocking) to decide whether bubblewrap works; the answer is cached for the process.
    Raises SandboxUnavailableError if isolation="bwrap" is requested but cannot work.
    """

    def __init__(
        self,
        limits: SandboxLimits = DEFAULT_LIMITS,
        isolation: IsolationChoice = "auto",
        *,
        max_concurrent: int = DEFAULT_MAX_CONCURRENT,
    ) -> None:
        if max_concurrent < 1:
            raise ValueError("max_concurrent must be at least 1")
        self._limits = limits
        self._plan: IsolationPlan = plan_for(isolation)
        self._max_concurrent = max_concurrent
        # One gate per event loop: an asyncio.Semaphore belongs to the loop it first waits on.
        self._gates: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = (
            weakref.WeakKeyDictionary()
        )

    @property
    def isolation(self) -> str:
        """The mode actually in use: "bwrap" or "rlimits"."""
        return self._plan.mode

    @property
    def network_isolated(self) -> bool:
        return self._plan.network_isolated

    async def execute(
        self, code: str, *, stdin: str = "", limits: SandboxLimits | None = None
    ) -> Execution:
        """Run `code` as the script main.py with `stdin`; report output and any exception."""
        run = await self._run("execute", code, [], limits or self._limits, stdin)
        return to_execution(run)

    async def grade(
        self, code: str, tests: Sequence[TestCase], *, limits: SandboxLimits | None = None
    ) -> GradeReport:
        """Load `code` as a module, then run each test's statements in its namespace."""
        run = await self._run("grade", code, list(tests), limits or self._limits, "")
        return to_grade_report(run, tests)

    async def _run(
        self,
        mode: Literal["execute", "grade"],
        code: str,
        tests: list[TestCase],
        limits: SandboxLimits,
        stdin: str,
    ) -> ChildRun:
        loop = asyncio.get_running_loop()
        gate = self._gates.get(loop)
        if gate is None:
            gate = self._gates[loop] = asyncio.Semaphore(self._max_concurrent)
        async with gate:
            for attempt in range(1, START_ATTEMPTS + 1):
                run = await run_child(
                    self._plan, mode=mode, source=code, tests=tests, limits=limits, stdin=stdin
                )
                if not never_started(run):
                    break
                logger.warning(
                    "sandbox child failed before running the code (attempt %d, exit %s, "
                    "signal %s, start-up timed out: %s)",
                    attempt,
                    run.exit_code,
                    run.signal,
                    run.startup_timed_out,
                )
            return run
