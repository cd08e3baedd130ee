"""Through the real sandbox, `line` is the innermost line of the student's own code."""

import pytest

from serve_app.domain.debug import DebugRequest, diagnose
from serve_app.domain.sandbox import Sandbox, SandboxLimits

CASES = [
    # (code, error type, line): raised inside the standard library -> the student's call.
    ("import random\n\nprint(random.choice([]))\n", "IndexError", 3),
    # raised in code the student passed to exec() -> the exec line, not "<string>".
    ("x = 1\nexec('y = 1 / 0')\n", "ZeroDivisionError", 2),
    # raised three calls deep -> the innermost student frame.
    ("def a(d):\n    return d['k']\n\ndef b(d):\n    return a(d)\n\nb({})\n", "KeyError", 2),
    # raised by the harness-facing input() once stdin runs out -> the student's input() line.
    ("a = input()\nb = input()\n", "EOFError", 2),
    # a method of a builtin type -> the student's call.
    ("s = 'abc'\nprint(s.index('z'))\n", "ValueError", 2),
]


@pytest.fixture(scope="module")
def sandbox() -> Sandbox:
    return Sandbox(SandboxLimits(cpu_seconds=2, wall_seconds=4))


@pytest.mark.parametrize(("code", "error_type", "line"), CASES)
async def test_line_is_the_students_own(
    sandbox: Sandbox, code: str, error_type: str, line: int
) -> None:
    diagnosis = await diagnose(DebugRequest(code=code, stdin="only one line\n"), sandbox)

    assert (diagnosis.error_type, diagnosis.line) == (error_type, line)
    assert f"line {line}" in diagnosis.hints[0].lower()
