"""Reads the error text a student pasted: a full CPython traceback, or just its last line."""

import re
from dataclasses import dataclass

from serve_app.domain.debug.models import Problem
from serve_app.domain.debug.source import Source

_FRAME = re.compile(r'^\s*File "(?P<file>[^"]+)", line (?P<line>\d+)(?:, in (?P<func>.+))?\s*$')
_EXCEPTION_LINE = re.compile(r"^(?P<type>[A-Za-z_][\w.]*)(?::\s?(?P<message>.*))?$")
_EXCEPTION_ANYWHERE = re.compile(
    r"\b(?P<type>[A-Z]\w*(?:Error|Exception|Iteration|Interrupt|Exit|Warning))\b"
    r"(?::\s*(?P<message>.*))?"
)
_TRAILING_LOCATION = re.compile(r"[\s,]+(?:on|at|in) line \d+\b.*$", re.IGNORECASE)
_BARE_LINE_NUMBER = re.compile(r"\bline (\d+)\b", re.IGNORECASE)
_CARETS = re.compile(r"^\s*[~^]+\s*$")
_EXCEPTION_SUFFIXES = ("Error", "Exception", "Iteration", "Interrupt", "Exit", "Warning", "Group")
_LIBRARY_MARKERS = ("/lib/python", "site-packages", "dist-packages", "\\lib\\", "<frozen")
_TRACEBACK_HEADER = "Traceback (most recent call last):"
# Tracebacks indent shown source by four spaces after stripping its own indentation.
_DISPLAY_INDENT = 4


@dataclass(frozen=True)
class Frame:
    file: str
    line: int
    function: str | None
    source: str | None
    caret_start: int | None  # index of the first caret in its line, if carets were shown

    @property
    def is_library(self) -> bool:
        return any(marker in self.file for marker in _LIBRARY_MARKERS)


def parse_error_text(text: str, source: Source) -> Problem | None:
    """The final exception in `text`, located in the student's code; None if there is none."""
    lines = [line.rstrip("\r") for line in text.strip("\n").splitlines()]
    found = _final_exception(lines)
    if found is None:
        return None
    index, type_name, message = found
    block_start = _block_start(lines, index)
    frames = _frames(lines[block_start:index])
    student = _student_frame(frames)
    if student is None:
        line = _bare_line_number(text)
        return Problem(type=type_name, message=message, line=_in_range(line, source))
    line = _locate(student, source)
    column = _column(student, source, line)
    return Problem(
        type=type_name,
        message=message,
        line=line,
        column=column,
        source_line=student.source,
    )


def _final_exception(lines: list[str]) -> tuple[int, str, str] | None:
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if not line or line[0].isspace():
            continue
        match = _EXCEPTION_LINE.match(line)
        if match and _looks_like_exception(match["type"]):
            return index, match["type"].rsplit(".", 1)[-1], (match["message"] or "").strip()
    for index in range(len(lines) - 1, -1, -1):
        matches = list(_EXCEPTION_ANYWHERE.finditer(lines[index]))
        if matches:
            last = matches[-1]
            message = _TRAILING_LOCATION.sub("", (last["message"] or "").strip())
            return index, last["type"], message
    return None


def _looks_like_exception(dotted: str) -> bool:
    name = dotted.rsplit(".", 1)[-1]
    return name[:1].isupper() and name.endswith(_EXCEPTION_SUFFIXES)


def _block_start(lines: list[str], exception_index: int) -> int:
    """Chained tracebacks print several blocks; only the last one belongs to the final error."""
    for index in range(exception_index, -1, -1):
        if lines[index].strip() == _TRACEBACK_HEADER:
            return index
    return 0


def _frames(lines: list[str]) -> list[Frame]:
    frames: list[Frame] = []
    index = 0
    while index < len(lines):
        match = _FRAME.match(lines[index])
        index += 1
        if not match:
            continue
        shown: str | None = None
        caret_start: int | None = None
        if index < len(lines) and not _FRAME.match(lines[index]) and lines[index].startswith(" "):
            if not _CARETS.match(lines[index]):
                shown = lines[index]
                index += 1
            if index < len(lines) and _CARETS.match(lines[index]):
                caret_line = lines[index]
                caret_start = len(caret_line) - len(caret_line.lstrip())
                index += 1
        frames.append(
            Frame(
                file=match["file"],
                line=int(match["line"]),
                function=match["func"],
                source=shown.strip() if shown is not None else None,
                caret_start=caret_start,
            )
        )
    return frames


def _student_frame(frames: list[Frame]) -> Frame | None:
    own = [frame for frame in frames if not frame.is_library]
    return own[-1] if own else None


def _locate(frame: Frame, source: Source) -> int | None:
    """The frame's line in the submitted code, re-found by its text if the numbers drifted."""
    if frame.source is None or source.line(frame.line).strip() == frame.source:
        return _in_range(frame.line, source)
    matches = [
        number for number, text in enumerate(source.lines, start=1) if text.strip() == frame.source
    ]
    if len(matches) == 1:
        return matches[0]
    return _in_range(frame.line, source)


def _column(frame: Frame, source: Source, line: int | None) -> int | None:
    if frame.caret_start is None or line is None:
        return None
    indentation = len(source.line(line)) - len(source.line(line).lstrip())
    return frame.caret_start - _DISPLAY_INDENT + indentation + 1


def _bare_line_number(text: str) -> int | None:
    matches = _BARE_LINE_NUMBER.findall(text)
    return int(matches[-1]) if matches else None


def _in_range(line: int | None, source: Source) -> int | None:
    if line is None:
        return None
    if not source.lines or 1 <= line <= len(source.lines):
        return line
    return None
