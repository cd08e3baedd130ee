"""Comparing what the program printed with what it should have printed."""

import difflib
from dataclasses import dataclass

MAX_DIFF_LINES = 12


@dataclass(frozen=True)
class OutputMismatch:
    line: int  # 1-based output line where the outputs first differ
    expected: str | None  # None: the program printed more lines than expected
    actual: str | None  # None: the program stopped printing too early
    diff: str  # a short unified diff, expected -> actual

    @property
    def description(self) -> str:
        if self.actual is None:
            return f"output line {self.line} is missing: expected `{self.expected}`"
        if self.expected is None:
            return f"output line {self.line} is extra: got `{self.actual}`"
        if self.expected.strip() == self.actual.strip():
            return (
                f"output line {self.line} differs only in spacing: expected "
                f"`{self.expected!r}`, got `{self.actual!r}`"
            )
        if self.expected.lower() == self.actual.lower():
            return (
                f"output line {self.line} differs only in upper/lower case: expected "
                f"`{self.expected}`, got `{self.actual}`"
            )
        return f"output line {self.line}: expected `{self.expected}`, got `{self.actual}`"


def _normalise(text: str) -> list[str]:
    """Trailing spaces and trailing blank lines are invisible to the student; ignore them."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return lines


def compare_output(actual: str, expected: str) -> OutputMismatch | None:
    got, want = _normalise(actual), _normalise(expected)
    if got == want:
        return None
    index = next(
        (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
        min(len(got), len(want)),
    )
    diff_lines = list(
        difflib.unified_diff(want, got, fromfile="expected", tofile="your output", lineterm="", n=1)
    )
    if len(diff_lines) > MAX_DIFF_LINES:
        diff_lines = [*diff_lines[:MAX_DIFF_LINES], "..."]
    return OutputMismatch(
        line=index + 1,
        expected=want[index] if index < len(want) else None,
        actual=got[index] if index < len(got) else None,
        diff="\n".join(diff_lines),
    )
