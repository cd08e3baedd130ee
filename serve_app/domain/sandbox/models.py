"""What goes into and comes out of the sandbox. Shared by Debug and Exercise."""

from dataclasses import dataclass, field
from typing import Literal

KiB = 1024
MiB = 1024 * KiB

RunStatus = Literal["ok", "error", "timeout", "memory_limit", "rejected"]
GradeStatus = Literal["passed", "failed", "error", "timeout", "memory_limit", "rejected"]


@dataclass(frozen=True)
class SandboxLimits:
    cpu_seconds: float = 5.0
    wall_seconds: float = 10.0
    memory_bytes: int = 256 * MiB
    max_processes: int = 16
    output_bytes: int = 64 * KiB
    file_bytes: int = 16 * MiB  # RLIMIT_FSIZE: the largest file the code may write


@dataclass(frozen=True)
class ExceptionInfo:
    """An exception raised by student code, located in the student's own source."""

    type: str  # class name as Python reports it, e.g. "IndexError"
    message: str  # str(exc)
    line: int | None  # 1-based line in the student's code (innermost student frame)
    column: int | None = None  # 1-based, for SyntaxError
    traceback: str = ""  # traceback text restricted to the student's frames
    # Names and reprs visible in the innermost student frame, for tailored explanations.
    locals: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Execution:
    """The result of running a student's program once."""

    status: RunStatus
    stdout: str
    stderr: str
    exception: ExceptionInfo | None
    duration_ms: float
    output_truncated: bool = False
    exit_code: int | None = None


@dataclass(frozen=True)
class TestCase:
    __test__ = False  # not a pytest test class, despite the name

    name: str
    code: str  # Python run after the student's code, e.g. "assert add(1, 2) == 3"


@dataclass(frozen=True)
class TestResult:
    __test__ = False  # not a pytest test class, despite the name

    name: str
    passed: bool
    message: str


@dataclass(frozen=True)
class GradeReport:
    status: GradeStatus
    results: tuple[TestResult, ...]
    passed: int
    total: int
    duration_ms: float
    stdout: str = ""
    error: ExceptionInfo | None = None  # set when the code failed before any test ran

    @property
    def score(self) -> float:
        return self.passed / self.total if self.total else 0.0
