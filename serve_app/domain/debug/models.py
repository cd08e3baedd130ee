"""What the Debug engine takes in, what it hands back, and the runner it relies on."""

from dataclasses import dataclass, field
from typing import Protocol

from serve_app.domain.sandbox.models import Execution


class CodeRunner(Protocol):
    """Runs student code in isolation; the sandbox is the production implementation."""

    async def execute(self, code: str, *, stdin: str = "") -> Execution: ...


@dataclass(frozen=True)
class DebugRequest:
    code: str
    error: str | None = None  # error text or pasted traceback the student saw
    stdin: str = ""
    expected_output: str | None = None


@dataclass(frozen=True)
class Diagnosis:
    # Exception class name as Python reports it, or one of the engine's own situations:
    # "Timeout", "WrongOutput", "LogicSlip", "NoError", "Rejected".
    error_type: str
    line: int | None  # 1-based line in the student's own code
    column: int | None  # 1-based
    message: str  # the raw error message
    summary: str  # plain-language markdown for a beginner
    hints: tuple[str, str, str]  # what & where -> why here -> how to fix in general
    solution: str | None  # corrected version of the student's code, when confident
    topic: str  # one of serve_app.domain.topics.TOPICS
    findings: tuple[str, ...]  # static-check findings that raise nothing


@dataclass(frozen=True)
class Problem:
    """One located failure of the student's program, whatever revealed it."""

    type: str
    message: str
    line: int | None
    column: int | None = None
    # Reprs of the innermost student frame's variables, when the sandbox captured them.
    locals: dict[str, str] = field(default_factory=dict)
    # The source text the traceback showed for the failing line, when it came from pasted text.
    source_line: str | None = None
