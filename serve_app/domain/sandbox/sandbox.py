"""The public entry point: run or grade student code in a fresh, isolated child process.

What each isolation mode does and does not isolate is documented in
`serve_app.domain.sandbox.isolation`.
"""

from collections.abc import Sequence
from typing import Literal

from serve_app.domain.sandbox.isolation import IsolationPlan, plan_for
from serve_app.domain.sandbox.models import Execution, GradeReport, SandboxLimits, TestCase
from serve_app.domain.sandbox.outcome import to_execution, to_grade_report
from serve_app.domain.sandbox.process import run_child

IsolationChoice = Literal["auto", "bwrap", "rlimits"]
DEFAULT_LIMITS = SandboxLimits()


class Sandbox:
    """Runs untrusted code; every call gets its own process, work dir and limits.

    Constructing the first Sandbox of a process probes the machine (tens of milliseconds,
    blocking) to decide whether bubblewrap works; the answer is cached for the process.
    Raises SandboxUnavailableError if isolation="bwrap" is requested but cannot work.
    """

    def __init__(
        self, limits: SandboxLimits = DEFAULT_LIMITS, isolation: IsolationChoice = "auto"
    ) -> None:
        self._limits = limits
        self._plan: IsolationPlan = plan_for(isolation)

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
        run = await run_child(
            self._plan,
            mode="execute",
            source=code,
            tests=[],
            limits=limits or self._limits,
            stdin=stdin,
        )
        return to_execution(run)

    async def grade(
        self, code: str, tests: Sequence[TestCase], *, limits: SandboxLimits | None = None
    ) -> GradeReport:
        """Load `code` as a module, then run each test's statements in its namespace."""
        run = await run_child(
            self._plan,
            mode="grade",
            source=code,
            tests=list(tests),
            limits=limits or self._limits,
            stdin="",
        )
        return to_grade_report(run, tests)
