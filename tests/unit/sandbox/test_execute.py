"""Running a student's program: output, stdin, and exceptions located in their own code."""

from serve_app.domain.sandbox import Sandbox, SandboxLimits


async def test_runs_with_stdin(sandbox: Sandbox) -> None:
    result = await sandbox.execute("name = input()\nprint('hello', name)\n", stdin="Ada\n")
    assert result.status == "ok"
    assert result.stdout == "hello Ada\n"
    assert result.exception is None
    assert result.exit_code == 0
    assert result.duration_ms > 0


async def test_isolation_reports_mode_in_use(sandbox: Sandbox) -> None:
    assert sandbox.isolation in ("bwrap", "rlimits")


async def test_exception_points_at_innermost_student_line(sandbox: Sandbox) -> None:
    code = (
        "def pick(items, index):\n"
        "    return items[index]\n"
        "\n"
        "numbers = [1, 2, 3]\n"
        "print(pick(numbers, 3))\n"
    )
    result = await sandbox.execute(code)
    assert result.status == "error"
    info = result.exception
    assert info is not None
    assert (info.type, info.message, info.line) == ("IndexError", "list index out of range", 2)
    assert info.locals == {"items": "[1, 2, 3]", "index": "3"}
    assert 'File "main.py", line 5, in <module>' in info.traceback
    assert 'File "main.py", line 2, in pick' in info.traceback
    assert "<sandbox>" not in info.traceback
    assert "<sandbox>" not in result.stderr
    assert result.stderr.endswith("IndexError: list index out of range\n")


async def test_error_inside_library_call_is_located_in_student_code(sandbox: Sandbox) -> None:
    result = await sandbox.execute("import json\n\nvalue = json.loads('{oops')\n")
    assert result.exception is not None
    assert result.exception.type == "JSONDecodeError"
    assert result.exception.line == 3


async def test_locals_are_short_and_skip_modules_and_functions(sandbox: Sandbox) -> None:
    code = "import math\ndef f(): pass\nbig = list(range(1000))\ntext = 'x' * 500\n1 / 0\n"
    result = await sandbox.execute(code)
    assert result.exception is not None
    shown = result.exception.locals
    assert set(shown) == {"big", "text"}
    assert all(len(value) <= 80 for value in shown.values())


async def test_syntax_error_has_line_and_column(sandbox: Sandbox) -> None:
    result = await sandbox.execute("x = 1\nif x > 0\n    print(x)\n")
    assert result.status == "error"
    info = result.exception
    assert info is not None
    assert (info.type, info.line, info.column) == ("SyntaxError", 2, 9)
    assert "expected ':'" in info.message
    assert "SyntaxError" in result.stderr


async def test_indentation_error_is_reported(sandbox: Sandbox) -> None:
    result = await sandbox.execute("def f():\nreturn 1\n")
    assert result.exception is not None
    assert (result.exception.type, result.exception.line) == ("IndentationError", 2)


async def test_sys_exit_code_is_kept(sandbox: Sandbox) -> None:
    result = await sandbox.execute("import sys\nprint('bye')\nsys.exit(3)\n")
    assert (result.status, result.exit_code, result.stdout) == ("error", 3, "bye\n")
    assert result.exception is None
    clean = await sandbox.execute("raise SystemExit\n")
    assert (clean.status, clean.exit_code) == ("ok", 0)


async def test_output_before_a_timeout_is_kept(sandbox: Sandbox) -> None:
    limits = SandboxLimits(wall_seconds=1, cpu_seconds=2)
    result = await sandbox.execute("print('started')\nwhile True:\n    pass\n", limits=limits)
    assert result.status == "timeout"
    assert result.stdout == "started\n"


async def test_threads_and_common_library_features_work(sandbox: Sandbox) -> None:
    code = (
        "import threading, logging, asyncio, traceback\n"
        "from collections import namedtuple\n"
        "Point = namedtuple('Point', 'x y')\n"
        "threading.Thread(target=lambda: print('thread')).start()\n"
        "async def main():\n"
        "    await asyncio.sleep(0)\n"
        "    return Point(1, 2)\n"
        "print(asyncio.run(main()))\n"
        "try:\n"
        "    1 / 0\n"
        "except ZeroDivisionError:\n"
        "    traceback.print_exc()\n"
        "open('notes.txt', 'w').write('kept')\n"
        "print(open('notes.txt').read())\n"
    )
    result = await sandbox.execute(code)
    assert result.status == "ok", result.stderr
    assert result.stdout == "thread\nPoint(x=1, y=2)\nkept\n"
    assert "ZeroDivisionError: division by zero" in result.stderr
