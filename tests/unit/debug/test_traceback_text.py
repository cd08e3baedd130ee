"""Parsing tracebacks that real CPython printed, as a student would paste them."""

import subprocess
import sys
from pathlib import Path

from serve_app.domain.debug import DebugRequest, diagnose
from serve_app.domain.debug.source import Source
from serve_app.domain.debug.traceback_text import parse_error_text
from tests.unit.debug.fakes import SUBPROCESS_TIMEOUT, FakeRunner, raised
from tests.unit.debug.helpers import assert_well_formed


def traceback_of_file(tmp_path: Path, code: str, name: str = "main.py") -> str:
    """Run `code` saved as a file, the way a student runs it, and return its stderr."""
    path = tmp_path / name
    path.write_text(code)
    completed = subprocess.run(
        [sys.executable, str(path)],
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
        cwd=tmp_path,
    )
    assert completed.returncode != 0
    return completed.stderr


def traceback_of(argv: list[str], stdin: str = "") -> str:
    completed = subprocess.run(
        [sys.executable, *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=SUBPROCESS_TIMEOUT,
        check=False,
    )
    assert completed.returncode != 0
    return completed.stderr


def test_innermost_student_frame_is_chosen(tmp_path: Path) -> None:
    code = "def get(nums, i):\n    return nums[i]\n\nnums = [1, 2, 3]\nprint(get(nums, 3))\n"
    text = traceback_of_file(tmp_path, code)

    problem = parse_error_text(text, Source(code))

    assert problem is not None
    assert problem.type == "IndexError"
    assert problem.message == "list index out of range"
    assert problem.line == 2
    assert problem.source_line == "return nums[i]"
    assert problem.column == 12  # where CPython's carets start: `nums[i]`


def test_library_frames_are_skipped(tmp_path: Path) -> None:
    code = "import json\n\ndata = json.loads('{bad json}')\n"
    text = traceback_of_file(tmp_path, code)
    assert "/json/" in text  # the traceback really goes through the standard library

    problem = parse_error_text(text, Source(code))

    assert problem is not None
    assert problem.type == "JSONDecodeError"
    assert problem.message.startswith("Expecting property name")
    assert problem.line == 3


def test_final_exception_of_a_chain_wins(tmp_path: Path) -> None:
    code = (
        "try:\n    int('x')\nexcept ValueError as error:\n"
        "    raise RuntimeError('could not parse') from error\n"
    )
    text = traceback_of_file(tmp_path, code)
    assert "direct cause" in text

    problem = parse_error_text(text, Source(code))

    assert problem is not None
    assert (problem.type, problem.message, problem.line) == ("RuntimeError", "could not parse", 4)


def test_exception_raised_while_handling_another(tmp_path: Path) -> None:
    code = "try:\n    1 / 0\nexcept ZeroDivisionError:\n    print(undefined_name)\n"
    text = traceback_of_file(tmp_path, code)
    assert "During handling" in text

    problem = parse_error_text(text, Source(code))

    assert problem is not None
    assert problem.type == "NameError"
    assert problem.line == 4


def test_code_run_with_dash_c_reports_string_frames() -> None:
    code = "scores = {'ann': 3}\nprint(scores['bob'])"
    text = traceback_of(["-c", code])
    assert 'File "<string>"' in text

    problem = parse_error_text(text, Source(code))

    assert problem is not None
    assert (problem.type, problem.message, problem.line) == ("KeyError", "'bob'", 2)


def test_code_piped_on_stdin_reports_stdin_frames() -> None:
    code = "x = 1\ny = 0\nprint(x / y)\n"
    text = traceback_of(["-"], stdin=code)
    assert 'File "<stdin>"' in text

    problem = parse_error_text(text, Source(code))

    assert problem is not None
    assert (problem.type, problem.line) == ("ZeroDivisionError", 3)


def test_syntax_error_display_gives_line_and_column(tmp_path: Path) -> None:
    code = "x = 1\nif x = 2:\n    pass\n"
    text = traceback_of_file(tmp_path, code)

    problem = parse_error_text(text, Source(code))

    assert problem is not None
    assert problem.type == "SyntaxError"
    assert problem.line == 2
    assert problem.column == 4
    assert problem.message.startswith("invalid syntax. Maybe you meant '=='")


def test_shifted_line_numbers_are_relocated_by_source_text(tmp_path: Path) -> None:
    # The student ran a longer file than the snippet they pasted as code.
    ran = "import sys\n\n\nwords = ['a', 'b']\nprint(words[5])\n"
    pasted_code = "words = ['a', 'b']\nprint(words[5])\n"
    text = traceback_of_file(tmp_path, ran)
    assert "line 5" in text

    problem = parse_error_text(text, Source(pasted_code))

    assert problem is not None
    assert problem.line == 2


def test_only_the_last_line_pasted() -> None:
    problem = parse_error_text(
        "TypeError: 'int' object is not iterable", Source("for i in 5: pass")
    )

    assert problem is not None
    assert problem.type == "TypeError"
    assert problem.message == "'int' object is not iterable"
    assert problem.line is None


def test_free_text_around_the_error() -> None:
    text = "when I run it I get ValueError: math domain error on line 2, why??"

    problem = parse_error_text(text, Source("import math\nmath.sqrt(-1)\n"))

    assert problem is not None
    assert problem.type == "ValueError"
    assert problem.message == "math domain error"
    assert problem.line == 2


def test_text_without_an_error() -> None:
    assert parse_error_text("it prints the wrong number", Source("print(1)")) is None


async def test_pasted_traceback_is_explained_without_running(tmp_path: Path) -> None:
    code = "count = 0\nfor n in [1, 2]:\n    cout += n\nprint(count)\n"
    text = traceback_of_file(tmp_path, code)
    runner = FakeRunner()  # fails the test if the engine runs the code

    diagnosis = await diagnose(DebugRequest(code=code, error=text), runner)

    assert runner.calls == []
    assert diagnosis.error_type == "NameError"
    assert diagnosis.line == 3
    assert "`count`" in diagnosis.summary
    assert_well_formed(diagnosis)


async def test_error_without_location_is_located_by_running() -> None:
    code = "nums = [1]\nprint(nums[3])\n"
    runner = FakeRunner(raised("IndexError", "list index out of range", 2, nums="[1]"))

    diagnosis = await diagnose(
        DebugRequest(code=code, error="IndexError: list index out of range"), runner
    )

    assert len(runner.calls) == 1
    assert diagnosis.line == 2
    assert "1 item" in diagnosis.summary


async def test_error_text_that_the_run_does_not_reproduce_is_still_explained() -> None:
    code = "n = int(input())\nprint(10 / n)\n"
    runner = FakeRunner(raised("EOFError", "EOF when reading a line", 1))

    diagnosis = await diagnose(
        DebugRequest(code=code, error="ZeroDivisionError: division by zero"), runner
    )

    assert diagnosis.error_type == "ZeroDivisionError"
    assert diagnosis.line is None
    assert_well_formed(diagnosis)


async def test_unparseable_error_text_falls_back_to_running() -> None:
    code = "print(undefined)\n"
    runner = FakeRunner(raised("NameError", "name 'undefined' is not defined", 1))

    diagnosis = await diagnose(DebugRequest(code=code, error="it crashes :("), runner)

    assert len(runner.calls) == 1
    assert diagnosis.error_type == "NameError"
    assert diagnosis.line == 1
