"""Finding syntax errors without running anything, and repairing the common ones.

Each fixer handles one CPython message and returns the code with that one error fixed;
`repair` applies fixers until the code compiles, so a line with a missing bracket *and* a
missing colon is fixed in two steps.
"""

import re
from collections.abc import Callable

from serve_app.domain.debug.models import Problem
from serve_app.domain.debug.source import compile_quietly

Fixer = Callable[[list[str], SyntaxError, "re.Match[str]"], list[str] | None]

_OPENERS = {"(": ")", "[": "]", "{": "}"}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_HEADER = re.compile(r"^\s*(if|elif|else|while|for|def|class|try|except|finally|with)\b")
_CONDITION = re.compile(r"^\s*(if|elif|while)\b")
_LONE_EQUALS = re.compile(r"(?<![=!<>:+\-*/%&|^@])=(?!=)")
_LOOKALIKES = {
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'",
    "\u2013": "-", "\u2014": "-", "\u00d7": "*", "\u00f7": "/", "\u00a0": " ", "\u2212": "-",
    "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": "", "\ufeff": "",
}  # fmt: skip
MAX_REPAIRS = 5


def syntax_error(code: str) -> SyntaxError | None:
    try:
        compile_quietly(code)
    except SyntaxError as error:
        return error
    except ValueError as error:  # e.g. null bytes in the source
        return SyntaxError(str(error), ("main.py", 1, 1, "", 1, 1))
    except (RecursionError, MemoryError):
        return SyntaxError("too many nested brackets or blocks", ("main.py", 1, 1, "", 1, 1))
    return None


def as_problem(error: SyntaxError) -> Problem:
    return Problem(
        type=type(error).__name__,
        message=error.msg,
        line=error.lineno,
        column=error.offset,
        source_line=(error.text or "").rstrip("\n") or None,
    )


def code_end(line: str) -> int:
    """Index where a trailing `# comment` starts (outside quotes), else the line length."""
    quote: str | None = None
    index = 0
    while index < len(line):
        char = line[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char == "#":
            return index
        index += 1
    return len(line)


def unclosed_brackets(line: str) -> list[str]:
    """Brackets opened on a line and still open at its end, innermost last."""
    stack: list[str] = []
    quote: str | None = None
    index = 0
    end = code_end(line)
    while index < end:
        char = line[index]
        if quote:
            if char == "\\":
                index += 1
            elif char == quote:
                quote = None
        elif char in "\"'":
            quote = char
        elif char in _OPENERS:
            stack.append(char)
        elif char in _CLOSERS and stack and stack[-1] == _CLOSERS[char]:
            stack.pop()
        index += 1
    return stack


def _close_unbalanced(lines: list[str], error: SyntaxError, _: re.Match[str]) -> list[str] | None:
    number = error.lineno or 0
    line = lines[number - 1]
    still_open = unclosed_brackets(line)
    if not still_open:
        return None
    end = len(line[: code_end(line)].rstrip())
    if _HEADER.match(line) and line[:end].endswith(":"):
        end -= 1
    closers = "".join(_OPENERS[b] for b in reversed(still_open))
    lines[number - 1] = line[:end] + closers + line[end:]
    return lines


def _insert_colon(lines: list[str], error: SyntaxError, _: re.Match[str]) -> list[str] | None:
    number = error.lineno or 0
    line = lines[number - 1]
    if re.match(r"^\s*else\s+if\b", line):
        lines[number - 1] = re.sub(r"^(\s*)else\s+if\b", r"\1elif", line, count=1)
        return lines
    offset = min(max((error.offset or 1) - 1, 0), code_end(line))
    head = line[:offset].rstrip()
    lines[number - 1] = head + ":" + line[len(head) :]
    return lines


def _close_bracket(lines: list[str], error: SyntaxError, match: re.Match[str]) -> list[str] | None:
    number = error.lineno or 0
    line = lines[number - 1]
    end = len(line[: code_end(line)].rstrip())
    closer = _OPENERS[match["bracket"]]
    if _HEADER.match(line) and line[:end].endswith(":"):
        end -= 1  # `if (x > 1:` closes before the colon
    lines[number - 1] = line[:end] + closer + line[end:]
    return lines


def _close_string(lines: list[str], error: SyntaxError, _: re.Match[str]) -> list[str] | None:
    number = error.lineno or 0
    line = lines[number - 1]
    start = (error.offset or 1) - 1
    while start < len(line) and line[start] not in "\"'":
        start += 1  # skip string prefixes such as f or r
    if start >= len(line):
        return None
    quote = line[start]
    body = line[start + 1 :].rstrip()
    unmatched = 0
    for char in line[:start]:
        if char in _OPENERS:
            unmatched += 1
        elif char in _CLOSERS:
            unmatched -= 1
    suffix = ""
    if _HEADER.match(line) and body.endswith(":"):
        body, suffix = body[:-1], ":"
    while unmatched > 0 and body and body[-1] in _CLOSERS:
        body, suffix = body[:-1], body[-1] + suffix
        unmatched -= 1
    lines[number - 1] = line[: start + 1] + body + quote + suffix
    return lines


def _double_equals(lines: list[str], error: SyntaxError, _: re.Match[str]) -> list[str] | None:
    number = error.lineno or 0
    line = lines[number - 1]
    keyword = _CONDITION.match(line)
    if keyword is None:
        return None
    found = _LONE_EQUALS.search(line, keyword.end())
    if found is None:
        return None
    lines[number - 1] = line[: found.start()] + "==" + line[found.end() :]
    return lines


def _print_call(lines: list[str], error: SyntaxError, _: re.Match[str]) -> list[str] | None:
    number = error.lineno or 0
    line = lines[number - 1]
    end = code_end(line)
    found = re.match(r"^(\s*)print\s+(.+?)\s*$", line[:end])
    if found is None:
        return None
    lines[number - 1] = f"{found[1]}print({found[2]})" + (
        " " + line[end:] if end < len(line) else ""
    )
    return lines


def _replace_lookalikes(
    lines: list[str], error: SyntaxError, match: re.Match[str]
) -> list[str] | None:
    # "invalid non-printable character" names no character; the line itself tells.
    char = match.groupdict().get("char")
    number = error.lineno or 0
    offending = lines[number - 1] if 0 < number <= len(lines) else ""
    if char is None and not any(c in _LOOKALIKES for c in offending):
        return None
    if char is not None and char not in _LOOKALIKES:
        return None
    table = str.maketrans(_LOOKALIKES)
    return [line.translate(table) for line in lines]


def _indent_block(lines: list[str], error: SyntaxError, match: re.Match[str]) -> list[str] | None:
    number = error.lineno or 0
    header_number = int(match["header"])
    if number > len(lines) or number <= header_number:
        return None
    header = lines[header_number - 1]
    indent = header[: len(header) - len(header.lstrip())] + "    "
    lines[number - 1] = indent + lines[number - 1].lstrip()
    return lines


def _previous_code_line(lines: list[str], number: int) -> str | None:
    for index in range(number - 2, -1, -1):
        if lines[index].strip() and not lines[index].lstrip().startswith("#"):
            return lines[index]
    return None


def _dedent_unexpected(lines: list[str], error: SyntaxError, _: re.Match[str]) -> list[str] | None:
    number = error.lineno or 0
    previous = _previous_code_line(lines, number)
    if previous is None:
        indent = ""
    elif previous[: code_end(previous)].rstrip().endswith(":"):
        return None
    else:
        indent = previous[: len(previous) - len(previous.lstrip())]
    lines[number - 1] = indent + lines[number - 1].lstrip()
    return lines


def _align_unindent(lines: list[str], error: SyntaxError, _: re.Match[str]) -> list[str] | None:
    number = error.lineno or 0
    line = lines[number - 1]
    current = len(line) - len(line.lstrip())
    levels = {
        len(text) - len(text.lstrip())
        for text in lines[: number - 1]
        if text.strip() and not text.lstrip().startswith("#")
    }
    outer = [level for level in levels if level < current]
    if not outer:
        return None
    lines[number - 1] = " " * max(outer) + line.lstrip()
    return lines


def _expand_tabs(lines: list[str], error: SyntaxError, _: re.Match[str]) -> list[str] | None:
    expanded = []
    for line in lines:
        stripped = line.lstrip(" \t")
        expanded.append(line[: len(line) - len(stripped)].expandtabs(4) + stripped)
    return expanded


def _drop_unmatched(lines: list[str], error: SyntaxError, match: re.Match[str]) -> list[str] | None:
    number, offset = error.lineno or 0, (error.offset or 0) - 1
    line = lines[number - 1]
    if not 0 <= offset < len(line) or line[offset] != match["char"]:
        return None
    lines[number - 1] = line[:offset] + line[offset + 1 :]
    return lines


def _swap_closer(lines: list[str], error: SyntaxError, match: re.Match[str]) -> list[str] | None:
    number, offset = error.lineno or 0, (error.offset or 0) - 1
    line = lines[number - 1]
    if not 0 <= offset < len(line) or line[offset] != match["close"]:
        return None
    lines[number - 1] = line[:offset] + _OPENERS[match["open"]] + line[offset + 1 :]
    return lines


FIXERS: tuple[tuple[re.Pattern[str], Fixer], ...] = (
    (re.compile(r"^expected ':'"), _insert_colon),
    (re.compile(r"^'(?P<bracket>[(\[{])' was never closed"), _close_bracket),
    (re.compile(r"^unterminated string literal|^EOL while scanning string literal"), _close_string),
    (re.compile(r"Maybe you meant '==' (?:or ':=' )?instead of '='"), _double_equals),
    (re.compile(r"^Missing parentheses in call to 'print'"), _print_call),
    (re.compile(r"^invalid character '(?P<char>.)'"), _replace_lookalikes),
    (re.compile(r"^invalid non-printable character"), _replace_lookalikes),
    (re.compile(r"^expected an indented block after .* on line (?P<header>\d+)"), _indent_block),
    (re.compile(r"^unexpected indent"), _dedent_unexpected),
    (re.compile(r"^unindent does not match any outer indentation level"), _align_unindent),
    (re.compile(r"^inconsistent use of tabs and spaces"), _expand_tabs),
    (re.compile(r"^unmatched '(?P<char>[)\]}])'"), _drop_unmatched),
    (re.compile(r"^invalid syntax$"), _close_unbalanced),
    (
        re.compile(
            r"^closing parenthesis '(?P<close>.)' does not match opening parenthesis '(?P<open>.)'$"
        ),
        _swap_closer,
    ),
)


def _fix_once(code: str, error: SyntaxError) -> str | None:
    for pattern, fixer in FIXERS:
        match = pattern.search(error.msg or "")
        if match is None:
            continue
        lines = code.split("\n")
        if not 1 <= (error.lineno or 0) <= len(lines):
            return None
        fixed = fixer(list(lines), error, match)
        return "\n".join(fixed) if fixed is not None else None
    return None


def repair(code: str) -> str | None:
    """The code with its syntax errors fixed, if every one of them is a known, fixable kind."""
    current = code
    for _ in range(MAX_REPAIRS):
        error = syntax_error(current)
        if error is None:
            return current if current != code else None
        fixed = _fix_once(current, error)
        if fixed is None or fixed == current:
            return None
        current = fixed
    return None
