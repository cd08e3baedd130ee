"""What a logic slip check reports, and the rule every proposed correction must meet."""

from collections.abc import Callable
from dataclasses import dataclass

from serve_app.domain.debug.source import Source, parses
from serve_app.domain.topics import Topic


@dataclass(frozen=True)
class Finding:
    kind: str
    line: int
    message: str  # what is wrong, starting with "Line N:"
    why: str  # why it misbehaves
    how: str  # how to fix this kind of slip in general
    topic: Topic
    solution: str | None = None  # the student's code with this slip corrected
    subject: str | None = None  # the variable or function involved


Check = Callable[[Source], list[Finding]]


def proposed_fix(candidate: str, original: str) -> str | None:
    """The corrected code, kept only if it changes something and still parses."""
    return candidate if candidate != original and parses(candidate) else None
