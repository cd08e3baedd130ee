"""Child side: authenticated report frames, and descriptions of the student's exceptions.

Nothing here calls student code except `exception_message` (str() of an exception), which
only ever runs in the worker thread.
"""

from __future__ import annotations

import _blake2
import _thread
import marshal
import os
import sys

# Typing names are imported for the type checker only: `typing` and `collections.abc`
# cost the child about a third of its start-up (see infra/bench/sandbox.py).
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

_blake2b = _blake2.blake2b
_marshal_dumps = marshal.dumps
_os_write = os.write
_get_ident = _thread.get_ident
_tb_getter = BaseException.__dict__["__traceback__"].__get__
_with_traceback = BaseException.with_traceback
_type_name = type.__dict__["__name__"].__get__

STUDENT_FILE = "main.py"
TEST_FILE = "<test>"
HARNESS_FILE = "<sandbox>"
BOOTSTRAP_FILE = "<string>"
PRIVATE_FILES = frozenset({TEST_FILE, HARNESS_FILE, BOOTSTRAP_FILE})
MAC_BYTES = 16
DEADLINE_SEQUENCE = (1 << 64) - 1
MAX_MESSAGE = 500
MAX_TRACEBACK = 4000
MAX_LOCALS = 20
MAX_REPR = 80
_SKIPPED_LOCALS = (
    type,
    type(sys),
    type(lambda: None),
    type(len),
    type("".join),
    type(dict.__len__),
)


# --- frames --------------------------------------------------------------------------------


def frame_bytes(key: bytearray, sequence: int, payload: dict[str, Any]) -> bytes:
    data = _marshal_dumps(payload)
    mac = _blake2b(
        sequence.to_bytes(8, "big") + data, key=bytes(key), digest_size=MAC_BYTES
    ).digest()
    return len(data).to_bytes(4, "big") + mac + data


def write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[_os_write(fd, view) :]


# A channel is a list [key: bytearray, fd: int, next sequence: int]. It is deliberately
# not a class: every class is reachable through object.__subclasses__(), and from there the
# globals of its methods, which student code could then rewrite.
KEY, FD, SEQUENCE = 0, 1, 2


def new_channel(key: bytearray, fd: int) -> list[Any]:
    return [key, fd, 0]


def is_original(channel: list[Any]) -> bool:
    """False in a process forked by student code, whose copy of the key was zeroed."""
    return any(channel[KEY])


def send(channel: list[Any], payload: dict[str, Any]) -> None:
    if not is_original(channel):
        return
    frame = frame_bytes(channel[KEY], channel[SEQUENCE], payload)
    channel[SEQUENCE] += 1
    write_all(channel[FD], frame)


def wipe(channel: list[Any]) -> None:
    key = channel[KEY]
    for index in range(len(key)):
        key[index] = 0
    # Plain try/except rather than contextlib: a module student code can patch.
    try:  # noqa: SIM105
        os.close(channel[FD])
    except OSError:
        pass


# --- text that never runs student code -----------------------------------------------------


def plain(text: Any, limit: int = MAX_MESSAGE) -> str:
    """An exact `str` (marshal refuses subclasses) cut to `limit` characters."""
    if not issubclass(type(text), str):
        return "?"
    exact: str = text
    if type(text) is not str:
        exact = bytes.decode(str.encode(text, "utf-8", "surrogatepass"), "utf-8", "replace")
    if len(exact) > limit:
        return exact[: limit - 3] + "..."
    return exact


def class_name(value: Any) -> str:
    name: str = _type_name(type(value))
    return plain(name, 100)


def short_repr(value: Any, limit: int = MAX_REPR, depth: int = 0) -> str:
    """A bounded repr built from exact built-in types only; other objects are just named."""
    kind = type(value)
    if value is None or kind in (bool, float, complex, range):
        text = repr(value)
    elif kind is int:
        try:
            text = repr(value)
        except ValueError:
            text = f"<int with {value.bit_length()} bits>"
    elif kind in (str, bytes, bytearray):
        text = repr(value[: limit + 1])
    elif kind in (list, tuple, set, frozenset, dict):
        text = _container_repr(value, kind, limit, depth)
    else:
        text = f"<{class_name(value)} object>"
    if len(text) > limit:
        text = text[: limit - 3] + "..."
    return text


def _container_repr(value: Any, kind: type, limit: int, depth: int) -> str:
    size = len(value)
    if kind is dict:
        opening, closing = "{", "}"
    elif kind is list:
        opening, closing = "[", "]"
    elif kind is tuple:
        opening, closing = "(", ",)" if size == 1 else ")"
    else:
        opening, closing = (
            (f"{_type_name(kind)}({{", "})") if size else (_type_name(kind) + "(", ")")
        )
    if depth >= 2 and size:
        return f"{opening}...{closing}"
    parts: list[str] = []
    used = 0
    items = iter(dict.items(value)) if kind is dict else iter(value)
    for item in items:
        if used > limit or len(parts) >= 10:
            break
        if kind is dict:
            part = (
                f"{short_repr(item[0], limit, depth + 1)}: {short_repr(item[1], limit, depth + 1)}"
            )
        else:
            part = short_repr(item, limit, depth + 1)
        parts.append(part)
        used += len(part) + 2
    body = ", ".join(parts)
    if len(parts) < size:
        body += f", ... ({size} items)"
    return opening + body + closing


# --- exceptions ----------------------------------------------------------------------------


def traceback_entries(error: BaseException, trusted: set[int]) -> list[tuple[str, int, str, Any]]:
    """(filename, line, function, frame) per traceback entry, outermost first.

    Runs with the calling thread marked trusted, so the audit hook lets it read tb_frame;
    nothing in here can run student code.
    """
    ident = _get_ident()
    trusted.add(ident)
    try:
        entries: list[tuple[str, int, str, Any]] = []
        tb = _tb_getter(error)
        while tb is not None and len(entries) < 200:
            frame = tb.tb_frame
            code = frame.f_code
            entries.append((code.co_filename, tb.tb_lineno, code.co_name, frame))
            tb = tb.tb_next
        return entries
    finally:
        trusted.discard(ident)


def forget_traceback(error: BaseException) -> None:
    """Drop the traceback so no frame of the harness stays reachable from the exception."""
    _with_traceback(error, None)


def frame_locals(frame: Any, trusted: set[int]) -> dict[str, str]:
    ident = _get_ident()
    trusted.add(ident)
    try:
        raw = list(dict.items(frame.f_locals))
    finally:
        trusted.discard(ident)
    shown: dict[str, str] = {}
    for name, value in raw:
        if type(name) is not str or name.startswith("__"):
            continue
        if issubclass(type(value), _SKIPPED_LOCALS):
            continue
        shown[name] = short_repr(value)
        if len(shown) >= MAX_LOCALS:
            break
    return shown


def exception_message(error: BaseException) -> str:
    try:
        text: Any = str(error)
    except BaseException:
        text = "<the exception's message could not be shown>"
    return plain(text)


def _source_line(lines: list[str], number: int) -> str:
    return lines[number - 1].strip() if 1 <= number <= len(lines) else ""


def describe_exception(error: BaseException, lines: list[str], trusted: set[int]) -> dict[str, Any]:
    """ExceptionInfo fields for an exception raised by student code, located in main.py."""
    entries = [e for e in traceback_entries(error, trusted) if e[0] == STUDENT_FILE]
    forget_traceback(error)
    type_name = class_name(error)
    message = exception_message(error)
    text = ["Traceback (most recent call last):\n"] if entries else []
    for _filename, number, function, _frame in entries[-20:]:
        text.append(f'  File "{STUDENT_FILE}", line {number}, in {plain(function, 80)}\n')
        source = _source_line(lines, number)
        if source:
            text.append(f"    {source}\n")
    text.append(f"{type_name}: {message}\n" if message else f"{type_name}\n")
    innermost = entries[-1] if entries else None
    return {
        "type": type_name,
        "message": message,
        "line": innermost[1] if innermost else None,
        "column": None,
        "traceback": plain("".join(text), MAX_TRACEBACK),
        "locals": frame_locals(innermost[3], trusted) if innermost else {},
    }


def describe_compile_error(error: BaseException, lines: list[str]) -> dict[str, Any]:
    """ExceptionInfo fields for source that did not compile (SyntaxError and friends)."""
    type_name = class_name(error)
    if not isinstance(error, SyntaxError):
        message = exception_message(error)
        return {
            "type": type_name,
            "message": message,
            "line": None,
            "column": None,
            "traceback": f"{type_name}: {message}\n",
            "locals": {},
        }
    message = plain(error.msg or "")
    line = error.lineno if type(error.lineno) is int else None
    column = error.offset if type(error.offset) is int and error.offset > 0 else None
    text = []
    if line is not None:
        text.append(f'  File "{STUDENT_FILE}", line {line}\n')
        raw = lines[line - 1] if 1 <= line <= len(lines) else ""
        stripped = raw.lstrip()
        if stripped:
            text.append(f"    {stripped.rstrip()}\n")
            if column is not None:
                caret = min(len(stripped), max(column - 1 - (len(raw) - len(stripped)), 0))
                text.append("    " + " " * caret + "^\n")
    text.append(f"{type_name}: {message}\n")
    return {
        "type": type_name,
        "message": message,
        "line": line,
        "column": column,
        "traceback": plain("".join(text), MAX_TRACEBACK),
        "locals": {},
    }
